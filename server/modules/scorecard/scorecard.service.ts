// The unit scorecard: per alliance unit, problems assigned and resolved, the on-time rate and average rating
// (from the problems module), held meetings invited to and attended, action items and those done (from the
// meetings module) — for a period, and month by month for one unit.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { monthRange, monthsBetween, shiftMonth, stationDate } from "../../../contracts/calendar.ts";
import type { scorecardQuery, UnitScore } from "../../../contracts/meetings.ts";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import { assertStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { unitScopeOf } from "../alliance-units/alliance-units.service.ts";
import { ScorecardRepository } from "./scorecard.repository.ts";

type Query = z.output<typeof scorecardQuery>;

/** What the problems service gives per unit (dates are station dates, inclusive). */
export interface ProblemFigures {
  unitStats(
    stationIds: number[] | null,
    from?: string,
    to?: string,
  ): Promise<{ unitId: number; assigned: number; resolved: number; onTime: number; ratingSum: number; ratingCount: number }[]>;
}

/** What the meetings service gives per unit (dates are station dates, inclusive). */
export interface MeetingFigures {
  unitStats(
    stationIds: number[] | null,
    from?: string,
    to?: string,
  ): Promise<{
    meetings: { unitId: number; invited: number; attended: number }[];
    items: { unitId: number; actionItems: number; done: number }[];
  }>;
}

/** The longest history one request computes, in months. */
const MAX_MONTHS = 36;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export class ScorecardService {
  readonly repo: ScorecardRepository;
  private readonly problems: ProblemFigures;
  private readonly meetings: MeetingFigures;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, sources: { problems: ProblemFigures; meetings: MeetingFigures }, clock: Clock) {
    this.repo = new ScorecardRepository(db);
    this.problems = sources.problems;
    this.meetings = sources.meetings;
    this.clock = clock;
  }

  private async scores(
    units: { id: number; name: string; kind: string; station_id: number; station_name: string }[],
    stationIds: number[] | null,
    from?: string,
    to?: string,
  ) {
    const [problems, meetings] = await Promise.all([
      this.problems.unitStats(stationIds, from, to),
      this.meetings.unitStats(stationIds, from, to),
    ]);
    return units.map((u): UnitScore => {
      const p = problems.find((x) => x.unitId === u.id);
      const m = meetings.meetings.find((x) => x.unitId === u.id);
      const a = meetings.items.find((x) => x.unitId === u.id);
      return {
        unitId: u.id,
        unitName: u.name,
        unitKind: u.kind,
        stationId: u.station_id,
        stationName: u.station_name,
        problemsAssigned: p?.assigned ?? 0,
        problemsResolved: p?.resolved ?? 0,
        onTimeRate: p && p.resolved > 0 ? round(p.onTime / p.resolved, 4) : null,
        averageRating: p && p.ratingCount > 0 ? round(p.ratingSum / p.ratingCount, 2) : null,
        meetingsInvited: m?.invited ?? 0,
        meetingsAttended: m?.attended ?? 0,
        actionItems: a?.actionItems ?? 0,
        actionItemsDone: a?.done ?? 0,
      };
    });
  }

  /** Every unit of the caller's stations (unit accounts: their own unit only). */
  async scorecard(user: SessionUser, query: Query): Promise<UnitScore[]> {
    const stationIds = stationFilter(user, query.stationId);
    const own = unitScopeOf(user);
    const units = await this.repo.units(stationIds, own ?? undefined);
    if (units.length === 0) return [];
    return this.scores(units, stationIds, query.from, query.to);
  }

  /** One unit month by month (station calendar), from `from` (default: eleven months back) to `to` (default: today). */
  async history(user: SessionUser, unitId: number, query: Query) {
    const unit = await this.repo.unit(unitId);
    if (!unit) throw notFound();
    assertStation(user, unit.station_id);
    const own = unitScopeOf(user);
    if (own !== null && own !== unit.id) throw notFound();
    const to = query.to ?? stationDate(this.clock.now());
    const months = monthsBetween(query.from ?? shiftMonth(to.slice(0, 7), -11), to).slice(-MAX_MONTHS);
    const out: (UnitScore & { month: string })[] = [];
    for (const month of months) {
      const { from: first, to: last } = monthRange(month);
      const [score] = await this.scores(
        [unit],
        [unit.station_id],
        query.from && query.from > first ? query.from : first,
        [to, last].sort()[0],
      );
      out.push({ month, ...score });
    }
    return out;
  }
}
