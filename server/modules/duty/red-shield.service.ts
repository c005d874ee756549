// The market-regulation bureau's Red Shield post (红盾先锋驿站) at the station: sessions twice a month generated from
// the plan, slots merchants book with a topic, and the consultations the bureau's officer or the station's staff
// record per merchant and topic. The bureau's officer (unit scope) manages only its own unit's sessions.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { addDays, stationDate, stationTime } from "../../../contracts/calendar.ts";
import {
  type bookingCreateSchema,
  type consultationCreateSchema,
  type consultationListQuery,
  consultationOutcomes,
  consultationTopics,
  type MyRedShield,
  type planUpdateSchema,
  type RedShieldFigures,
  type RedShieldSession,
  type SessionDetail,
  type sessionListQuery,
} from "../../../contracts/duty.ts";
import { describeRule, expandRule, parseRule, type RepeatRule } from "../../../contracts/schedule.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import { conflict, invalidField, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, scopeKind, stationFilter, targetStation } from "../../platform/scope.ts";
import { presentBooking, presentConsultation } from "./duty.presenter.ts";
import { type PlanRow, type RedShieldReach, RedShieldRepository, type SessionRow } from "./red-shield.repository.ts";
import { attendanceStep, bookingCancellable, sessionStep, slotOpen, slotsOf } from "./red-shield.workflow.ts";
import { refuse } from "./refusal.ts";

/** How far ahead sessions are kept generated. */
export const GENERATE_DAYS = 60;

type PlanInput = z.output<typeof planUpdateSchema>;

export function presentPlan(row: PlanRow) {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    rule: parseRule(row.rule) ?? ({ kind: "monthly_nth", nth: [2, 4], weekday: 3 } as RepeatRule),
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes,
    place: row.place,
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

export function presentSession(row: SessionRow): RedShieldSession {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes,
    place: row.place,
    status: row.status as RedShieldSession["status"],
    cancelReason: row.cancel_reason,
    slots: slotsOf(row.start_time, row.end_time, row.slot_minutes).length,
    booked: Number(row.booked ?? 0),
    attended: Number(row.attended ?? 0),
    consultations: Number(row.consultations ?? 0),
    version: row.version,
  };
}

export class RedShieldService {
  readonly repo: RedShieldRepository;
  private readonly db: Kysely<DB>;
  private readonly notifier: Notifier;

  constructor(db: Kysely<DB>, notifier: Notifier) {
    this.db = db;
    this.repo = new RedShieldRepository(db);
    this.notifier = notifier;
  }

  /** Whose records the caller reads: their stations, a unit account its unit's sessions, a merchant its own. */
  private reach(user: SessionUser, stationId?: number): RedShieldReach {
    const kind = scopeKind(user);
    const stationIds = stationFilter(user, stationId);
    if (kind === "unit") return { stationIds, unitId: user.allianceUnitId ?? -1 };
    if (kind === "self") return { stationIds, merchantId: user.merchantId ?? -1 };
    return { stationIds };
  }

  /** Station staff of the session's station, or the unit running it. */
  private manages(user: SessionUser, session: { station_id: number; unit_id: number }): boolean {
    if (!can(user.role, "redshield.manage") || !reachesStation(user, session.station_id)) return false;
    return scopeKind(user) !== "unit" || session.unit_id === user.allianceUnitId;
  }

  /** A session the caller may see at all (unit accounts: their unit's only). */
  private visible(user: SessionUser, session: { station_id: number; unit_id: number }): boolean {
    if (!reachesStation(user, session.station_id)) return false;
    return scopeKind(user) !== "unit" || session.unit_id === user.allianceUnitId;
  }

  // ---- the plan

  async plan(user: SessionUser, stationId: number | undefined) {
    let station = stationId ?? (user.stationIds && user.stationIds.length > 0 ? Math.min(...user.stationIds) : undefined);
    if (station === undefined) {
      const first = await this.db.selectFrom("org_units").select("id").where("kind", "=", "station").orderBy("id").executeTakeFirst();
      if (!first) throw notFound();
      station = first.id;
    }
    if (!reachesStation(user, station)) throw notFound();
    const row = await this.repo.planOf(station);
    const visible = row && (scopeKind(user) !== "unit" || row.unit_id === user.allianceUnitId);
    return { stationId: station, plan: row && visible ? presentPlan(row) : null };
  }

  async savePlan(user: SessionUser, input: PlanInput, actor: Actor, now = new Date()) {
    const stationId = targetStation(user, input.stationId);
    const unit = await this.db
      .selectFrom("alliance_units")
      .select(["id", "station_id", "status"])
      .where("id", "=", input.unitId)
      .executeTakeFirst();
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

  // ---- generating sessions

  /**
   * Keeps the next `days` of sessions generated for the active plans in reach: a day already holding a session
   * (held, cancelled or scheduled) is left as it is, so running it again never duplicates a day.
   */
  async generate(reach: RedShieldReach, days: number, actor: Actor, now = new Date()) {
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

  async generateFor(user: SessionUser, input: { days: number; stationId?: number }, actor: Actor, now = new Date()) {
    const reach = this.reach(user, input.stationId);
    const plans = await this.repo.activePlans(reach);
    if (plans.length === 0) throw refuse("redshield.no_plan");
    return this.generate(reach, input.days, actor, now);
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

  // ---- sessions

  async sessions(user: SessionUser, query: z.output<typeof sessionListQuery>, now = new Date()) {
    const reach = this.reach(user, query.stationId);
    const { rows, total } = await this.repo.listSessions(
      { stationIds: reach.stationIds, unitId: reach.unitId },
      { when: query.when, status: query.status, today: stationDate(now), q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentSession), total, page: query.page, pageSize: query.pageSize };
  }

  async session(user: SessionUser, id: number): Promise<SessionDetail> {
    const row = await this.repo.findSession(id);
    if (!row || !this.visible(user, row)) throw notFound();
    const own = scopeKind(user) === "self" ? (user.merchantId ?? -1) : undefined;
    const all = await this.repo.bookingsOf([row.id]);
    const bookings = all.filter((b) => own === undefined || b.merchant_id === own).map(presentBooking);
    const live = new Map(all.filter((b) => b.status !== "cancelled").map((b) => [b.slot, b]));
    const slotList = slotsOf(row.start_time, row.end_time, row.slot_minutes).map((slot) => {
      const b = live.get(slot);
      return { slot, taken: b !== undefined, booking: b && (own === undefined || b.merchant_id === own) ? presentBooking(b) : null };
    });
    const consultations = await this.repo.consultationsOfSession(row.id, own);
    return {
      ...presentSession(row),
      slotList,
      bookings,
      consultationList: consultations.map(presentConsultation),
      canManage: this.manages(user, row),
    };
  }

  private async managedSession(user: SessionUser, id: number) {
    const row = await this.repo.findSession(id);
    if (!row || !this.manages(user, row)) throw notFound();
    return row;
  }

  async hold(user: SessionUser, id: number, version: number, actor: Actor, now = new Date()) {
    const row = await this.managedSession(user, id);
    if (row.version !== version) throw conflict();
    const step = sessionStep(row.status as "scheduled", "hold", row.date, stationDate(now));
    if (!step.ok)
      throw step.refusal === "not_started" ? refuse("redshield.not_started", { date: row.date }) : refuse("redshield.session_transition");
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.updateSession(trx, id, version, { status: step.next, updated_at: now.toISOString() }))) throw conflict();
      await appendAudit(trx, actor, {
        action: "red_shield_session.held",
        objectType: "red_shield_session",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: step.next },
      });
    });
    return this.session(user, id);
  }

  async cancel(user: SessionUser, id: number, input: { reason: string; version: number }, actor: Actor, now = new Date()) {
    const row = await this.managedSession(user, id);
    if (row.version !== input.version) throw conflict();
    const step = sessionStep(row.status as "scheduled", "cancel", row.date, stationDate(now));
    if (!step.ok) throw refuse("redshield.session_transition");
    const at = now.toISOString();
    const outbox = this.notifier.outbox();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.updateSession(trx, id, input.version, { status: "cancelled", cancel_reason: input.reason, updated_at: at }))) {
        throw conflict();
      }
      const cancelled = await this.repo.cancelLiveBookings(trx, id, at);
      const users = await this.repo.usersOfMerchants(
        cancelled.map((b) => b.merchant_id),
        trx,
      );
      for (const b of cancelled) {
        const recipients = new Set(users.filter((u) => u.merchant_id === b.merchant_id).map((u) => u.id));
        if (b.booked_by_user_id !== null) recipients.add(b.booked_by_user_id);
        await outbox.addMany(trx, recipients, {
          kind: "redshield.session_cancelled",
          title: "红盾驿站场次取消",
          body: `您预约的 ${row.date} ${b.slot} 红盾先锋驿站咨询已取消：${input.reason}。可在“红盾驿站”预约其他场次。`,
          link: "/m/red-shield",
        });
      }
      await appendAudit(trx, actor, {
        action: "red_shield_session.cancelled",
        objectType: "red_shield_session",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: "cancelled", reason: input.reason, bookingsCancelled: cancelled.length },
      });
    });
    await outbox.deliver();
    return this.session(user, id);
  }

  // ---- bookings

  private async merchantOf(user: SessionUser) {
    if (user.merchantId === null) throw notFound();
    const merchant = await this.repo.merchant(user.merchantId);
    if (!merchant) throw notFound();
    return merchant;
  }

  async book(user: SessionUser, input: z.output<typeof bookingCreateSchema>, actor: Actor, now = new Date()) {
    const merchant = await this.merchantOf(user);
    const today = stationDate(now);
    const nowTime = stationTime(now);
    const at = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const session = await this.repo.lockSession(trx, input.sessionId);
      if (!session || session.station_id !== merchant.station_id) throw notFound();
      if (!slotsOf(session.start_time, session.end_time, session.slot_minutes).includes(input.slot)) {
        throw refuse("redshield.bad_slot", {}, "slot");
      }
      if (!slotOpen(session, input.slot, today, nowTime)) throw refuse("redshield.session_closed", {}, "sessionId");
      const mine = await this.repo.liveBookingOf(session.id, merchant.id, trx);
      if (mine) throw refuse("redshield.already_booked", { slot: mine.slot }, "slot");
      let bookingId: number;
      try {
        bookingId = await this.repo.insertBooking(trx, {
          session_id: session.id,
          slot: input.slot,
          merchant_id: merchant.id,
          booked_by_user_id: user.id,
          topic: input.topic,
          note: input.note,
          at,
        });
      } catch (error) {
        // The slot's one live booking went to someone else first (the partial unique index decides).
        if (isUniqueViolation(error)) throw refuse("redshield.slot_taken", { slot: input.slot }, "slot");
        throw error;
      }
      await appendAudit(trx, actor, {
        action: "red_shield_booking.created",
        objectType: "red_shield_booking",
        objectId: bookingId,
        stationId: session.station_id,
        after: { sessionId: session.id, date: session.date, slot: input.slot, merchantId: merchant.id, topic: input.topic },
      });
      return bookingId;
    });
    const row = await this.repo.findBooking(id);
    if (!row) throw notFound();
    return presentBooking(row);
  }

  /** A merchant cancels their own booking before its slot begins. */
  async cancelBooking(user: SessionUser, id: number, actor: Actor, now = new Date()) {
    const booking = await this.repo.findBooking(id);
    if (!booking || user.merchantId === null || booking.merchant_id !== user.merchantId) throw notFound();
    const session = await this.repo.findSession(booking.session_id);
    if (!session) throw notFound();
    if (!bookingCancellable(booking, session, booking.slot, stationDate(now), stationTime(now))) {
      throw booking.status === "booked" ? refuse("redshield.session_closed") : refuse("redshield.booking_closed");
    }
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setBookingStatus(trx, id, ["booked"], "cancelled", now.toISOString())))
        throw refuse("redshield.booking_closed");
      await appendAudit(trx, actor, {
        action: "red_shield_booking.cancelled",
        objectType: "red_shield_booking",
        objectId: id,
        stationId: session.station_id,
        before: { status: booking.status },
        after: { status: "cancelled" },
      });
    });
    return { ok: true as const };
  }

  /** Staff (or the bureau's officer) mark whether the merchant came. */
  async markBooking(user: SessionUser, id: number, status: "attended" | "missed", actor: Actor, now = new Date()) {
    const booking = await this.repo.findBooking(id);
    if (!booking) throw notFound();
    const session = await this.repo.findSession(booking.session_id);
    if (!session || !this.manages(user, session)) throw notFound();
    const step = attendanceStep(
      { status: booking.status as "booked" },
      { status: session.status as "scheduled", date: session.date },
      stationDate(now),
    );
    if (!step.ok) {
      if (step.refusal === "not_started") throw refuse("redshield.not_started", { date: session.date });
      throw refuse(step.refusal === "booking_closed" ? "redshield.booking_closed" : "redshield.session_transition");
    }
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setBookingStatus(trx, id, ["booked", "attended", "missed"], status, now.toISOString()))) {
        throw refuse("redshield.booking_closed");
      }
      await appendAudit(trx, actor, {
        action: "red_shield_booking.marked",
        objectType: "red_shield_booking",
        objectId: id,
        stationId: session.station_id,
        before: { status: booking.status },
        after: { status },
      });
    });
    const row = await this.repo.findBooking(id);
    if (!row) throw notFound();
    return presentBooking(row);
  }

  // ---- consultations

  async recordConsultation(user: SessionUser, input: z.output<typeof consultationCreateSchema>, actor: Actor, now = new Date()) {
    const session = await this.managedSession(user, input.sessionId);
    if (session.status === "cancelled") throw refuse("redshield.session_transition", {}, "sessionId");
    if (session.date > stationDate(now)) throw refuse("redshield.not_started", { date: session.date }, "sessionId");
    const merchant = await this.repo.merchant(input.merchantId);
    if (!merchant || merchant.station_id !== session.station_id) throw invalidField("merchantId", "v.invalid_value");
    const at = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      if (input.bookingId !== null) {
        const booking = await this.repo.findBooking(input.bookingId, trx);
        if (!booking || booking.session_id !== session.id || booking.merchant_id !== merchant.id || booking.status === "cancelled") {
          throw invalidField("bookingId", "v.invalid_value");
        }
        // The merchant came: the consultation is the proof.
        if (booking.status !== "attended") await this.repo.setBookingStatus(trx, booking.id, ["booked", "missed"], "attended", at);
      }
      const consultationId = await this.repo.insertConsultation(trx, {
        station_id: session.station_id,
        session_id: session.id,
        booking_id: input.bookingId,
        merchant_id: merchant.id,
        topic: input.topic,
        summary: input.summary,
        outcome: input.outcome,
        officer_user_id: user.id,
        date: session.date,
        created_at: at,
      });
      await appendAudit(trx, actor, {
        action: "red_shield_consultation.recorded",
        objectType: "red_shield_consultation",
        objectId: consultationId,
        stationId: session.station_id,
        after: { sessionId: session.id, merchantId: merchant.id, topic: input.topic, outcome: input.outcome },
      });
      return consultationId;
    });
    const row = await this.repo.findConsultation(id);
    if (!row) throw notFound();
    return presentConsultation(row);
  }

  async consultations(user: SessionUser, query: z.output<typeof consultationListQuery>) {
    const { rows, total } = await this.repo.listConsultations(
      this.reach(user, query.stationId),
      { merchantId: query.merchantId, topic: query.topic, outcome: query.outcome, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentConsultation), total, page: query.page, pageSize: query.pageSize };
  }

  /** Merchants of the station to record a walk-in consultation for (names only). */
  async merchants(user: SessionUser, q: string | undefined, stationId?: number) {
    return (await this.repo.merchantsOf(stationFilter(user, stationId), q)).map((m) => ({ id: m.id, name: m.name }));
  }

  async figures(user: SessionUser, query: { stationId?: number; from?: string; to?: string }, now = new Date()): Promise<RedShieldFigures> {
    const today = stationDate(now);
    const to = query.to ?? today;
    const from = query.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4, 7)}-01`;
    const f = await this.repo.figures(this.reach(user, query.stationId), from, to);
    // Every topic and outcome appears, with zero where none were recorded.
    return {
      from,
      to,
      total: f.total,
      merchants: f.merchants,
      sessionsHeld: f.sessionsHeld,
      byTopic: consultationTopics.map((topic) => ({ topic, count: f.byTopic.find((r) => r.topic === topic)?.count ?? 0 })),
      byMonth: f.byMonth,
      byOutcome: consultationOutcomes.map((outcome) => ({ outcome, count: f.byOutcome.find((r) => r.outcome === outcome)?.count ?? 0 })),
    };
  }

  // ---- the merchant's phone

  async mine(user: SessionUser, now = new Date()): Promise<MyRedShield> {
    const today = stationDate(now);
    const nowTime = stationTime(now);
    if (user.merchantId === null) return { today, upcoming: [], bookings: [], history: [] };
    const merchant = await this.repo.merchant(user.merchantId);
    if (!merchant) return { today, upcoming: [], bookings: [], history: [] };
    const sessions = await this.repo.upcomingSessions([merchant.station_id], today, addDays(today, GENERATE_DAYS));
    const bookings = await this.repo.bookingsOf(sessions.map((s) => s.id));
    const upcoming = sessions.map((s) => {
      const live = bookings.filter((b) => b.session_id === s.id && b.status === "booked");
      const taken = new Set(live.map((b) => b.slot));
      const mine = live.find((b) => b.merchant_id === merchant.id);
      return {
        id: s.id,
        date: s.date,
        startTime: s.start_time,
        endTime: s.end_time,
        place: s.place,
        unitName: s.unit_name,
        slots: slotsOf(s.start_time, s.end_time, s.slot_minutes).map((slot) => ({
          slot,
          free: !taken.has(slot) && slotOpen(s, slot, today, nowTime),
        })),
        myBooking: mine ? presentBooking(mine) : null,
      };
    });
    const own = await this.repo.bookingsOfMerchant(merchant.id);
    const history = await this.repo.listConsultations(
      { stationIds: [merchant.station_id], merchantId: merchant.id },
      {},
      { limit: 50, offset: 0 },
    );
    return {
      today,
      upcoming,
      bookings: own.map((b) => ({
        ...presentBooking(b),
        date: b.date,
        sessionStatus: b.session_status as MyRedShield["bookings"][number]["sessionStatus"],
        place: b.place,
      })),
      history: history.rows.map(presentConsultation),
    };
  }
}
