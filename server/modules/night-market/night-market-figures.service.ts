// The night market's figures, from closed nights and the jobs register only: average visitors a night (overall, by
// month, by weekday), turnover a night (range and average), operators a night, current jobs, incidents. Each comes
// with its citation (the records behind it, their count and hash) and a link to the nights it stands on.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { stationDate, weekdayOf } from "../../../contracts/calendar.ts";
import { type figuresQuery, type IncidentKind, incidentKinds, type NightMarketFigures } from "../../../contracts/night-market.ts";
import type { Clock } from "../../platform/clock.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { stationFilter } from "../../platform/scope.ts";
import { writeSheet } from "../../platform/sheets.ts";
import { isCurrentJob } from "./night-market.presenter.ts";
import type { NightMarketRepository } from "./night-market.repository.ts";

const weekdayLabels = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const avg = (values: number[]) => (values.length ? Math.round((values.reduce((n, v) => n + v, 0) / values.length) * 10) / 10 : 0);
const hash = (refs: string[]) =>
  createHash("sha256")
    .update([...refs].sort().join("\n"))
    .digest("hex");

export class NightMarketFiguresService {
  private readonly repo: NightMarketRepository;
  private readonly clock: Clock;

  constructor(repo: NightMarketRepository, clock: Clock) {
    this.repo = repo;
    this.clock = clock;
  }

  async figures(user: SessionUser, query: z.output<typeof figuresQuery>): Promise<NightMarketFigures> {
    return this.figuresOf(stationFilter(user, query.stationId), query);
  }

  /** The figures of the given stations (null: all) — for a caller that has checked its reader's reach itself. */
  async figuresOf(stationIds: number[] | null, query: z.output<typeof figuresQuery>): Promise<NightMarketFigures> {
    const now = this.clock.now();
    const computedAt = now.toISOString();
    const today = stationDate(now);
    const nights = await this.repo.closedNights(stationIds, query.seasonId);
    const from = nights[0]?.night ?? null;
    const to = nights.at(-1)?.night ?? null;
    const scope = `${query.stationId ? `&stationId=${query.stationId}` : ""}${query.seasonId ? `&seasonId=${query.seasonId}` : ""}`;
    const nightsLink = (extra = "") => `/night-market/nights?status=closed${scope}${extra}`;
    const cite = (figure: string, refs: string[]) => ({
      figure,
      stationIds,
      from,
      to,
      computedAt,
      recordCount: refs.length,
      recordSetHash: hash(refs),
    });
    const nightRefs = nights.map((n) => `night:${n.id}`);

    const group = (keyOf: (night: string) => string, label: (key: string) => string, link: (key: string) => string) => {
      const by = new Map<string, typeof nights>();
      for (const n of nights) by.set(keyOf(n.night), [...(by.get(keyOf(n.night)) ?? []), n]);
      return [...by.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, rows]) => ({
          key,
          label: label(key),
          nights: rows.length,
          value: avg(rows.map((r) => r.visitors_in ?? 0)),
          link: link(key),
        }));
    };
    const turnover = nights.map((n) => n.turnover_fen ?? 0);

    const jobs = (await this.repo.jobs({ stationIds, today, current: true }, { limit: 100_000, offset: 0 })).rows.filter((j) =>
      isCurrentJob(j, today),
    );
    const origins = new Map<string, number>();
    for (const j of jobs) origins.set(j.origin, (origins.get(j.origin) ?? 0) + 1);
    const incidents = await this.repo.incidentKinds(stationIds, query.seasonId);
    const byKind = new Map<IncidentKind, number>();
    for (const i of incidents) byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + 1);

    return {
      computedAt,
      nights: nights.length,
      visitorsPerNight: {
        value: avg(nights.map((n) => n.visitors_in ?? 0)),
        citation: cite("visitors_per_night", nightRefs),
        link: nightsLink(),
      },
      visitorsByMonth: {
        rows: group(
          (night) => night.slice(0, 7),
          (key) => key,
          (key) => nightsLink(`&month=${key}`),
        ),
        citation: cite("visitors_by_month", nightRefs),
      },
      visitorsByWeekday: {
        rows: group(
          (night) => String(weekdayOf(night)),
          (key) => weekdayLabels[Number(key)],
          (key) => nightsLink(`&weekday=${key}`),
        ),
        citation: cite("visitors_by_weekday", nightRefs),
      },
      turnoverPerNight: {
        averageFen: turnover.length ? Math.round(turnover.reduce((n, v) => n + v, 0) / turnover.length) : 0,
        minFen: turnover.length ? Math.min(...turnover) : 0,
        maxFen: turnover.length ? Math.max(...turnover) : 0,
        citation: cite("turnover_per_night", nightRefs),
        link: nightsLink(),
      },
      operatorsPerNight: {
        value: avg(nights.map((n) => n.operators ?? 0)),
        citation: cite("operators_per_night", nightRefs),
        link: nightsLink(),
      },
      currentJobs: {
        value: jobs.length,
        byOrigin: [...origins.entries()].map(([origin, count]) => ({ origin, count })).sort((a, b) => b.count - a.count),
        citation: {
          ...cite(
            "current_jobs",
            jobs.map((j) => `job:${j.id}`),
          ),
          from: today,
          to: today,
        },
        link: `/night-market/jobs?current=true${query.stationId ? `&stationId=${query.stationId}` : ""}`,
      },
      incidents: {
        value: incidents.length,
        byKind: incidentKinds.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
        citation: cite(
          "incidents",
          incidents.map((i) => `incident:${i.id}`),
        ),
        link: `/night-market/incidents${query.stationId ? `?stationId=${query.stationId}` : ""}`,
      },
    };
  }

  /** The figures as a workbook sheet: one row per figure (and per month and weekday), with its record count and hash. */
  async export(user: SessionUser, query: z.output<typeof figuresQuery>) {
    const f = await this.figures(user, query);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const rows: Record<string, unknown>[] = [
      {
        figure: "每晚平均客流（人次）",
        value: f.visitorsPerNight.value,
        nights: f.nights,
        records: f.visitorsPerNight.citation.recordCount,
        hash: f.visitorsPerNight.citation.recordSetHash,
      },
      ...f.visitorsByMonth.rows.map((r) => ({
        figure: `每晚平均客流 · ${r.label}`,
        value: r.value,
        nights: r.nights,
        records: r.nights,
        hash: "",
      })),
      ...f.visitorsByWeekday.rows.map((r) => ({
        figure: `每晚平均客流 · ${r.label}`,
        value: r.value,
        nights: r.nights,
        records: r.nights,
        hash: "",
      })),
      {
        figure: "每晚平均营业额（元）",
        value: yuan(f.turnoverPerNight.averageFen),
        nights: f.nights,
        records: f.nights,
        hash: f.turnoverPerNight.citation.recordSetHash,
      },
      { figure: "每晚最低营业额（元）", value: yuan(f.turnoverPerNight.minFen), nights: f.nights, records: f.nights, hash: "" },
      { figure: "每晚最高营业额（元）", value: yuan(f.turnoverPerNight.maxFen), nights: f.nights, records: f.nights, hash: "" },
      {
        figure: "每晚平均经营者（户）",
        value: f.operatorsPerNight.value,
        nights: f.nights,
        records: f.nights,
        hash: f.operatorsPerNight.citation.recordSetHash,
      },
      {
        figure: "当前就业岗位（个）",
        value: f.currentJobs.value,
        nights: "",
        records: f.currentJobs.citation.recordCount,
        hash: f.currentJobs.citation.recordSetHash,
      },
      {
        figure: "事件（起）",
        value: f.incidents.value,
        nights: "",
        records: f.incidents.citation.recordCount,
        hash: f.incidents.citation.recordSetHash,
      },
    ];
    const data = await writeSheet(
      "夜市指标",
      [
        { key: "figure", header: "指标" },
        { key: "value", header: "数值" },
        { key: "nights", header: "晚数" },
        { key: "records", header: "记录数" },
        { key: "hash", header: "记录集哈希" },
      ],
      [rows],
    );
    return { data, fileName: `night-market-figures-${stationDate(this.clock.now())}.xlsx` };
  }
}
