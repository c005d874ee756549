import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Input, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
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
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { ImportModal } from "../../../components/import-modal.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { merchantImportEndpoints } from "../api/import-merchants.ts";
import { MerchantFormDrawer } from "../components/merchant-form-drawer.tsx";
import { MerchantStatusTag } from "../components/merchant-status-tag.tsx";

export default function MerchantsPage() {
  const { t } = useTranslation("merchants");
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useListParams(["category", "status", "isPartyMember", "stationId"]);
  const stationColumn = useStationColumn<Merchant>();
  const stationField = useStationField();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filters = {
    q: list.q || undefined,
    category: list.filters.category as MerchantListQuery["category"],
    status: list.filters.status as MerchantListQuery["status"],
    isPartyMember: list.filters.isPartyMember as MerchantListQuery["isPartyMember"],
    stationId: list.idOf("stationId"),
    sort: list.sort as MerchantListQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  const query = useMerchants({ ...filters, page: list.page, pageSize: list.pageSize });

  // Every column fits a 1440 px window beside the menu (about 1100 px), in either language.
  const columns: TableColumnsType<Merchant> = [
    {
      title: t("field.name"),
      key: "name",
      dataIndex: "name",
      width: 170,
      ellipsis: { showTitle: true },
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
      render: (name: string, r) => <Link to={`/merchants/${r.id}`}>{name}</Link>,
    },
    ...stationColumn,
    {
      title: t("field.category"),
      key: "category",
      dataIndex: "category",
      width: 110,
      sorter: true,
      sortOrder: list.sortOrderOf("category"),
      render: (c: string) => t(`common:enum.category.${c}`),
    },
    { title: t("field.operatorName"), dataIndex: "operatorName", width: 95, ellipsis: { showTitle: true } },
    { title: t("field.mobile"), dataIndex: "mobile", width: 120 },
    {
      title: t("field.stalls"),
      dataIndex: "stalls",
      width: 90,
      ellipsis: { showTitle: true },
      render: (stalls: Merchant["stalls"]) => (stalls.length ? stalls.map((s) => s.code).join("、") : "—"),
    },
    {
      title: t("field.isPartyMember"),
      dataIndex: "isPartyMember",
      width: 120,
      render: (v: boolean) => (v ? <Tag color="red">{t("partyMember")}</Tag> : null),
    },
    {
      title: t("field.status"),
      key: "status",
      dataIndex: "status",
      width: 95,
      sorter: true,
      sortOrder: list.sortOrderOf("status"),
      render: (s: Merchant["status"]) => <MerchantStatusTag status={s} />,
    },
    {
      title: t("field.createdAt"),
      key: "createdAt",
      dataIndex: "createdAt",
      width: 140,
      sorter: true,
      sortOrder: list.sortOrderOf("createdAt"),
      render: formatDateTime,
    },
  ];

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
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="merchant-search" />,
          },
          selectField(
            "category",
            t("field.category"),
            merchantCategories.map((c) => ({ value: c, label: t(`common:enum.category.${c}`) })),
            { width: 140 },
          ),
          selectField(
            "status",
            t("field.status"),
            merchantStatuses.map((s) => ({ value: s, label: t(`common:enum.merchantStatus.${s}`) })),
            { width: 120 },
          ),
          selectField("isPartyMember", t("field.isPartyMember"), [
            { value: "true", label: t("partyMember") },
            { value: "false", label: t("notPartyMember") },
          ]),
          ...stationField,
        ]}
      />
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<Merchant>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={list.q ? t("common:emptySearch") : t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(record) => ({ onDoubleClick: () => navigate(`/merchants/${record.id}`) })}
        pagination={listPagination(t, list, query.data)}
        columns={columns}
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
