// The departments' duty roster (轮值坐班): which alliance units and departments sit at the station on which day,
// with how many requests each takes. Staff edit it (one shift, or many from a repeat rule), unit accounts see
// their own days, the district reads it. Every write of a station's roster first locks the station's settings
// row, so the conflict and desks checks and the write they guard never interleave.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { addDays, monthRange, stationDate } from "../../../contracts/calendar.ts";
import {
  DEFAULT_DESKS,
  type dutySettingsQuery,
  type dutySettingsUpdateSchema,
  type myShiftsSchema,
  type Roster,
  type RulePreview,
  type rosterQuery,
  type ruleCreateSchema,
  type rulePreviewInput,
  type Shift,
  type shiftCreateSchema,
  type shiftUpdateSchema,
} from "../../../contracts/duty.ts";
import { describeRule, expandRule } from "../../../contracts/schedule.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, invalidField, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, scopeKind, targetStation } from "../../platform/scope.ts";
import { presentRule, presentShift } from "./duty.presenter.ts";
import { DutyRepository, type ShiftRow } from "./duty.repository.ts";
import { refuse } from "./refusal.ts";
import { checkDay, checkDesks, checkShiftEdit, type DayRefusal, planDates, type ShiftEditRefusal } from "./roster.workflow.ts";
import { ShiftPlaces } from "./shift-places.service.ts";

type ShiftCreate = z.output<typeof shiftCreateSchema>;
type ShiftUpdate = z.output<typeof shiftUpdateSchema>;
type RuleInput = z.output<typeof rulePreviewInput>;
type RuleCreate = z.output<typeof ruleCreateSchema>;

/** The later of two YYYY-MM-DD dates. */
const laterOf = (a: string, b: string) => (a > b ? a : b);

function dayRefusal(r: DayRefusal, unitName: string, field = "date") {
  if (r.kind === "past") return refuse("duty.past_day", { date: r.date }, field);
  if (r.kind === "conflict") return refuse("duty.conflict", { date: r.date, unit: unitName }, field);
  return refuse("duty.desks_full", { date: r.date, count: r.count, desks: r.desks }, field);
}

function editRefusal(r: ShiftEditRefusal) {
  if (r.kind === "past") return refuse("duty.past_day", { date: r.date }, "date");
  if (r.kind === "booked") return refuse("duty.shift_booked", { booked: r.booked }, "date");
  return refuse("duty.capacity_below_booked", { booked: r.booked }, "capacity");
}

const shiftAudit = (s: ShiftRow | Shift) =>
  "unit_id" in s
    ? {
        unitId: s.unit_id,
        date: s.date,
        startTime: s.start_time,
        endTime: s.end_time,
        capacity: s.capacity,
        officerUserId: s.officer_user_id,
      }
    : { unitId: s.unitId, date: s.date, startTime: s.startTime, endTime: s.endTime, capacity: s.capacity, officerUserId: s.officerUserId };

export class DutyService {
  readonly repo: DutyRepository;
  /** The shifts as the counter books onto them. */
  readonly places: ShiftPlaces;
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock) {
    this.db = db;
    this.repo = new DutyRepository(db);
    this.places = new ShiftPlaces(this.repo);
    this.clock = clock;
  }

  /** The station a roster view is about: the one asked for (if in reach), else the caller's first station. */
  private async viewStation(user: SessionUser, requested: number | undefined): Promise<number> {
    if (requested !== undefined) {
      if (!reachesStation(user, requested)) throw notFound();
      return requested;
    }
    const first = await this.repo.firstStation(user.stationIds);
    if (first === null) throw notFound();
    return first;
  }

  private async assertUnit(db: Transaction<DB> | Kysely<DB>, unitId: number, stationId: number) {
    const unit = await this.repo.unit(unitId, db);
    if (!unit || unit.station_id !== stationId || unit.status !== "active") throw refuse("duty.bad_unit", {}, "unitId");
    return unit;
  }

  private async assertOfficer(db: Transaction<DB> | Kysely<DB>, officerUserId: number | null | undefined, unitId: number) {
    if (officerUserId === null || officerUserId === undefined) return;
    const officer = await this.repo.user(officerUserId, db);
    if (officer?.status !== "active" || officer.alliance_unit_id !== unitId) throw refuse("duty.bad_officer", {}, "officerUserId");
  }

  async roster(user: SessionUser, query: z.output<typeof rosterQuery>): Promise<Roster> {
    const now = this.clock.now();
    const today = stationDate(now);
    const stationId = await this.viewStation(user, query.stationId);
    const month = query.month ?? today.slice(0, 7);
    const { from, to } = monthRange(month);
    const [station, units, rows, desks] = await Promise.all([
      this.repo.station(stationId),
      this.repo.units(stationId),
      this.repo.listShifts({ stationIds: [stationId], from, to, unitId: query.unitId }),
      this.repo.desks(stationId),
    ]);
    if (!station) throw notFound();
    const officers = await this.repo.officersOf(units.map((u) => u.id));
    // Units that sat this month but have since been deactivated still get their legend entry.
    const listed = new Set(units.map((u) => u.id));
    const former = [...new Map(rows.filter((r) => !listed.has(r.unit_id)).map((r) => [r.unit_id, r.unit_name])).entries()];
    return {
      stationId,
      stationName: station.name,
      month,
      today,
      desks: desks ?? DEFAULT_DESKS,
      units: [
        ...units.map((u) => ({
          id: u.id,
          name: u.name,
          kind: u.kind,
          officers: officers.filter((o) => o.alliance_unit_id === u.id).map((o) => ({ id: o.id, name: o.display_name })),
        })),
        ...former.map(([id, name]) => ({ id, name, kind: "inactive", officers: [] })),
      ],
      shifts: rows.map((r) => presentShift(r, user, today)),
    };
  }

  /** 我的坐班: the coming 90 days of the caller's unit, or where the caller is the officer on duty. */
  async myShifts(user: SessionUser): Promise<z.infer<typeof myShiftsSchema>> {
    const now = this.clock.now();
    const today = stationDate(now);
    const rows = await this.repo.listShifts({
      stationIds: user.stationIds,
      from: today,
      to: addDays(today, 90),
      mineOf: { unitId: user.allianceUnitId, userId: user.id },
    });
    const unit = user.allianceUnitId === null ? undefined : await this.repo.unit(user.allianceUnitId);
    return { today, unitName: unit?.name ?? null, items: rows.map((r) => presentShift(r, user, today)) };
  }

  async shift(user: SessionUser, id: number): Promise<Shift> {
    const now = this.clock.now();
    const row = await this.repo.findShift(id);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    return presentShift(row, user, stationDate(now));
  }

  /** The shifts of a station between two dates (the counter books requests onto them). */
  async shiftsBetween(stationId: number, from: string, to: string) {
    const today = stationDate(this.clock.now());
    return (await this.repo.listShifts({ stationIds: [stationId], from, to })).map((r) => presentShift(r, null, today));
  }

  async settings(user: SessionUser, query: z.output<typeof dutySettingsQuery>) {
    const now = this.clock.now();
    const stationId = await this.viewStation(user, query.stationId);
    const [desks, busiest] = await Promise.all([this.repo.desks(stationId), this.repo.busiestFrom(stationId, stationDate(now))]);
    return { stationId, desks: desks ?? DEFAULT_DESKS, busiest };
  }

  async rules(user: SessionUser, query: { stationId?: number }) {
    const stationId = await this.viewStation(user, query.stationId);
    const unitId = scopeKind(user) === "unit" ? (user.allianceUnitId ?? -1) : undefined;
    return (await this.repo.listRules(stationId, unitId)).map(presentRule);
  }

  async setDesks(user: SessionUser, input: z.output<typeof dutySettingsUpdateSchema>, actor: Actor) {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    const today = stationDate(now);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.lockSettings(trx, stationId, DEFAULT_DESKS, now.toISOString());
      const busiest = await this.repo.busiestFrom(stationId, today, trx);
      const over = checkDesks(input.desks, busiest);
      if (over) throw refuse("duty.desks_below_planned", over, "desks");
      await this.repo.setDesks(trx, stationId, input.desks, now.toISOString());
      await appendAudit(trx, actor, {
        at: now,
        action: "duty_settings.updated",
        objectType: "duty_settings",
        objectId: stationId,
        stationId,
        before: { desks: before },
        after: { desks: input.desks },
      });
      return { stationId, desks: input.desks, busiest };
    });
  }

  async createShift(user: SessionUser, input: ShiftCreate, actor: Actor): Promise<Shift> {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    const today = stationDate(now);
    const at = now.toISOString();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const unit = await this.assertUnit(trx, input.unitId, stationId);
        await this.assertOfficer(trx, input.officerUserId, unit.id);
        const desks = await this.repo.lockSettings(trx, stationId, DEFAULT_DESKS, at);
        const refusal = checkDay({
          date: input.date,
          today,
          unitId: unit.id,
          desks,
          dayShifts: await this.repo.shiftsOn(stationId, input.date, trx),
        });
        if (refusal) throw dayRefusal(refusal, unit.name);
        const id = await this.repo.insertShift(trx, {
          station_id: stationId,
          unit_id: unit.id,
          date: input.date,
          start_time: input.startTime,
          end_time: input.endTime,
          capacity: input.capacity,
          officer_user_id: input.officerUserId,
          rule_id: null,
          note: input.note,
          created_at: at,
          updated_at: at,
        });
        const row = await this.repo.findShift(id, trx);
        if (!row) throw notFound();
        await appendAudit(trx, actor, {
          at: now,
          action: "duty_shift.created",
          objectType: "duty_shift",
          objectId: id,
          stationId,
          after: shiftAudit(row),
        });
        return presentShift(row, user, today);
      });
    } catch (error) {
      // Two requests for the same unit and day at once: the unique (station, unit, date) lets one through.
      if (isUniqueViolation(error)) {
        const unit = await this.repo.unit(input.unitId);
        throw refuse("duty.conflict", { date: input.date, unit: unit?.name ?? "" }, "date");
      }
      throw error;
    }
  }

  async updateShift(user: SessionUser, id: number, input: ShiftUpdate, actor: Actor): Promise<Shift> {
    const now = this.clock.now();
    const today = stationDate(now);
    const at = now.toISOString();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const before = await this.repo.findShift(id, trx);
        if (!before || !reachesStation(user, before.station_id)) throw notFound();
        if (before.version !== input.version) throw conflict();
        const moving = input.date !== undefined && input.date !== before.date;
        const capacityChanged = input.capacity !== undefined && input.capacity !== before.capacity;
        const edit = checkShiftEdit(before, { moving, deleting: false, capacity: capacityChanged ? input.capacity : undefined }, today);
        if (edit) throw editRefusal(edit);
        const startTime = input.startTime ?? before.start_time;
        const endTime = input.endTime ?? before.end_time;
        if (endTime <= startTime) throw invalidField("endTime", "v.invalid_value");
        if (input.officerUserId !== undefined) await this.assertOfficer(trx, input.officerUserId, before.unit_id);
        if (moving && input.date) {
          const desks = await this.repo.lockSettings(trx, before.station_id, DEFAULT_DESKS, at);
          const refusal = checkDay({
            date: input.date,
            today,
            unitId: before.unit_id,
            desks,
            dayShifts: await this.repo.shiftsOn(before.station_id, input.date, trx),
            movingShiftId: id,
          });
          if (refusal) throw dayRefusal(refusal, before.unit_name);
        }
        const values: Parameters<DutyRepository["updateShift"]>[3] = { updated_at: at, start_time: startTime, end_time: endTime };
        if (moving) values.date = input.date;
        if (input.capacity !== undefined) values.capacity = input.capacity;
        if (input.officerUserId !== undefined) values.officer_user_id = input.officerUserId;
        if (input.note !== undefined) values.note = input.note || null;
        const ok = await this.repo.updateShift(trx, id, input.version, values, { moving });
        if (!ok) {
          // The counter booked meanwhile, or someone else edited it.
          const now_ = await this.repo.findShift(id, trx);
          if (now_ && now_.version === input.version) {
            if (moving && now_.booked > 0) throw refuse("duty.shift_booked", { booked: now_.booked }, "date");
            if (input.capacity !== undefined && input.capacity < now_.booked) {
              throw refuse("duty.capacity_below_booked", { booked: now_.booked }, "capacity");
            }
          }
          throw conflict();
        }
        const after = await this.repo.findShift(id, trx);
        if (!after) throw notFound();
        await appendAudit(trx, actor, {
          at: now,
          action: moving ? "duty_shift.moved" : "duty_shift.updated",
          objectType: "duty_shift",
          objectId: id,
          stationId: after.station_id,
          before: shiftAudit(before),
          after: shiftAudit(after),
        });
        return presentShift(after, user, today);
      });
    } catch (error) {
      if (isUniqueViolation(error) && input.date) {
        const row = await this.repo.findShift(id);
        throw refuse("duty.conflict", { date: input.date, unit: row?.unit_name ?? "" }, "date");
      }
      throw error;
    }
  }

  async deleteShift(user: SessionUser, id: number, version: number, actor: Actor) {
    const now = this.clock.now();
    const today = stationDate(now);
    // A request written for the shift between the check and the delete: the database refuses, and so do we.
    const whenReferenced = (error: unknown) => {
      throw isForeignKeyViolation(error) ? refuse("duty.shift_referenced") : error;
    };
    return this.db
      .transaction()
      .execute(async (trx) => {
        const before = await this.repo.findShift(id, trx);
        if (!before || !reachesStation(user, before.station_id)) throw notFound();
        if (before.version !== version) throw conflict();
        const edit = checkShiftEdit(before, { moving: false, deleting: true }, today);
        if (edit) throw editRefusal(edit);
        if (await this.repo.referenced(id, trx)) throw refuse("duty.shift_referenced");
        const ok = await this.repo.deleteShift(trx, id, version);
        if (!ok) {
          const now_ = await this.repo.findShift(id, trx);
          if (now_ && now_.booked > 0) throw refuse("duty.shift_booked", { booked: now_.booked }, "date");
          throw conflict();
        }
        await appendAudit(trx, actor, {
          at: now,
          action: "duty_shift.deleted",
          objectType: "duty_shift",
          objectId: id,
          stationId: before.station_id,
          before: shiftAudit(before),
        });
        return { ok: true as const };
      })
      .catch(whenReferenced);
  }

  private async plan(
    db: Transaction<DB> | Kysely<DB>,
    stationId: number,
    input: RuleInput,
    desks: number,
    today: string,
  ): Promise<RulePreview["dates"]> {
    const from = laterOf(input.validFrom, today);
    const dates = expandRule(input.rule, from, input.validTo);
    if (dates.length === 0) return [];
    const byDate = await this.repo.unitsByDate(stationId, dates[0], dates[dates.length - 1], db);
    return planDates({ dates, today, unitId: input.unitId, desks, byDate });
  }

  async previewRule(user: SessionUser, input: RuleInput): Promise<RulePreview> {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    const today = stationDate(now);
    await this.assertUnit(this.db, input.unitId, stationId);
    const desks = (await this.repo.desks(stationId)) ?? DEFAULT_DESKS;
    const dates = await this.plan(this.db, stationId, input, desks, today);
    const ok = dates.filter((d) => d.status === "ok").length;
    return { dates, ok, refused: dates.length - ok, desks };
  }

  async createRule(user: SessionUser, input: RuleCreate, actor: Actor) {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    const today = stationDate(now);
    const at = now.toISOString();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const unit = await this.assertUnit(trx, input.unitId, stationId);
        await this.assertOfficer(trx, input.officerUserId, unit.id);
        const desks = await this.repo.lockSettings(trx, stationId, DEFAULT_DESKS, at);
        const dates = await this.plan(trx, stationId, input, desks, today);
        const refused = dates.filter((d) => d.status !== "ok");
        const accepted = dates.filter((d) => d.status === "ok").map((d) => d.date);
        if (refused.length > 0 && !input.skipConflicts) {
          const shown = refused.slice(0, 5).map((d) => d.date);
          throw refuse(
            "duty.rule_conflicts",
            { count: refused.length, dates: `${shown.join(", ")}${refused.length > shown.length ? " …" : ""}` },
            "rule",
          );
        }
        if (accepted.length === 0) throw refuse("duty.rule_no_dates", {}, "rule");
        const ruleId = await this.repo.insertRule(trx, {
          station_id: stationId,
          unit_id: unit.id,
          rule: JSON.stringify(input.rule),
          valid_from: laterOf(input.validFrom, today),
          valid_to: input.validTo,
          start_time: input.startTime,
          end_time: input.endTime,
          capacity: input.capacity,
          created_by_user_id: user.id,
          created_at: at,
        });
        await this.repo.insertShifts(
          trx,
          accepted.map((date) => ({
            station_id: stationId,
            unit_id: unit.id,
            date,
            start_time: input.startTime,
            end_time: input.endTime,
            capacity: input.capacity,
            officer_user_id: input.officerUserId,
            rule_id: ruleId,
            note: null,
            created_at: at,
            updated_at: at,
          })),
        );
        const rule = await this.repo.findRule(ruleId, trx);
        if (!rule) throw notFound();
        await appendAudit(trx, actor, {
          at: now,
          action: "duty_rule.created",
          objectType: "duty_rule",
          objectId: ruleId,
          stationId,
          after: {
            unitId: unit.id,
            rule: describeRule(input.rule, "zh-CN"),
            validFrom: rule.valid_from,
            validTo: rule.valid_to,
            shifts: accepted.length,
            skipped: refused.map((d) => d.date),
          },
        });
        return { rule: presentRule(rule), created: accepted.length, skipped: refused };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
  }
}
