import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined, SyncOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { shiftMonth, stationDate, stationMonth, stationTime } from "../../../../contracts/calendar.ts";
import { describeRule } from "../../../../contracts/schedule.ts";
import { currentLanguage, errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { MonthCalendar } from "../../../components/month-calendar.tsx";
import { StationFilter } from "../../../components/station-filter.tsx";
import { useOccurrences } from "../api/occurrences.ts";
import { useGenerateOccurrences, useSeriesList } from "../api/series.ts";
import { useTeams } from "../api/teams.ts";
import type { Occurrence, Series } from "../api/types.ts";
import { SeriesFormDrawer } from "../components/series-form-drawer.tsx";
import "../volunteers.css";

const chipColour = { open: "#c8161d", withdrawn: "#8c8c8c", cancelled: "#8c8c8c" } as const;

/** One occurrence on the calendar: time, title, places taken (and waiting) across its teams. */
function OccurrenceChip({ o, onOpen }: { o: Occurrence; onOpen: () => void }) {
  const { t } = useTranslation("volunteers");
  const places = o.teams.reduce((n, team) => n + team.places, 0);
  const taken = o.teams.reduce((n, team) => n + team.signedUp, 0);
  const waiting = o.teams.reduce((n, team) => n + team.waitlisted, 0);
  const closed = o.status !== "open";
  const colour = chipColour[o.status];
  return (
    <Tooltip
      mouseEnterDelay={0.4}
      title={
        <div>
          <div>{o.title}</div>
          <div>{`${stationTime(o.startsAt)}–${stationTime(o.endsAt)} · ${o.place}`}</div>
          {o.teams.map((team) => (
            <div key={team.teamId}>{t("calendar.teamPlaces", { team: team.teamName, taken: team.signedUp, places: team.places })}</div>
          ))}
          {closed && <div>{t(`occurrenceStatus.${o.status}`)}</div>}
        </div>
      }
    >
      <button
        type="button"
        className="dd-vol-chip"
        onClick={onOpen}
        data-testid={`occurrence-${o.id}`}
        style={{ borderLeft: `4px solid ${colour}`, background: `${colour}12`, opacity: closed ? 0.75 : 1 }}
      >
        <div className="dd-vol-chip-title" style={{ textDecoration: closed ? "line-through" : undefined }}>
          {o.title}
        </div>
        <div className="dd-vol-chip-meta">
          <span style={{ whiteSpace: "nowrap" }}>{`${stationTime(o.startsAt)}–${stationTime(o.endsAt)}`}</span>
          <span>
            {closed
              ? t(`occurrenceStatus.${o.status}`)
              : o.certification !== "uncertified"
                ? t(`calendar.certification.${o.certification}`)
                : `${taken}/${places}${waiting ? ` +${waiting}` : ""}`}
          </span>
        </div>
      </button>
    </Tooltip>
  );
}

function SeriesTab({ stationId }: { stationId?: number }) {
  const { t } = useTranslation("volunteers");
  const series = useSeriesList(stationId);
  const teams = useTeams(stationId);
  const names = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const ruleText = (s: Series) =>
    s.repeat.kind === "once" ? t("series.onceOn", { date: s.repeat.date }) : describeRule(s.repeat, currentLanguage());
  return (
    <>
      {series.isError && <Alert type="error" showIcon title={errorMessage(series.error)} style={{ marginBottom: 16 }} />}
      <Table<Series>
        rowKey="id"
        size="middle"
        loading={series.isFetching}
        dataSource={series.data ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t("series.empty")} /> }}
        data-testid="series-table"
        columns={[
          { title: t("field.title"), dataIndex: "title", width: 150 },
          {
            title: t("series.schedule"),
            key: "repeat",
            width: 150,
            render: (_: unknown, s) => (
              <div style={{ lineHeight: 1.4 }}>
                <div>{ruleText(s)}</div>
                <Typography.Text type="secondary">{`${s.startTime}–${s.endTime}`}</Typography.Text>
              </div>
            ),
          },
          { title: t("field.place"), dataIndex: "place", width: 180, ellipsis: true },
          {
            title: t("series.teams"),
            dataIndex: "teamIds",
            render: (ids: number[]) => (
              <Space size={[4, 4]} wrap>
                {ids.map((id) => (
                  <Tag key={id}>{names.get(id) ?? id}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t("field.placesPerTeam"), dataIndex: "placesPerTeam", width: 80, align: "right" },
          {
            title: t("field.deadlineHours"),
            dataIndex: "deadlineHours",
            width: 110,
            render: (h: number) => t("series.deadlineShort", { hours: h }),
          },
          {
            title: t("series.validity"),
            key: "validity",
            width: 170,
            render: (_: unknown, s) => `${formatDate(s.validFrom)} ~ ${s.validTo ? formatDate(s.validTo) : t("series.noEnd")}`,
          },
        ]}
      />
    </>
  );
}

/** 活动日历: the month's occurrences on a calendar, the series behind them, and generating the coming occurrences. */
export default function ActivitiesPage() {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const list = useListParams(["month", "stationId", "tab"]);
  const today = stationDate(new Date());
  const month = list.filters.month ?? stationMonth(new Date());
  const stationId = list.filters.stationId ? Number(list.filters.stationId) : undefined;
  const tab = list.filters.tab ?? "calendar";
  const occurrences = useOccurrences(month, stationId);
  const generate = useGenerateOccurrences();
  const [creating, setCreating] = useState(false);
  const manage = can("volunteer.manage");
  const byDate = useMemo(() => {
    const m = new Map<string, Occurrence[]>();
    for (const o of occurrences.data ?? []) m.set(o.date, [...(m.get(o.date) ?? []), o]);
    return m;
  }, [occurrences.data]);
  const go = (delta: number) => list.update({ month: shiftMonth(month, delta) });
  const data = occurrences.data ?? [];
  const open = data.filter((o) => o.status === "open");

  const runGenerate = async () => {
    try {
      const result = await generate.mutateAsync(stationId ? { stationId } : {});
      message.success(result.created ? t("calendar.generated", { count: result.created }) : t("calendar.generatedNone"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("calendar.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <StationFilter value={stationId} onChange={(v) => list.update({ stationId: v })} />
        {manage && (
          <>
            <Tooltip title={t("calendar.generateHint")}>
              <Button icon={<SyncOutlined />} onClick={runGenerate} loading={generate.isPending} data-testid="occurrences-generate">
                {t("calendar.generate")}
              </Button>
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="series-create">
              {t("series.create")}
            </Button>
          </>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ tab: key === "calendar" ? undefined : key })}
        items={[
          {
            key: "calendar",
            label: (
              <span>
                <CalendarOutlined /> {t("calendar.tabMonth")}
              </span>
            ),
            children:
              tab !== "calendar" ? null : (
                <>
                  <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12, marginBottom: 12 }}>
                    <Space.Compact>
                      <Button icon={<LeftOutlined />} onClick={() => go(-1)} aria-label={t("calendar.prev")} data-testid="month-prev" />
                      <Button
                        style={{ minWidth: 140, fontWeight: 600 }}
                        onClick={() => list.update({ month: undefined })}
                        data-testid="month-label"
                      >
                        {dayjs(`${month}-01`).format(t("calendar.monthFormat"))}
                      </Button>
                      <Button icon={<RightOutlined />} onClick={() => go(1)} aria-label={t("calendar.next")} data-testid="month-next" />
                    </Space.Compact>
                    <Typography.Text type="secondary" data-testid="calendar-summary">
                      {t("calendar.summary", {
                        count: open.length,
                        signedUp: open.reduce((n, o) => n + o.teams.reduce((k, team) => k + team.signedUp, 0), 0),
                      })}
                    </Typography.Text>
                    <div style={{ flex: 1 }} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("calendar.legend")}
                    </Typography.Text>
                  </div>
                  {occurrences.isError && (
                    <Alert type="error" showIcon title={errorMessage(occurrences.error)} style={{ marginBottom: 12 }} />
                  )}
                  {occurrences.isPending ? (
                    <Spin style={{ display: "block", padding: 80 }} />
                  ) : (
                    <MonthCalendar
                      month={month}
                      today={today}
                      weekday={(d) => t(`weekday.${d}`)}
                      todayMark={
                        <Tag color="red" style={{ marginInlineEnd: 0 }}>
                          {t("calendar.today")}
                        </Tag>
                      }
                      testId="volunteer-calendar"
                      renderDay={(date) =>
                        (byDate.get(date) ?? []).map((o) => (
                          <OccurrenceChip key={o.id} o={o} onOpen={() => navigate(`/volunteer-activities/${o.id}`)} />
                        ))
                      }
                    />
                  )}
                </>
              ),
          },
          { key: "series", label: t("series.tab"), children: tab === "series" ? <SeriesTab stationId={stationId} /> : null },
        ]}
      />
      <SeriesFormDrawer open={creating} onClose={() => setCreating(false)} stationId={stationId} />
    </Card>
  );
}
