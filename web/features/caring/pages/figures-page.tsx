import { Alert, Card, Col, DatePicker, Empty, Progress, Row, Spin, Statistic, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { monthRange, shiftMonth, stationDate, stationMonth } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { FigureLink } from "../../../components/figure-link.tsx";
import { useCaringFigures } from "../api/figures.ts";

const EChart = lazy(() => import("../../../components/echart.tsx"));

/** 数据: cards, holders, the discount each shop gave per month, and how many planned meals reached people. */
export default function FiguresPage() {
  const { t } = useTranslation("caring");
  const list = useListParams(["from", "to"]);
  const now = new Date();
  const from = list.filters.from ?? monthRange(shiftMonth(stationMonth(now), -11)).from;
  const to = list.filters.to ?? stationDate(now);
  const figures = useCaringFigures(from, to);
  const f = figures.data;
  const cited =
    (id: string, period = `${from}..${to}`) =>
    (node: React.ReactNode) => (
      <FigureLink id={id} period={period}>
        {node}
      </FigureLink>
    );

  const option = useMemo(() => {
    if (!f) return null;
    const months = [...new Set(f.redemptionsByShopMonth.map((r) => r.month))].sort();
    const shops = [...new Map(f.redemptionsByShopMonth.map((r) => [r.shopId, r.shopName])).entries()];
    return {
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number) => formatYuan(Math.round(v * 100)),
      },
      legend: { type: "scroll", top: 0 },
      grid: { left: 60, right: 20, top: 64, bottom: 30 },
      xAxis: { type: "category", data: months },
      yAxis: { type: "value", name: t("figures.yuan") },
      series: shops.map(([shopId, name]) => ({
        name,
        type: "bar",
        stack: "discount",
        data: months.map((m) => {
          const row = f.redemptionsByShopMonth.find((r) => r.shopId === shopId && r.month === m);
          return row ? row.discountFen / 100 : 0;
        }),
      })),
    };
  }, [f, t]);

  const totalDiscount = f?.redemptionsByShopMonth.reduce((sum, r) => sum + r.discountFen, 0) ?? 0;
  const totalRedemptions = f?.redemptionsByShopMonth.reduce((sum, r) => sum + r.redemptions, 0) ?? 0;

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("figures.title")}
          </Typography.Title>
          <div style={{ flex: 1 }} />
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(range) =>
              list.update({ from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined })
            }
          />
        </div>
      </Card>
      {figures.isError && <Alert type="error" showIcon title={errorMessage(figures.error)} style={{ marginBottom: 16 }} />}
      {figures.isPending ? (
        <Spin style={{ display: "block", padding: 80 }} />
      ) : f ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic title={t("figures.cardsIssued")} value={f.cardsIssued} valueRender={cited("caring.cards_issued")} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic title={t("figures.activeHolders")} value={f.activeHolders} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic title={t("figures.redemptions")} value={totalRedemptions} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic title={t("figures.discount")} value={formatYuan(totalDiscount)} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic
                  title={t("figures.mealsDelivered")}
                  value={f.mealsDelivered}
                  valueStyle={{ color: "#389e0d" }}
                  valueRender={cited("caring.meals_delivered")}
                />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card>
                <Statistic title={t("figures.mealsMissed")} value={f.mealsMissed} valueStyle={{ color: "#cf1322" }} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card title={t("figures.discountChart")}>
                {f.redemptionsByShopMonth.length === 0 ? (
                  <Empty description={t("figures.noRedemptions")} />
                ) : (
                  <Suspense fallback={<Spin />}>{option && <EChart option={option} height={360} />}</Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t("figures.coverage")}>
                <div style={{ textAlign: "center", padding: "12px 0" }}>
                  <Progress
                    type="dashboard"
                    percent={f.mealCoverage === null ? 0 : Math.round(f.mealCoverage * 1000) / 10}
                    format={(p) => (f.mealCoverage === null ? "—" : `${p}%`)}
                    size={180}
                  />
                </div>
                <Row gutter={16}>
                  <Col span={12}>
                    <Statistic title={t("figures.recipients")} value={f.recipients} />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title={t("figures.restaurants")}
                      value={f.caringRestaurants}
                      valueRender={cited("caring.meal_restaurants", `${stationDate(now)}..${stationDate(now)}`)}
                    />
                  </Col>
                </Row>
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </div>
  );
}
