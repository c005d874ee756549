// A merchant's slot at a Red Shield session: booking it (one live booking per slot and per merchant and session),
// cancelling it before it begins, staff marking whether they came, and the merchant's phone page.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { addDays, stationDate, stationTime } from "../../../contracts/calendar.ts";
import type { bookingCreateSchema, MyRedShield } from "../../../contracts/duty.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentBooking, presentConsultation } from "./duty.presenter.ts";
import { manages } from "./red-shield.access.ts";
import type { RedShieldRepository } from "./red-shield.repository.ts";
import { attendanceStep, bookingCancellable, slotOpen, slotsOf } from "./red-shield.workflow.ts";
import { GENERATE_DAYS } from "./red-shield-plan.service.ts";
import { refuse } from "./refusal.ts";

export class RedShieldBookingsService {
  private readonly db: Kysely<DB>;
  private readonly repo: RedShieldRepository;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: RedShieldRepository, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
  }

  private async merchantOf(user: SessionUser) {
    if (user.merchantId === null) throw notFound();
    const merchant = await this.repo.merchant(user.merchantId);
    if (!merchant) throw notFound();
    return merchant;
  }

  async book(user: SessionUser, input: z.output<typeof bookingCreateSchema>, actor: Actor) {
    const now = this.clock.now();
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
        at: now,
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
  async cancelBooking(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
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
        at: now,
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
  async markBooking(user: SessionUser, id: number, status: "attended" | "missed", actor: Actor) {
    const now = this.clock.now();
    const booking = await this.repo.findBooking(id);
    if (!booking) throw notFound();
    const session = await this.repo.findSession(booking.session_id);
    if (!session || !manages(user, session)) throw notFound();
    const step = attendanceStep({ status: booking.status }, { status: session.status, date: session.date }, stationDate(now));
    if (!step.ok) {
      if (step.refusal === "not_started") throw refuse("redshield.not_started", { date: session.date });
      throw refuse(step.refusal === "booking_closed" ? "redshield.booking_closed" : "redshield.session_transition");
    }
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setBookingStatus(trx, id, ["booked", "attended", "missed"], status, now.toISOString()))) {
        throw refuse("redshield.booking_closed");
      }
      await appendAudit(trx, actor, {
        at: now,
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

  /** The merchant's phone: the coming sessions with their free slots, their bookings and past consultations. */
  async mine(user: SessionUser): Promise<MyRedShield> {
    const now = this.clock.now();
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
      bookings: own.map((b) => ({ ...presentBooking(b), date: b.date, sessionStatus: b.session_status, place: b.place })),
      history: history.rows.map(presentConsultation),
    };
  }
}
