// The Red Shield post's sessions: the list and one session with its slots, bookings and consultations; holding
// a session on its day, or calling it off (its live bookings are cancelled and their merchants told).
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type { SessionDetail, sessionListQuery } from "../../../contracts/duty.ts";
import { sentence } from "../../../contracts/notices.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { type SessionUser, scopeKind } from "../../platform/scope.ts";
import { presentBooking, presentConsultation, presentSession } from "./duty.presenter.ts";
import { manages, reachOf, sees } from "./red-shield.access.ts";
import type { RedShieldRepository } from "./red-shield.repository.ts";
import { sessionStep, slotsOf } from "./red-shield.workflow.ts";
import { refuse } from "./refusal.ts";

export class RedShieldSessionsService {
  private readonly db: Kysely<DB>;
  private readonly repo: RedShieldRepository;
  private readonly notifier: Notifier;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: RedShieldRepository, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.notifier = notifier;
    this.clock = clock;
  }

  async list(user: SessionUser, query: z.output<typeof sessionListQuery>) {
    const reach = reachOf(user, query.stationId);
    const { rows, total, totalCapped } = await this.repo.listSessions(
      { stationIds: reach.stationIds, unitId: reach.unitId },
      { when: query.when, status: query.status, today: stationDate(this.clock.now()), q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return pageAnswer(rows.map(presentSession), { total, totalCapped }, query);
  }

  async get(user: SessionUser, id: number): Promise<SessionDetail> {
    const row = await this.repo.findSession(id);
    if (!row || !sees(user, row)) throw notFound();
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
      canManage: manages(user, row),
    };
  }

  /** A session the caller manages (else not found). */
  async managed(user: SessionUser, id: number) {
    const row = await this.repo.findSession(id);
    if (!row || !manages(user, row)) throw notFound();
    return row;
  }

  async hold(user: SessionUser, id: number, version: number, actor: Actor) {
    const now = this.clock.now();
    const row = await this.managed(user, id);
    if (row.version !== version) throw conflict();
    const step = sessionStep(row.status, "hold", row.date, stationDate(now));
    if (!step.ok)
      throw step.refusal === "not_started" ? refuse("redshield.not_started", { date: row.date }) : refuse("redshield.session_transition");
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.updateSession(trx, id, version, { status: step.next, updated_at: now.toISOString() }))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "red_shield_session.held",
        objectType: "red_shield_session",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: step.next },
      });
    });
    return this.get(user, id);
  }

  async cancel(user: SessionUser, id: number, input: { reason: string; version: number }, actor: Actor) {
    const now = this.clock.now();
    const row = await this.managed(user, id);
    if (row.version !== input.version) throw conflict();
    const step = sessionStep(row.status, "cancel", row.date, stationDate(now));
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
      const stationName = await this.repo.stationName(row.station_id, trx);
      for (const b of cancelled) {
        const recipients = new Set(users.filter((u) => u.merchant_id === b.merchant_id).map((u) => u.id));
        if (b.booked_by_user_id !== null) recipients.add(b.booked_by_user_id);
        await outbox.addMany(trx, recipients, {
          kind: "redshield.session_cancelled",
          notice: "redshield.session_cancelled",
          params: { date: row.date, slot: b.slot, reason: sentence(input.reason), station: stationName },
          link: "/m/red-shield",
        });
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "red_shield_session.cancelled",
        objectType: "red_shield_session",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: "cancelled", reason: input.reason, bookingsCancelled: cancelled.length },
      });
    });
    await outbox.deliver();
    return this.get(user, id);
  }
}
