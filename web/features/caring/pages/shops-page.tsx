import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { shopApplySchema, shopCategories, shopStatuses } from "../../../../contracts/caring.ts";
import { useMerchants } from "../../../api/list-merchants.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { useApplyShop } from "../api/create-shop.ts";
import { type ShopListQuery, useShops } from "../api/list-shops.ts";
import type { CaringShop } from "../api/types.ts";
import { formatRate, shopStatusColour } from "../components/labels.ts";
import { StatusTag } from "../components/status-tag.tsx";

function ApplyShopModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("caring");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ merchantId?: number; category?: string; note?: string }>();
  const [q, setQ] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const merchants = useMerchants({ page: 1, pageSize: 30, q: q || undefined } as never);
  const apply = useApplyShop();
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const checked = validateWith(shopApplySchema, { ...v, note: v.note || null }, form);
    if (!checked.ok) return;
    try {
      const shop = await apply.mutateAsync(checked.data);
      message.success(t("shop.applied"));
      onClose();
      navigate(`/caring/shops/${shop.id}`);
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("shop.apply")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      confirmLoading={apply.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ category: "supermarket" }}>
        <Form.Item name="merchantId" label={t("field.merchant")} required>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={merchants.isFetching}
            options={(merchants.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t("field.shopCategory")} required>
          <Select options={shopCategories.map((c) => ({ value: c, label: t(`shopCategory.${c}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 爱心店铺: merchants applying for, holding or having lost the caring-shop certification. */
export default function ShopsPage() {
  const stationColumn = useStationColumn<CaringShop>();
  const { t } = useTranslation("caring");
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["status", "category", "stationId"]);
  const stationField = useStationField();
  const [applying, setApplying] = useState(false);
  const query: ShopListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    status: list.filters.status as ShopListQuery["status"],
    category: list.filters.category as ShopListQuery["category"],
    stationId: list.idOf("stationId"),
  };
  const shops = useShops(query);

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("shop.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/caring/shops" query={query} name="caring-shops" />
        {can("caring.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
            {t("shop.apply")}
          </Button>
        )}
      </div>
      <QueryForm
        values={list.filters}
        onSearch={list.search}
        fields={[
          selectField(
            "category",
            t("field.shopCategory"),
            shopCategories.map((c) => ({ value: c, label: t(`shopCategory.${c}`) })),
            { width: 140 },
          ),
          selectField(
            "status",
            t("field.status"),
            shopStatuses.map((s) => ({ value: s, label: t(`shopStatus.${s}`) })),
            { width: 140 },
          ),
          ...stationField,
        ]}
      />
      {shops.isError && <Alert type="error" showIcon title={errorMessage(shops.error)} style={{ marginBottom: 16 }} />}
      <Table<CaringShop>
        rowKey="id"
        size="middle"
        loading={shops.isFetching}
        dataSource={shops.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("shop.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(s) => ({ onDoubleClick: () => navigate(`/caring/shops/${s.id}`) })}
        pagination={listPagination(t, list, shops.data)}
        columns={[
          {
            title: t("field.merchant"),
            dataIndex: "merchantName",
            width: 240,
            ellipsis: true,
            render: (name: string, s) => <Link to={`/caring/shops/${s.id}`}>{name}</Link>,
          },
          ...stationColumn,
          { title: t("field.shopCategory"), dataIndex: "category", width: 100, render: (c: string) => t(`shopCategory.${c}`) },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 100,
            render: (s: string) => <StatusTag kind="shopStatus" value={s} colours={shopStatusColour} />,
          },
          { title: t("field.rate"), dataIndex: "discountRatePermille", width: 150, render: (v: number | null) => formatRate(v) },
          { title: t("field.plaqueDate"), dataIndex: "plaqueDate", width: 120, render: formatDate },
          { title: t("field.reviewDue"), dataIndex: "reviewDue", width: 120, render: formatDate },
        ]}
      />
      <ApplyShopModal open={applying} onClose={() => setApplying(false)} />
    </Card>
  );
}
