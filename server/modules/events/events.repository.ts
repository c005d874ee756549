// The events module's queries: events and their sign-ups, counts, photos and takings; the stage's venues, blocks,
// teams, bookings (with the half-hour slots whose primary key lets only one live booking hold a slot) and
// performances; environment rounds and findings (joined to the problems they became, for their status). Only this
// file builds queries.
import type { Kysely, Transaction, Updateable } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB, EventCountTable, EventTable, StageBookingTable } from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;
const n = (v: unknown) => Number(v ?? 0);

export interface EventFilter {
  stationIds: number[] | null;
  kind?: string;
  status?: string;
  theme?: string;
  q?: string;
  from?: string;
  to?: string;
}

export const SOLVED = ["resolved", "confirmed"] as const;

export class EventsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  // events

  async insertEvent(trx: Db, v: Omit<EventTable, "id" | "takes_signups" | "version"> & { takes_signups: number }) {
    return (await trx.insertInto("events").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async event(id: number, db: Db = this.db) {
    return db
      .selectFrom("events as e")
      .innerJoin("org_units as o", "o.id", "e.station_id")
      .selectAll("e")
      .select("o.name as station_name")
      .where("e.id", "=", id)
      .executeTakeFirst();
  }

  /** A step of the event's life cycle: the version is raised, so an edit made from the copy before it is refused. */
  async updateEvent(trx: Db, id: number, values: Updateable<EventTable>) {
    await trx
      .updateTable("events")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  /** An edit: written only when the event still has the version the editor read; false when it has moved on. */
  async updateEventAt(trx: Db, id: number, version: number, values: Updateable<EventTable>) {
    const r = await trx
      .updateTable("events")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private filtered(f: EventFilter, db: Db = this.db) {
    let q = db.selectFrom("events as e").where(inStations(f.stationIds, "e.station_id"));
    if (f.kind) q = q.where("e.kind", "=", f.kind as EventTable["kind"]);
    if (f.status) q = q.where("e.status", "=", f.status as EventTable["status"]);
    if (f.theme) q = q.where("e.themes", "like", `%"${f.theme.replaceAll('"', "")}"%`);
    if (f.q) q = q.where((eb) => eb.or([eb("e.title", "like", `%${f.q}%`), eb("e.place", "like", `%${f.q}%`)]));
    if (f.from) q = q.where("e.starts_at", ">=", f.from);
    if (f.to) q = q.where("e.starts_at", "<", f.to);
    return q;
  }

  async listEvents(f: EventFilter, page: { limit: number; offset: number }, order: "asc" | "desc" = "desc") {
    const ids = await this.filtered(f)
      .select("e.id")
      .orderBy("e.starts_at", order)
      .orderBy("e.id", order)
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = n(
      (
        await this.filtered(f)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
    if (!ids.length) return { rows: [], total };
    const rows = await this.db
      .selectFrom("events as e")
      .innerJoin("org_units as o", "o.id", "e.station_id")
      .selectAll("e")
      .select("o.name as station_name")
      .where(
        "e.id",
        "in",
        ids.map((r) => r.id),
      )
      .orderBy("e.starts_at", order)
      .orderBy("e.id", order)
      .execute();
    return { rows, total };
  }

  /** Every event matching the filter (for figures): the columns figures read. */
  async allEvents(f: EventFilter) {
    return this.filtered(f)
      .select([
        "e.id",
        "e.kind",
        "e.themes",
        "e.starts_at",
        "e.status",
        "e.title",
        "e.baseline_kind",
        "e.baseline_dates",
        "e.promotion_dates",
        "e.merchant_ids",
      ])
      .orderBy("e.starts_at")
      .execute();
  }

  async signupCounts(eventIds: number[]) {
    if (!eventIds.length) return new Map<number, number>();
    const rows = await this.db
      .selectFrom("event_signups")
      .select(["event_id", (eb) => eb.fn.countAll().as("n")])
      .where("event_id", "in", eventIds)
      .where("status", "=", "signed_up")
      .groupBy("event_id")
      .execute();
    return new Map(rows.map((r) => [r.event_id, n(r.n)]));
  }

  async photoCounts(eventIds: number[]) {
    if (!eventIds.length) return new Map<number, number>();
    const rows = await this.db
      .selectFrom("event_photos")
      .select(["event_id", (eb) => eb.fn.countAll().as("n")])
      .where("event_id", "in", eventIds)
      .groupBy("event_id")
      .execute();
    return new Map(rows.map((r) => [r.event_id, n(r.n)]));
  }

  async countsOf(eventIds: number[], db: Db = this.db) {
    if (!eventIds.length) return [];
    return db.selectFrom("event_counts").selectAll().where("event_id", "in", eventIds).orderBy("date").orderBy("id").execute();
  }

  async namesOf(table: "alliance_units" | "merchants" | "cultural_teams", ids: number[], db: Db = this.db) {
    if (!ids.length) return [];
    return db.selectFrom(table).select(["id", "name", "station_id"]).where("id", "in", ids).orderBy("id").execute();
  }

  async project(id: number, db: Db = this.db) {
    return db.selectFrom("projects").select(["id", "name", "station_id"]).where("id", "=", id).executeTakeFirst();
  }

  // sign-ups

  async liveSignups(eventId: number, db: Db = this.db) {
    return n(
      (
        await db
          .selectFrom("event_signups")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("event_id", "=", eventId)
          .where("status", "=", "signed_up")
          .executeTakeFirst()
      )?.n,
    );
  }

  /** Takes the event's row for the rest of the transaction, so simultaneous sign-ups count places in turn. */
  async lockEvent(trx: Db, id: number, at: string) {
    await trx.updateTable("events").set({ updated_at: at }).where("id", "=", id).execute();
  }

  async insertSignup(trx: Db, v: { event_id: number; user_id: number; name: string; signed_up_at: string }) {
    return (
      await trx
        .insertInto("event_signups")
        .values({ ...v, status: "signed_up", withdrawn_at: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  async liveSignupOf(eventId: number, userId: number, db: Db = this.db) {
    return db
      .selectFrom("event_signups")
      .select(["id", "signed_up_at"])
      .where("event_id", "=", eventId)
      .where("user_id", "=", userId)
      .where("status", "=", "signed_up")
      .executeTakeFirst();
  }

  /** Withdraws a live sign-up; false when it was withdrawn meanwhile. */
  async withdrawSignup(trx: Db, id: number, at: string) {
    const r = await trx
      .updateTable("event_signups")
      .set({ status: "withdrawn", withdrawn_at: at })
      .where("id", "=", id)
      .where("status", "=", "signed_up")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async mySignups(userId: number, eventIds: number[]) {
    if (!eventIds.length) return new Set<number>();
    const rows = await this.db
      .selectFrom("event_signups")
      .select("event_id")
      .where("user_id", "=", userId)
      .where("status", "=", "signed_up")
      .where("event_id", "in", eventIds)
      .execute();
    return new Set(rows.map((r) => r.event_id));
  }

  // counts, photos, takings

  async insertCount(trx: Db, v: Omit<EventCountTable, "id">) {
    return (await trx.insertInto("event_counts").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertPhoto(
    trx: Db,
    v: {
      event_id: number;
      file_id: string;
      taken_at: string | null;
      outside_window: number;
      caption: string | null;
      uploaded_by_user_id: number;
      created_at: string;
    },
  ) {
    return (await trx.insertInto("event_photos").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async photosOf(eventId: number) {
    return this.db.selectFrom("event_photos").selectAll().where("event_id", "=", eventId).orderBy("id").execute();
  }

  async upsertTakings(
    trx: Db,
    v: {
      event_id: number;
      merchant_id: number;
      date: string;
      day_role: "baseline" | "promotion";
      amount_fen: number;
      reported_by_user_id: number | null;
      reported_by_name: string;
      reported_at: string;
    },
  ) {
    await trx
      .insertInto("event_takings")
      .values(v)
      .onConflict((oc) =>
        oc.columns(["event_id", "merchant_id", "date"]).doUpdateSet({
          amount_fen: v.amount_fen,
          reported_by_user_id: v.reported_by_user_id,
          reported_by_name: v.reported_by_name,
          reported_at: v.reported_at,
        }),
      )
      .execute();
    return (
      await trx
        .selectFrom("event_takings")
        .select("id")
        .where("event_id", "=", v.event_id)
        .where("merchant_id", "=", v.merchant_id)
        .where("date", "=", v.date)
        .executeTakeFirstOrThrow()
    ).id;
  }

  async takingsOf(eventIds: number[], db: Db = this.db) {
    if (!eventIds.length) return [];
    return db
      .selectFrom("event_takings as t")
      .innerJoin("merchants as m", "m.id", "t.merchant_id")
      .selectAll("t")
      .select("m.name as merchant_name")
      .where("t.event_id", "in", eventIds)
      .orderBy("t.date")
      .orderBy("t.merchant_id")
      .execute();
  }

  /** Promotions a merchant takes part in (their merchant id in the JSON list), newest first. */
  async promotionsOfMerchant(stationId: number, merchantId: number) {
    return this.db
      .selectFrom("events")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("kind", "=", "promotion")
      .where("status", "in", ["approved", "held", "reported"])
      .where((eb) =>
        eb.or([
          eb("merchant_ids", "like", `%,${merchantId},%`),
          eb("merchant_ids", "like", `[${merchantId},%`),
          eb("merchant_ids", "like", `%,${merchantId}]`),
          eb("merchant_ids", "=", `[${merchantId}]`),
        ]),
      )
      .orderBy("starts_at", "desc")
      .limit(20)
      .execute();
  }

  async upcoming(stationId: number, fromIso: string) {
    return this.db
      .selectFrom("events")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("status", "in", ["approved", "planned"])
      .where("ends_at", ">=", fromIso)
      .where("kind", "<>", "environment")
      .orderBy("starts_at")
      .limit(50)
      .execute();
  }

  // the stage

  async venues(stationIds: number[] | null) {
    return this.db.selectFrom("stage_venues").selectAll().where(inStations(stationIds, "station_id")).orderBy("id").execute();
  }

  async venue(id: number, db: Db = this.db) {
    return db.selectFrom("stage_venues").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insertVenue(trx: Db, v: Omit<DB["stage_venues"], "id"> & object) {
    return (
      await trx
        .insertInto("stage_venues")
        .values(v as never)
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  /** Takes the venue's row for the rest of the transaction (PostgreSQL's row lock; SQLite's write lock). */
  async lockVenue(trx: Db, id: number, at: string) {
    await trx.updateTable("stage_venues").set({ updated_at: at }).where("id", "=", id).execute();
  }

  async blocks(venueIds: number[], fromIso?: string, toIso?: string, db: Db = this.db) {
    if (!venueIds.length) return [];
    let q = db.selectFrom("stage_blocks").selectAll().where("venue_id", "in", venueIds);
    if (fromIso) q = q.where("ends_at", ">", fromIso);
    if (toIso) q = q.where("starts_at", "<", toIso);
    return q.orderBy("starts_at").execute();
  }

  async insertBlock(trx: Db, v: { venue_id: number; starts_at: string; ends_at: string; reason: string; created_at: string }) {
    return (await trx.insertInto("stage_blocks").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** Live bookings of a venue overlapping a window. */
  async liveBookingsOverlapping(venueId: number, startIso: string, endIso: string, db: Db = this.db) {
    return db
      .selectFrom("stage_bookings")
      .selectAll()
      .where("venue_id", "=", venueId)
      .where("status", "in", ["requested", "approved"])
      .where("starts_at", "<", endIso)
      .where("ends_at", ">", startIso)
      .orderBy("starts_at")
      .execute();
  }

  async insertBooking(trx: Db, v: Omit<StageBookingTable, "id">) {
    return (await trx.insertInto("stage_bookings").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertSlots(trx: Db, venueId: number, bookingId: number, slots: string[]) {
    if (!slots.length) return;
    await trx
      .insertInto("stage_slots")
      .values(slots.map((s) => ({ venue_id: venueId, slot_start: s, booking_id: bookingId })))
      .execute();
  }

  async releaseSlots(trx: Db, bookingId: number) {
    await trx.deleteFrom("stage_slots").where("booking_id", "=", bookingId).execute();
  }

  async booking(id: number, db: Db = this.db) {
    return db.selectFrom("stage_bookings").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async updateBooking(trx: Db, id: number, from: string, values: Updateable<StageBookingTable>) {
    const r = await trx
      .updateTable("stage_bookings")
      .set(values)
      .where("id", "=", id)
      .where("status", "=", from as StageBookingTable["status"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async listBookings(
    f: { stationIds: number[] | null; venueId?: number; status?: string; from?: string; to?: string; teamIds?: number[] },
    page: { limit: number; offset: number },
  ) {
    const base = () => {
      let q = this.db.selectFrom("stage_bookings as b").where(inStations(f.stationIds, "b.station_id"));
      if (f.venueId) q = q.where("b.venue_id", "=", f.venueId);
      if (f.status) q = q.where("b.status", "=", f.status as StageBookingTable["status"]);
      if (f.from) q = q.where("b.ends_at", ">", f.from);
      if (f.to) q = q.where("b.starts_at", "<", f.to);
      if (f.teamIds) q = q.where("b.team_id", "in", f.teamIds.length ? f.teamIds : [0]);
      return q;
    };
    const rows = await base()
      .leftJoin("cultural_teams as t", "t.id", "b.team_id")
      .leftJoin("alliance_units as u", "u.id", "b.unit_id")
      .innerJoin("stage_venues as v", "v.id", "b.venue_id")
      .selectAll("b")
      .select(["t.name as team_name", "u.name as unit_name", "v.name as venue_name"])
      .orderBy("b.starts_at")
      .orderBy("b.id")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = n(
      (
        await base()
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
    return { rows, total };
  }

  async teams(stationIds: number[] | null) {
    const rows = await this.db
      .selectFrom("cultural_teams as t")
      .leftJoin("alliance_units as u", "u.id", "t.unit_id")
      .leftJoin("users as l", "l.id", "t.leader_user_id")
      .selectAll("t")
      .select(["u.name as unit_name", "l.display_name as leader_name"])
      .where(inStations(stationIds, "t.station_id"))
      .orderBy("t.id")
      .execute();
    const members = rows.length
      ? await this.db
          .selectFrom("cultural_team_members")
          .selectAll()
          .where(
            "team_id",
            "in",
            rows.map((r) => r.id),
          )
          .orderBy("id")
          .execute()
      : [];
    return rows.map((r) => ({ ...r, members: members.filter((m) => m.team_id === r.id) }));
  }

  async team(id: number, db: Db = this.db) {
    return db.selectFrom("cultural_teams").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async teamsLedBy(userId: number) {
    return this.db.selectFrom("cultural_teams").selectAll().where("leader_user_id", "=", userId).orderBy("id").execute();
  }

  async insertTeam(
    trx: Db,
    v: {
      station_id: number;
      name: string;
      description: string | null;
      unit_id: number | null;
      leader_user_id: number | null;
      created_at: string;
      updated_at: string;
    },
  ) {
    return (await trx.insertInto("cultural_teams").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertMember(
    trx: Db,
    v: {
      team_id: number;
      member_kind: "resident" | "merchant";
      resident_id: number | null;
      merchant_id: number | null;
      name: string;
      role: "leader" | "member";
      joined_at: string;
    },
  ) {
    return (await trx.insertInto("cultural_team_members").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async memberExists(teamId: number, kind: "resident" | "merchant", personId: number, db: Db = this.db) {
    const row = await db
      .selectFrom("cultural_team_members")
      .select("id")
      .where("team_id", "=", teamId)
      .where(kind === "resident" ? "resident_id" : "merchant_id", "=", personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async person(kind: "resident" | "merchant", id: number, db: Db = this.db) {
    return db
      .selectFrom(kind === "resident" ? "residents" : "merchants")
      .select(["id", "name", "station_id"])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async unit(id: number, db: Db = this.db) {
    return db.selectFrom("alliance_units").select(["id", "name", "station_id"]).where("id", "=", id).executeTakeFirst();
  }

  async insertPerformance(trx: Db, v: Omit<DB["stage_performances"], "id"> & object) {
    return (
      await trx
        .insertInto("stage_performances")
        .values(v as never)
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  async listPerformances(
    f: { stationIds: number[] | null; teamId?: number; theme?: string; from?: string; to?: string },
    page: { limit: number; offset: number },
  ) {
    const base = () => {
      let q = this.db.selectFrom("stage_performances as p").where(inStations(f.stationIds, "p.station_id"));
      if (f.teamId) q = q.where("p.team_id", "=", f.teamId);
      if (f.theme) q = q.where("p.theme", "=", f.theme);
      if (f.from) q = q.where("p.performed_at", ">=", f.from);
      if (f.to) q = q.where("p.performed_at", "<", f.to);
      return q;
    };
    const rows = await base()
      .innerJoin("cultural_teams as t", "t.id", "p.team_id")
      .innerJoin("stage_venues as v", "v.id", "p.venue_id")
      .selectAll("p")
      .select(["t.name as team_name", "v.name as venue_name"])
      .orderBy("p.performed_at", "desc")
      .orderBy("p.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = n(
      (
        await base()
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
    return { rows, total };
  }

  async performanceTotals(stationIds: number[] | null, from: string, to: string) {
    const rows = await this.db
      .selectFrom("stage_performances as p")
      .innerJoin("cultural_teams as t", "t.id", "p.team_id")
      .select(["p.team_id", "t.name as team_name", (eb) => eb.fn.countAll().as("n"), (eb) => eb.fn.sum("p.audience").as("audience")])
      .where(inStations(stationIds, "p.station_id"))
      .where("p.performed_at", ">=", from)
      .where("p.performed_at", "<", to)
      .groupBy(["p.team_id", "t.name"])
      .orderBy("p.team_id")
      .execute();
    return rows.map((r) => ({ teamId: r.team_id, teamName: r.team_name, performances: n(r.n), audience: n(r.audience) }));
  }

  /** The references of the performances and of the rounds and findings in a period, for the figures' citations. */
  async figureRefs(stationIds: number[] | null, fromIso: string, toIso: string, from: string, to: string) {
    const performances = await this.db
      .selectFrom("stage_performances")
      .select("id")
      .where(inStations(stationIds, "station_id"))
      .where("performed_at", ">=", fromIso)
      .where("performed_at", "<", toIso)
      .execute();
    const rounds = await this.db
      .selectFrom("environment_rounds")
      .select("id")
      .where(inStations(stationIds, "station_id"))
      .where("date", ">=", from)
      .where("date", "<=", to)
      .execute();
    const findings = rounds.length
      ? await this.db
          .selectFrom("environment_findings as f")
          .innerJoin("environment_rounds as r", "r.id", "f.round_id")
          .select("f.id")
          .where(inStations(stationIds, "r.station_id"))
          .where("r.date", ">=", from)
          .where("r.date", "<=", to)
          .execute()
      : [];
    return {
      performances: performances.map((r) => `stage_performance:${r.id}`),
      environment: [...rounds.map((r) => `environment_round:${r.id}`), ...findings.map((r) => `environment_finding:${r.id}`)],
    };
  }

  async bookingTotals(stationIds: number[] | null, from: string, to: string) {
    const rows = await this.db
      .selectFrom("stage_bookings")
      .select(["status", (eb) => eb.fn.countAll().as("n")])
      .where(inStations(stationIds, "station_id"))
      .where("starts_at", ">=", from)
      .where("starts_at", "<", to)
      .groupBy("status")
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, n(r.n)])) as Record<string, number>;
  }

  // environment

  async insertRound(trx: Db, v: Omit<DB["environment_rounds"], "id"> & object) {
    return (
      await trx
        .insertInto("environment_rounds")
        .values(v as never)
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  async round(id: number, db: Db = this.db) {
    return db
      .selectFrom("environment_rounds as r")
      .leftJoin("events as e", "e.id", "r.event_id")
      .selectAll("r")
      .select("e.title as event_title")
      .where("r.id", "=", id)
      .executeTakeFirst();
  }

  async insertFinding(trx: Db, v: { round_id: number; description: string; place: string; problem_id: number | null; created_at: string }) {
    return (await trx.insertInto("environment_findings").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async linkFinding(trx: Db, id: number, problemId: number) {
    await trx.updateTable("environment_findings").set({ problem_id: problemId }).where("id", "=", id).execute();
  }

  async findingsOf(roundIds: number[]) {
    if (!roundIds.length) return [];
    return this.db
      .selectFrom("environment_findings as f")
      .leftJoin("problems as p", "p.id", "f.problem_id")
      .selectAll("f")
      .select(["p.code as problem_code", "p.status as problem_status", "p.resolved_at as problem_resolved_at"])
      .where("f.round_id", "in", roundIds)
      .orderBy("f.id")
      .execute();
  }

  private roundsFiltered(f: {
    stationIds: number[] | null;
    kind?: string;
    eventId?: number;
    from?: string;
    to?: string;
    solved?: "yes" | "no";
    q?: string;
  }) {
    let q = this.db.selectFrom("environment_rounds as r").where(inStations(f.stationIds, "r.station_id"));
    if (f.kind) q = q.where("r.kind", "=", f.kind as DB["environment_rounds"]["kind"]);
    if (f.eventId) q = q.where("r.event_id", "=", f.eventId);
    if (f.from) q = q.where("r.date", ">=", f.from);
    if (f.to) q = q.where("r.date", "<=", f.to);
    if (f.q) q = q.where("r.area", "like", `%${f.q}%`);
    const open = (eb: import("kysely").ExpressionBuilder<DB & { r: DB["environment_rounds"] }, "r">) =>
      eb.exists(
        eb
          .selectFrom("environment_findings as f")
          .leftJoin("problems as p", "p.id", "f.problem_id")
          .select("f.id")
          .whereRef("f.round_id", "=", "r.id")
          .where((w) => w.or([w("p.id", "is", null), w("p.status", "not in", [...SOLVED])])),
      );
    if (f.solved === "no") q = q.where((eb) => open(eb as never));
    if (f.solved === "yes") q = q.where((eb) => eb.not(open(eb as never)));
    return q;
  }

  async listRounds(f: Parameters<EventsRepository["roundsFiltered"]>[0], page: { limit: number; offset: number }) {
    const rows = await this.roundsFiltered(f)
      .leftJoin("events as e", "e.id", "r.event_id")
      .selectAll("r")
      .select("e.title as event_title")
      .orderBy("r.date", "desc")
      .orderBy("r.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = n(
      (
        await this.roundsFiltered(f)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
    return { rows, total };
  }

  async roundTotals(stationIds: number[] | null, from: string, to: string) {
    const rounds = await this.db
      .selectFrom("environment_rounds")
      .select(["kind", (eb) => eb.fn.countAll().as("n")])
      .where(inStations(stationIds, "station_id"))
      .where("date", ">=", from)
      .where("date", "<=", to)
      .groupBy("kind")
      .execute();
    const findings = await this.db
      .selectFrom("environment_findings as f")
      .innerJoin("environment_rounds as r", "r.id", "f.round_id")
      .leftJoin("problems as p", "p.id", "f.problem_id")
      .select(["r.kind", "p.status", (eb) => eb.fn.countAll().as("n")])
      .where(inStations(stationIds, "r.station_id"))
      .where("r.date", ">=", from)
      .where("r.date", "<=", to)
      .groupBy(["r.kind", "p.status"])
      .execute();
    return {
      rounds: rounds.map((r) => ({ kind: r.kind, n: n(r.n) })),
      findings: findings.map((r) => ({ kind: r.kind, status: r.status, n: n(r.n) })),
    };
  }

  async problemCategory(code: string, db: Db = this.db) {
    return db.selectFrom("problem_categories").select(["code", "active"]).where("code", "=", code).executeTakeFirst();
  }
}
