import { Alert, Card, Col, Empty, Row, Spin, Statistic } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useScaleFigures } from "../api/scale-figures.ts";

const EChart = lazy(() => import("../../../components/echart.tsx"));

/** 数据: re-weighs per month (fair and short), the share found short, the merchants with most findings. */
export function ScaleFigures() {
  const { t } = useTranslation("lending");
  const figures = useScaleFigures();
  const f = figures.data;
  const perMonth = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 40, bottom: 28 },
        xAxis: { type: "category", data: f.months.map((m) => m.month) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          {
            name: t("scale.fairSeries"),
            type: "bar",
            stack: "n",
            itemStyle: { color: "#52c41a" },
            data: f.months.map((m) => m.total - m.short),
          },
          { name: t("scale.shortSeries"), type: "bar", stack: "n", itemStyle: { color: "#cf1322" }, data: f.months.map((m) => m.short) },
        ],
      },
    [f, t],
  );
  const merchants = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 150, right: 24, top: 8, bottom: 24 },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", inverse: true, data: f.merchants.map((m) => m.merchantName) },
        series: [{ name: t("scale.shortSeries"), type: "bar", itemStyle: { color: "#cf1322" }, data: f.merchants.map((m) => m.findings) }],
      },
    [f, t],
  );
  if (figures.isError) return <Alert type="error" showIcon title={errorMessage(figures.error)} />;
  if (!f) return <Spin style={{ display: "block", padding: 80 }} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t("scale.total")} value={f.total} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t("scale.shortCount")} value={f.short} valueStyle={{ color: "#cf1322" }} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t("scale.shortShare")} value={f.shortPermille / 10} precision={1} suffix="%" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t("scale.overchargeTotal")} value={formatYuan(f.overchargeFen)} />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t("scale.perMonth")}>
          <Suspense fallback={<Spin />}>{perMonth && <EChart option={perMonth} height={320} />}</Suspense>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t("scale.mostFindings")}>
          {f.merchants.length === 0 ? (
            <Empty description={t("scale.noFindings")} />
          ) : (
            <Suspense fallback={<Spin />}>{merchants && <EChart option={merchants} height={320} />}</Suspense>
          )}
        </Card>
      </Col>
    </Row>
  );
}
