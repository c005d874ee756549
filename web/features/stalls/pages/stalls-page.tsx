import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Input, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Stall } from "../../../../contracts/stalls.ts";
import { type StallQuery, useStalls } from "../../../api/list-stalls.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { colourOf } from "../../../app/category-colours.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { MarketMap } from "../components/market-map.tsx";
import { StallFormDrawer } from "../components/stall-form-drawer.tsx";

export default function StallsPage() {
  const stationColumn = useStationColumn<Stall>();
  const { t } = useTranslation("stalls");
  const can = useCan();
  const list = useListParams(["occupied", "view", "stationId"]);
  const stationField = useStationField();
  const [open, setOpen] = useState<{ stall: Stall | null } | null>(null);
  const view = list.filters.view === "table" ? "table" : "map";

  const filters = {
    q: list.q || undefined,
    occupied: list.filters.occupied as StallQuery["occupied"],
    stationId: list.idOf("stationId"),
    sort: list.sort as StallQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  // The map draws the whole floor at once; the table pages.
  const table = useStalls({ ...filters, page: list.page, pageSize: list.pageSize });
  const map = useStalls({ ...filters, page: 1, pageSize: 1000 });
  const current = view === "map" ? map : table;

  const actions = useActionsColumn<Stall>(
    (stall) => (
      <RowAction
        onClick={(e) => {
          e.stopPropagation();
          setOpen({ stall });
        }}
      >
        {t("common:action.edit")}
      </RowAction>
    ),
    { width: 80, show: can("stall.write") },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <Segmented
          value={view}
          onChange={(value) => list.update({ view: value === "table" ? "table" : undefined })}
          options={[
            { value: "map", label: t("map") },
            { value: "table", label: t("table") },
          ]}
        />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/stalls" query={filters} name="stalls" />
        {can("stall.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ stall: null })}>
            {t("create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="stall-search" />,
          },
          selectField(
            "occupied",
            t("occupancy"),
            [
              { value: "true", label: t("occupied") },
              { value: "false", label: t("vacant") },
            ],
            { width: 130 },
          ),
          ...stationField,
        ]}
      />
      {current.isError && <Alert type="error" showIcon title={errorMessage(current.error)} style={{ marginBottom: 16 }} />}
      {view === "map" ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {map.data && <MarketMap stalls={map.data.items} onOpen={(stall) => setOpen({ stall })} />}
          {map.data && (
            <Typography.Text type="secondary">
              {t("mapSummary", {
                total: map.data.total,
                occupied: map.data.items.filter((s) => s.merchantId).length,
              })}
            </Typography.Text>
          )}
        </Space>
      ) : (
        <Table<Stall>
          rowKey="id"
          size="middle"
          loading={table.isFetching}
          dataSource={table.data?.items ?? []}
          locale={{ emptyText: <Empty description={t("empty")} /> }}
          onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
          onRow={(stall) => ({ onClick: () => setOpen({ stall }), style: { cursor: "pointer" } })}
          pagination={listPagination(t, list, table.data)}
          columns={[
            { title: t("field.code"), key: "code", dataIndex: "code", sorter: true, sortOrder: list.sortOrderOf("code") },
            ...stationColumn,
            {
              title: t("field.area"),
              key: "area",
              dataIndex: "area",
              sorter: true,
              sortOrder: list.sortOrderOf("area"),
              render: (a: number) => `${a} m²`,
            },
            {
              title: t("field.merchant"),
              dataIndex: "merchantName",
              render: (name: string | null, s) =>
                s.merchantId ? (
                  <Link to={`/merchants/${s.merchantId}`} onClick={(e) => e.stopPropagation()}>
                    {name}
                  </Link>
                ) : (
                  <Tag>{t("vacant")}</Tag>
                ),
            },
            {
              title: t("field.category"),
              dataIndex: "merchantCategory",
              render: (c: string | null) =>
                c ? <Tag color={colourOf(c)}>{t(`common:enum.category.${c}`, { defaultValue: c })}</Tag> : "—",
            },
            {
              title: t("field.position"),
              key: "position",
              render: (_: unknown, s) => `(${s.x}, ${s.y}) ${s.w}×${s.h}`,
            },
            ...actions,
          ]}
        />
      )}
      <StallFormDrawer open={open !== null} stall={open?.stall ?? null} onClose={() => setOpen(null)} />
    </Card>
  );
}
