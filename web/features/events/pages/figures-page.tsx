import { Alert, Card, Col, Empty, Row, Spin, Statistic, Table, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatWan, formatYuan } from "../../../app/money.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import type { EChartClick } from "../../../components/echart.tsx";
import { FigureLink } from "../../../components/figure-link.tsx";
import { StationFilter } from "../../../components/station-filter.tsx";
import { type Citation, type Figures, useEventFigures } from "../api/events.ts";

const EChart = lazy(() => import("../../../components/echart.tsx"));

/** A figure's citation: how many records it counts and the fingerprint of their set. */
function Cite({ c }: { c: Citation }) {
  const { t } = useTranslation("events");
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={c.recordSetHash} data-testid={`cite-${c.figure}`}>
      {t("figures.cite", { count: c.recordCount, hash: c.recordSetHash.slice(0, 12) })}
    </Typography.Text>
  );
}

/** 活动统计: every figure computed from records, with how it was counted and a link to the records behind it. */
export default function EventFiguresPage() {
  const { t } = useTranslation("events");
  const list = useListParams(["stationId"]);
  const navigate = useNavigate();
  const figures = useEventFigures(list.idOf("stationId"));
  if (figures.isPending) return <Spin style={{ display: "block", padding: 80 }} />;
  if (figures.isError || !figures.data) return <Alert type="error" showIcon title={errorMessage(figures.error)} />;
  const f = figures.data;
  const stationId = list.idOf("stationId");
  const scope = stationId ? `station:${stationId}` : undefined;
  const period = `${f.period.from}..${f.period.to}`;
  const cited = (id: string) => (node: React.ReactNode) => (
    <FigureLink id={id} scope={scope} period={period}>
      {node}
    </FigureLink>
  );
  type Promo = Figures["promotions"]["items"][number];
  return (
    <div data-testid="event-figures">
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("figures.title")}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t("figures.period", { from: f.period.from, to: f.period.to, at: formatDateTime(f.computedAt) })}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <StationFilter value={list.filters.stationId} onChange={(stationId) => list.update({ stationId })} />
        </div>
        <Row gutter={24} style={{ marginTop: 16 }}>
          <Col span={6}>
            <Statistic
              valueRender={cited("events.promotion_visits_uplift")}
              title={<Link to={f.promotions.link}>{t("figures.visitsUplift")}</Link>}
              value={f.promotions.visitsUplift}
              prefix="+"
              suffix={t("uplift.visitsUnit")}
            />
          </Col>
          <Col span={6}>
            <Statistic
              valueRender={cited("events.promotion_takings_uplift_fen")}
              title={<Link to={f.promotions.link}>{t("figures.takingsUplift")}</Link>}
              value={formatWan(f.promotions.takingsUpliftFen)}
              prefix="+"
            />
          </Col>
          <Col span={6}>
            <Statistic
              valueRender={cited("events.stage_performances")}
              title={<Link to={f.stage.link}>{t("figures.performances")}</Link>}
              value={f.stage.performances}
              suffix={t("figures.performancesUnit")}
            />
            <Typography.Text type="secondary">{t("figures.audienceLine", { audience: f.stage.audience.toLocaleString() })}</Typography.Text>
          </Col>
          <Col span={6}>
            <Statistic
              valueRender={cited("events.environment_rounds")}
              title={<Link to={f.environment.link}>{t("figures.rounds")}</Link>}
              value={f.environment.roundsTotal}
              suffix={t("figures.roundsUnit")}
            />
            <Typography.Text type="secondary">
              {t("figures.findingsLine", { solved: f.environment.findingsSolved, total: f.environment.findings })}
            </Typography.Text>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("figures.how", { counts: f.promotions.countRecords, takings: f.promotions.takingsRecords, sample: f.promotions.sampleSize })}
        </Typography.Paragraph>
      </Card>
      <Card title={t("figures.promotions")} style={{ marginTop: 16 }} extra={<Cite c={f.promotions.citation} />}>
        <Table<Promo>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.promotions.items}
          locale={{ emptyText: <Empty /> }}
          data-testid="figures-promotions"
          columns={[
            { title: t("field.title"), dataIndex: "title", render: (v: string, p) => <Link to={p.link}>{v}</Link> },
            { title: t("field.promotionDates"), key: "dates", render: (_: unknown, p) => p.uplift.promotionDates.join("、") },
            {
              title: t("uplift.baseline"),
              key: "baseline",
              render: (_: unknown, p) =>
                p.uplift.baselineKind
                  ? `${t(`baseline.${p.uplift.baselineKind}`)}（${t("figures.days", { count: p.uplift.baselineDates.length })}）`
                  : "—",
            },
            {
              title: t("uplift.visits"),
              key: "visits",
              align: "right" as const,
              render: (_: unknown, p) => (p.uplift.visits.uplift === null ? "—" : `+${p.uplift.visits.uplift.toLocaleString()}`),
            },
            {
              title: t("uplift.visitsMethod"),
              key: "vm",
              render: (_: unknown, p) => (p.uplift.visits.method ? t(`method.${p.uplift.visits.method}`) : "—"),
            },
            {
              title: t("uplift.takings"),
              key: "takings",
              align: "right" as const,
              render: (_: unknown, p) => `+${formatYuan(p.uplift.takings.upliftFen)}`,
            },
            {
              title: t("uplift.sample"),
              key: "sample",
              align: "right" as const,
              render: (_: unknown, p) => `${p.uplift.takings.sampleSize} / ${p.uplift.takings.merchantsTakingPart}`,
            },
          ]}
        />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={8}>
          <Card title={t("figures.byKind")} size="small" extra={<Cite c={f.events.citation} />}>
            {f.events.byKind.map((k) => (
              <div key={k.kind} style={{ display: "flex", justifyContent: "space-between", padding: "4px 0" }}>
                <Link to={k.link}>{t(`kind.${k.kind}`)}</Link>
                <b>{k.n}</b>
              </div>
            ))}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t("figures.byTheme")} size="small">
            {f.events.byTheme.map((k) => (
              <Link key={k.theme} to={k.link} style={{ marginInlineEnd: 8, display: "inline-block", marginBottom: 6 }}>
                <Tag>
                  {k.theme} {k.n}
                </Tag>
              </Link>
            ))}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t("figures.stage")} size="small" extra={<Cite c={f.stage.citation} />}>
            {f.stage.teams.map((s) => (
              <div key={s.teamId} style={{ display: "flex", justifyContent: "space-between", padding: "4px 0" }}>
                <Link to={s.link}>{s.teamName}</Link>
                <span>{t("figures.teamLine", { performances: s.performances, audience: s.audience.toLocaleString() })}</span>
              </div>
            ))}
            <Typography.Text type="secondary">
              {t("figures.bookings", { approved: f.stage.bookings.approved ?? 0, requested: f.stage.bookings.requested ?? 0 })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title={t("figures.byMonth")} size="small">
            {f.events.total === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Suspense fallback={<Spin />}>
                {/* A bar opens that month's events. */}
                <EChart
                  testId="chart-events-by-month"
                  label={t("figures.byMonthLabel", {
                    months: f.events.byMonth.map((m) => `${m.month} ${t("figures.eventsCount", { count: m.n })}`).join("，"),
                  })}
                  height={240}
                  option={{
                    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
                    // Room above the tallest bar's number for the axis's name.
                    grid: { left: 8, right: 16, top: 44, bottom: 8, containLabel: true },
                    xAxis: { type: "category", data: f.events.byMonth.map((m) => m.month) },
                    yAxis: { type: "value", name: t("figures.events"), nameGap: 26, minInterval: 1 },
                    series: [
                      {
                        name: t("figures.events"),
                        type: "bar",
                        barMaxWidth: 28,
                        data: f.events.byMonth.map((m) => m.n),
                        itemStyle: { color: "#c41d1d" },
                        label: { show: true, position: "top" },
                      },
                    ],
                  }}
                  onClick={(p: EChartClick) => {
                    const m = f.events.byMonth[p.dataIndex];
                    if (m) navigate(m.link);
                  }}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t("figures.environment")} size="small" extra={<Cite c={f.environment.citation} />}>
            {f.environment.rounds.map((r) => (
              <div key={r.kind} style={{ display: "flex", justifyContent: "space-between", padding: "4px 0" }}>
                <Link to={r.link}>{t(`campaign.${r.kind}`)}</Link>
                <b>{r.n}</b>
              </div>
            ))}
            <Link to={f.environment.openLink}>
              {t("figures.openFindings", { count: f.environment.findings - f.environment.findingsSolved })}
            </Link>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
