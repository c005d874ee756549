// The volunteer service's figures, each computed from the records behind it and returned with its citation: hours by
// team, month and volunteer (the hours that count: final sign-ups and final meal deliveries), people served by kind,
// whether each month had its 16th and its 28th held, and the honour roll (荣誉榜, by hours); a drill-down lists the
// records behind one row. And the hours as a sheet in the national volunteer system's import layout.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { monthRange, monthsBetween, shiftMonth, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import {
  ACTIVITY_DAYS,
  type Citation,
  DRILL_LIMIT,
  type figuresQuery,
  type hoursExportQuery,
  MEAL_TEAM_KEY,
  type VolunteerFigureId,
} from "../../../contracts/volunteer-figures.ts";
import { hoursOf } from "../../../contracts/volunteer-records.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { CountedEntry, CountedSet, Totals, VolunteerHours } from "./volunteer-hours.ts";
import type { VolunteerReportsRepository } from "./volunteer-reports.repository.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { activityDaysOf } from "./volunteers.workflow.ts";

type FigureRecord = {
  ref: string;
  kind: "signup" | "meal_delivery" | "served" | "occurrence";
  date: string;
  stationId: number;
  title: string;
  volunteerId: number | null;
  volunteerName: string | null;
  minutes: number | null;
  count: number | null;
};

const menuOf = (text: string): { kind: string; name: string }[] => {
  try {
    return JSON.parse(text) as { kind: string; name: string }[];
  } catch {
    return [];
  }
};

/** The citation of a figure over a set of records: how many, and the SHA-256 of their sorted references. */
function citation(
  figure: VolunteerFigureId,
  refs: string[],
  scope: { stationIds: number[] | null; from: string; to: string },
  at: string,
): Citation {
  const sorted = [...refs].sort();
  return {
    figure,
    stationIds: scope.stationIds,
    from: scope.from,
    to: scope.to,
    computedAt: at,
    recordCount: sorted.length,
    recordSetHash: createHash("sha256").update(sorted.join("\n")).digest("hex"),
  };
}

const entryRecord = (e: CountedEntry): FigureRecord => ({
  ref: e.ref,
  kind: e.kind === "occurrence" ? "signup" : "meal_delivery",
  date: e.date,
  stationId: e.stationId,
  title: e.title,
  volunteerId: e.volunteerId,
  volunteerName: e.volunteerName,
  minutes: e.minutes,
  count: null,
});

/** Rows of hours of their totals, in the order of `keys` (rows without hours kept, so a chart shows them). */
function hoursRows(by: Totals, keys: { key: string; label: string }[]) {
  return keys.map(({ key, label }) => {
    const row = by.get(key) ?? { minutes: 0, records: 0 };
    return { key, label, minutes: row.minutes, hours: hoursOf(row.minutes), records: row.records };
  });
}

export class VolunteerFiguresService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly reports: VolunteerReportsRepository;
  private readonly hours: VolunteerHours;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: VolunteersRepository, reports: VolunteerReportsRepository, hours: VolunteerHours, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.reports = reports;
    this.hours = hours;
    this.clock = clock;
  }

  /** The period asked, by default the twelve months up to today (station calendar). */
  private period(query: { from?: string; to?: string }, now: Date) {
    const to = query.to ?? stationDate(now);
    const from = query.from ?? `${shiftMonth(stationMonth(now), -11)}-01`;
    return { from, to };
  }

  async figures(user: SessionUser, query: z.output<typeof figuresQuery>) {
    const now = this.clock.now();
    const at = now.toISOString();
    const today = stationDate(now);
    const { from, to } = this.period(query, now);
    const stationIds = stationFilter(user, query.stationId);
    const scope = { stationIds, from, to };
    const [totals, teams, served, dayOccurrences, series] = await Promise.all([
      this.hours.totals({ stationIds, from, to }, now),
      this.reports.teamsOfStations(stationIds),
      this.reports.servedBetween(stationIds, from, to),
      this.reports.occurrencesOnDays(stationIds, ACTIVITY_DAYS, from, to),
      this.repo.activeSeries(stationIds),
    ]);
    let total = 0;
    for (const t of totals.byMonth.values()) total += t.minutes;
    // The three hour figures count the same records: one hash for them.
    const hoursCitation = citation("hours_by_team", totals.refs, scope, at);
    const hoursFigure = (figure: VolunteerFigureId, rows: ReturnType<typeof hoursRows>) => ({
      rows,
      minutes: total,
      hours: hoursOf(total),
      citation: { ...hoursCitation, figure },
    });

    // Hours by team (a volunteer's meal deliveries as a row of their own), by month, by volunteer.
    const teamKeys = teams.map((t) => ({ key: String(t.id), label: t.name }));
    if (totals.byTeam.has("meal")) teamKeys.push({ key: MEAL_TEAM_KEY, label: "爱心餐送餐" });
    const byTeam = new Map([...totals.byTeam].map(([k, v]) => [k === "meal" ? MEAL_TEAM_KEY : k, v]));
    // Most hours first, as a ranking reads (a tie in the teams' order).
    const hoursByTeam = hoursFigure(
      "hours_by_team",
      hoursRows(byTeam, teamKeys).sort((a, b) => b.minutes - a.minutes),
    );
    const months = monthsBetween(from, to).map((m) => ({ key: m, label: m }));
    const hoursByMonth = hoursFigure("hours_by_month", hoursRows(totals.byMonth, months));
    const volunteerKeys = [...totals.byVolunteer.keys()].map((key) => {
      const v = totals.volunteers.get(Number(key)) ?? { name: "", number: "" };
      return { key, label: `${v.name}（${v.number}）`, name: v.name, number: v.number };
    });
    const volunteers = new Map(volunteerKeys.map((v) => [v.key, v]));
    const byVolunteer = hoursRows(totals.byVolunteer, volunteerKeys).sort(
      (a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label),
    );
    const hoursByVolunteer = hoursFigure("hours_by_volunteer", byVolunteer);

    // The honour roll: the most hours first, equal hours sharing a rank.
    const top = byVolunteer.slice(0, query.top);
    const teamNames = await this.reports.teamNamesOf(top.map((r) => Number(r.key)));
    let rank = 0;
    const honourRows = top.map((r, i) => {
      if (i === 0 || r.minutes !== top[i - 1].minutes) rank = i + 1;
      const v = volunteers.get(r.key);
      return {
        rank,
        volunteerId: Number(r.key),
        name: v?.name ?? "",
        number: v?.number ?? "",
        teams: teamNames.filter((t) => t.volunteer_id === Number(r.key)).map((t) => t.name),
        minutes: r.minutes,
        hours: r.hours,
        records: r.records,
      };
    });
    const honourIds = new Set(honourRows.map((r) => r.volunteerId));
    // The honour roll's records: those of its volunteers.
    const honourSet = await this.hours.countedSet({ stationIds, volunteerIds: [...honourIds], from, to }, now);
    const honourRoll = {
      rows: honourRows,
      citation: citation(
        "honour_roll",
        honourSet.rows.flatMap((r) => r.refs),
        scope,
        at,
      ),
    };

    // People served by kind (named as the teams' menus name them).
    const kindNames = new Map<string, string>();
    for (const t of teams) for (const m of menuOf(t.service_menu)) if (!kindNames.has(m.kind)) kindNames.set(m.kind, m.name);
    const byKind = new Map<string, { count: number; records: number }>();
    for (const s of served) {
      const row = byKind.get(s.kind) ?? { count: 0, records: 0 };
      row.count += s.count;
      row.records++;
      byKind.set(s.kind, row);
    }
    const servedByKind = {
      rows: [...byKind.entries()]
        .map(([kind, v]) => ({ key: kind, label: kindNames.get(kind) ?? kind, count: v.count, records: v.records }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      count: served.reduce((n, s) => n + s.count, 0),
      citation: citation(
        "served_by_kind",
        served.map((s) => `served:${s.id}`),
        scope,
        at,
      ),
    };

    // The 16th and the 28th of every month, at every station that runs activities.
    const running = [...new Set(series.map((s) => s.station_id))].sort((a, b) => a - b);
    const names = new Map(await Promise.all(running.map(async (id) => [id, await this.reports.stationName(id)] as const)));
    const perStation = running.map((stationId) => ({
      stationId,
      days: activityDaysOf(
        dayOccurrences
          .filter((o) => o.station_id === stationId)
          .map((o) => ({ id: o.id, date: o.date, status: o.status, endsAt: o.ends_at, attended: o.attended })),
        ACTIVITY_DAYS,
        from,
        to,
        today,
        now,
      ),
    }));
    const monthsHeld = (perStation[0]?.days.months ?? []).map((m) => ({
      month: m.month,
      days: m.days.map((d) => {
        const same = perStation.map((p) => p.days.months.find((x) => x.month === m.month)?.days.find((x) => x.date === d.date));
        return {
          day: d.day,
          date: d.date,
          held: same.every((x) => x?.held === true),
          occurrenceIds: same.flatMap((x) => x?.occurrenceIds ?? []),
        };
      }),
    }));
    const missing = perStation.flatMap((p) =>
      p.days.missing.map((m) => ({ stationId: p.stationId, stationName: names.get(p.stationId) ?? "", ...m })),
    );
    const activityDays = {
      months: monthsHeld,
      missing,
      allHeld: missing.length === 0,
      citation: citation(
        "activity_days",
        dayOccurrences.filter((o) => running.includes(o.station_id)).map((o) => `occurrence:${o.id}`),
        scope,
        at,
      ),
    };

    // The drill-down: the records behind one row (or the whole figure).
    let drill = null;
    if (query.figure) {
      const key = query.key ?? null;
      let records: FigureRecord[];
      if (query.figure === "served_by_kind") {
        records = served
          .filter((s) => key === null || s.kind === key)
          .map((s) => ({
            ref: `served:${s.id}`,
            kind: "served",
            date: s.date,
            stationId: s.station_id,
            title: s.title,
            volunteerId: null,
            volunteerName: null,
            minutes: null,
            count: s.count,
          }));
      } else if (query.figure === "activity_days") {
        records = dayOccurrences
          .filter((o) => running.includes(o.station_id) && (key === null || o.date === key))
          .map((o) => ({
            ref: `occurrence:${o.id}`,
            kind: "occurrence",
            date: o.date,
            stationId: o.station_id,
            title: o.title,
            volunteerId: null,
            volunteerName: null,
            minutes: null,
            count: o.attended,
          }));
      } else {
        // The records behind one row, read narrowed to it (a team or the meal deliveries, a month, a volunteer); the
        // honour roll's are its volunteers' sets.
        let sets: CountedSet[];
        if (query.figure === "honour_roll") {
          const ids = key === null ? [...honourIds] : [...honourIds].filter((id) => String(id) === key);
          sets = [key === null ? honourSet : await this.hours.countedSet({ stationIds, volunteerIds: ids, from, to }, now)];
        } else {
          const narrow =
            key === null
              ? {}
              : query.figure === "hours_by_team"
                ? key === MEAL_TEAM_KEY
                  ? { mealsOnly: true }
                  : { teamId: Number(key) }
                : query.figure === "hours_by_month"
                  ? { month: key }
                  : { volunteerId: Number(key) };
          sets = [await this.hours.countedSet({ stationIds, from, to, ...narrow }, now)];
        }
        // Words only for the records listed (DRILL_LIMIT); the citation covers them all.
        let room = DRILL_LIMIT;
        records = [];
        for (const set of sets) {
          const listed = set.rows.slice(0, room);
          room -= listed.length;
          if (listed.length) records.push(...set.entries(listed).map(entryRecord));
        }
        drill = {
          figure: query.figure,
          key,
          total: sets.reduce((n, set) => n + set.rows.length, 0),
          records,
          citation: citation(
            query.figure,
            sets.flatMap((set) => set.rows.flatMap((r) => r.refs)),
            scope,
            at,
          ),
        };
      }
      drill ??= {
        figure: query.figure,
        key,
        total: records.length,
        records: records.slice(0, DRILL_LIMIT),
        citation: citation(
          query.figure,
          records.flatMap((r) => r.ref.split(",")),
          scope,
          at,
        ),
      };
    }

    return { from, to, computedAt: at, hoursByTeam, hoursByMonth, hoursByVolunteer, servedByKind, activityDays, honourRoll, drill };
  }

  /**
   * The hours that count as a sheet laid out after the national volunteer system's (全国志愿服务信息系统) hour import:
   * one row per volunteer and service, hours in decimal hours; the volunteer number where that layout asks for an ID
   * number (none is kept here). The export is audited.
   */
  async nationalExport(user: SessionUser, query: z.output<typeof hoursExportQuery>, actor: Actor) {
    const now = this.clock.now();
    const lastMonth = monthRange(shiftMonth(stationMonth(now), -1));
    const from = query.from ?? lastMonth.from;
    const to = query.to ?? lastMonth.to;
    const stationIds = stationFilter(user, query.stationId);
    const entries = await this.hours.counted({ stationIds, from, to }, now);
    const stations = new Map<number, string>();
    for (const id of new Set(entries.map((e) => e.stationId))) stations.set(id, await this.reports.stationName(id));
    const rows = entries.map((e, i) => ({
      no: i + 1,
      name: e.volunteerName,
      number: e.volunteerNumber,
      date: e.date,
      start: e.startTime,
      end: e.endTime,
      hours: hoursOf(e.minutes),
      activity: e.title,
      place: e.place,
      content: e.content,
      team: e.teamName ?? "",
      recorder: e.recordedBy ?? "系统（爱心餐送达确认）",
      org: stations.get(e.stationId) ?? "",
      ref: e.ref,
    }));
    const data = await writeSheet("志愿服务时长", nationalColumns, [rows]);
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, actor, {
        at: now,
        action: "list.exported",
        objectType: "volunteer_hours",
        stationId: stationIds?.length === 1 ? stationIds[0] : null,
        after: { filters: { stationId: query.stationId ?? null, from, to }, rows: rows.length, layout: "national" },
      }),
    );
    return { data, fileName: `volunteer-hours-${from}-${to}.xlsx` };
  }
}

/** The national import layout's columns (docs/volunteers.md explains each). */
export const nationalColumns = [
  { key: "no", header: "序号" },
  { key: "name", header: "志愿者姓名" },
  { key: "number", header: "志愿者编号" },
  { key: "date", header: "服务日期" },
  { key: "start", header: "开始时间" },
  { key: "end", header: "结束时间" },
  { key: "hours", header: "服务时长(小时)" },
  { key: "activity", header: "活动名称" },
  { key: "place", header: "服务地点" },
  { key: "content", header: "服务内容" },
  { key: "team", header: "服务队伍" },
  { key: "recorder", header: "记录人" },
  { key: "org", header: "记录单位" },
  { key: "ref", header: "记录编号" },
] as const;
