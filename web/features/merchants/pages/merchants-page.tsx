import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
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
import { ImportModal } from "../../../components/import-modal.tsx";
import { exportMerchants } from "../api/export-merchants.ts";
import { merchantImportEndpoints } from "../api/import-merchants.ts";
import { MerchantFormDrawer } from "../components/merchant-form-drawer.tsx";
import { MerchantStatusTag } from "../components/merchant-status-tag.tsx";

export default function MerchantsPage() {
  const { t } = useTranslation("merchants");
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useListParams(["category", "status", "isPartyMember"]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(list.q);

  const filters = {
    q: list.q || undefined,
    category: list.filters.category as MerchantListQuery["category"],
    status: list.filters.status as MerchantListQuery["status"],
    isPartyMember: list.filters.isPartyMember as MerchantListQuery["isPartyMember"],
    sort: list.sort as MerchantListQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  const query = useMerchants({ ...filters, page: list.page, pageSize: list.pageSize });

  const doExport = async () => {
    setExporting(true);
    try {
      await exportMerchants(filters);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t("searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => list.update({ q: value.trim() })}
          data-testid="merchant-search"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("field.category")}
          aria-label={t("field.category")}
          value={filters.category}
          onChange={(value) => list.update({ category: value })}
          options={merchantCategories.map((c) => ({ value: c, label: t(`common:enum.category.${c}`) }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("field.status")}
          aria-label={t("field.status")}
          value={filters.status}
          onChange={(value) => list.update({ status: value })}
          options={merchantStatuses.map((s) => ({ value: s, label: t(`common:enum.merchantStatus.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("field.isPartyMember")}
          aria-label={t("field.isPartyMember")}
          value={filters.isPartyMember}
          onChange={(value) => list.update({ isPartyMember: value })}
          options={[
            { value: "true", label: t("partyMember") },
            { value: "false", label: t("notPartyMember") },
          ]}
        />
        <div style={{ flex: 1 }} />
        <Space wrap>
          {can("merchant.export") && (
            <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting}>
              {t("common:action.export")}
            </Button>
          )}
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
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<Merchant>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 980 }}
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
            width: 90,
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
