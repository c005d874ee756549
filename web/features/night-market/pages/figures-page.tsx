import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { FigureLink } from "../../../components/figure-link.tsx";
import { StationFilter } from "../../../components/station-filter.tsx";
import { useFigures } from "../api/jobs.ts";
import { useSeasons } from "../api/seasons.ts";
import type { Figures } from "../api/types.ts";
import { NightMarketNav } from "../components/nav.tsx";

type Citation = Figures["visitorsPerNight"]["citation"];

function Source({ citation }: { citation: Citation }) {
  const { t } = useTranslation("night-market");
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`${citation.figure} · ${citation.recordSetHash}`}>
      {t("figures.records", { count: citation.recordCount })}
      {citation.from ? ` · ${citation.from} ~ ${citation.to}` : ""}
    </Typography.Text>
  );
}

/** 夜市指标: the report's night-market figures computed from the closed nights and the jobs register, each a link to its records. */
export default function FiguresPage() {
  const { t } = useTranslation("night-market");
  const list = useListParams(["stationId", "seasonId"]);
  const stationId = list.idOf("stationId");
  const seasonId = list.idOf("seasonId");
  const seasons = useSeasons(stationId);
  const figures = useFigures(stationId, seasonId);
  const f = figures.data;
  const card = (title: string, value: React.ReactNode, link: string, citation: Citation, testid: string, figure?: string) => (
    <Col xs={24} sm={12} lg={8} xl={4}>
      <Card size="small" data-testid={testid}>
        {figure && citation.from && citation.to ? (
          <Statistic
            title={<Link to={link}>{title}</Link>}
            value={value as string}
            valueRender={(node) => (
              <FigureLink
                id={figure}
                scope={stationId ? `station:${stationId}` : undefined}
                period={figure === "night_market.jobs" ? `${citation.to}..${citation.to}` : `${citation.from}..${citation.to}`}
              >
                {node}
              </FigureLink>
            )}
          />
        ) : (
          <Link to={link}>
            <Statistic title={title} value={value as string} />
          </Link>
        )}
        <Source citation={citation} />
      </Card>
    </Col>
  );
  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 12, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("figures.title")}
        </Typography.Title>
        <StationFilter value={stationId} onChange={(v) => list.search({ stationId: v })} />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t("field.season")}
          aria-label={t("field.season")}
          value={seasonId}
          onChange={(v) => list.search({ stationId, seasonId: v })}
          options={(seasons.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <div style={{ flex: 1 }} />
        {f && <Typography.Text type="secondary">{formatDateTime(f.computedAt)}</Typography.Text>}
        <ExportButton
          path="/api/night-market-figures"
          file="/api/night-market-figures/export"
          query={{ stationId, seasonId }}
          name="night-market-figures"
        />
      </div>
      {figures.isError && <Alert type="error" showIcon title={errorMessage(figures.error)} />}
      {f && (
        <>
          <Row gutter={[12, 12]}>
            {card(
              t("figures.visitorsPerNight"),
              `${Math.round(f.visitorsPerNight.value).toLocaleString()} ${t("figures.people", { count: Math.round(f.visitorsPerNight.value) })}`,
              f.visitorsPerNight.link,
              f.visitorsPerNight.citation,
              "figure-visitors",
              seasonId ? undefined : "night_market.visitors_per_night",
            )}
            {card(
              t("figures.turnoverPerNight"),
              formatYuan(f.turnoverPerNight.averageFen),
              f.turnoverPerNight.link,
              f.turnoverPerNight.citation,
              "figure-turnover",
              seasonId ? undefined : "night_market.turnover_per_night_fen",
            )}
            {card(
              `${t("figures.turnoverPerNight")} · ${t("figures.range")}`,
              `${formatYuan(f.turnoverPerNight.minFen)} – ${formatYuan(f.turnoverPerNight.maxFen)}`,
              f.turnoverPerNight.link,
              f.turnoverPerNight.citation,
              "figure-turnover-range",
            )}
            {card(
              t("figures.operatorsPerNight"),
              `${f.operatorsPerNight.value} ${t("figures.households", { count: f.operatorsPerNight.value })}`,
              f.operatorsPerNight.link,
              f.operatorsPerNight.citation,
              "figure-operators",
            )}
            {card(
              t("figures.currentJobs"),
              `${f.currentJobs.value} ${t("figures.jobsUnit", { count: f.currentJobs.value })}`,
              f.currentJobs.link,
              f.currentJobs.citation,
              "figure-jobs",
              "night_market.jobs",
            )}
            {card(
              t("figures.incidents"),
              `${f.incidents.value} ${t("figures.incidentsUnit", { count: f.incidents.value })}`,
              f.incidents.link,
              f.incidents.citation,
              "figure-incidents",
            )}
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            {(
              [
                ["byMonth", f.visitorsByMonth],
                ["byWeekday", f.visitorsByWeekday],
              ] as const
            ).map(([key, figure]) => (
              <Col xs={24} lg={12} key={key}>
                <Card size="small" title={t(`figures.${key}`)} extra={<Source citation={figure.citation} />}>
                  <Table
                    rowKey="key"
                    size="small"
                    pagination={false}
                    dataSource={figure.rows}
                    columns={[
                      {
                        title: key === "byMonth" ? t("nights.month") : t("nights.weekday"),
                        dataIndex: "label",
                        render: (l: string, r) => <Link to={r.link}>{key === "byWeekday" ? t(`weekday.${r.key}`) : l}</Link>,
                      },
                      { title: t("field.nights"), dataIndex: "nights", align: "right" },
                      {
                        title: t("figures.visitorsPerNight"),
                        dataIndex: "value",
                        align: "right",
                        render: (v: number) => Math.round(v).toLocaleString(),
                      },
                    ]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          {f.currentJobs.byOrigin.length > 0 && (
            <Space style={{ marginTop: 12 }} wrap data-testid="jobs-by-origin">
              <Typography.Text>{t("figures.jobsByOrigin")}</Typography.Text>
              {f.currentJobs.byOrigin.map((o) => (
                <Typography.Text key={o.origin} type="secondary">
                  {o.origin} {o.count}
                </Typography.Text>
              ))}
            </Space>
          )}
        </>
      )}
    </Card>
  );
}
