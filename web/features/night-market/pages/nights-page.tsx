import { Alert, Button, Card, DatePicker, Empty, Select, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type NightListQuery, useCorrectNight, useNights } from "../api/nights.ts";
import type { NightReport } from "../api/types.ts";
import { CountsModal } from "../components/counts-modal.tsx";
import { NightMarketNav } from "../components/nav.tsx";
import { NightDrawer } from "../components/night-drawer.tsx";

/** 每晚报表: the nights' reports, filtered by status, month and weekday (where the figures' links land), corrected with a reason. */
export default function NightsPage() {
  const { t } = useTranslation("night-market");
  const can = useCan();
  const list = useListParams(["status", "month", "weekday", "seasonId", "stationId"]);
  const stationField = useStationField();
  const query: NightListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    status: list.filters.status as NightListQuery["status"],
    month: list.filters.month,
    weekday: list.idOf("weekday"),
    seasonId: list.idOf("seasonId"),
    stationId: list.idOf("stationId"),
  };
  const nights = useNights(query);
  const correct = useCorrectNight();
  const [correcting, setCorrecting] = useState<NightReport | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const actions = useActionsColumn<NightReport>(
    (n) =>
      n.status === "closed" && (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            setCorrecting(n);
          }}
        >
          {t("nights.correct")}
        </Button>
      ),
    { width: 90, show: can("nightmarket.manage"), rows: nights.data?.items },
  );
  const columns = [
    {
      title: t("field.night"),
      dataIndex: "night",
      width: 120,
      fixed: "left" as const,
      render: (n: string) => `${n} ${t(`weekday.${dayjs(n).day() || 7}`)}`,
    },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 90,
      render: (s: NightReport["status"]) => <Tag color={s === "closed" ? "green" : "gold"}>{t(`nightStatus.${s}`)}</Tag>,
    },
    { title: t("field.weather"), dataIndex: "weather", width: 80, render: (w: NightReport["weather"]) => (w ? t(`weather.${w}`) : "—") },
    { title: t("field.visitorsIn"), dataIndex: "visitorsIn", width: 90, align: "right" as const },
    { title: t("field.visitorsOut"), dataIndex: "visitorsOut", width: 90, align: "right" as const },
    { title: t("field.turnover"), dataIndex: "turnoverFen", width: 130, align: "right" as const, render: formatYuan },
    { title: t("field.operators"), dataIndex: "operators", width: 90, align: "right" as const },
    { title: t("field.incidents"), dataIndex: "incidents", width: 90, align: "right" as const },
    { title: t("field.closedAt"), dataIndex: "closedAt", width: 140, render: formatDateTime },
    { title: t("field.correction"), dataIndex: "correctionReason", width: 110, ellipsis: true, render: (r: string | null) => r ?? "—" },
    ...actions,
  ];
  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("nights.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/night-market-nights" query={query} name="night-market-nights" />
      </div>
      <QueryForm
        values={{ ...list.filters, month: list.filters.month ? dayjs(`${list.filters.month}-01`) : undefined }}
        onSearch={(v) => list.search({ ...v, month: v.month ? dayjs(v.month as string).format("YYYY-MM") : undefined })}
        fields={[
          ...stationField,
          {
            name: "status",
            label: t("field.status"),
            input: (
              <Select
                allowClear
                style={{ width: 110 }}
                placeholder={t("field.status")}
                aria-label={t("field.status")}
                options={(["open", "closed"] as const).map((s) => ({ value: s, label: t(`nightStatus.${s}`) }))}
              />
            ),
          },
          {
            name: "month",
            label: t("nights.month"),
            input: <DatePicker picker="month" aria-label={t("nights.month")} placeholder={t("nights.month")} />,
          },
          {
            name: "weekday",
            label: t("nights.weekday"),
            input: (
              <Select
                allowClear
                style={{ width: 100 }}
                placeholder={t("nights.weekday")}
                aria-label={t("nights.weekday")}
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))}
              />
            ),
          },
        ]}
      />
      {nights.isError && <Alert type="error" showIcon title={errorMessage(nights.error)} style={{ marginBottom: 16 }} />}
      <Table<NightReport>
        rowKey="id"
        size="middle"
        loading={nights.isFetching}
        dataSource={nights.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("nights.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: nights.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
        data-testid="nights-table"
        onRow={(n) => ({ onClick: () => setOpen(n.id), style: { cursor: "pointer" } })}
      />
      <NightDrawer id={open} onClose={() => setOpen(null)} />
      <CountsModal
        open={correcting !== null}
        correction
        report={correcting}
        busy={correct.isPending}
        onClose={() => setCorrecting(null)}
        onSubmit={(v) =>
          correct.mutateAsync({ id: correcting?.id ?? 0, reason: v.reason ?? "", weather: v.weather ?? undefined, counts: v.counts })
        }
      />
    </Card>
  );
}
