import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  type Merchant,
  type MerchantListQuery,
  merchantCategories,
  merchantSheetColumns,
  merchantStatuses,
} from "../../../../contracts/merchants.ts";
import { useMerchants } from "../../../api/list-merchants.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { type ListParamValue, useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { ImportModal } from "../../../components/import-modal.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { StationFilter, useStationColumn, useStations } from "../../../components/station-filter.tsx";
import { merchantImportEndpoints } from "../api/import-merchants.ts";
import { MerchantFormDrawer } from "../components/merchant-form-drawer.tsx";
import { MerchantStatusTag } from "../components/merchant-status-tag.tsx";

export default function MerchantsPage() {
  const { t } = useTranslation("merchants");
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useListParams(["category", "status", "isPartyMember", "stationId"]);
  const stations = useStations();
  const stationColumn = useStationColumn<Merchant>();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filters = {
    q: list.q || undefined,
    category: list.filters.category as MerchantListQuery["category"],
    status: list.filters.status as MerchantListQuery["status"],
    isPartyMember: list.filters.isPartyMember as MerchantListQuery["isPartyMember"],
    stationId: list.filters.stationId ? Number(list.filters.stationId) : undefined,
    sort: list.sort as MerchantListQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  const query = useMerchants({ ...filters, page: list.page, pageSize: list.pageSize });

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space wrap>
          <ExportButton path="/api/merchants" query={filters} name="merchants" action="merchant.export" />
          {can("merchant.import") && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t("common:action.import")}
            </Button>
          )}
          {can("merchant.write") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("create")}
            </Button>
          )}
        </Space>
      </div>
      <QueryForm
        values={{
          q: list.q || undefined,
          category: filters.category,
          status: filters.status,
          isPartyMember: filters.isPartyMember,
          stationId: filters.stationId,
        }}
        onSearch={(values) => list.update(values as Record<string, ListParamValue>)}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="merchant-search" />,
          },
          {
            name: "category",
            label: t("field.category"),
            input: (
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t("field.category")}
                aria-label={t("field.category")}
                options={merchantCategories.map((c) => ({ value: c, label: t(`common:enum.category.${c}`) }))}
              />
            ),
          },
          {
            name: "status",
            label: t("field.status"),
            input: (
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t("field.status")}
                aria-label={t("field.status")}
                options={merchantStatuses.map((s) => ({ value: s, label: t(`common:enum.merchantStatus.${s}`) }))}
              />
            ),
          },
          {
            name: "isPartyMember",
            label: t("field.isPartyMember"),
            input: (
              <Select
                allowClear
                style={{ width: 150 }}
                placeholder={t("field.isPartyMember")}
                aria-label={t("field.isPartyMember")}
                options={[
                  { value: "true", label: t("partyMember") },
                  { value: "false", label: t("notPartyMember") },
                ]}
              />
            ),
          },
          ...(stations.length > 0
            ? [{ name: "stationId", label: t("common:list.station"), input: <StationFilter onChange={() => undefined} /> }]
            : []),
        ]}
      />
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<Merchant>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 1240 }}
        locale={{ emptyText: <Empty description={list.q ? t("common:emptySearch") : t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(record) => ({ onDoubleClick: () => navigate(`/merchants/${record.id}`) })}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={[
          {
            title: t("field.name"),
            key: "name",
            dataIndex: "name",
            width: 200,
            ellipsis: { showTitle: true },
            sorter: true,
            sortOrder: list.sortOrderOf("name"),
            render: (name: string, r) => <Link to={`/merchants/${r.id}`}>{name}</Link>,
          },
          {
            title: t("field.category"),
            key: "category",
            dataIndex: "category",
            width: 120,
            sorter: true,
            sortOrder: list.sortOrderOf("category"),
            render: (c: string) => t(`common:enum.category.${c}`),
          },
          { title: t("field.operatorName"), dataIndex: "operatorName", width: 110 },
          { title: t("field.mobile"), dataIndex: "mobile", width: 130 },
          {
            title: t("field.stalls"),
            dataIndex: "stalls",
            width: 140,
            render: (stalls: Merchant["stalls"]) => (stalls.length ? stalls.map((s) => s.code).join("、") : "—"),
          },
          {
            title: t("field.isPartyMember"),
            dataIndex: "isPartyMember",
            width: 130,
            render: (v: boolean) => (v ? <Tag color="red">{t("partyMember")}</Tag> : null),
          },
          {
            title: t("field.status"),
            key: "status",
            dataIndex: "status",
            width: 100,
            sorter: true,
            sortOrder: list.sortOrderOf("status"),
            render: (s: Merchant["status"]) => <MerchantStatusTag status={s} />,
          },
          {
            title: t("field.createdAt"),
            key: "createdAt",
            dataIndex: "createdAt",
            width: 150,
            sorter: true,
            sortOrder: list.sortOrderOf("createdAt"),
            render: formatDateTime,
          },
          ...stationColumn,
        ]}
      />
      <MerchantFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(m) => navigate(`/merchants/${m.id}`)} />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => client.invalidateQueries({ queryKey: ["merchants"] })}
        title={t("importTitle")}
        columns={merchantSheetColumns}
        {...merchantImportEndpoints}
      />
    </Card>
  );
}
