import { Alert, Card, Col, DatePicker, Empty, Row, Space, Spin, Statistic } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { monthRange, shiftMonth, stationDate, stationMonth } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { useRedShieldFigures } from "../api/red-shield.ts";

const EChart = lazy(() => import("../../../components/echart.tsx"));

/** The post's figures over a period (by default the last twelve months): consultations by topic and by month. */
export function FiguresTab() {
  const { t } = useTranslation("duty");
  const list = useListParams(["from", "to"]);
  const now = new Date();
  const from = list.filters.from ?? monthRange(shiftMonth(stationMonth(now), -11)).from;
  const to = list.filters.to ?? stationDate(now);
  const figures = useRedShieldFigures({ from, to });
  const f = figures.data;
  const topicOption = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 100, right: 24, top: 16, bottom: 24 },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: f.byTopic.map((r) => t(`topic.${r.topic}`)).reverse() },
        series: [
          {
            type: "bar",
            data: f.byTopic.map((r) => r.count).reverse(),
            itemStyle: { color: "#c8102e" },
            label: { show: true, position: "right" },
          },
        ],
      },
    [f, t],
  );
  const monthOption = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 40, right: 16, top: 16, bottom: 30 },
        xAxis: { type: "category", data: f.byMonth.map((r) => r.month) },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: f.byMonth.map((r) => r.count), itemStyle: { color: "#d48806" } }],
      },
    [f],
  );
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) =>
            list.update({ from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined })
          }
        />
      </Space>
      {figures.isError && <Alert type="error" showIcon title={errorMessage(figures.error)} />}
      {figures.isPending ? (
        <Spin style={{ display: "block", padding: 60 }} />
      ) : f ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("rs.figures.total")} value={f.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("rs.figures.merchants")} value={f.merchants} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("rs.figures.sessionsHeld")} value={f.sessionsHeld} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t("rs.figures.solvedRate")}
                  value={
                    f.total === 0 ? "—" : `${Math.round(((f.byOutcome.find((o) => o.outcome === "solved")?.count ?? 0) / f.total) * 100)}%`
                  }
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t("rs.figures.byTopic")}>
                {f.total === 0 ? (
                  <Empty />
                ) : (
                  <Suspense fallback={<Spin />}>{topicOption && <EChart option={topicOption} height={300} />}</Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t("rs.figures.byMonth")}>
                {f.byMonth.length === 0 ? (
                  <Empty />
                ) : (
                  <Suspense fallback={<Spin />}>{monthOption && <EChart option={monthOption} height={300} />}</Suspense>
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
