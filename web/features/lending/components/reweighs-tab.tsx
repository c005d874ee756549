import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Input, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { reweighOutcomes } from "../../../../contracts/lending.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { exportReweighs, type ReweighListQuery, useReweighs } from "../api/list-reweighs.ts";
import { useScaleStalls } from "../api/scale-stalls.ts";
import type { Reweigh } from "../api/types.ts";

/** 复秤记录: every re-weigh with its outcome, by outcome, merchant and date; exported as a workbook. */
export function ReweighsTab() {
  const stationColumn = useStationColumn<Reweigh>();
  const { t } = useTranslation("lending");
  const { message } = App.useApp();
  const list = useListParams(["outcome", "merchantId", "from", "to", "tab", "stationId"]);
  const stationField = useStationField();
  const stalls = useScaleStalls();
  const merchantId = list.idOf("merchantId");
  const query: ReweighListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    outcome: list.filters.outcome as ReweighListQuery["outcome"],
    merchantId,
    from: list.filters.from,
    to: list.filters.to,
    stationId: list.idOf("stationId"),
  };
  const reweighs = useReweighs(query);
  const [exporting, setExporting] = useState(false);
  const merchants = [...new Map<number, string>((stalls.data ?? []).map((s) => [s.merchantId, s.merchantName])).entries()];

  return (
    <Card>
      <QueryForm
        values={{ ...list.filters, q: list.q, merchantId }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("scale.search"),
            input: <Input allowClear style={{ width: 220 }} placeholder={t("scale.search")} data-testid="reweighs-search" />,
          },
          {
            name: "outcome",
            label: t("field.status"),
            input: (
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t("field.status")}
                aria-label={t("field.status")}
                options={reweighOutcomes.map((o) => ({ value: o, label: t(`scale.outcome.${o}`) }))}
                data-testid="reweighs-outcome"
              />
            ),
          },
          selectField(
            "merchantId",
            t("scale.merchant"),
            merchants.map(([id, name]) => ({ value: id, label: name })),
            { width: 220, search: true },
          ),
          {
            name: "at",
            label: t("scale.at"),
            range: { from: "from", to: "to" },
            input: <DatePicker.RangePicker style={{ width: 260 }} aria-label={t("scale.at")} />,
          },
          ...stationField,
        ]}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={async () => {
              setExporting(true);
              try {
                await exportReweighs(query);
              } catch (error) {
                message.error(errorMessage(error));
              } finally {
                setExporting(false);
              }
            }}
          >
            {t("common:action.export")}
          </Button>
        }
      />
      {reweighs.isError && <Alert type="error" showIcon title={errorMessage(reweighs.error)} style={{ marginBottom: 16 }} />}
      <Table<Reweigh>
        rowKey="id"
        size="middle"
        loading={reweighs.isFetching}
        dataSource={reweighs.data?.items ?? []}
        scroll={{ x: 1105 }}
        locale={{ emptyText: <Empty description={t("scale.empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, reweighs.data)}
        columns={[
          { title: t("scale.at"), dataIndex: "createdAt", width: 140, render: formatDateTime },
          ...stationColumn,
          {
            title: t("scale.merchant"),
            key: "merchant",
            width: 190,
            ellipsis: true,
            render: (_: unknown, w) => (
              <span>
                <Typography.Text code>{w.stallCode ?? "—"}</Typography.Text> <Link to={`/merchants/${w.merchantId}`}>{w.merchantName}</Link>
              </span>
            ),
          },
          { title: t("scale.goods"), dataIndex: "goods", width: 90, ellipsis: true },
          { title: t("scale.claimed"), dataIndex: "claimedGrams", width: 105, align: "right" },
          { title: t("scale.actual"), dataIndex: "actualGrams", width: 120, align: "right" },
          { title: t("scale.unitPrice"), dataIndex: "unitPriceFen", width: 100, align: "right", render: (v: number) => formatYuan(v) },
          {
            title: t("field.status"),
            key: "outcome",
            width: 140,
            render: (_: unknown, w) =>
              w.outcome === "short" ? (
                <span>
                  <Tag color="red">{t("scale.outcome.short")}</Tag>
                  {w.shortGrams} g · {formatYuan(w.overchargeFen)}
                </span>
              ) : (
                <Tag color="green">{t("scale.outcome.fair")}</Tag>
              ),
          },
          { title: t("scale.shopper"), dataIndex: "shopperName", width: 90, render: (v: string | null) => v ?? "—" },
          {
            title: t("scale.problem"),
            key: "problem",
            width: 130,
            render: (_: unknown, w) => (w.problemId ? <Link to={`/problems/${w.problemId}`}>{w.problemCode}</Link> : "—"),
          },
        ]}
      />
    </Card>
  );
}
