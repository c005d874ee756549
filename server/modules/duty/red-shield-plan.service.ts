// The Red Shield post's plan per station (which unit, which days, the slots, the place) and the sessions it
// keeps generated ahead, by the daily job or on demand.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type { planUpdateSchema } from "../../../contracts/duty.ts";
import { describeRule, expandRule, parseRule } from "../../../contracts/schedule.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { reachesStation, type SessionUser, scopeKind, targetStation } from "../../platform/scope.ts";
import { presentPlan } from "./duty.presenter.ts";
import { reachOf } from "./red-shield.access.ts";
import type { PlanRow, RedShieldReach, RedShieldRepository } from "./red-shield.repository.ts";
import { refuse } from "./refusal.ts";

/** How far ahead sessions are kept generated. */
export const GENERATE_DAYS = 60;

type PlanInput = z.output<typeof planUpdateSchema>;

export class RedShieldPlanService {
  private readonly db: Kysely<DB>;
  private readonly repo: RedShieldRepository;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: RedShieldRepository, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
  }

  async plan(user: SessionUser, stationId: number | undefined) {
    let station = stationId ?? (user.stationIds && user.stationIds.length > 0 ? Math.min(...user.stationIds) : undefined);
    if (station === undefined) {
      const first = await this.repo.firstStation();
      if (first === null) throw notFound();
      station = first;
    }
    if (!reachesStation(user, station)) throw notFound();
    const row = await this.repo.planOf(station);
    const visible = row && (scopeKind(user) !== "unit" || row.unit_id === user.allianceUnitId);
    return { stationId: station, plan: row && visible ? presentPlan(row) : null };
  }

  async savePlan(user: SessionUser, input: PlanInput, actor: Actor) {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    const unit = await this.repo.unit(input.unitId);
    if (!unit || unit.station_id !== stationId || unit.status !== "active") throw refuse("duty.bad_unit", {}, "unitId");
    if (scopeKind(user) === "unit" && input.unitId !== user.allianceUnitId) throw refuse("duty.bad_unit", {}, "unitId");
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      await this.repo.lockStation(trx, stationId);
      const before = await this.repo.planOf(stationId, trx);
      if (before && scopeKind(user) === "unit" && before.unit_id !== user.allianceUnitId) throw notFound();
      const values = {
        unit_id: input.unitId,
        rule: JSON.stringify(input.rule),
        start_time: input.startTime,
        end_time: input.endTime,
        slot_minutes: input.slotMinutes,
        place: input.place,
        active: input.active ? 1 : 0,
        updated_at: at,
      };
      let id: number;
      if (before) {
        id = before.id;
        await this.repo.updatePlan(trx, id, values);
      } else {
        id = await this.repo.insertPlan(trx, { ...values, station_id: stationId, created_at: at });
      }
      const after = await this.repo.planOf(stationId, trx);
      if (!after) throw notFound();
      const view = (p: PlanRow) => ({
        unitId: p.unit_id,
        rule: describeRule(parseRule(p.rule) ?? input.rule, "zh-CN"),
        time: `${p.start_time}-${p.end_time}`,
        slotMinutes: p.slot_minutes,
        place: p.place,
        active: p.active === 1,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: before ? "red_shield_plan.updated" : "red_shield_plan.created",
        objectType: "red_shield_plan",
        objectId: id,
        stationId,
        before: before ? view(before) : undefined,
        after: view(after),
      });
      return { stationId, plan: presentPlan(after) };
    });
  }

  /**
   * Keeps the next `days` of sessions generated for the active plans in reach: a day already holding a session
   * (held, cancelled or scheduled) is left as it is, so running it again never duplicates a day.
   */
  async generate(reach: RedShieldReach, days: number, actor: Actor, now: Date) {
    const today = stationDate(now);
    const until = addDays(today, days);
    const plans = await this.repo.activePlans(reach);
    let created = 0;
    for (const plan of plans) {
      const rule = parseRule(plan.rule);
      if (!rule) continue;
      const at = now.toISOString();
      const dates = expandRule(rule, today, until);
      if (dates.length === 0) continue;
      await this.db.transaction().execute(async (trx) => {
        const n = await this.repo.insertSessions(
          trx,
          dates.map((date) => ({
            station_id: plan.station_id,
            plan_id: plan.id,
            unit_id: plan.unit_id,
            date,
            start_time: plan.start_time,
            end_time: plan.end_time,
            slot_minutes: plan.slot_minutes,
            place: plan.place,
            status: "scheduled",
            cancel_reason: null,
            created_at: at,
            updated_at: at,
          })),
        );
        if (n > 0) {
          await appendAudit(trx, actor, {
            at: now,
            action: "red_shield_sessions.generated",
            objectType: "red_shield_plan",
            objectId: plan.id,
            stationId: plan.station_id,
            after: { created: n, until },
          });
        }
        created += n;
      });
    }
    return { created, until };
  }

  async generateFor(user: SessionUser, input: { days: number; stationId?: number }, actor: Actor) {
    const reach = reachOf(user, input.stationId);
    const plans = await this.repo.activePlans(reach);
    if (plans.length === 0) throw refuse("redshield.no_plan");
    return this.generate(reach, input.days, actor, this.clock.now());
  }

  jobs(): Job[] {
    return [
      {
        name: "redshield.sessions",
        everyMs: 24 * 3_600_000,
        run: (now) => this.generate({ stationIds: null }, GENERATE_DAYS, systemActor, now),
      },
    ];
  }
}
