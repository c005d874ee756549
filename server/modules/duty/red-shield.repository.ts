// The Red Shield post's tables: the plan per station, its sessions (one per station and day), the slot bookings
// (one live booking per slot, held by a partial unique index) and the consultations recorded per merchant.
import { type Kysely, sql, type Transaction } from "kysely";
import type { BookingStatus, ConsultationOutcome, ConsultationTopic, SessionStatus } from "../../../contracts/duty.ts";
import { inBatches } from "../../db/batches.ts";
import { dialectOf } from "../../db/database.ts";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, RedShieldConsultationTable, RedShieldPlanTable, RedShieldSessionTable } from "../../db/tables.ts";
import { containsText, linkedContainsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Whose records: stations in reach, narrowed to a unit's sessions or a merchant's own bookings. */
export interface RedShieldReach {
  stationIds: number[] | null;
  unitId?: number;
  merchantId?: number;
}

export type SessionValues = Omit<RedShieldSessionTable, "id" | "version">;
export type PlanValues = Omit<RedShieldPlanTable, "id" | "active"> & { active: number };
export type ConsultationValues = Omit<RedShieldConsultationTable, "id">;

export class RedShieldRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** A station's name, for what its notices say. */
  async stationName(id: number, db: Db = this.db): Promise<string> {
    const row = await db.selectFrom("org_units").select("name").where("id", "=", id).executeTakeFirst();
    return row?.name ?? "";
  }

  /** The first station of the platform (a caller without stations of their own reads that one). */
  async firstStation(db: Db = this.db): Promise<number | null> {
    const row = await db.selectFrom("org_units").select("id").where("kind", "=", "station").orderBy("id").executeTakeFirst();
    return row?.id ?? null;
  }

  /** The alliance unit a plan is given to (its station and whether it is active). */
  unit(id: number, db: Db = this.db) {
    return db.selectFrom("alliance_units").select(["id", "station_id", "status"]).where("id", "=", id).executeTakeFirst();
  }

  private plans(db: Db) {
    return db
      .selectFrom("red_shield_plans as p")
      .innerJoin("alliance_units as u", "u.id", "p.unit_id")
      .select([
        "p.id",
        "p.station_id",
        "p.unit_id",
        "p.rule",
        "p.start_time",
        "p.end_time",
        "p.slot_minutes",
        "p.place",
        "p.active",
        "p.updated_at",
        "u.name as unit_name",
      ]);
  }

  planOf(stationId: number, db: Db = this.db) {
    return this.plans(db).where("p.station_id", "=", stationId).orderBy("p.id").executeTakeFirst();
  }

  /** Saves of a station's plan in turn (PostgreSQL): the station's row is locked, so a first plan is made once. */
  async lockStation(trx: Transaction<DB>, stationId: number) {
    if (dialectOf(trx) !== "postgres") return;
    await trx.selectFrom("org_units").select("id").where("id", "=", stationId).forNoKeyUpdate().execute();
  }

  activePlans(reach: RedShieldReach, db: Db = this.db) {
    let q = this.plans(db).where("p.active", "=", 1).where(inStations(reach.stationIds, "p.station_id"));
    if (reach.unitId !== undefined) q = q.where("p.unit_id", "=", reach.unitId);
    return q.orderBy("p.id").execute();
  }

  async insertPlan(trx: Db, values: PlanValues): Promise<number> {
    return (await trx.insertInto("red_shield_plans").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async updatePlan(trx: Db, id: number, values: Partial<PlanValues>) {
    await trx.updateTable("red_shield_plans").set(values).where("id", "=", id).execute();
  }

  /** Inserts the sessions whose day is still free; answers how many were new (a day never holds two). */
  async insertSessions(trx: Db, values: SessionValues[]): Promise<number> {
    const created = await inBatches(values, (batch) =>
      trx
        .insertInto("red_shield_sessions")
        .values(batch)
        .onConflict((oc) => oc.columns(["station_id", "date"]).doNothing())
        .returning("id")
        .execute(),
    );
    return created.length;
  }

  private sessions(db: Db) {
    return db
      .selectFrom("red_shield_sessions as s")
      .innerJoin("alliance_units as u", "u.id", "s.unit_id")
      .select([
        "s.id",
        "s.station_id",
        "s.plan_id",
        "s.unit_id",
        "s.date",
        "s.start_time",
        "s.end_time",
        "s.slot_minutes",
        "s.place",
        "s.status",
        "s.cancel_reason",
        "s.version",
        "u.name as unit_name",
        (eb) =>
          eb
            .selectFrom("red_shield_bookings as b")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("b.session_id", "=", "s.id")
            .where("b.status", "!=", "cancelled")
            .as("booked"),
        (eb) =>
          eb
            .selectFrom("red_shield_bookings as b")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("b.session_id", "=", "s.id")
            .where("b.status", "=", "attended")
            .as("attended"),
        (eb) =>
          eb
            .selectFrom("red_shield_consultations as c")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("c.session_id", "=", "s.id")
            .as("consultations"),
      ]);
  }

  /** The page's ids from the sessions table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listSessions(
    reach: RedShieldReach,
    f: { when: "upcoming" | "past" | "all"; status?: SessionStatus; today: string; q?: string },
    page: { limit: number; offset: number },
  ) {
    let q = this.db.selectFrom("red_shield_sessions as s").where(inStations(reach.stationIds, "s.station_id"));
    if (reach.unitId !== undefined) q = q.where("s.unit_id", "=", reach.unitId);
    if (f.when === "upcoming") q = q.where("s.date", ">=", f.today);
    if (f.when === "past") q = q.where("s.date", "<", f.today);
    if (f.status) q = q.where("s.status", "=", f.status);
    const text = f.q;
    const direction = f.when === "upcoming" ? "asc" : "desc";
    return pagedList({
      db: this.db,
      filtered: q,
      text: text ? { columns: ["s.place"], condition: (eb) => containsText(eb, "s.place", text) } : undefined,
      id: "s.id",
      order: [
        ["s.date", direction],
        ["s.id", direction],
      ],
      rows: (ids) => this.sessions(this.db).where("s.id", "in", ids).execute(),
      page,
    });
  }

  findSession(id: number, db: Db = this.db) {
    return this.sessions(db).where("s.id", "=", id).executeTakeFirst();
  }

  /** The session row, locked for the booking transaction on PostgreSQL (bookings of one session in turn). */
  async lockSession(trx: Transaction<DB>, id: number) {
    let q = trx
      .selectFrom("red_shield_sessions")
      .select(["id", "station_id", "unit_id", "date", "start_time", "end_time", "slot_minutes", "status"])
      .where("id", "=", id);
    if (dialectOf(trx) === "postgres") q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async updateSession(
    trx: Db,
    id: number,
    version: number,
    values: Partial<Pick<RedShieldSessionTable, "status" | "cancel_reason" | "updated_at">>,
  ) {
    const r = await trx
      .updateTable("red_shield_sessions")
      .set({ ...values, version: sql<number>`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("status", "=", "scheduled")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Upcoming scheduled sessions of the stations, with the slots already taken. */
  upcomingSessions(stationIds: number[], from: string, to: string) {
    if (stationIds.length === 0) return Promise.resolve([]);
    return this.sessions(this.db)
      .where("s.station_id", "in", stationIds)
      .where("s.status", "=", "scheduled")
      .where("s.date", ">=", from)
      .where("s.date", "<=", to)
      .orderBy("s.date")
      .execute();
  }

  private bookings(db: Db) {
    return db
      .selectFrom("red_shield_bookings as b")
      .innerJoin("merchants as m", "m.id", "b.merchant_id")
      .select([
        "b.id",
        "b.session_id",
        "b.slot",
        "b.merchant_id",
        "b.booked_by_user_id",
        "b.topic",
        "b.note",
        "b.status",
        "b.created_at",
        "m.name as merchant_name",
      ]);
  }

  bookingsOf(sessionIds: number[], db: Db = this.db) {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.bookings(db).where("b.session_id", "in", sessionIds).orderBy("b.slot").orderBy("b.id").execute();
  }

  findBooking(id: number, db: Db = this.db) {
    return this.bookings(db).where("b.id", "=", id).executeTakeFirst();
  }

  liveBookingOf(sessionId: number, merchantId: number, db: Db = this.db) {
    return db
      .selectFrom("red_shield_bookings")
      .select(["id", "slot"])
      .where("session_id", "=", sessionId)
      .where("merchant_id", "=", merchantId)
      .where("status", "=", "booked")
      .executeTakeFirst();
  }

  /** A merchant's bookings with their session's day, newest first. */
  bookingsOfMerchant(merchantId: number, db: Db = this.db) {
    return this.bookings(db)
      .innerJoin("red_shield_sessions as s", "s.id", "b.session_id")
      .select(["s.date", "s.status as session_status", "s.place"])
      .where("b.merchant_id", "=", merchantId)
      .orderBy("s.date", "desc")
      .orderBy("b.slot")
      .limit(50)
      .execute();
  }

  /** Throws the unique violation when the slot already holds a live booking. */
  async insertBooking(
    trx: Db,
    values: {
      session_id: number;
      slot: string;
      merchant_id: number;
      booked_by_user_id: number | null;
      topic: ConsultationTopic;
      note: string | null;
      at: string;
    },
  ): Promise<number> {
    const { at, ...rest } = values;
    const row = await trx
      .insertInto("red_shield_bookings")
      .values({ ...rest, status: "booked", created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Moves a booking on from `from`; answers whether it was still there. */
  async setBookingStatus(trx: Db, id: number, from: BookingStatus[], status: BookingStatus, at: string): Promise<boolean> {
    const r = await trx
      .updateTable("red_shield_bookings")
      .set({ status, updated_at: at })
      .where("id", "=", id)
      .where("status", "in", from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Cancels a session's live bookings; answers them (to tell the merchants). */
  async cancelLiveBookings(trx: Db, sessionId: number, at: string) {
    const live = await trx
      .selectFrom("red_shield_bookings")
      .select(["id", "merchant_id", "booked_by_user_id", "slot"])
      .where("session_id", "=", sessionId)
      .where("status", "=", "booked")
      .execute();
    if (live.length > 0) {
      await trx
        .updateTable("red_shield_bookings")
        .set({ status: "cancelled", updated_at: at })
        .where("session_id", "=", sessionId)
        .where("status", "=", "booked")
        .execute();
    }
    return live;
  }

  /** Active accounts of merchants (who hear about their bookings). */
  async usersOfMerchants(merchantIds: number[], db: Db = this.db): Promise<{ id: number; merchant_id: number | null }[]> {
    if (merchantIds.length === 0) return [];
    return db
      .selectFrom("users")
      .select(["id", "merchant_id"])
      .where("merchant_id", "in", merchantIds)
      .where("status", "=", "active")
      .execute();
  }

  merchant(id: number, db: Db = this.db) {
    return db.selectFrom("merchants").select(["id", "name", "station_id", "status"]).where("id", "=", id).executeTakeFirst();
  }

  merchantsOf(stationIds: number[] | null, q: string | undefined, limit = 20) {
    let query = this.db
      .selectFrom("merchants")
      .select(["id", "name"])
      .where(inStations(stationIds, "station_id"))
      .where("status", "!=", "closed");
    if (q) query = query.where((eb) => containsText(eb, "name", q));
    return query.orderBy("name").limit(limit).execute();
  }

  private consultations(db: Db) {
    return db
      .selectFrom("red_shield_consultations as c")
      .innerJoin("merchants as m", "m.id", "c.merchant_id")
      .leftJoin("red_shield_sessions as s", "s.id", "c.session_id")
      .leftJoin("users as o", "o.id", "c.officer_user_id")
      .select([
        "c.id",
        "c.station_id",
        "c.session_id",
        "c.booking_id",
        "c.merchant_id",
        "c.topic",
        "c.summary",
        "c.outcome",
        "c.date",
        "c.created_at",
        "m.name as merchant_name",
        "o.display_name as officer_name",
      ]);
  }

  private scopedConsultations(reach: RedShieldReach, db: Db = this.db) {
    let q = this.consultations(db).where(inStations(reach.stationIds, "c.station_id"));
    if (reach.unitId !== undefined) q = q.where("s.unit_id", "=", reach.unitId);
    if (reach.merchantId !== undefined) q = q.where("c.merchant_id", "=", reach.merchantId);
    return q;
  }

  /**
   * The page's ids from the consultations table alone (the session's unit and the merchant's name through their ids),
   * its rows for those ids, a capped count (server/db/paging.ts).
   */
  listConsultations(
    reach: RedShieldReach,
    f: { merchantId?: number; topic?: ConsultationTopic; outcome?: ConsultationOutcome; q?: string; sessionId?: number },
    page: { limit: number; offset: number },
  ) {
    let q = this.db.selectFrom("red_shield_consultations as c").where(inStations(reach.stationIds, "c.station_id"));
    const unitId = reach.unitId;
    if (unitId !== undefined)
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom("red_shield_sessions as s").select("s.id").whereRef("s.id", "=", "c.session_id").where("s.unit_id", "=", unitId),
        ),
      );
    if (reach.merchantId !== undefined) q = q.where("c.merchant_id", "=", reach.merchantId);
    if (f.merchantId !== undefined) q = q.where("c.merchant_id", "=", f.merchantId);
    if (f.sessionId !== undefined) q = q.where("c.session_id", "=", f.sessionId);
    if (f.topic) q = q.where("c.topic", "=", f.topic);
    if (f.outcome) q = q.where("c.outcome", "=", f.outcome);
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: q,
      text: text
        ? {
            columns: ["c.summary", "c.merchant_id"],
            condition: (eb) =>
              eb.or([linkedContainsText(eb, "c.merchant_id", "merchants", "name", text), containsText(eb, "c.summary", text)]),
          }
        : undefined,
      id: "c.id",
      order: [
        ["c.date", "desc"],
        ["c.id", "desc"],
      ],
      rows: (ids) => this.consultations(this.db).where("c.id", "in", ids).execute(),
      page,
    });
  }

  consultationsOfSession(sessionId: number, merchantId?: number) {
    let q = this.consultations(this.db).where("c.session_id", "=", sessionId);
    if (merchantId !== undefined) q = q.where("c.merchant_id", "=", merchantId);
    return q.orderBy("c.id").execute();
  }

  findConsultation(id: number, db: Db = this.db) {
    return this.consultations(db).where("c.id", "=", id).executeTakeFirst();
  }

  async insertConsultation(trx: Db, values: ConsultationValues): Promise<number> {
    return (await trx.insertInto("red_shield_consultations").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async figures(reach: RedShieldReach, from: string, to: string) {
    const base = () => this.scopedConsultations(reach).where("c.date", ">=", from).where("c.date", "<=", to);
    const [byTopic, byMonth, byOutcome, totals] = await Promise.all([
      base()
        .clearSelect()
        .select(["c.topic", sql<number>`count(*)`.as("count")])
        .groupBy("c.topic")
        .execute(),
      base()
        .clearSelect()
        .select([sql<string>`substr(c.date, 1, 7)`.as("month"), sql<number>`count(*)`.as("count")])
        .groupBy(sql`substr(c.date, 1, 7)`)
        .orderBy(sql`substr(c.date, 1, 7)`)
        .execute(),
      base()
        .clearSelect()
        .select(["c.outcome", sql<number>`count(*)`.as("count")])
        .groupBy("c.outcome")
        .execute(),
      base()
        .clearSelect()
        .select([sql<number>`count(*)`.as("total"), sql<number>`count(distinct c.merchant_id)`.as("merchants")])
        .executeTakeFirst(),
    ]);
    let held = this.db
      .selectFrom("red_shield_sessions as s")
      .select(sql<number>`count(*)`.as("n"))
      .where(inStations(reach.stationIds, "s.station_id"))
      .where("s.status", "=", "held")
      .where("s.date", ">=", from)
      .where("s.date", "<=", to);
    if (reach.unitId !== undefined) held = held.where("s.unit_id", "=", reach.unitId);
    const sessionsHeld = Number((await held.executeTakeFirst())?.n ?? 0);
    return {
      byTopic: byTopic.map((r) => ({ topic: r.topic, count: Number(r.count) })),
      byMonth: byMonth.map((r) => ({ month: r.month, count: Number(r.count) })),
      byOutcome: byOutcome.map((r) => ({ outcome: r.outcome, count: Number(r.count) })),
      total: Number(totals?.total ?? 0),
      merchants: Number(totals?.merchants ?? 0),
      sessionsHeld,
    };
  }
}

export type SessionRow = NonNullable<Awaited<ReturnType<RedShieldRepository["findSession"]>>>;
export type BookingRow = NonNullable<Awaited<ReturnType<RedShieldRepository["findBooking"]>>>;
export type PlanRow = NonNullable<Awaited<ReturnType<RedShieldRepository["planOf"]>>>;
