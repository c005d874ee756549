import { Alert, Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, type ReactNode, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEAL_TEAM_KEY } from "../../../../contracts/volunteer-figures.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import type { EChartClick } from "../../../components/echart.tsx";
import { ExportButton } from "../../../components/export-button.tsx";
import { StationFilter } from "../../../components/station-filter.tsx";
import { type FiguresQuery, useVolunteerFigures, type VolunteerFigures } from "../api/figures.ts";
import { CitationLine, DrillDrawer, type DrillTarget } from "../components/figure-parts.tsx";

const EChart = lazy(() => import("../../../components/echart.tsx"));
const RED = "#c8161d";
/** 2026-03 → 26/03: twelve months fit under their bars. */
const monthLabel = (m: string) => `${m.slice(2, 4)}/${m.slice(5, 7)}`;
const GOLD = "#d4a017";

function FigureCard({
  title,
  extra,
  children,
  citation,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  citation: ReactNode;
  testId: string;
}) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} style={{ height: "100%" }} styles={{ body: { paddingBottom: 12 } }}>
      {children}
      {citation}
    </Card>
  );
}

function barOption(labels: string[], values: number[], unit: string, colour = RED, horizontal = false) {
  const category = { type: "category", data: labels, axisLabel: { interval: 0, width: horizontal ? 150 : 80, overflow: "truncate" } };
  const value = { type: "value", name: unit, minInterval: 1 };
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: horizontal ? 160 : 48, right: 24, top: 32, bottom: horizontal ? 24 : 48 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: "bar",
        data: values,
        itemStyle: { color: colour },
        barMaxWidth: 36,
        label: { show: true, position: horizontal ? "right" : "top" },
      },
    ],
  };
}

/** 志愿服务统计: final hours by team, month and volunteer, people served by kind, the 16th and 28th, the honour roll; each figure's records and citation. */
export default function VolunteerFiguresPage() {
  const { t } = useTranslation("volunteers");
  const me = useMe();
  const stations = useMemo(() => new Map(me.stations.map((s) => [s.id, s.name])), [me.stations]);
  const list = useListParams(["stationId", "from", "to"]);
  const query: FiguresQuery = {
    stationId: list.idOf("stationId"),
    from: list.filters.from,
    to: list.filters.to,
    top: 10,
  };
  const figures = useVolunteerFigures(query);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const f = figures.data;
  const hours = t("unit.hours");
  const people = t("figures.people");
  const detail = (target: DrillTarget) => (
    <Button type="link" size="small" onClick={() => setDrill(target)} data-testid={`drill-${target.figure}`}>
      {t("figures.records")}
    </Button>
  );
  const teamLabel = (r: { key: string; label: string }) => (r.key === MEAL_TEAM_KEY ? t("figures.mealDelivery") : r.label);

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("figures.title")}
        </Typography.Title>
        <Space wrap>
          <DatePicker.RangePicker
            picker="month"
            aria-label={t("figures.period")}
            value={f ? [dayjs(f.from), dayjs(f.to)] : null}
            onChange={(v) =>
              list.update({
                from: v?.[0] ? v[0].startOf("month").format("YYYY-MM-DD") : undefined,
                to: v?.[1] ? v[1].endOf("month").format("YYYY-MM-DD") : undefined,
              })
            }
            data-testid="figures-period"
          />
          <StationFilter value={list.filters.stationId} onChange={(stationId) => list.update({ stationId })} />
        </Space>
        <div style={{ flex: 1 }} />
        <Tooltip title={t("figures.exportHint")}>
          <span>
            <ExportButton
              path="/api/volunteer-figures"
              file="/api/volunteer-figures/hours.xlsx"
              query={{ stationId: query.stationId, from: query.from, to: query.to }}
              name="volunteer-hours"
            />
          </span>
        </Tooltip>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {f ? t("figures.intro", { from: f.from, to: f.to }) : t("figures.introLoading")}
      </Typography.Paragraph>
      {figures.isError && <Alert type="error" showIcon title={errorMessage(figures.error)} style={{ marginBottom: 16 }} />}
      {!f ? (
        <Spin style={{ display: "block", padding: 80 }} />
      ) : (
        <Suspense fallback={<Spin style={{ display: "block", padding: 80 }} />}>
          <Row gutter={[16, 16]} data-testid="figures">
            <Col xs={24} xl={12}>
              <FigureCard
                testId="figure-hours-by-team"
                title={t("figures.byTeam", { hours: f.hoursByTeam.hours })}
                extra={detail({ figure: "hours_by_team", label: t("figures.byTeamTitle") })}
                citation={<CitationLine citation={f.hoursByTeam.citation} stations={stations} />}
              >
                <EChart
                  testId="chart-hours-by-team"
                  label={t("figures.byTeamTitle")}
                  height={260}
                  option={barOption(
                    f.hoursByTeam.rows.map(teamLabel),
                    f.hoursByTeam.rows.map((r) => r.hours),
                    hours,
                    RED,
                    true,
                  )}
                  onClick={(p: EChartClick) => {
                    const r = f.hoursByTeam.rows[p.dataIndex];
                    if (r) setDrill({ figure: "hours_by_team", key: r.key, label: `${t("figures.byTeamTitle")} · ${teamLabel(r)}` });
                  }}
                />
              </FigureCard>
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                testId="figure-hours-by-month"
                title={t("figures.byMonth", { hours: f.hoursByMonth.hours })}
                extra={detail({ figure: "hours_by_month", label: t("figures.byMonthTitle") })}
                citation={<CitationLine citation={f.hoursByMonth.citation} stations={stations} />}
              >
                <EChart
                  testId="chart-hours-by-month"
                  label={t("figures.byMonthTitle")}
                  height={260}
                  option={barOption(
                    f.hoursByMonth.rows.map((r) => monthLabel(r.label)),
                    f.hoursByMonth.rows.map((r) => r.hours),
                    hours,
                  )}
                  onClick={(p: EChartClick) => {
                    const r = f.hoursByMonth.rows[p.dataIndex];
                    if (r) setDrill({ figure: "hours_by_month", key: r.key, label: `${t("figures.byMonthTitle")} · ${r.label}` });
                  }}
                />
              </FigureCard>
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                testId="figure-served-by-kind"
                title={t("figures.served", { count: f.servedByKind.count })}
                extra={detail({ figure: "served_by_kind", label: t("figures.servedTitle") })}
                citation={<CitationLine citation={f.servedByKind.citation} stations={stations} />}
              >
                {f.servedByKind.rows.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("figures.none")} style={{ height: 236 }} />
                ) : (
                  <EChart
                    testId="chart-served-by-kind"
                    label={t("figures.servedTitle")}
                    height={260}
                    option={barOption(
                      f.servedByKind.rows.map((r) => r.label),
                      f.servedByKind.rows.map((r) => r.count),
                      people,
                      GOLD,
                      true,
                    )}
                    onClick={(p: EChartClick) => {
                      const r = f.servedByKind.rows[p.dataIndex];
                      if (r) setDrill({ figure: "served_by_kind", key: r.key, label: `${t("figures.servedTitle")} · ${r.label}` });
                    }}
                  />
                )}
              </FigureCard>
            </Col>
            <Col xs={24} xl={12}>
              <ActivityDays f={f} stations={stations} onDrill={setDrill} />
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                testId="figure-honour-roll"
                title={t("figures.honourRoll")}
                citation={<CitationLine citation={f.honourRoll.citation} stations={stations} />}
              >
                <Table
                  rowKey="volunteerId"
                  size="small"
                  pagination={false}
                  dataSource={f.honourRoll.rows}
                  locale={{ emptyText: t("figures.none") }}
                  onRow={(r) => ({
                    onClick: () =>
                      setDrill({
                        figure: "hours_by_volunteer",
                        key: String(r.volunteerId),
                        label: `${t("figures.byVolunteerTitle")} · ${r.name}`,
                      }),
                    style: { cursor: "pointer" },
                  })}
                  columns={[
                    {
                      title: t("figures.rank"),
                      dataIndex: "rank",
                      width: 56,
                      align: "center",
                      render: (n: number) => (n <= 3 ? <Tag color={["gold", "default", "orange"][n - 1]}>{n}</Tag> : n),
                    },
                    { title: t("field.realName"), dataIndex: "name", width: 90 },
                    { title: t("field.teams"), dataIndex: "teams", ellipsis: true, render: (v: string[]) => v.join("、") || "—" },
                    { title: t("records.hours"), dataIndex: "hours", width: 80, align: "right" },
                  ]}
                  data-testid="honour-roll"
                />
              </FigureCard>
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                testId="figure-hours-by-volunteer"
                title={t("figures.byVolunteer", { count: f.hoursByVolunteer.rows.length })}
                extra={detail({ figure: "hours_by_volunteer", label: t("figures.byVolunteerTitle") })}
                citation={<CitationLine citation={f.hoursByVolunteer.citation} stations={stations} />}
              >
                <Table
                  rowKey="key"
                  size="small"
                  dataSource={f.hoursByVolunteer.rows}
                  pagination={{ pageSize: 8, size: "small", showSizeChanger: false }}
                  locale={{ emptyText: t("figures.none") }}
                  onRow={(r) => ({
                    onClick: () =>
                      setDrill({ figure: "hours_by_volunteer", key: r.key, label: `${t("figures.byVolunteerTitle")} · ${r.label}` }),
                    style: { cursor: "pointer" },
                  })}
                  columns={[
                    { title: t("field.realName"), dataIndex: "label" },
                    { title: t("records.services"), dataIndex: "records", width: 90, align: "right" },
                    { title: t("records.hours"), dataIndex: "hours", width: 90, align: "right" },
                  ]}
                />
              </FigureCard>
            </Col>
          </Row>
        </Suspense>
      )}
      <DrillDrawer query={query} target={drill} stations={stations} onClose={() => setDrill(null)} />
    </Card>
  );
}

/** Each month's 16th and 28th, held or missing (a day not come yet is left out). */
function ActivityDays({ f, stations, onDrill }: { f: VolunteerFigures; stations: Map<number, string>; onDrill: (d: DrillTarget) => void }) {
  const { t } = useTranslation("volunteers");
  const a = f.activityDays;
  return (
    <FigureCard
      testId="figure-activity-days"
      title={a.allHeld ? t("figures.daysAllHeld") : t("figures.daysMissing", { count: a.missing.length })}
      citation={<CitationLine citation={a.citation} stations={stations} />}
    >
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))", gap: 8 }} data-testid="activity-days">
        {a.months.map((m) => (
          <div key={m.month} style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <span style={{ width: 64, whiteSpace: "nowrap", color: "rgba(0,0,0,0.65)" }}>{m.month}</span>
            {m.days.map((d) => (
              <Tag
                key={d.date}
                color={d.held ? "green" : "red"}
                style={{ cursor: "pointer", marginInlineEnd: 0 }}
                onClick={() => onDrill({ figure: "activity_days", key: d.date, label: `${t("figures.daysTitle")} · ${d.date}` })}
                title={d.held ? t("figures.held") : t("figures.missing")}
              >
                {`${d.day}${t("figures.dayUnit")} ${d.held ? "✓" : "✗"}`}
              </Tag>
            ))}
          </div>
        ))}
      </div>
      {a.missing.length > 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }} data-testid="activity-days-missing">
          {t("figures.missingList", {
            list: a.missing.map((x) => `${x.date}${stations.size > 1 ? `（${x.stationName}）` : ""}`).join("、"),
          })}
        </Typography.Paragraph>
      )}
    </FigureCard>
  );
}
