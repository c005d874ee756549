// The night market each night: the staff's board, the operator's phone (their pitch, check-in, claiming an offered
// pitch, takings), the job offering untaken pitches to the waiting list, incidents (a bad record counted against
// the operator, suspension at the season's number, a problem in the governance loop), entrance counts, the close
// that computes the night's figures, and corrections with a reason.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { weekdayOf } from "../../../contracts/calendar.ts";
import type {
  checkInSchema,
  claimSchema,
  countsInputSchema,
  IncidentKind,
  incidentCreateSchema,
  incidentListQuery,
  nightCorrectionSchema,
  nightListQuery,
  takingsSchema,
} from "../../../contracts/night-market.ts";
import type { ProblemSource } from "../../../contracts/problems.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { homeStation, manages, orRefuse, refuse } from "./night-market.access.ts";
import {
  calendarOf,
  presentApplication,
  presentIncident,
  presentNight,
  presentOffer,
  presentPitch,
  presentPitchNight,
  presentSeason,
} from "./night-market.presenter.ts";
import type { Db, NightMarketRepository } from "./night-market.repository.ts";
import {
  checkCounts,
  checkIn,
  closeNight,
  figuresOf,
  isOpenNight,
  nightOf,
  nightWindow,
  offerTime,
  suspendedAfter,
  unusualTakings,
} from "./night-market.workflow.ts";

/** Incidents that become problems land in the governance loop's matching category. */
const problemCategory: Record<IncidentKind, string> = {
  noise: "market_order",
  hygiene: "sanitation",
  dispute: "dispute",
  safety: "safety",
  other: "other",
};
const incidentTitle: Record<IncidentKind, string> = {
  noise: "噪音扰民",
  hygiene: "环境卫生",
  dispute: "经营纠纷",
  safety: "安全隐患",
  other: "其他事件",
};

export class NightMarketNightsService {
  private readonly db: Kysely<DB>;
  private readonly repo: NightMarketRepository;
  private readonly clock: Clock;
  private readonly problems: ProblemsService;

  constructor(db: Kysely<DB>, repo: NightMarketRepository, clock: Clock, problems: ProblemsService) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
    this.problems = problems;
  }

  /** The season a station's market opens on that night, if any. */
  private async seasonOn(stationId: number, night: string, db: Db = this.db) {
    const seasons = await this.repo.seasonsOverlapping(stationId, night, night, db);
    return seasons.find((s) => isOpenNight(calendarOf(s), night));
  }

  /** The night's board: the pitch map, who holds each pitch and whether they are in, the offers, the report. */
  async board(user: SessionUser, query: { stationId?: number; night?: string }) {
    const now = this.clock.now();
    const night = query.night ?? nightOf(now);
    // An account reaching several stations names one; without it the board is empty rather than refused.
    const stationId = query.stationId ?? (user.stationIds?.length === 1 ? user.stationIds[0] : null);
    if (stationId !== null && !reachesStation(user, stationId)) throw notFound();
    const season = stationId === null ? undefined : await this.seasonOn(stationId, night);
    if (!season) return { season: null, night, open: false, window: null, pitches: [], pitchNights: [], offers: [], report: null };
    const w = nightWindow(calendarOf(season), night);
    const row = await this.repo.night(season.id, night);
    return {
      season: presentSeason(season),
      night,
      open: true,
      window: { start: w.start.toISOString(), end: w.end.toISOString() },
      pitches: (await this.repo.pitches(season.id)).map(presentPitch),
      pitchNights: (await this.repo.pitchNights(season.id, night)).map(presentPitchNight),
      offers: (await this.repo.offers(season.id, night)).map(presentOffer),
      report: row ? presentNight(row, await this.repo.counts(row.id), await this.repo.takings(row.id)) : null,
    };
  }

  /** What an operator (or someone about to become one) sees on the phone. */
  async mine(user: SessionUser) {
    const now = this.clock.now();
    const tonight = nightOf(now);
    const stationId = homeStation(user);
    const seasons = stationId === null ? [] : await this.repo.seasons([stationId]);
    const season = seasons.find((s) => s.status !== "draft" && s.ends_on >= tonight) ?? null;
    const op = stationId === null ? undefined : await this.repo.operatorOfUser(stationId, user.id);
    if (!op) {
      return {
        operator: null,
        season: season && presentSeason(season),
        applications: [],
        tonight,
        tonightPitches: [],
        upcoming: [],
        offers: [],
        takings: [],
      };
    }
    const coming = (await this.repo.pitchNightsOfOperator(op.id, tonight, 30)).map(presentPitchNight);
    const applications = (await this.repo.applications({ stationIds: null, operatorId: op.id }, { limit: 50, offset: 0 })).rows.map(
      presentApplication,
    );
    const tonightSeason = stationId === null ? undefined : await this.seasonOn(stationId, tonight);
    const waiting =
      tonightSeason &&
      applications.some((a) => a.seasonId === tonightSeason.id && a.status === "approved") &&
      !coming.some((p) => p.night === tonight);
    return {
      operator: { id: op.id, name: op.name, kind: op.kind, badRecords: op.bad_records, suspended: op.suspended_at !== null },
      season: season && presentSeason(season),
      applications,
      tonight,
      tonightPitches: coming.filter((p) => p.night === tonight),
      upcoming: coming.filter((p) => p.night > tonight),
      offers:
        waiting && tonightSeason
          ? (await this.repo.offers(tonightSeason.id, tonight)).filter((o) => o.status === "open").map(presentOffer)
          : [],
      takings: (await this.repo.takingsOfOperator(op.id, 30)).map((t) => ({
        night: t.night,
        amountFen: t.amount_fen,
        unusual: t.unusual === 1,
      })),
    };
  }

  /** Tonight's market as a resident sees it: open or not, the hours, the pitches and what each sells. */
  async tonight(user: SessionUser) {
    const now = this.clock.now();
    const night = nightOf(now);
    const stationId = homeStation(user);
    const season = stationId === null ? undefined : await this.seasonOn(stationId, night);
    if (!season) return { night, open: false, window: null, seasonName: null, pitches: [] };
    const w = nightWindow(calendarOf(season), night);
    const held = await this.repo.pitchNights(season.id, night);
    const goods = new Map<number, string>();
    const apps = (await this.repo.applications({ stationIds: null, seasonId: season.id, status: "approved" }, { limit: 10_000, offset: 0 }))
      .rows;
    for (const a of apps) goods.set(a.operator_id, a.goods);
    const byPitch = new Map(held.map((h) => [h.pitch_id, h.operator_id]));
    return {
      night,
      open: true,
      window: { start: w.start.toISOString(), end: w.end.toISOString() },
      seasonName: season.name,
      pitches: (await this.repo.pitches(season.id))
        .filter((p) => p.active === 1)
        .map((p) => ({
          number: p.number,
          kind: p.kind,
          goods: goods.get(byPitch.get(p.id) ?? -1) ?? null,
          x: p.x,
          y: p.y,
          w: p.w,
          h: p.h,
        })),
    };
  }

  /** An operator checks in at their pitch on the phone; someone else's pitch is refused. */
  async checkIn(user: SessionUser, input: z.output<typeof checkInSchema>, actor: Actor) {
    const now = this.clock.now();
    const pn = await this.repo.pitchNight(input.pitchNightId);
    if (!pn || !reachesStation(user, pn.station_id)) throw refuse("night_market.not_your_pitch", {}, "pitchNightId");
    const op = await this.repo.operatorOfUser(pn.station_id, user.id);
    const season = await this.repo.season(pn.season_id);
    if (!season) throw notFound();
    orRefuse(checkIn({ operatorId: pn.operator_id, status: pn.status }, op?.id ?? -1, nightWindow(calendarOf(season), pn.night), now));
    if (op?.suspended_at) throw refuse("night_market.suspended");
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setPitchNightStatus(trx, pn.id, "allocated", { status: "checked_in", checked_in_at: now.toISOString() }))) {
        throw refuse("night_market.already_checked_in", {}, "pitchNightId");
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_pitch.checked_in",
        objectType: "night_market_pitch_night",
        objectId: pn.id,
        stationId: pn.station_id,
        after: { pitch: pn.pitch_number, night: pn.night, operatorId: pn.operator_id },
      });
    });
    return presentPitchNight((await this.repo.pitchNight(pn.id)) ?? pn);
  }

  /**
   * The job: once a night's check-in time has passed, pitches not checked in are released and every free pitch is
   * offered to the waiting list. Uses the `now` it is given; offering twice changes nothing.
   */
  async offerUntaken(now: Date) {
    const night = nightOf(now);
    const at = now.toISOString();
    let released = 0;
    let offered = 0;
    for (const season of await this.repo.seasonsWithNight(night)) {
      const cal = calendarOf(season);
      if (!isOpenNight(cal, night)) continue;
      if (now < offerTime(night, { ...cal, checkinBy: season.checkin_by }) || now >= nightWindow(cal, night).end) continue;
      await this.db.transaction().execute(async (trx) => {
        const freed = await this.repo.releaseUntaken(trx, season.id, night, at);
        const taken = await this.repo.takenPitchIds(trx, season.id, night);
        const already = await this.repo.offeredPitchIds(trx, season.id, night);
        const pitches = (await this.repo.pitches(season.id, trx)).filter((p) => p.active === 1 && !taken.has(p.id) && !already.has(p.id));
        await this.repo.insertOffers(
          trx,
          pitches.map((p) => ({ season_id: season.id, pitch_id: p.id, night, offered_at: at })),
        );
        released += freed.length;
        offered += pitches.length;
        if (freed.length || pitches.length) {
          await appendAudit(
            trx,
            { userId: null, name: "system", role: null, ip: null },
            {
              at: now,
              action: "night_market_pitch.offered",
              objectType: "night_market_season",
              objectId: season.id,
              stationId: season.station_id,
              after: { night, released: freed.map((f) => f.pitch_id), offered: pitches.map((p) => p.number) },
            },
          );
        }
      });
    }
    return { released, offered };
  }

  /** An operator on the waiting list claims an offered pitch; of simultaneous claims exactly one wins. */
  async claim(user: SessionUser, input: z.output<typeof claimSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const offer = await this.repo.offer(input.offerId);
    if (!offer || !reachesStation(user, offer.station_id)) throw notFound();
    if (offer.status !== "open") throw refuse("night_market.offer_taken", {}, "offerId");
    const op = await this.repo.operatorOfUser(offer.station_id, user.id);
    if (!op) throw refuse("night_market.not_operator");
    if (op.suspended_at) throw refuse("night_market.suspended");
    const approved = (
      await this.repo.applications(
        { stationIds: null, seasonId: offer.season_id, operatorId: op.id, status: "approved" },
        { limit: 1, offset: 0 },
      )
    ).rows;
    if (approved.length === 0) throw refuse("night_market.not_waiting", {}, "offerId");
    if (await this.repo.livePitchNightOfOperator(op.id, offer.night)) throw refuse("night_market.has_pitch_tonight", {}, "offerId");
    const id = await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.claimOffer(trx, offer.id, op.id, at))) throw refuse("night_market.offer_taken", {}, "offerId");
      let pitchNightId: number;
      try {
        pitchNightId = await this.repo.insertPitchNight(trx, {
          season_id: offer.season_id,
          pitch_id: offer.pitch_id,
          night: offer.night,
          operator_id: op.id,
          source: "waiting_list",
          status: "allocated",
          checked_in_at: null,
          released_at: null,
          created_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("night_market.offer_taken", {}, "offerId");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_offer.claimed",
        objectType: "night_market_offer",
        objectId: offer.id,
        stationId: offer.station_id,
        after: { pitch: offer.pitch_number, night: offer.night, operatorId: op.id, pitchNightId },
      });
      return pitchNightId;
    });
    const row = await this.repo.pitchNight(id);
    if (!row) throw notFound();
    return presentPitchNight(row);
  }

  /** An operator reports the night's takings on the phone (integer fen), flagged when far from their usual. */
  async reportTakings(user: SessionUser, input: z.output<typeof takingsSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = homeStation(user);
    if (stationId === null) throw notFound();
    const op = await this.repo.operatorOfUser(stationId, user.id);
    if (!op) throw refuse("night_market.not_operator");
    const season = await this.seasonOn(stationId, input.night);
    if (!season) throw refuse("night_market.closed_night", { night: input.night }, "night");
    const held = await this.repo.livePitchNightOfOperator(op.id, input.night);
    if (!held) throw refuse("night_market.not_your_pitch", {}, "night");
    const existing = await this.repo.night(season.id, input.night);
    if (existing?.status === "closed") throw refuse("night_market.night_closed", {}, "night");
    const unusual = unusualTakings(input.amountFen, await this.repo.earlierTakings(op.id, input.night, 20));
    await this.db.transaction().execute(async (trx) => {
      const night = await this.repo.ensureNight(trx, season.id, stationId, input.night, at);
      if (night.status === "closed") throw refuse("night_market.night_closed", {}, "night");
      await this.repo.upsertTaking(trx, night.id, op.id, input.amountFen, unusual, at);
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_takings.reported",
        objectType: "night_market_night",
        objectId: night.id,
        stationId,
        after: { operatorId: op.id, night: input.night, amountFen: input.amountFen, unusual },
      });
    });
    return { night: input.night, amountFen: input.amountFen, unusual };
  }

  /** Staff record the night's entrance counts (with the method) and the weather, before the close. */
  async recordCounts(user: SessionUser, input: z.output<typeof countsInputSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    const season = await this.seasonOn(stationId, input.night);
    if (!season) throw refuse("night_market.closed_night", { night: input.night }, "night");
    const existing = await this.repo.night(season.id, input.night);
    if (existing?.status === "closed") throw refuse("night_market.night_closed", {}, "night");
    orRefuse(checkCounts(input.counts) ?? true);
    const id = await this.db.transaction().execute(async (trx) => {
      const night = await this.repo.ensureNight(trx, season.id, stationId, input.night, at);
      if (night.status === "closed") throw refuse("night_market.night_closed", {}, "night");
      await this.repo.replaceCounts(
        trx,
        night.id,
        input.counts.map((c) => ({
          entrance: c.entrance,
          method: c.method,
          visitors_in: c.visitorsIn,
          visitors_out: c.visitorsOut,
          recorded_by_user_id: user.id,
          recorded_at: at,
        })),
      );
      if (input.weather !== undefined) await this.repo.updateNight(trx, night.id, { weather: input.weather ?? null, updated_at: at });
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_counts.recorded",
        objectType: "night_market_night",
        objectId: night.id,
        stationId,
        after: input,
      });
      return night.id;
    });
    return this.nightView(id);
  }

  private async nightView(id: number) {
    const n = await this.repo.nightById(id);
    if (!n) throw notFound();
    return presentNight(n, await this.repo.counts(id), await this.repo.takings(id));
  }

  async night(user: SessionUser, id: number) {
    const n = await this.repo.nightById(id);
    if (!n || !reachesStation(user, n.station_id)) throw notFound();
    return this.nightView(id);
  }

  /** Staff close the night: its figures are computed from the counts, takings, check-ins and incidents, and kept. */
  async close(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const n = await this.repo.nightById(id);
    if (!n || !manages(user, n.station_id)) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      const counts = await this.repo.counts(id, trx);
      const takings = await this.repo.takings(id, trx);
      const figures = orRefuse(
        closeNight(
          n.status,
          counts.map((c) => ({ entrance: c.entrance, visitorsIn: c.visitors_in, visitorsOut: c.visitors_out })),
          takings.map((t) => t.amount_fen),
          await this.repo.checkedInCount(trx, n.season_id, n.night),
          await this.repo.incidentCount(trx, n.season_id, n.night),
        ),
      );
      const ok = await this.repo.updateNight(
        trx,
        id,
        {
          status: "closed",
          visitors_in: figures.visitorsIn,
          visitors_out: figures.visitorsOut,
          turnover_fen: figures.turnoverFen,
          operators: figures.operators,
          incidents: figures.incidents,
          closed_at: now.toISOString(),
          closed_by_user_id: user.id,
          updated_at: now.toISOString(),
        },
        "open",
      );
      if (!ok) throw refuse("night_market.night_closed");
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_night.closed",
        objectType: "night_market_night",
        objectId: id,
        stationId: n.station_id,
        after: { night: n.night, ...figures },
      });
    });
    return this.nightView(id);
  }

  /** A closed night corrected: the counts, takings or weather replaced, the figures recomputed, the reason kept and audited. */
  async correct(user: SessionUser, id: number, input: z.output<typeof nightCorrectionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const n = await this.repo.nightById(id);
    if (!n || !manages(user, n.station_id)) throw notFound();
    if (n.status !== "closed") throw refuse("night_market.night_not_closed");
    if (input.counts) orRefuse(checkCounts(input.counts) ?? true);
    const before = await this.nightView(id);
    if (input.takings) {
      for (const [i, t] of input.takings.entries()) {
        const op = await this.repo.operator(t.operatorId);
        if (!op || op.station_id !== n.station_id) throw refuse("night_market.bad_operator", {}, `takings.${i}.operatorId`);
      }
    }
    await this.db.transaction().execute(async (trx) => {
      if (input.counts) {
        await this.repo.replaceCounts(
          trx,
          id,
          input.counts.map((c) => ({
            entrance: c.entrance,
            method: c.method,
            visitors_in: c.visitorsIn,
            visitors_out: c.visitorsOut,
            recorded_by_user_id: user.id,
            recorded_at: at,
          })),
        );
      }
      for (const t of input.takings ?? []) await this.repo.upsertTaking(trx, id, t.operatorId, t.amountFen, false, at);
      const counts = await this.repo.counts(id, trx);
      const takings = await this.repo.takings(id, trx);
      const figures = figuresOf(
        counts.map((c) => ({ entrance: c.entrance, visitorsIn: c.visitors_in, visitorsOut: c.visitors_out })),
        takings.map((t) => t.amount_fen),
        n.operators ?? 0,
        await this.repo.incidentCount(trx, n.season_id, n.night),
      );
      await this.repo.updateNight(trx, id, {
        visitors_in: figures.visitorsIn,
        visitors_out: figures.visitorsOut,
        turnover_fen: figures.turnoverFen,
        incidents: figures.incidents,
        ...(input.weather !== undefined && { weather: input.weather }),
        correction_reason: input.reason,
        corrected_at: at,
        updated_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_night.corrected",
        objectType: "night_market_night",
        objectId: id,
        stationId: n.station_id,
        before,
        after: { reason: input.reason, ...figures, counts: input.counts, takings: input.takings, weather: input.weather },
      });
    });
    return this.nightView(id);
  }

  async nights(user: SessionUser, query: z.output<typeof nightListQuery> & { seasonId?: number }) {
    let from = query.from;
    let to = query.to;
    if (query.month) {
      from = `${query.month}-01`;
      to = `${query.month}-31`;
    }
    const { rows, total } = await this.repo.nights(
      { stationIds: stationFilter(user, query.stationId), status: query.status, from, to, seasonId: query.seasonId },
      query.weekday ? { limit: 10_000, offset: 0 } : { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    // A weekday's nights are picked here: the calendar's weekday is the station's, not the database's.
    const picked = query.weekday ? rows.filter((r) => weekdayOf(r.night) === query.weekday) : rows;
    const page = query.weekday ? picked.slice((query.page - 1) * query.pageSize, query.page * query.pageSize) : picked;
    return {
      items: page.map((n) => presentNight(n, [], [])),
      total: query.weekday ? picked.length : total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Staff record an incident of the night; a bad record counts against the pitch's operator and may suspend them. */
  async recordIncident(user: SessionUser, input: z.output<typeof incidentCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    const season = await this.seasonOn(stationId, input.night);
    if (!season) throw refuse("night_market.closed_night", { night: input.night }, "night");
    let operatorId: number | null = null;
    let pitchNumber: string | null = null;
    if (input.pitchId !== null) {
      const pitch = await this.repo.pitch(input.pitchId);
      if (!pitch || pitch.season_id !== season.id) throw refuse("night_market.bad_pitch", {}, "pitchId");
      pitchNumber = pitch.number;
      operatorId = (await this.repo.pitchNights(season.id, input.night)).find((p) => p.pitch_id === pitch.id)?.operator_id ?? null;
    }
    if (input.badRecord && operatorId === null) throw refuse("night_market.bad_pitch", {}, "pitchId");
    if (input.toProblem) await this.problems.ensureCategories();
    const id = await this.db.transaction().execute(async (trx) => {
      const incidentId = await this.repo.insertIncident(trx, {
        season_id: season.id,
        station_id: stationId,
        night: input.night,
        kind: input.kind,
        pitch_id: input.pitchId,
        operator_id: operatorId,
        description: input.description,
        bad_record: input.badRecord ? 1 : 0,
        problem_id: null,
        recorded_by_user_id: user.id,
        created_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_incident.recorded",
        objectType: "night_market_incident",
        objectId: incidentId,
        stationId,
        after: { ...input, operatorId },
      });
      if (input.badRecord && operatorId !== null) {
        const op = await this.repo.addBadRecord(trx, operatorId, at);
        if (op.suspended_at === null && suspendedAfter(op.bad_records, season.suspend_after)) {
          await this.repo.suspendOperator(trx, operatorId, at);
          await appendAudit(trx, actor, {
            at: now,
            action: "night_market_operator.suspended",
            objectType: "night_market_operator",
            objectId: operatorId,
            stationId,
            after: { badRecords: op.bad_records, suspendAfter: season.suspend_after, incidentId },
          });
        }
      }
      if (input.toProblem) {
        const source: ProblemSource = can(user.role, "nightmarket.manage") ? "walk_in" : "resident";
        const place = pitchNumber ? `夜市 ${pitchNumber} 摊位` : "夜市";
        const problem = await this.problems.createProblemRecord(trx, {
          stationId,
          title: `夜市${incidentTitle[input.kind]}：${place}（${input.night}）`.slice(0, 100),
          description: input.description,
          categoryCode: problemCategory[input.kind],
          source,
          place,
          reporterUserId: null,
          reporterName: user.displayName,
          createdAt: at,
          actorUserId: user.id,
          actorName: user.displayName,
        });
        await this.repo.linkProblem(trx, incidentId, problem.id);
        await appendAudit(trx, actor, {
          at: now,
          action: "problem.created",
          objectType: "problem",
          objectId: problem.id,
          stationId,
          after: {
            code: problem.code,
            categoryCode: problemCategory[input.kind],
            source,
            status: "submitted",
            nightMarketIncidentId: incidentId,
          },
        });
      }
      return incidentId;
    });
    const row = await this.repo.incident(id);
    if (!row) throw notFound();
    return presentIncident(row);
  }

  async incidents(user: SessionUser, query: z.output<typeof incidentListQuery> & { seasonId?: number }) {
    const { rows, total } = await this.repo.incidents(
      { stationIds: stationFilter(user, query.stationId), kind: query.kind, from: query.from, to: query.to, seasonId: query.seasonId },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentIncident), total, page: query.page, pageSize: query.pageSize };
  }
}
