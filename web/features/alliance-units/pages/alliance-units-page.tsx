import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AllianceUnit, allianceUnitKinds, allianceUnitStatuses } from "../../../../contracts/alliance-units.ts";
import { type AllianceUnitListQuery, useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { exportAllianceUnits } from "../api/export-alliance-units.ts";
import { useUpdateAllianceUnit } from "../api/update-alliance-unit.ts";
import { AllianceUnitFormDrawer } from "../components/alliance-unit-form-drawer.tsx";

export default function AllianceUnitsPage() {
  const stationColumn = useStationColumn<AllianceUnit>();
  const { t } = useTranslation("units");
  const { message, modal } = App.useApp();
  const can = useCan();
  const list = useListParams(["kind", "status", "stationId"]);
  const stationField = useStationField();
  const [open, setOpen] = useState<{ unit: AllianceUnit | null } | null>(null);
  const [exporting, setExporting] = useState(false);
  const update = useUpdateAllianceUnit();

  const filters: Omit<AllianceUnitListQuery, "page" | "pageSize"> = {
    q: list.q || undefined,
    kind: list.filters.kind as AllianceUnitListQuery["kind"],
    status: list.filters.status as AllianceUnitListQuery["status"],
    stationId: list.idOf("stationId"),
    sort: list.sort as AllianceUnitListQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  const query = useAllianceUnits({ ...filters, page: list.page, pageSize: list.pageSize });

  const doExport = async () => {
    setExporting(true);
    try {
      await exportAllianceUnits(filters);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const toggleStatus = (unit: AllianceUnit) => {
    const next = unit.status === "active" ? "inactive" : "active";
    modal.confirm({
      title: next === "inactive" ? t("disableConfirm", { name: unit.name }) : t("enableConfirm", { name: unit.name }),
      content: next === "inactive" ? t("disableHint") : undefined,
      okButtonProps: { danger: next === "inactive" },
      onOk: async () => {
        try {
          await update.mutateAsync({ id: unit.id, input: { status: next, version: unit.version } });
          message.success(t("common:saved"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };

  const actions = useActionsColumn<AllianceUnit>(
    (u) => (
      <>
        <RowAction onClick={() => setOpen({ unit: u })}>{t("common:action.edit")}</RowAction>
        <RowAction danger={u.status === "active"} onClick={() => toggleStatus(u)}>
          {u.status === "active" ? t("common:action.disable") : t("common:action.enable")}
        </RowAction>
      </>
    ),
    { width: 140, show: can("unit.write") },
  );

  const columns: TableColumnsType<AllianceUnit> = [
    { title: t("field.name"), key: "name", dataIndex: "name", sorter: true, sortOrder: list.sortOrderOf("name") },
    ...stationColumn,
    {
      title: t("field.kind"),
      key: "kind",
      dataIndex: "kind",
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf("kind"),
      render: (k: string) => t(`common:enum.unitKind.${k}`),
    },
    { title: t("field.contactName"), dataIndex: "contactName", width: 150, ellipsis: { showTitle: true }, render: dash },
    { title: t("field.contactMobile"), dataIndex: "contactMobile", width: 130, render: dash },
    { title: t("field.offers"), dataIndex: "offers", ellipsis: true, render: dash },
    { title: t("field.userCount"), dataIndex: "userCount", width: 90 },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 90,
      render: (s: AllianceUnit["status"]) => <Tag color={s === "active" ? "success" : "default"}>{t(`common:enum.unitStatus.${s}`)}</Tag>,
    },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space wrap>
          {can("unit.export") && (
            <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting}>
              {t("common:action.export")}
            </Button>
          )}
          {can("unit.write") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ unit: null })}>
              {t("create")}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t("intro")}
      </Typography.Paragraph>
      <Tabs
        activeKey={filters.kind ?? "all"}
        onChange={(key) => list.update({ kind: key === "all" ? undefined : key })}
        items={[
          { key: "all", label: t("common:all") },
          ...allianceUnitKinds.map((k) => ({ key: k, label: t(`common:enum.unitKind.${k}`) })),
        ]}
      />
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="unit-search" />,
          },
          selectField(
            "status",
            t("field.status"),
            allianceUnitStatuses.map((s) => ({ value: s, label: t(`common:enum.unitStatus.${s}`) })),
            { width: 120 },
          ),
          ...stationField,
        ]}
      />
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<AllianceUnit>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, query.data)}
        columns={columns}
      />
      <AllianceUnitFormDrawer open={open !== null} unit={open?.unit ?? null} defaultKind={filters.kind} onClose={() => setOpen(null)} />
    </Card>
  );
}
