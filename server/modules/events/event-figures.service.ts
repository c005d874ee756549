// Figures of events and the stage, each computed from records and returned with how it was counted and a link to
// the records behind it: events by kind, theme and month; promotions' visitors and takings with their uplift,
// sample and baseline; the stage's performances and audiences; environment rounds held and findings solved.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { addDays, addMonths, monthsBetween, stationDate, stationDayBounds, stationMonth } from "../../../contracts/calendar.ts";
import type { EventKind, figuresQuery } from "../../../contracts/events.ts";
import type { Clock } from "../../platform/clock.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { list } from "./events.presenter.ts";
import { type EventsRepository, SOLVED } from "./events.repository.ts";
import { upliftOfRows } from "./events.uplift.ts";
import { dayFigures } from "./events.workflow.ts";

/** A figure's citation: what it counts, over which stations and period, when, how many records and their set's SHA-256. */
function citation(figure: string, refs: string[], scope: { stationIds: number[] | null; from: string; to: string }, at: string) {
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

export class EventFiguresService {
  private readonly repo: EventsRepository;
  private readonly clock: Clock;

  constructor(repo: EventsRepository, clock: Clock) {
    this.repo = repo;
    this.clock = clock;
  }

  /** The twelve months up to today (or a calendar year asked for). */
  async figures(user: SessionUser, query: z.output<typeof figuresQuery>) {
    return this.figuresOf(stationFilter(user, query.stationId), query);
  }

  /** The figures of the given stations (null: all) — for a caller that has checked its reader's reach itself. */
  async figuresOf(stationIds: number[] | null, query: z.output<typeof figuresQuery>) {
    const now = this.clock.now();
    const today = stationDate(now);
    const from = query.year ? `${query.year}-01-01` : addDays(addMonths(today, -12), 1);
    const to = query.year ? `${query.year}-12-31` : today;
    const [fromIso] = stationDayBounds(from);
    const [, toIso] = stationDayBounds(to);
    const period = { from, to };

    const rows = await this.repo.allEvents({ stationIds, from: fromIso, to: toIso });
    const byKind = new Map<EventKind, number>();
    const byTheme = new Map<string, number>();
    const byMonth = new Map<string, number>();
    for (const e of rows) {
      byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
      for (const t of list<string>(e.themes)) byTheme.set(t, (byTheme.get(t) ?? 0) + 1);
      const m = stationMonth(e.starts_at);
      byMonth.set(m, (byMonth.get(m) ?? 0) + 1);
    }
    // Every month of the period, one without an event at nought: a chart of the months shows the gap.
    for (const m of monthsBetween(from, to)) if (!byMonth.has(m)) byMonth.set(m, 0);

    // promotions and their uplift
    const promotions = rows.filter((e) => e.kind === "promotion" && e.status !== "cancelled");
    const counts = await this.repo.countsOf(promotions.map((p) => p.id));
    const takings = await this.repo.takingsOf(promotions.map((p) => p.id));
    const promotionRows = promotions.map((p) => {
      const figures = dayFigures(
        counts
          .filter((c) => c.event_id === p.id)
          .map((c) => ({ date: c.date, dayRole: c.day_role, method: c.method, visitors: c.visitors, recordedBy: c.recorded_by_name })),
      );
      const uplift = upliftOfRows(
        p,
        figures,
        takings.filter((t) => t.event_id === p.id),
      );
      return { id: p.id, title: p.title, startsAt: p.starts_at, status: p.status, uplift, link: `/events/${p.id}` };
    });
    const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

    const stage = await this.repo.performanceTotals(stationIds, fromIso, toIso);
    const bookings = await this.repo.bookingTotals(stationIds, fromIso, toIso);
    const env = await this.repo.roundTotals(stationIds, from, to);
    const findingsTotal = sum(env.findings.map((f) => f.n));
    const findingsSolved = sum(
      env.findings.filter((f) => f.status !== null && (SOLVED as readonly string[]).includes(f.status)).map((f) => f.n),
    );
    const range = `from=${from}&to=${to}`;
    const refs = await this.repo.figureRefs(stationIds, fromIso, toIso, from, to);
    const scope = { stationIds, from, to };
    const at = now.toISOString();
    return {
      period,
      computedAt: now.toISOString(),
      events: {
        total: rows.length,
        method: "count of event records whose start falls in the period",
        byKind: [...byKind.entries()].map(([kind, n]) => ({ kind, n, link: `/events?kind=${kind}&${range}` })),
        byTheme: [...byTheme.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([theme, n]) => ({ theme, n, link: `/events?theme=${encodeURIComponent(theme)}&${range}` })),
        citation: citation(
          "events",
          rows.map((e) => `event:${e.id}`),
          scope,
          at,
        ),
        byMonth: [...byMonth.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([month, n]) => ({ month, n, link: `/events?month=${month}` })),
      },
      promotions: {
        items: promotionRows,
        visitsUplift: sum(promotionRows.map((p) => p.uplift.visits.uplift)),
        takingsUpliftFen: sum(promotionRows.map((p) => p.uplift.takings.upliftFen)),
        sampleSize: sum(promotionRows.map((p) => p.uplift.takings.sampleSize)),
        countRecords: counts.length,
        takingsRecords: takings.length,
        citation: citation(
          "promotions",
          [...counts.map((c) => `event_count:${c.id}`), ...takings.map((x) => `event_takings:${x.id}`)],
          scope,
          at,
        ),
        link: `/events?kind=promotion&${range}`,
      },
      stage: {
        teams: stage.map((s) => ({ ...s, link: `/stage?tab=performances&teamId=${s.teamId}&${range}` })),
        performances: sum(stage.map((s) => s.performances)),
        audience: sum(stage.map((s) => s.audience)),
        bookings,
        citation: citation("stage", refs.performances, scope, at),
        link: `/stage?tab=performances&${range}`,
      },
      environment: {
        rounds: env.rounds.map((r) => ({ ...r, link: `/environment?kind=${r.kind}&${range}` })),
        roundsTotal: sum(env.rounds.map((r) => r.n)),
        findings: findingsTotal,
        findingsSolved,
        citation: citation("environment", refs.environment, scope, at),
        link: `/environment?${range}`,
        openLink: `/environment?solved=no&${range}`,
      },
    };
  }
}
