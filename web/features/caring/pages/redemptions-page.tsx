import { Alert, Card, DatePicker, Empty, Select, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { type RedemptionListQuery, useRedemptions } from "../api/list-redemptions.ts";
import { useShops } from "../api/list-shops.ts";
import type { Redemption } from "../api/types.ts";
import { formatRate } from "../components/labels.ts";

/** 核销记录: every sale made with a card at a caring shop, with the bill before and after the discount. */
export default function RedemptionsPage() {
  const { t } = useTranslation("caring");
  const list = useListParams(["shopId", "from", "to"]);
  const shops = useShops({ page: 1, pageSize: 200 });
  const query: RedemptionListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    shopId: list.filters.shopId ? Number(list.filters.shopId) : undefined,
    from: list.filters.from,
    to: list.filters.to,
  };
  const redemptions = useRedemptions(query);

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("redemption.title")}
      </Typography.Title>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 240 }}
          placeholder={t("field.shop")}
          value={query.shopId as number | undefined}
          onChange={(value?: number) => list.update({ shopId: value })}
          options={(shops.data?.items ?? []).map((s) => ({ value: s.id, label: s.merchantName }))}
        />
        <DatePicker.RangePicker
          style={{ width: 260 }}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) =>
            list.update({ from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined })
          }
        />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/caring/redemptions" query={query} name="caring-redemptions" />
      </div>
      {redemptions.isError && <Alert type="error" showIcon title={errorMessage(redemptions.error)} style={{ marginBottom: 16 }} />}
      <Table<Redemption>
        rowKey="id"
        size="middle"
        loading={redemptions.isFetching}
        dataSource={redemptions.data?.items ?? []}
        scroll={{ x: 1082 }}
        locale={{ emptyText: <Empty description={t("redemption.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, redemptions.data)}
        columns={[
          { title: t("field.time"), dataIndex: "createdAt", width: 140, render: formatDateTime },
          { title: t("field.shop"), dataIndex: "shopName", width: 126, ellipsis: true },
          { title: t("field.cardNo"), dataIndex: "cardNo", width: 120 },
          { title: t("field.holder"), dataIndex: "holderName", width: 80 },
          { title: t("field.category"), dataIndex: "category", width: 96, render: (c: string) => t(`category.${c}`) },
          { title: t("field.method"), dataIndex: "method", width: 70, render: (m: string) => t(`method.${m}`) },
          { title: t("field.amount"), dataIndex: "amountFen", width: 95, align: "right", render: formatYuan },
          { title: t("field.rate"), dataIndex: "discountRatePermille", width: 175, render: formatRate },
          { title: t("field.discount"), dataIndex: "discountFen", width: 90, align: "right", render: formatYuan },
          { title: t("field.pay"), dataIndex: "payFen", width: 90, align: "right", render: formatYuan },
        ]}
      />
    </Card>
  );
}
