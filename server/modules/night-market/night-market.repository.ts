// The night market's queries: seasons and pitches, operators and their applications, allocation runs, the
// pitch-nights (one live row per pitch and night, held by a partial unique index), offers, payments, nights with
// their counts and takings, incidents and the jobs register. Only this file builds queries.
import { type Kysely, sql, type Transaction, type Updateable } from "kysely";
import type { PitchNightStatus } from "../../../contracts/night-market.ts";
import { inBatches } from "../../db/batches.ts";
import { inStations } from "../../db/station-filter.ts";
import type {
  DB,
  NightMarketAllocationRunTable,
  NightMarketApplicationTable,
  NightMarketCountTable,
  NightMarketIncidentTable,
  NightMarketJobTable,
  NightMarketNightTable,
  NightMarketOperatorTable,
  NightMarketPaymentTable,
  NightMarketPitchNightTable,
  NightMarketPitchTable,
  NightMarketSeasonTable,
} from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

type Values<T> = Omit<T, "id" | "version" | "active" | "bad_records">;
export type SeasonRow = Awaited<ReturnType<NightMarketRepository["season"]>> & {};
export type PitchRow = Awaited<ReturnType<NightMarketRepository["pitches"]>>[number];
export type ApplicationRow = Awaited<ReturnType<NightMarketRepository["applications"]>>["rows"][number];
export type PitchNightRow = Awaited<ReturnType<NightMarketRepository["pitchNights"]>>[number];
export type OfferRow = Awaited<ReturnType<NightMarketRepository["offers"]>>[number];
export type JobRow = Awaited<ReturnType<NightMarketRepository["jobs"]>>["rows"][number];
export type IncidentRow = Awaited<ReturnType<NightMarketRepository["incidents"]>>["rows"][number];

export class NightMarketRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  // Seasons
  seasons(stationIds: number[] | null, db: Db = this.db) {
    return db
      .selectFrom("night_market_seasons")
      .selectAll()
      .where(inStations(stationIds, "station_id"))
      .orderBy("starts_on", "desc")
      .orderBy("id", "desc")
      .execute();
  }
  seasonsOverlapping(stationId: number, fromNight: string, toNight: string, db: Db = this.db) {
    return db
      .selectFrom("night_market_seasons")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("status", "<>", "draft")
      .where("starts_on", "<=", toNight)
      .where("ends_on", ">=", fromNight)
      .orderBy("starts_on")
      .execute();
  }
  season(id: number, db: Db = this.db) {
    return db.selectFrom("night_market_seasons").selectAll().where("id", "=", id).executeTakeFirst();
  }
  async seasonCounts(seasonIds: number[], db: Db = this.db) {
    if (seasonIds.length === 0) return new Map<number, { pitches: number; applications: number }>();
    const pitches = await db
      .selectFrom("night_market_pitches")
      .select(["season_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where("season_id", "in", seasonIds)
      .where("active", "=", 1)
      .groupBy("season_id")
      .execute();
    const apps = await db
      .selectFrom("night_market_applications")
      .select(["season_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where("season_id", "in", seasonIds)
      .where("status", "<>", "withdrawn")
      .groupBy("season_id")
      .execute();
    const out = new Map<number, { pitches: number; applications: number }>();
    for (const id of seasonIds) out.set(id, { pitches: 0, applications: 0 });
    for (const p of pitches) (out.get(p.season_id) as { pitches: number }).pitches = Number(p.n);
    for (const a of apps) (out.get(a.season_id) as { applications: number }).applications = Number(a.n);
    return out;
  }
  async insertSeason(trx: Db, values: Values<NightMarketSeasonTable>) {
    const row = await trx.insertInto("night_market_seasons").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }
  async updateSeason(trx: Db, id: number, version: number, values: Updateable<NightMarketSeasonTable>) {
    const r = await trx
      .updateTable("night_market_seasons")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  async setSeasonStatus(trx: Db, id: number, from: string[], values: Updateable<NightMarketSeasonTable>) {
    const r = await trx
      .updateTable("night_market_seasons")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("status", "in", from as NightMarketSeasonTable["status"][])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // Pitches
  pitches(seasonId: number, db: Db = this.db) {
    return db.selectFrom("night_market_pitches").selectAll().where("season_id", "=", seasonId).orderBy("number").orderBy("id").execute();
  }
  pitch(id: number, db: Db = this.db) {
    return db.selectFrom("night_market_pitches").selectAll().where("id", "=", id).executeTakeFirst();
  }
  async insertPitch(trx: Db, values: Values<NightMarketPitchTable>) {
    return (await trx.insertInto("night_market_pitches").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  async updatePitch(trx: Db, id: number, version: number, values: Updateable<NightMarketPitchTable>) {
    const r = await trx
      .updateTable("night_market_pitches")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // Operators
  operatorOfUser(stationId: number, userId: number, db: Db = this.db) {
    return db
      .selectFrom("night_market_operators")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
  }
  operatorsOfUser(userId: number, db: Db = this.db) {
    return db.selectFrom("night_market_operators").selectAll().where("user_id", "=", userId).orderBy("id").execute();
  }
  /** Operators by id with the registry's merchant they trade as (for the market map). */
  operatorsWithMerchant(ids: number[], db: Db = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("night_market_operators as o")
      .leftJoin("merchants as m", "m.id", "o.merchant_id")
      .select(["o.id", "o.name", "o.merchant_id", "m.name as merchant_name"])
      .where("o.id", "in", ids)
      .execute();
  }
  operator(id: number, db: Db = this.db) {
    return db.selectFrom("night_market_operators").selectAll().where("id", "=", id).executeTakeFirst();
  }
  async insertOperator(trx: Db, values: Values<NightMarketOperatorTable>) {
    return (await trx.insertInto("night_market_operators").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  /** One more bad record, counted in the row itself so simultaneous incidents both count; answers the new count. */
  async addBadRecord(trx: Db, id: number, at: string) {
    await trx
      .updateTable("night_market_operators")
      .set({ bad_records: sql`bad_records + 1`, updated_at: at })
      .where("id", "=", id)
      .execute();
    const row = await trx
      .selectFrom("night_market_operators")
      .select(["bad_records", "suspended_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return row;
  }
  async suspendOperator(trx: Db, id: number, at: string) {
    await trx
      .updateTable("night_market_operators")
      .set({ suspended_at: at, updated_at: at })
      .where("id", "=", id)
      .where("suspended_at", "is", null)
      .execute();
  }
  userName(userId: number, db: Db = this.db) {
    return db
      .selectFrom("users")
      .leftJoin("merchants", "merchants.id", "users.merchant_id")
      .select(["users.display_name", "merchants.name as merchant_name", "users.merchant_id", "users.org_unit_id"])
      .where("users.id", "=", userId)
      .executeTakeFirst();
  }

  // Applications
  private applicationQuery(db: Db) {
    return db
      .selectFrom("night_market_applications as a")
      .innerJoin("night_market_operators as o", "o.id", "a.operator_id")
      .innerJoin("night_market_seasons as s", "s.id", "a.season_id")
      .select([
        "a.id",
        "a.season_id",
        "a.station_id",
        "a.operator_id",
        "a.kind",
        "a.goods",
        "a.pitches_wanted",
        "a.preferred_pitch_id",
        "a.food_licence_no",
        "a.document_ids",
        "a.status",
        "a.review_note",
        "a.reviewed_at",
        "a.submitted_at",
        "o.name as operator_name",
        "o.kind as operator_kind",
        "o.user_id as operator_user_id",
        "o.merchant_id as operator_merchant_id",
        "s.name as season_name",
        // A merchant operator's record elsewhere in the station, read for the review: fair-scale findings, caring-shop status.
        (eb) =>
          eb
            .selectFrom("merchant_findings as f")
            .select((f) => f.fn.countAll<string>().as("n"))
            .whereRef("f.merchant_id", "=", "o.merchant_id")
            .as("merchant_findings"),
        (eb) =>
          eb
            .selectFrom("caring_shops as c")
            .select("c.status")
            .whereRef("c.merchant_id", "=", "o.merchant_id")
            .orderBy("c.id", "desc")
            .limit(1)
            .as("caring_shop_status"),
      ]);
  }
  async applications(
    f: { stationIds: number[] | null; seasonId?: number; status?: string; kind?: string; q?: string; operatorId?: number },
    page: { limit: number; offset: number },
    db: Db = this.db,
  ) {
    const base = this.applicationQuery(db)
      .where(inStations(f.stationIds, "a.station_id"))
      .$if(f.seasonId !== undefined, (q) => q.where("a.season_id", "=", f.seasonId as number))
      .$if(f.operatorId !== undefined, (q) => q.where("a.operator_id", "=", f.operatorId as number))
      .$if(f.status !== undefined, (q) => q.where("a.status", "=", f.status as NightMarketApplicationTable["status"]))
      .$if(f.kind !== undefined, (q) => q.where("a.kind", "=", f.kind as NightMarketApplicationTable["kind"]))
      .$if(!!f.q, (q) => q.where((eb) => eb.or([eb("o.name", "like", `%${f.q}%`), eb("a.goods", "like", `%${f.q}%`)])));
    const rows = await base.orderBy("a.id").limit(page.limit).offset(page.offset).execute();
    const count = await base
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }
  application(id: number, db: Db = this.db) {
    return this.applicationQuery(db).where("a.id", "=", id).executeTakeFirst();
  }
  approvedApplications(seasonId: number, db: Db = this.db) {
    return this.applicationQuery(db)
      .where("a.season_id", "=", seasonId)
      .where("a.status", "=", "approved")
      .where("o.suspended_at", "is", null)
      .orderBy("a.id")
      .execute();
  }
  async insertApplication(trx: Db, values: Omit<NightMarketApplicationTable, "id">) {
    return (await trx.insertInto("night_market_applications").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  async setApplicationStatus(trx: Db, id: number, from: string[], values: Updateable<NightMarketApplicationTable>) {
    const r = await trx
      .updateTable("night_market_applications")
      .set(values)
      .where("id", "=", id)
      .where("status", "in", from as NightMarketApplicationTable["status"][])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // Allocation
  allocationRun(seasonId: number, db: Db = this.db) {
    return db.selectFrom("night_market_allocation_runs").selectAll().where("season_id", "=", seasonId).executeTakeFirst();
  }
  async insertRun(trx: Db, values: Omit<NightMarketAllocationRunTable, "id">) {
    return (await trx.insertInto("night_market_allocation_runs").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  async insertPitchNights(trx: Db, rows: Omit<NightMarketPitchNightTable, "id">[]) {
    await inBatches(rows, async (batch) => {
      await trx.insertInto("night_market_pitch_nights").values(batch).execute();
      return [];
    });
  }

  // Pitch-nights and offers
  private pitchNightQuery(db: Db) {
    return db
      .selectFrom("night_market_pitch_nights as pn")
      .innerJoin("night_market_pitches as p", "p.id", "pn.pitch_id")
      .innerJoin("night_market_operators as o", "o.id", "pn.operator_id")
      .select([
        "pn.id",
        "pn.season_id",
        "pn.pitch_id",
        "pn.night",
        "pn.operator_id",
        "pn.source",
        "pn.status",
        "pn.checked_in_at",
        "p.number as pitch_number",
        "p.kind as pitch_kind",
        "p.station_id",
        "o.name as operator_name",
      ]);
  }
  pitchNights(seasonId: number, night: string, db: Db = this.db) {
    return this.pitchNightQuery(db)
      .where("pn.season_id", "=", seasonId)
      .where("pn.night", "=", night)
      .where("pn.status", "<>", "released")
      .orderBy("p.number")
      .execute();
  }
  pitchNight(id: number, db: Db = this.db) {
    return this.pitchNightQuery(db).where("pn.id", "=", id).executeTakeFirst();
  }
  pitchNightsOfOperator(operatorId: number, fromNight: string, limit: number, db: Db = this.db) {
    return this.pitchNightQuery(db)
      .where("pn.operator_id", "=", operatorId)
      .where("pn.night", ">=", fromNight)
      .where("pn.status", "<>", "released")
      .orderBy("pn.night")
      .orderBy("p.number")
      .limit(limit)
      .execute();
  }
  async livePitchNightOfOperator(operatorId: number, night: string, db: Db = this.db) {
    return db
      .selectFrom("night_market_pitch_nights")
      .select("id")
      .where("operator_id", "=", operatorId)
      .where("night", "=", night)
      .where("status", "<>", "released")
      .executeTakeFirst();
  }
  async setPitchNightStatus(trx: Db, id: number, from: PitchNightStatus, values: Updateable<NightMarketPitchNightTable>) {
    const r = await trx
      .updateTable("night_market_pitch_nights")
      .set(values)
      .where("id", "=", id)
      .where("status", "=", from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  /** Releases the night's pitches not checked in; answers the pitches freed. */
  async releaseUntaken(trx: Db, seasonId: number, night: string, at: string) {
    const rows = await trx
      .selectFrom("night_market_pitch_nights")
      .select(["id", "pitch_id", "operator_id"])
      .where("season_id", "=", seasonId)
      .where("night", "=", night)
      .where("status", "=", "allocated")
      .execute();
    if (rows.length) {
      await trx
        .updateTable("night_market_pitch_nights")
        .set({ status: "released", released_at: at })
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .where("status", "=", "allocated")
        .execute();
    }
    return rows;
  }
  async takenPitchIds(trx: Db, seasonId: number, night: string) {
    const rows = await trx
      .selectFrom("night_market_pitch_nights")
      .select("pitch_id")
      .where("season_id", "=", seasonId)
      .where("night", "=", night)
      .where("status", "<>", "released")
      .execute();
    return new Set(rows.map((r) => r.pitch_id));
  }
  async offeredPitchIds(trx: Db, seasonId: number, night: string) {
    const rows = await trx
      .selectFrom("night_market_offers")
      .select("pitch_id")
      .where("season_id", "=", seasonId)
      .where("night", "=", night)
      .execute();
    return new Set(rows.map((r) => r.pitch_id));
  }
  async insertOffers(trx: Db, rows: { season_id: number; pitch_id: number; night: string; offered_at: string }[]) {
    if (rows.length === 0) return;
    await trx
      .insertInto("night_market_offers")
      .values(rows.map((r) => ({ ...r, status: "open" as const, claimed_by_operator_id: null, claimed_at: null })))
      .onConflict((oc) => oc.columns(["pitch_id", "night"]).doNothing())
      .execute();
  }
  /** Offers with their pitch's number, kind and station. */
  private offerRows(db: Db) {
    return db
      .selectFrom("night_market_offers as f")
      .innerJoin("night_market_pitches as p", "p.id", "f.pitch_id")
      .select([
        "f.id",
        "f.season_id",
        "f.pitch_id",
        "f.night",
        "f.status",
        "f.claimed_by_operator_id",
        "f.offered_at",
        "p.number as pitch_number",
        "p.kind as pitch_kind",
        "p.station_id",
      ]);
  }
  offers(seasonId: number, night: string, db: Db = this.db) {
    return this.offerRows(db).where("f.season_id", "=", seasonId).where("f.night", "=", night).orderBy("p.number").execute();
  }
  offer(id: number, db: Db = this.db) {
    return this.offerRows(db).where("f.id", "=", id).executeTakeFirst();
  }
  /** Takes an open offer; the row count decides between simultaneous claimers. */
  async claimOffer(trx: Db, id: number, operatorId: number, at: string) {
    const r = await trx
      .updateTable("night_market_offers")
      .set({ status: "claimed", claimed_by_operator_id: operatorId, claimed_at: at })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  async insertPitchNight(trx: Db, values: Omit<NightMarketPitchNightTable, "id">) {
    return (await trx.insertInto("night_market_pitch_nights").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  seasonsWithNight(night: string, db: Db = this.db) {
    return db
      .selectFrom("night_market_seasons")
      .selectAll()
      .where("status", "=", "allocated")
      .where("starts_on", "<=", night)
      .where("ends_on", ">=", night)
      .execute();
  }

  // Payments
  payments(seasonId: number, db: Db = this.db) {
    return db
      .selectFrom("night_market_payments as m")
      .innerJoin("night_market_operators as o", "o.id", "m.operator_id")
      .select(["m.id", "m.season_id", "m.operator_id", "m.kind", "m.amount_fen", "m.note", "m.recorded_at", "o.name as operator_name"])
      .where("m.season_id", "=", seasonId)
      .orderBy("m.id")
      .execute();
  }
  async paidOf(trx: Db, seasonId: number, operatorId: number) {
    const rows = await trx
      .selectFrom("night_market_payments")
      .select(["kind", (eb) => eb.fn.sum<string>("amount_fen").as("total")])
      .where("season_id", "=", seasonId)
      .where("operator_id", "=", operatorId)
      .groupBy("kind")
      .execute();
    const of = (k: string) => Number(rows.find((r) => r.kind === k)?.total ?? 0);
    return { fee: of("fee"), deposit: of("deposit"), fee_refund: of("fee_refund"), deposit_refund: of("deposit_refund") };
  }
  async insertPayment(trx: Db, values: Omit<NightMarketPaymentTable, "id">) {
    return (await trx.insertInto("night_market_payments").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  // Nights
  night(seasonId: number, night: string, db: Db = this.db) {
    return db.selectFrom("night_market_nights").selectAll().where("season_id", "=", seasonId).where("night", "=", night).executeTakeFirst();
  }
  nightById(id: number, db: Db = this.db) {
    return db.selectFrom("night_market_nights").selectAll().where("id", "=", id).executeTakeFirst();
  }
  /** The night's row, made on first use (simultaneous first uses meet on the unique index and one inserts). */
  async ensureNight(trx: Db, seasonId: number, stationId: number, night: string, at: string) {
    await trx
      .insertInto("night_market_nights")
      .values({
        season_id: seasonId,
        station_id: stationId,
        night,
        status: "open",
        weather: null,
        visitors_in: null,
        visitors_out: null,
        turnover_fen: null,
        operators: null,
        incidents: null,
        closed_at: null,
        closed_by_user_id: null,
        correction_reason: null,
        corrected_at: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(["season_id", "night"]).doNothing())
      .execute();
    const row = await this.night(seasonId, night, trx);
    if (!row) throw new Error("night row missing");
    return row;
  }
  async updateNight(trx: Db, id: number, values: Updateable<NightMarketNightTable>, onlyStatus?: "open" | "closed") {
    const r = await trx
      .updateTable("night_market_nights")
      .set(values)
      .where("id", "=", id)
      .$if(onlyStatus !== undefined, (q) => q.where("status", "=", onlyStatus as "open"))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  counts(nightId: number, db: Db = this.db) {
    return db.selectFrom("night_market_counts").selectAll().where("night_id", "=", nightId).orderBy("entrance").execute();
  }
  async replaceCounts(trx: Db, nightId: number, rows: Omit<NightMarketCountTable, "id" | "night_id">[]) {
    await trx.deleteFrom("night_market_counts").where("night_id", "=", nightId).execute();
    await trx
      .insertInto("night_market_counts")
      .values(rows.map((r) => ({ ...r, night_id: nightId })))
      .execute();
  }
  takings(nightId: number, db: Db = this.db) {
    return db
      .selectFrom("night_market_takings as t")
      .innerJoin("night_market_operators as o", "o.id", "t.operator_id")
      .select(["t.id", "t.operator_id", "t.amount_fen", "t.unusual", "t.reported_at", "o.name as operator_name"])
      .where("t.night_id", "=", nightId)
      .orderBy("o.name")
      .execute();
  }
  async earlierTakings(operatorId: number, beforeNight: string, limit: number, db: Db = this.db) {
    const rows = await db
      .selectFrom("night_market_takings as t")
      .innerJoin("night_market_nights as n", "n.id", "t.night_id")
      .select(["t.amount_fen"])
      .where("t.operator_id", "=", operatorId)
      .where("n.night", "<", beforeNight)
      .orderBy("n.night", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => r.amount_fen);
  }
  takingsOfOperator(operatorId: number, limit: number, db: Db = this.db) {
    return db
      .selectFrom("night_market_takings as t")
      .innerJoin("night_market_nights as n", "n.id", "t.night_id")
      .select(["n.night", "t.amount_fen", "t.unusual"])
      .where("t.operator_id", "=", operatorId)
      .orderBy("n.night", "desc")
      .limit(limit)
      .execute();
  }
  async upsertTaking(trx: Db, nightId: number, operatorId: number, amountFen: number, unusual: boolean, at: string) {
    await trx
      .insertInto("night_market_takings")
      .values({ night_id: nightId, operator_id: operatorId, amount_fen: amountFen, unusual: unusual ? 1 : 0, reported_at: at })
      .onConflict((oc) =>
        oc.columns(["night_id", "operator_id"]).doUpdateSet({ amount_fen: amountFen, unusual: unusual ? 1 : 0, reported_at: at }),
      )
      .execute();
  }
  async checkedInCount(trx: Db, seasonId: number, night: string) {
    const r = await trx
      .selectFrom("night_market_pitch_nights")
      .select((eb) => eb.fn.count<string>("operator_id").distinct().as("n"))
      .where("season_id", "=", seasonId)
      .where("night", "=", night)
      .where("status", "=", "checked_in")
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async incidentCount(trx: Db, seasonId: number, night: string) {
    const r = await trx
      .selectFrom("night_market_incidents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("season_id", "=", seasonId)
      .where("night", "=", night)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async nights(
    f: { stationIds: number[] | null; seasonId?: number; status?: string; from?: string; to?: string; nights?: string[] },
    page: { limit: number; offset: number },
    db: Db = this.db,
  ) {
    const base = db
      .selectFrom("night_market_nights")
      .where(inStations(f.stationIds, "station_id"))
      .$if(f.seasonId !== undefined, (q) => q.where("season_id", "=", f.seasonId as number))
      .$if(f.status !== undefined, (q) => q.where("status", "=", f.status as "open"))
      .$if(f.from !== undefined, (q) => q.where("night", ">=", f.from as string))
      .$if(f.to !== undefined, (q) => q.where("night", "<=", f.to as string))
      .$if(f.nights !== undefined, (q) => (f.nights?.length ? q.where("night", "in", f.nights) : q.where(sql<boolean>`1 = 0`)));
    const rows = await base.selectAll().orderBy("night", "desc").limit(page.limit).offset(page.offset).execute();
    const count = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }
  closedNights(stationIds: number[] | null, seasonId: number | undefined, db: Db = this.db) {
    return db
      .selectFrom("night_market_nights")
      .select(["id", "night", "visitors_in", "turnover_fen", "operators", "incidents"])
      .where(inStations(stationIds, "station_id"))
      .where("status", "=", "closed")
      .$if(seasonId !== undefined, (q) => q.where("season_id", "=", seasonId as number))
      .orderBy("night")
      .execute();
  }

  // Incidents
  async insertIncident(trx: Db, values: Omit<NightMarketIncidentTable, "id">) {
    return (await trx.insertInto("night_market_incidents").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  async linkProblem(trx: Db, id: number, problemId: number) {
    await trx.updateTable("night_market_incidents").set({ problem_id: problemId }).where("id", "=", id).execute();
  }
  private incidentQuery(db: Db) {
    return db
      .selectFrom("night_market_incidents as i")
      .leftJoin("night_market_pitches as p", "p.id", "i.pitch_id")
      .leftJoin("night_market_operators as o", "o.id", "i.operator_id")
      .select([
        "i.id",
        "i.night",
        "i.kind",
        "i.pitch_id",
        "i.operator_id",
        "i.description",
        "i.bad_record",
        "i.problem_id",
        "i.created_at",
        "p.number as pitch_number",
        "o.name as operator_name",
      ]);
  }
  incident(id: number, db: Db = this.db) {
    return this.incidentQuery(db).where("i.id", "=", id).executeTakeFirst();
  }
  private jobQuery(db: Db) {
    return db
      .selectFrom("night_market_jobs as j")
      .leftJoin("night_market_operators as o", "o.id", "j.operator_id")
      .select([
        "j.id",
        "j.station_id",
        "j.employer_kind",
        "j.operator_id",
        "j.person_name",
        "j.mobile_enc",
        "j.role",
        "j.origin",
        "j.starts_on",
        "j.ends_on",
        "j.has_contract",
        "o.name as employer_name",
      ]);
  }
  jobRow(id: number, db: Db = this.db) {
    return this.jobQuery(db).where("j.id", "=", id).executeTakeFirst();
  }
  async incidents(
    f: { stationIds: number[] | null; kind?: string; from?: string; to?: string; seasonId?: number },
    page: { limit: number; offset: number },
    db: Db = this.db,
  ) {
    const base = db
      .selectFrom("night_market_incidents as i")
      .leftJoin("night_market_pitches as p", "p.id", "i.pitch_id")
      .leftJoin("night_market_operators as o", "o.id", "i.operator_id")
      .where(inStations(f.stationIds, "i.station_id"))
      .$if(f.seasonId !== undefined, (q) => q.where("i.season_id", "=", f.seasonId as number))
      .$if(f.kind !== undefined, (q) => q.where("i.kind", "=", f.kind as "noise"))
      .$if(f.from !== undefined, (q) => q.where("i.night", ">=", f.from as string))
      .$if(f.to !== undefined, (q) => q.where("i.night", "<=", f.to as string));
    const rows = await base
      .select([
        "i.id",
        "i.night",
        "i.kind",
        "i.pitch_id",
        "i.operator_id",
        "i.description",
        "i.bad_record",
        "i.problem_id",
        "i.created_at",
        "p.number as pitch_number",
        "o.name as operator_name",
      ])
      .orderBy("i.night", "desc")
      .orderBy("i.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }
  incidentKinds(stationIds: number[] | null, seasonId: number | undefined, db: Db = this.db) {
    return db
      .selectFrom("night_market_incidents")
      .select(["kind", "id"])
      .where(inStations(stationIds, "station_id"))
      .$if(seasonId !== undefined, (q) => q.where("season_id", "=", seasonId as number))
      .execute();
  }

  // Jobs register
  async jobs(
    f: { stationIds: number[] | null; current?: boolean; today: string; employerKind?: string; q?: string },
    page: { limit: number; offset: number },
    db: Db = this.db,
  ) {
    const base = db
      .selectFrom("night_market_jobs as j")
      .leftJoin("night_market_operators as o", "o.id", "j.operator_id")
      .where(inStations(f.stationIds, "j.station_id"))
      .$if(f.employerKind !== undefined, (q) => q.where("j.employer_kind", "=", f.employerKind as "market"))
      .$if(!!f.q, (q) =>
        q.where((eb) =>
          eb.or([eb("j.person_name", "like", `%${f.q}%`), eb("j.role", "like", `%${f.q}%`), eb("j.origin", "like", `%${f.q}%`)]),
        ),
      )
      .$if(f.current === true, (q) =>
        q.where("j.starts_on", "<=", f.today).where((eb) => eb.or([eb("j.ends_on", "is", null), eb("j.ends_on", ">=", f.today)])),
      )
      .$if(f.current === false, (q) => q.where((eb) => eb.or([eb("j.starts_on", ">", f.today), eb("j.ends_on", "<", f.today)])));
    const rows = await base
      .select([
        "j.id",
        "j.station_id",
        "j.employer_kind",
        "j.operator_id",
        "j.person_name",
        "j.mobile_enc",
        "j.role",
        "j.origin",
        "j.starts_on",
        "j.ends_on",
        "j.has_contract",
        "o.name as employer_name",
      ])
      .orderBy("j.starts_on", "desc")
      .orderBy("j.id")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }
  job(id: number, db: Db = this.db) {
    return db.selectFrom("night_market_jobs").selectAll().where("id", "=", id).executeTakeFirst();
  }
  async insertJob(trx: Db, values: Omit<NightMarketJobTable, "id">) {
    return (await trx.insertInto("night_market_jobs").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  async updateJob(trx: Db, id: number, values: Updateable<NightMarketJobTable>) {
    await trx.updateTable("night_market_jobs").set(values).where("id", "=", id).execute();
  }
}
