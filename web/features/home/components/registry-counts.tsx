import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { colourOf } from "../../../app/category-colours.ts";
import { useMe } from "../../../app/session.tsx";
import { brand } from "../../../app/theme.ts";
import { useHome } from "../api/get-home.ts";

const EChart = lazy(() => import("../../../components/echart.tsx"));

/** The registry's counts (merchants, stalls, residents, units, accounts) and two charts, below the workbench. */
export function RegistryCounts({ stationId }: { stationId?: number }) {
  const { t } = useTranslation("home");
  const me = useMe();
  const home = useHome(stationId);
  const data = home.data;

  const pie = useMemo(
    () =>
      data && {
        tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
        legend: { bottom: 0 },
        series: [
          {
            type: "pie",
            radius: ["40%", "68%"],
            center: ["50%", "42%"],
            label: { formatter: "{b}\n{c}" },
            data: data.merchantsByCategory.map((row) => ({
              name: t(`common:enum.category.${row.category}`, { defaultValue: row.category }),
              value: row.count,
              itemStyle: { color: colourOf(row.category) },
            })),
          },
        ],
      },
    [data, t],
  );

  const bar = useMemo(
    () =>
      data && {
        color: [brand.red],
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: {
          type: "category",
          inverse: true,
          data: data.allianceUnitsByKind.map((row) => t(`common:enum.unitKind.${row.kind}`, { defaultValue: row.kind })),
        },
        series: [
          {
            type: "bar",
            barMaxWidth: 18,
            itemStyle: { borderRadius: [0, 4, 4, 0] },
            label: { show: true, position: "right" },
            data: data.allianceUnitsByKind.map((row) => row.count),
          },
        ],
      },
    [data, t],
  );

  const cards = data
    ? [
        { key: "merchants", value: data.merchants, suffix: t("ofWhichOpen", { count: data.merchantsOpen }) },
        { key: "partyMemberMerchants", value: data.partyMemberMerchants },
        { key: "stalls", value: data.stalls, suffix: t("ofWhichOccupied", { count: data.stallsOccupied }) },
        { key: "residents", value: data.residents },
        { key: "residentsElderlyAlone", value: data.residentsElderlyAlone },
        { key: "allianceUnits", value: data.allianceUnits },
        { key: "users", value: data.users },
        ...(me.stations.length > 1 ? [{ key: "stations", value: data.stations }] : []),
      ]
    : [];

  return (
    <div data-testid="registry-counts">
      <Typography.Title level={5} style={{ margin: "24px 0 12px" }}>
        {t("title")}
      </Typography.Title>
      {home.isError && <Alert type="error" showIcon title={errorMessage(home.error)} style={{ marginBottom: 16 }} />}
      {home.isPending ? (
        <Skeleton active />
      ) : (
        data && (
          <>
            <Row gutter={[16, 16]}>
              {cards.map((card) => (
                <Col key={card.key} xs={12} md={8} xl={6}>
                  <Card size="small" style={{ borderTop: `3px solid ${brand.gold}` }}>
                    <Statistic
                      title={t(`count.${card.key}`)}
                      value={card.value}
                      styles={{ content: { color: brand.deepRed, fontWeight: 600 } }}
                    />
                    {card.suffix && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {card.suffix}
                      </Typography.Text>
                    )}
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24} lg={12}>
                <Card title={t("chart.merchantsByCategory")} size="small">
                  <Suspense fallback={<Skeleton active />}>{pie && <EChart option={pie} height={300} />}</Suspense>
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t("chart.allianceUnitsByKind")} size="small">
                  <Suspense fallback={<Skeleton active />}>{bar && <EChart option={bar} height={300} />}</Suspense>
                </Card>
              </Col>
            </Row>
          </>
        )
      )}
    </div>
  );
}
