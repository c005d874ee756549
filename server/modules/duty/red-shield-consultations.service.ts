// The consultations the bureau's officer or the station's staff record per merchant and topic at a session
// (a booked merchant's consultation marks them as come), their list and the post's figures.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import {
  type consultationCreateSchema,
  type consultationListQuery,
  consultationOutcomes,
  consultationTopics,
  type RedShieldFigures,
} from "../../../contracts/duty.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { invalidField, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { presentConsultation } from "./duty.presenter.ts";
import { reachOf } from "./red-shield.access.ts";
import type { RedShieldRepository } from "./red-shield.repository.ts";
import type { RedShieldSessionsService } from "./red-shield-sessions.service.ts";
import { refuse } from "./refusal.ts";

export class RedShieldConsultationsService {
  private readonly db: Kysely<DB>;
  private readonly repo: RedShieldRepository;
  private readonly sessions: RedShieldSessionsService;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: RedShieldRepository, sessions: RedShieldSessionsService, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.sessions = sessions;
    this.clock = clock;
  }

  async recordConsultation(user: SessionUser, input: z.output<typeof consultationCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const session = await this.sessions.managed(user, input.sessionId);
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
        at: now,
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

  async list(user: SessionUser, query: z.output<typeof consultationListQuery>) {
    const { rows, total, totalCapped } = await this.repo.listConsultations(
      reachOf(user, query.stationId),
      { merchantId: query.merchantId, topic: query.topic, outcome: query.outcome, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return pageAnswer(rows.map(presentConsultation), { total, totalCapped }, query);
  }

  /** Merchants of the station to record a walk-in consultation for (names only). */
  async merchants(user: SessionUser, q: string | undefined, stationId?: number) {
    return (await this.repo.merchantsOf(stationFilter(user, stationId), q)).map((m) => ({ id: m.id, name: m.name }));
  }

  /** The post's figures over a period (default: the twelve months up to today). */
  async figures(user: SessionUser, query: { stationId?: number; from?: string; to?: string }): Promise<RedShieldFigures> {
    const today = stationDate(this.clock.now());
    const to = query.to ?? today;
    const from = query.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4, 7)}-01`;
    const f = await this.repo.figures(reachOf(user, query.stationId), from, to);
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
}
