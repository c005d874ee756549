import { Alert, Card, Col, DatePicker, Drawer, Empty, Row, Skeleton, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import type { UnitScore } from "../../../../contracts/meetings.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { StationFilter, useStationColumn } from "../../../components/station-filter.tsx";
import { useScorecard } from "../api/get-scorecard.ts";
import { useUnitHistory } from "../api/get-unit-history.ts";

const Chart = lazy(() => import("../components/score-chart.tsx"));

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);
const rating = (v: number | null) => (v === null ? "—" : v.toFixed(2));
const num = (key: keyof UnitScore) => (a: UnitScore, b: UnitScore) => Number(a[key] ?? -1) - Number(b[key] ?? -1);

function HistoryDrawer({ unit, range, onClose }: { unit: UnitScore | null; range: { from?: string; to?: string }; onClose: () => void }) {
  const { t } = useTranslation("scorecard");
  const history = useUnitHistory(unit?.unitId ?? null, range);
  const rows = history.data ?? [];
  const option = useMemo(() => {
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: "category", data: rows.map((r) => r.month) },
      yAxis: [
        { type: "value", name: t("onTimeRate"), min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        { type: "value", name: t("averageRating"), min: 0, max: 5 },
      ],
      series: [
        {
          name: t("onTimeRate"),
          type: "line",
          smooth: true,
          data: rows.map((r) => (r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10)),
          color: "#c8161d",
        },
        { name: t("averageRating"), type: "line", smooth: true, yAxisIndex: 1, data: rows.map((r) => r.averageRating), color: "#d4a017" },
        { name: t("problemsAssigned"), type: "bar", data: rows.map((r) => r.problemsAssigned), color: "#f3c9c9", yAxisIndex: 1 },
      ],
    };
  }, [rows, t]);
  return (
    <Drawer open={unit !== null} onClose={onClose} size={760} title={t("historyTitle", { name: unit?.unitName ?? "" })} destroyOnHidden>
      {history.isError && <Alert type="error" showIcon title={errorMessage(history.error)} />}
      {history.isPending ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty />
      ) : (
        <>
          <Suspense fallback={<Skeleton active />}>
            <Chart option={option} height={320} />
          </Suspense>
          <Table
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={rows}
            style={{ marginTop: 16 }}
            columns={[
              { title: t("month"), dataIndex: "month" },
              { title: t("problemsAssigned"), dataIndex: "problemsAssigned", align: "right" },
              { title: t("problemsResolved"), dataIndex: "problemsResolved", align: "right" },
              { title: t("onTimeRate"), dataIndex: "onTimeRate", align: "right", render: percent },
              { title: t("averageRating"), dataIndex: "averageRating", align: "right", render: rating },
              { title: t("meetings"), key: "m", align: "right", render: (_: unknown, r) => `${r.meetingsAttended}/${r.meetingsInvited}` },
              { title: t("actionItems"), key: "a", align: "right", render: (_: unknown, r) => `${r.actionItemsDone}/${r.actionItems}` },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** Per alliance unit: problems assigned, on-time rate, average rating, meetings attended, action items done. */
export default function ScorecardPage() {
  const { t } = useTranslation("scorecard");
  const list = useListParams(["from", "to", "stationId"]);
  const today = stationDate(new Date());
  const from = list.filters.from ?? `${today.slice(0, 4)}-01-01`;
  const to = list.filters.to ?? today;
  const stationId = list.filters.stationId ? Number(list.filters.stationId) : undefined;
  const scores = useScorecard({ from, to, stationId });
  const [unit, setUnit] = useState<UnitScore | null>(null);
  const rows = scores.data ?? [];
  const stationColumn = useStationColumn<UnitScore>();

  const option = useMemo(() => {
    // With several stations the same unit names recur: each bar says whose unit it is.
    const several = new Set(rows.map((r) => r.stationId)).size > 1;
    const label = (r: UnitScore) => (several ? `${r.unitName}（${r.stationName}）` : r.unitName);
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 96 },
      xAxis: {
        type: "category",
        data: rows.map(label),
        axisLabel: { rotate: 30, interval: 0, width: 120, overflow: "truncate" },
      },
      yAxis: [
        { type: "value", name: t("onTimeRate"), min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        { type: "value", name: t("averageRating"), min: 0, max: 5 },
      ],
      series: [
        {
          name: t("onTimeRate"),
          type: "bar",
          data: rows.map((r) => (r.onTimeRate === null ? 0 : Math.round(r.onTimeRate * 1000) / 10)),
          color: "#c8161d",
        },
        { name: t("averageRating"), type: "bar", yAxisIndex: 1, data: rows.map((r) => r.averageRating ?? 0), color: "#d4a017" },
      ],
    };
  }, [rows, t]);

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
            {t("title")}
          </Typography.Title>
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={(range) => list.update({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })}
          />
          <StationFilter value={stationId} onChange={(value) => list.update({ stationId: value })} />
          <Typography.Text type="secondary">{t("hint")}</Typography.Text>
        </div>
      </Card>
      {scores.isError && <Alert type="error" showIcon title={errorMessage(scores.error)} />}
      <Row gutter={16}>
        <Col span={24}>
          <Card title={t("chartTitle")}>
            {rows.length === 0 ? (
              <Empty />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <Chart option={option} height={340} />
              </Suspense>
            )}
          </Card>
        </Col>
      </Row>
      <Card>
        <Table<UnitScore>
          rowKey="unitId"
          size="middle"
          loading={scores.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="scorecard-table"
          onRow={(r) => ({ onClick: () => setUnit(r), style: { cursor: "pointer" } })}
          columns={[
            {
              title: t("unit"),
              dataIndex: "unitName",
              fixed: "left",
              width: 240,
              render: (v: string) => <Typography.Link>{v}</Typography.Link>,
            },
            ...stationColumn,
            {
              title: t("unitKind"),
              dataIndex: "unitKind",
              width: 120,
              render: (k: string) => t(`common:enum.unitKind.${k}`, { defaultValue: k }),
            },
            { title: t("problemsAssigned"), dataIndex: "problemsAssigned", align: "right", sorter: num("problemsAssigned") },
            { title: t("problemsResolved"), dataIndex: "problemsResolved", align: "right", sorter: num("problemsResolved") },
            { title: t("onTimeRate"), dataIndex: "onTimeRate", align: "right", sorter: num("onTimeRate"), render: percent },
            { title: t("averageRating"), dataIndex: "averageRating", align: "right", sorter: num("averageRating"), render: rating },
            {
              title: t("meetingsAttended"),
              dataIndex: "meetingsAttended",
              align: "right",
              sorter: num("meetingsAttended"),
              render: (v: number, r) => `${v} / ${r.meetingsInvited}`,
            },
            {
              title: t("actionItemsDone"),
              dataIndex: "actionItemsDone",
              align: "right",
              sorter: num("actionItemsDone"),
              render: (v: number, r) => `${v} / ${r.actionItems}`,
            },
          ]}
        />
      </Card>
      <HistoryDrawer unit={unit} range={{ from, to }} onClose={() => setUnit(null)} />
    </Space>
  );
}
