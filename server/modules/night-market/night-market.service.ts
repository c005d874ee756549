// The night market's season side: seasons with their nights and hours, the pitch map, operators' applications
// and their review, the allocation by the season's rule (a lottery's seed recorded, its result re-runnable),
// fees, deposits and refunds. The nights, the register and the figures are their own services; this one wires
// them and answers other modules (openingsBetween).
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type {
  allocationRunSchema,
  applicationCreateSchema,
  applicationListQuery,
  applicationReviewSchema,
  OpeningWindow,
  PitchKind,
  paymentCreateSchema,
  pitchCreateSchema,
  pitchUpdateSchema,
  seasonCreateSchema,
  seasonUpdateSchema,
} from "../../../contracts/night-market.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { managedSeason, manages, orRefuse, refuse } from "./night-market.access.ts";
import { calendarOf, presentApplication, presentPitch, presentSeason } from "./night-market.presenter.ts";
import { NightMarketRepository } from "./night-market.repository.ts";
import {
  type AllocApplication,
  type AllocPitch,
  allocate,
  applicationStep,
  checkApplication,
  seasonNights,
  windowsBetween,
} from "./night-market.workflow.ts";
import { NightMarketFiguresService } from "./night-market-figures.service.ts";
import { NightMarketNightsService } from "./night-market-nights.service.ts";
import { NightMarketRegisterService } from "./night-market-register.service.ts";

type SeasonCreate = z.output<typeof seasonCreateSchema>;
type SeasonUpdate = z.output<typeof seasonUpdateSchema>;

/** What a run saw and what it gave: recorded so the allocation can be re-run and compared. */
interface RunInput {
  rule: "fixed" | "rotation" | "lottery";
  seed: string | null;
  maxPerOperator: number;
  nights: string[];
  applications: AllocApplication[];
  pitches: AllocPitch[];
}

const hashOf = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");

export type MapPitches = {
  season: { id: number; name: string; startsOn: string; endsOn: string } | null;
  pitches: {
    id: number;
    number: string;
    kind: PitchKind;
    x: number;
    y: number;
    w: number;
    h: number;
    active: boolean;
    operatorName: string | null;
    merchantId: number | null;
    merchantName: string | null;
  }[];
};

export class NightMarketService {
  readonly repo: NightMarketRepository;
  readonly nights: NightMarketNightsService;
  readonly register: NightMarketRegisterService;
  readonly figures: NightMarketFiguresService;
  private readonly db: Kysely<DB>;
  private readonly files: FilesService;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, clock: Clock, deps: { problems: ProblemsService; files: FilesService; notifier: Notifier }) {
    this.db = db;
    this.repo = new NightMarketRepository(db);
    this.files = deps.files;
    this.clock = clock;
    this.nights = new NightMarketNightsService(db, this.repo, clock, deps.problems);
    this.register = new NightMarketRegisterService(db, this.repo, vault, clock);
    this.figures = new NightMarketFiguresService(this.repo, clock);
    // An application's documents are seen by its operator and the station's staff.
    deps.files.allowReaders("night_market_application", async (user, id) => {
      const a = await this.repo.application(id);
      return !!a && (a.operator_user_id === user.id || manages(user, a.station_id));
    });
  }

  jobs(): Job[] {
    return [{ name: "night-market.offer-untaken", everyMs: 5 * 60_000, run: (now) => this.nights.offerUntaken(now) }];
  }

  /**
   * The night market's opening windows (UTC ISO) overlapping [fromIso, toIso), for other modules planning around
   * it (the stage's events): one per opening night of every season that is not a draft.
   */
  async openingsBetween(stationId: number, fromIso: string, toIso: string): Promise<OpeningWindow[]> {
    const from = new Date(fromIso);
    const to = new Date(toIso);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) return [];
    // A window starting the evening before `from` may still be open past midnight.
    const fromNight = new Date(from.getTime() - 86_400_000).toISOString().slice(0, 10);
    const toNight = new Date(to.getTime() + 86_400_000).toISOString().slice(0, 10);
    const seasons = await this.repo.seasonsOverlapping(stationId, fromNight, toNight);
    return seasons.flatMap((s) =>
      windowsBetween(calendarOf(s), from, to).map((w) => ({
        start: w.start.toISOString(),
        end: w.end.toISOString(),
        label: `${s.name} ${w.night}`,
      })),
    );
  }

  /**
   * The pitches to draw on the market map (read by the merchant economy's map): those of the season open today, else
   * the latest season begun, else the next one (drafts left out); each with whom the season's allocation gave it to.
   */
  async mapPitches(stationId: number): Promise<MapPitches> {
    const today = stationDate(this.clock.now());
    const seasons = (await this.repo.seasons([stationId])).filter((s) => s.status !== "draft");
    const season =
      seasons.find((s) => s.starts_on <= today && s.ends_on >= today) ??
      seasons.find((s) => s.starts_on <= today) ??
      seasons[seasons.length - 1];
    if (!season) return { season: null, pitches: [] };
    const run = await this.repo.allocationRun(season.id);
    const holder = new Map<number, number>();
    if (run)
      for (const a of (JSON.parse(run.result) as ReturnType<typeof allocate>).assignments)
        for (const p of a.pitchIds) holder.set(p, a.operatorId);
    const operators = new Map((await this.repo.operatorsWithMerchant([...new Set(holder.values())])).map((o) => [o.id, o]));
    return {
      season: { id: season.id, name: season.name, startsOn: season.starts_on, endsOn: season.ends_on },
      pitches: (await this.repo.pitches(season.id)).map((p) => {
        const o = operators.get(holder.get(p.id) ?? 0);
        return {
          id: p.id,
          number: p.number,
          kind: p.kind,
          x: p.x,
          y: p.y,
          w: p.w,
          h: p.h,
          active: !!p.active,
          operatorName: o?.name ?? null,
          merchantId: o?.merchant_id ?? null,
          merchantName: o?.merchant_name ?? null,
        };
      }),
    };
  }

  // Seasons

  async seasons(user: SessionUser, stationId?: number) {
    const rows = await this.repo.seasons(stationFilter(user, stationId));
    const counts = await this.repo.seasonCounts(rows.map((r) => r.id));
    return rows.map((r) => presentSeason(r, counts.get(r.id)));
  }

  async season(user: SessionUser, id: number) {
    const s = await this.repo.season(id);
    if (!s || !reachesStation(user, s.station_id)) throw notFound();
    return presentSeason(s, (await this.repo.seasonCounts([id])).get(id));
  }

  async createSeason(user: SessionUser, input: SeasonCreate, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    if (input.endsOn < input.startsOn) throw refuse("night_market.bad_dates", {}, "endsOn");
    const id = await this.db.transaction().execute(async (trx) => {
      const seasonId = await this.repo.insertSeason(trx, {
        station_id: stationId,
        name: input.name,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        closed_weekdays: JSON.stringify([...new Set(input.closedWeekdays)].sort()),
        closed_nights: JSON.stringify([...new Set(input.closedNights)].sort()),
        application_deadline: new Date(input.applicationDeadline).toISOString(),
        allocation_rule: input.allocationRule,
        max_pitches_per_operator: input.maxPitchesPerOperator,
        checkin_by: input.checkinBy,
        suspend_after: input.suspendAfter,
        deposit_fen: input.depositFen,
        status: "draft",
        created_at: at,
        updated_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_season.created",
        objectType: "night_market_season",
        objectId: seasonId,
        stationId,
        after: input,
      });
      return seasonId;
    });
    return this.season(user, id);
  }

  async updateSeason(user: SessionUser, id: number, input: SeasonUpdate, actor: Actor) {
    const now = this.clock.now();
    const s = await managedSeason(this.repo, user, id);
    const { version, status, ...fields } = input;
    const locked = s.status === "allocated" || s.status === "closed";
    const lockedFields = ["startsOn", "endsOn", "closedWeekdays", "closedNights", "allocationRule", "maxPitchesPerOperator"] as const;
    const touched = lockedFields.find((f) => fields[f] !== undefined);
    if (locked && touched) throw refuse("night_market.season_locked", {}, touched);
    if ((fields.endsOn ?? s.ends_on) < (fields.startsOn ?? s.starts_on)) throw refuse("night_market.bad_dates", {}, "endsOn");
    if (status === "open" && s.status !== "draft" && s.status !== "open") throw refuse("night_market.season_locked", {}, "status");
    const values = {
      ...(fields.name !== undefined && { name: fields.name }),
      ...(fields.startsOn !== undefined && { starts_on: fields.startsOn }),
      ...(fields.endsOn !== undefined && { ends_on: fields.endsOn }),
      ...(fields.opensAt !== undefined && { opens_at: fields.opensAt }),
      ...(fields.closesAt !== undefined && { closes_at: fields.closesAt }),
      ...(fields.closedWeekdays !== undefined && { closed_weekdays: JSON.stringify([...new Set(fields.closedWeekdays)].sort()) }),
      ...(fields.closedNights !== undefined && { closed_nights: JSON.stringify([...new Set(fields.closedNights)].sort()) }),
      ...(fields.applicationDeadline !== undefined && { application_deadline: new Date(fields.applicationDeadline).toISOString() }),
      ...(fields.allocationRule !== undefined && { allocation_rule: fields.allocationRule }),
      ...(fields.maxPitchesPerOperator !== undefined && { max_pitches_per_operator: fields.maxPitchesPerOperator }),
      ...(fields.checkinBy !== undefined && { checkin_by: fields.checkinBy }),
      ...(fields.suspendAfter !== undefined && { suspend_after: fields.suspendAfter }),
      ...(fields.depositFen !== undefined && { deposit_fen: fields.depositFen }),
      ...(status !== undefined && { status }),
      updated_at: now.toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.updateSeason(trx, id, version, values))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_season.updated",
        objectType: "night_market_season",
        objectId: id,
        stationId: s.station_id,
        before: presentSeason(s),
        after: input,
      });
    });
    return this.season(user, id);
  }

  // Pitches

  async pitches(user: SessionUser, seasonId: number) {
    const s = await this.repo.season(seasonId);
    if (!s || !reachesStation(user, s.station_id)) throw notFound();
    return (await this.repo.pitches(seasonId)).map(presentPitch);
  }

  async createPitch(user: SessionUser, seasonId: number, input: z.output<typeof pitchCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const s = await managedSeason(this.repo, user, seasonId);
    const id = await this.db.transaction().execute(async (trx) => {
      let pitchId: number;
      try {
        pitchId = await this.repo.insertPitch(trx, {
          season_id: seasonId,
          station_id: s.station_id,
          number: input.number,
          kind: input.kind,
          area: input.area,
          power_watts: input.powerWatts,
          fee_fen: input.feeFen,
          x: input.x,
          y: input.y,
          w: input.w,
          h: input.h,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("night_market.pitch_number_taken", {}, "number");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_pitch.created",
        objectType: "night_market_pitch",
        objectId: pitchId,
        stationId: s.station_id,
        after: { seasonId, ...input },
      });
      return pitchId;
    });
    const row = await this.repo.pitch(id);
    if (!row) throw notFound();
    return presentPitch(row);
  }

  async updatePitch(user: SessionUser, id: number, input: z.output<typeof pitchUpdateSchema>, actor: Actor) {
    const now = this.clock.now();
    const before = await this.repo.pitch(id);
    if (!before || !manages(user, before.station_id)) throw notFound();
    const { version, active, powerWatts, feeFen, ...rest } = input;
    await this.db.transaction().execute(async (trx) => {
      let ok: boolean;
      try {
        ok = await this.repo.updatePitch(trx, id, version, {
          ...rest,
          ...(powerWatts !== undefined && { power_watts: powerWatts }),
          ...(feeFen !== undefined && { fee_fen: feeFen }),
          ...(active !== undefined && { active: active ? 1 : 0 }),
          updated_at: now.toISOString(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("night_market.pitch_number_taken", {}, "number");
        throw error;
      }
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_pitch.updated",
        objectType: "night_market_pitch",
        objectId: id,
        stationId: before.station_id,
        before: presentPitch(before),
        after: input,
      });
    });
    const row = await this.repo.pitch(id);
    if (!row) throw notFound();
    return presentPitch(row);
  }

  // Applications

  /** A market merchant or an outside vendor applies for a season on the phone; their operator record is made on first application. */
  async apply(user: SessionUser, input: z.output<typeof applicationCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const s = await this.repo.season(input.seasonId);
    if (!s || !reachesStation(user, s.station_id)) throw refuse("night_market.bad_season", {}, "seasonId");
    const existing = await this.repo.operatorOfUser(s.station_id, user.id);
    orRefuse(
      checkApplication(
        {
          seasonStatus: s.status,
          deadline: s.application_deadline,
          maxPitches: s.max_pitches_per_operator,
          kind: input.kind,
          pitchesWanted: input.pitchesWanted,
          foodLicenceNo: input.foodLicenceNo,
          suspended: !!existing?.suspended_at,
        },
        now,
      ),
    );
    if (input.preferredPitchId !== null) {
      const p = await this.repo.pitch(input.preferredPitchId);
      if (!p || p.season_id !== s.id || p.kind !== input.kind || p.active !== 1)
        throw refuse("night_market.bad_pitch", {}, "preferredPitchId");
    }
    const who = await this.repo.userName(user.id);
    const id = await this.db.transaction().execute(async (trx) => {
      const operatorId =
        existing?.id ??
        (await this.repo.insertOperator(trx, {
          station_id: s.station_id,
          user_id: user.id,
          kind: user.merchantId ? "merchant" : "vendor",
          merchant_id: user.merchantId,
          name: who?.merchant_name ?? user.displayName,
          suspended_at: null,
          created_at: at,
          updated_at: at,
        }));
      let applicationId: number;
      try {
        applicationId = await this.repo.insertApplication(trx, {
          season_id: s.id,
          station_id: s.station_id,
          operator_id: operatorId,
          kind: input.kind,
          goods: input.goods,
          pitches_wanted: input.pitchesWanted,
          preferred_pitch_id: input.preferredPitchId,
          food_licence_no: input.foodLicenceNo,
          document_ids: "[]",
          status: "submitted",
          review_note: null,
          reviewed_by_user_id: null,
          reviewed_at: null,
          submitted_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("night_market.already_applied", {}, "seasonId");
        throw error;
      }
      const documents = await this.files.attach(
        trx,
        input.documentIds,
        user.id,
        `night_market_application:${applicationId}`,
        "documentIds",
      );
      if (documents.length)
        await this.repo.setApplicationStatus(trx, applicationId, ["submitted"], { document_ids: JSON.stringify(documents) });
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_application.submitted",
        objectType: "night_market_application",
        objectId: applicationId,
        stationId: s.station_id,
        after: { ...input, operatorId, documentIds: documents },
      });
      return applicationId;
    });
    return this.applicationView(id);
  }

  private async applicationView(id: number) {
    const row = await this.repo.application(id);
    if (!row) throw notFound();
    return presentApplication(row);
  }

  async applications(user: SessionUser, query: z.output<typeof applicationListQuery>) {
    const { rows, total } = await this.repo.applications(
      { stationIds: stationFilter(user, query.stationId), seasonId: query.seasonId, status: query.status, kind: query.kind, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentApplication), total, page: query.page, pageSize: query.pageSize };
  }

  async review(user: SessionUser, id: number, input: z.output<typeof applicationReviewSchema>, actor: Actor) {
    const now = this.clock.now();
    const a = await this.repo.application(id);
    if (!a || !manages(user, a.station_id)) throw notFound();
    const s = await this.repo.season(a.season_id);
    const next = orRefuse(applicationStep(a.status, input.approve ? "approve" : "reject", s?.status === "allocated"));
    await this.db.transaction().execute(async (trx) => {
      const ok = await this.repo.setApplicationStatus(trx, id, [a.status], {
        status: next,
        review_note: input.note,
        reviewed_by_user_id: user.id,
        reviewed_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      if (!ok) throw refuse("night_market.application_transition");
      await appendAudit(trx, actor, {
        at: now,
        action: `night_market_application.${next}`,
        objectType: "night_market_application",
        objectId: id,
        stationId: a.station_id,
        before: { status: a.status },
        after: { status: next, note: input.note },
      });
    });
    return this.applicationView(id);
  }

  async withdraw(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const a = await this.repo.application(id);
    if (!a || a.operator_user_id !== user.id) throw notFound();
    const s = await this.repo.season(a.season_id);
    const next = orRefuse(applicationStep(a.status, "withdraw", s?.status === "allocated"));
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setApplicationStatus(trx, id, [a.status], { status: next, updated_at: now.toISOString() }))) {
        throw refuse("night_market.application_transition");
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_application.withdrawn",
        objectType: "night_market_application",
        objectId: id,
        stationId: a.station_id,
        before: { status: a.status },
        after: { status: next },
      });
    });
    return this.applicationView(id);
  }

  // Allocation

  /** Runs the season's allocation once, by its rule; a lottery draws from the seed given or a fresh one, recorded. */
  async runAllocation(user: SessionUser, seasonId: number, input: z.output<typeof allocationRunSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const s = await managedSeason(this.repo, user, seasonId);
    if (s.status === "allocated" || (await this.repo.allocationRun(seasonId)))
      throw refuse("night_market.already_allocated", { rule: s.allocation_rule });
    if (s.status !== "open") throw refuse("night_market.not_open", {}, "seasonId");
    const apps = await this.repo.approvedApplications(seasonId);
    const pitches = (await this.repo.pitches(seasonId)).filter((p) => p.active === 1);
    if (apps.length === 0 || pitches.length === 0) throw refuse("night_market.nothing_to_allocate");
    const input_: RunInput = {
      rule: s.allocation_rule,
      seed: s.allocation_rule === "lottery" ? (input.seed ?? randomBytes(8).toString("hex")) : null,
      maxPerOperator: s.max_pitches_per_operator,
      nights: seasonNights(calendarOf(s)),
      applications: apps.map((a) => ({
        id: a.id,
        operatorId: a.operator_id,
        kind: a.kind,
        pitchesWanted: a.pitches_wanted,
        preferredPitchId: a.preferred_pitch_id,
      })),
      pitches: pitches.map((p) => ({ id: p.id, number: p.number, kind: p.kind })),
    };
    const result = allocate(input_.rule, input_.applications, input_.pitches, input_.nights, input_.maxPerOperator, input_.seed);
    const resultHash = hashOf(result);
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setSeasonStatus(trx, seasonId, ["open"], { status: "allocated", updated_at: at }))) {
        throw refuse("night_market.already_allocated", { rule: s.allocation_rule });
      }
      try {
        await this.repo.insertRun(trx, {
          season_id: seasonId,
          rule: input_.rule,
          seed: input_.seed,
          input: JSON.stringify(input_),
          result: JSON.stringify(result),
          result_hash: resultHash,
          run_by_user_id: user.id,
          run_at: at,
        });
        await this.repo.insertPitchNights(
          trx,
          result.pitchNights.map((p) => ({
            season_id: seasonId,
            pitch_id: p.pitchId,
            night: p.night,
            operator_id: p.operatorId,
            source: "allocation" as const,
            status: "allocated" as const,
            checked_in_at: null,
            released_at: null,
            created_at: at,
          })),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("night_market.already_allocated", { rule: s.allocation_rule });
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_allocation.run",
        objectType: "night_market_season",
        objectId: seasonId,
        stationId: s.station_id,
        after: { rule: input_.rule, seed: input_.seed, resultHash, assignments: result.assignments, waitingList: result.waitingList },
      });
    });
    return this.allocation(user, seasonId);
  }

  async allocation(user: SessionUser, seasonId: number) {
    const s = await this.repo.season(seasonId);
    if (!s || !reachesStation(user, s.station_id)) throw notFound();
    const run = await this.repo.allocationRun(seasonId);
    if (!run) throw notFound();
    const result = JSON.parse(run.result) as ReturnType<typeof allocate>;
    const pitches = new Map((await this.repo.pitches(seasonId)).map((p) => [p.id, p.number]));
    const names = new Map<number, string>();
    for (const a of (await this.repo.applications({ stationIds: null, seasonId }, { limit: 10_000, offset: 0 })).rows)
      names.set(a.operator_id, a.operator_name);
    return {
      seasonId,
      rule: run.rule,
      seed: run.seed,
      runAt: run.run_at,
      resultHash: run.result_hash,
      assignments: result.assignments.map((a) => ({
        operatorId: a.operatorId,
        operatorName: names.get(a.operatorId) ?? "",
        pitchIds: a.pitchIds,
        pitchNumbers: a.pitchIds.map((id) => pitches.get(id) ?? ""),
      })),
      waitingList: result.waitingList.map((w) => ({ operatorId: w.operatorId, operatorName: names.get(w.operatorId) ?? "" })),
      pitchNights: result.pitchNights.length,
    };
  }

  /** Re-runs the recorded allocation from its recorded input and seed: the same hash means the same result. */
  async verifyAllocation(user: SessionUser, seasonId: number) {
    const s = await this.repo.season(seasonId);
    if (!s || !reachesStation(user, s.station_id)) throw notFound();
    const run = await this.repo.allocationRun(seasonId);
    if (!run) throw notFound();
    const i = JSON.parse(run.input) as RunInput;
    const again = hashOf(allocate(i.rule, i.applications, i.pitches, i.nights, i.maxPerOperator, i.seed));
    return { seed: run.seed, recordedHash: run.result_hash, rerunHash: again, identical: again === run.result_hash };
  }

  // Fees, deposits and refunds

  async payments(user: SessionUser, seasonId: number) {
    const s = await this.repo.season(seasonId);
    if (!s || !reachesStation(user, s.station_id)) throw notFound();
    const rows = await this.repo.payments(seasonId);
    const balances = new Map<
      number,
      { operatorId: number; operatorName: string; feesFen: number; depositsFen: number; feeRefundsFen: number; depositRefundsFen: number }
    >();
    for (const p of rows) {
      const b = balances.get(p.operator_id) ?? {
        operatorId: p.operator_id,
        operatorName: p.operator_name,
        feesFen: 0,
        depositsFen: 0,
        feeRefundsFen: 0,
        depositRefundsFen: 0,
      };
      if (p.kind === "fee") b.feesFen += p.amount_fen;
      if (p.kind === "deposit") b.depositsFen += p.amount_fen;
      if (p.kind === "fee_refund") b.feeRefundsFen += p.amount_fen;
      if (p.kind === "deposit_refund") b.depositRefundsFen += p.amount_fen;
      balances.set(p.operator_id, b);
    }
    return {
      payments: rows.map((p) => ({
        id: p.id,
        seasonId: p.season_id,
        operatorId: p.operator_id,
        operatorName: p.operator_name,
        kind: p.kind,
        amountFen: p.amount_fen,
        note: p.note,
        recordedAt: p.recorded_at,
      })),
      balances: [...balances.values()],
    };
  }

  /** A fee or deposit paid, or a refund of one; a refund never exceeds what was paid less what was refunded. */
  async recordPayment(user: SessionUser, seasonId: number, input: z.output<typeof paymentCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const s = await managedSeason(this.repo, user, seasonId);
    const op = await this.repo.operator(input.operatorId);
    if (!op || op.station_id !== s.station_id) throw refuse("night_market.bad_operator", {}, "operatorId");
    const id = await this.db.transaction().execute(async (trx) => {
      const paid = await this.repo.paidOf(trx, seasonId, op.id);
      const refundOf =
        input.kind === "fee_refund"
          ? paid.fee - paid.fee_refund
          : input.kind === "deposit_refund"
            ? paid.deposit - paid.deposit_refund
            : null;
      if (refundOf !== null && input.amountFen > refundOf)
        throw refuse("night_market.refund_exceeds", { paid: `¥${(refundOf / 100).toFixed(2)}` }, "amountFen");
      const paymentId = await this.repo.insertPayment(trx, {
        season_id: seasonId,
        operator_id: op.id,
        kind: input.kind,
        amount_fen: input.amountFen,
        note: input.note,
        recorded_by_user_id: user.id,
        recorded_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: `night_market_payment.${input.kind}`,
        objectType: "night_market_payment",
        objectId: paymentId,
        stationId: s.station_id,
        after: { seasonId, ...input },
      });
      return paymentId;
    });
    return (await this.payments(user, seasonId)).payments.find((p) => p.id === id);
  }
}
