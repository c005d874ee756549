// The volunteer service's queries: volunteers and their numbers, teams and memberships, series and their
// occurrences (one per series and date, held by a unique index), sign-ups in arrival order (one live sign-up per
// volunteer and occurrence, held by a partial unique index) and objections. Only this file builds queries.
import { type Kysely, sql, type Transaction } from "kysely";
import type { SignupSource, SignupStatus } from "../../../contracts/volunteers.ts";
import { inBatches } from "../../db/batches.ts";
import { inStations } from "../../db/station-filter.ts";
import type {
  DB,
  VolunteerMembershipTable,
  VolunteerOccurrenceTable,
  VolunteerSeriesTable,
  VolunteerServedTable,
  VolunteerSignupTable,
  VolunteerTable,
  VolunteerTeamTable,
} from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

export type VolunteerValues = Omit<VolunteerTable, "id">;
export type TeamValues = Omit<VolunteerTeamTable, "id">;
export type SeriesValues = Omit<VolunteerSeriesTable, "id" | "active">;
export type OccurrenceValues = Omit<VolunteerOccurrenceTable, "id" | "arrivals">;
/** The sign-up columns added later (the roster's) are optional; `source` defaults to the volunteer's own. */
type SignupExtras =
  | "source"
  | "confirmation_asked_at"
  | "confirmed_at"
  | "entered_by_user_id"
  | "assigned_by_user_id"
  | "replaces_signup_id";
export type SignupValues = Omit<VolunteerSignupTable, "id" | SignupExtras> & {
  source?: SignupSource;
  entered_by_user_id?: number | null;
  assigned_by_user_id?: number | null;
  replaces_signup_id?: number | null;
};
export type SignupChange = Partial<
  Omit<VolunteerSignupTable, "id" | "occurrence_id" | "volunteer_id" | "team_id" | "arrival" | "source">
> & {
  updated_at: string;
  source?: SignupSource;
};
export type ServedValues = Omit<VolunteerServedTable, "id">;

export class VolunteersRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  async firstStation(db: Db = this.db): Promise<number | null> {
    const row = await db.selectFrom("org_units").select("id").where("kind", "=", "station").orderBy("id").executeTakeFirst();
    return row?.id ?? null;
  }

  // volunteer numbers and profiles

  /** Sets a station's number prefix (the demo's TY); made on demand with a default otherwise. */
  async setNumberPrefix(trx: Db, stationId: number, prefix: string, at: string): Promise<void> {
    await trx
      .insertInto("volunteer_settings")
      .values({ station_id: stationId, number_prefix: prefix, next_number: 1, updated_at: at })
      .onConflict((oc) => oc.column("station_id").doUpdateSet({ number_prefix: prefix, updated_at: at }))
      .execute();
  }

  /** The station's next volunteer number: the settings row is raised (and so locked) for the rest of the transaction. */
  async takeNumber(trx: Db, stationId: number, at: string): Promise<string> {
    await trx
      .insertInto("volunteer_settings")
      .values({ station_id: stationId, number_prefix: `S${stationId}`, next_number: 1, updated_at: at })
      .onConflict((oc) => oc.column("station_id").doNothing())
      .execute();
    const row = await trx
      .updateTable("volunteer_settings")
      .set({ next_number: sql<number>`next_number + 1`, updated_at: at })
      .where("station_id", "=", stationId)
      .returning(["number_prefix", "next_number"])
      .executeTakeFirstOrThrow();
    return `${row.number_prefix}-V-${String(Number(row.next_number) - 1).padStart(4, "0")}`;
  }

  async insertVolunteer(trx: Db, values: VolunteerValues): Promise<number> {
    const row = await trx.insertInto("volunteers").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  volunteerOfUser(userId: number, db: Db = this.db) {
    return db.selectFrom("volunteers").selectAll().where("user_id", "=", userId).executeTakeFirst();
  }

  volunteer(id: number, db: Db = this.db) {
    return db.selectFrom("volunteers").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The account's station (its org unit when that is a station). */
  async userStation(userId: number, db: Db = this.db): Promise<number | null> {
    const row = await db
      .selectFrom("users as u")
      .innerJoin("org_units as o", "o.id", "u.org_unit_id")
      .select(["o.id", "o.kind"])
      .where("u.id", "=", userId)
      .executeTakeFirst();
    return row && row.kind === "station" ? row.id : null;
  }

  async listVolunteers(
    filter: { stationIds: number[] | null; teamId?: number; q?: string; politicalStatus?: VolunteerTable["political_status"] },
    page: { limit: number; offset: number },
  ) {
    let q = this.db.selectFrom("volunteers as v").where(inStations(filter.stationIds, "v.station_id"));
    if (filter.politicalStatus !== undefined) q = q.where("v.political_status", "=", filter.politicalStatus);
    if (filter.teamId !== undefined) {
      const teamId = filter.teamId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("volunteer_memberships as m")
            .select("m.id")
            .whereRef("m.volunteer_id", "=", "v.id")
            .where("m.team_id", "=", teamId)
            .where("m.status", "=", "approved"),
        ),
      );
    }
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([sql<boolean>`lower(v.real_name) like ${like} escape '\\'`, sql<boolean>`lower(v.number) like ${like} escape '\\'`]),
      );
    }
    const rows = await q.selectAll("v").orderBy("v.number").limit(page.limit).offset(page.offset).execute();
    const count = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }

  /** Memberships of volunteers with their teams' names. */
  membershipsOf(volunteerIds: number[], db: Db = this.db) {
    if (volunteerIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("volunteer_memberships as m")
      .innerJoin("volunteer_teams as t", "t.id", "m.team_id")
      .select(["m.id", "m.team_id", "m.volunteer_id", "m.status", "t.name as team_name"])
      .where("m.volunteer_id", "in", volunteerIds)
      .orderBy("m.id")
      .execute();
  }

  // teams and memberships

  async insertTeam(trx: Db, values: TeamValues): Promise<number> {
    return (await trx.insertInto("volunteer_teams").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async setTeamLeader(trx: Db, teamId: number, volunteerId: number, at: string): Promise<void> {
    await trx.updateTable("volunteer_teams").set({ leader_volunteer_id: volunteerId, updated_at: at }).where("id", "=", teamId).execute();
  }

  private teamsQuery(db: Db) {
    return db
      .selectFrom("volunteer_teams as t")
      .leftJoin("volunteers as l", "l.id", "t.leader_volunteer_id")
      .leftJoin("alliance_units as u", "u.id", "t.unit_id")
      .select([
        "t.id",
        "t.station_id",
        "t.name",
        "t.description",
        "t.leader_volunteer_id",
        "t.unit_id",
        "t.service_menu",
        "l.real_name as leader_name",
        "u.name as unit_name",
      ])
      .select((eb) => [
        eb
          .selectFrom("volunteer_memberships as m")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("m.team_id", "=", "t.id")
          .where("m.status", "=", "approved")
          .as("members"),
        eb
          .selectFrom("volunteer_memberships as m")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("m.team_id", "=", "t.id")
          .where("m.status", "=", "requested")
          .as("requests"),
      ]);
  }

  teams(stationIds: number[] | null, db: Db = this.db) {
    return this.teamsQuery(db).where(inStations(stationIds, "t.station_id")).orderBy("t.id").execute();
  }

  team(id: number, db: Db = this.db) {
    return this.teamsQuery(db).where("t.id", "=", id).executeTakeFirst();
  }

  teamsByIds(ids: number[], db: Db = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("volunteer_teams")
      .select(["id", "station_id", "name", "leader_volunteer_id", "service_menu"])
      .where("id", "in", ids)
      .execute();
  }

  async insertMembership(trx: Db, values: Omit<VolunteerMembershipTable, "id">): Promise<number> {
    return (await trx.insertInto("volunteer_memberships").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  membership(id: number, db: Db = this.db) {
    return db
      .selectFrom("volunteer_memberships as m")
      .innerJoin("volunteers as v", "v.id", "m.volunteer_id")
      .innerJoin("volunteer_teams as t", "t.id", "m.team_id")
      .selectAll("m")
      .select(["v.real_name", "v.number", "v.user_id", "t.station_id", "t.leader_volunteer_id"])
      .where("m.id", "=", id)
      .executeTakeFirst();
  }

  teamMemberships(teamId: number, db: Db = this.db) {
    return db
      .selectFrom("volunteer_memberships as m")
      .innerJoin("volunteers as v", "v.id", "m.volunteer_id")
      .selectAll("m")
      .select(["v.real_name", "v.number"])
      .where("m.team_id", "=", teamId)
      .where("m.status", "in", ["requested", "approved"])
      .orderBy("m.id")
      .execute();
  }

  /** Moves a membership on only from the states given; answers whether it did. */
  async setMembershipStatus(
    trx: Db,
    id: number,
    from: VolunteerMembershipTable["status"][],
    values: Partial<Pick<VolunteerMembershipTable, "status" | "decided_at" | "decided_by_user_id" | "left_at">>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_memberships")
      .set(values)
      .where("id", "=", id)
      .where("status", "in", from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The teams the volunteer is an approved member of. */
  async approvedTeams(volunteerId: number, db: Db = this.db): Promise<number[]> {
    const rows = await db
      .selectFrom("volunteer_memberships")
      .select("team_id")
      .where("volunteer_id", "=", volunteerId)
      .where("status", "=", "approved")
      .execute();
    return rows.map((r) => r.team_id);
  }

  // series and occurrences

  async insertSeries(trx: Db, values: SeriesValues): Promise<number> {
    return (await trx.insertInto("volunteer_series").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  series(id: number, db: Db = this.db) {
    return db.selectFrom("volunteer_series").selectAll().where("id", "=", id).executeTakeFirst();
  }

  activeSeries(stationIds: number[] | null, db: Db = this.db) {
    return db
      .selectFrom("volunteer_series")
      .selectAll()
      .where("active", "=", 1)
      .where(inStations(stationIds, "station_id"))
      .orderBy("id")
      .execute();
  }

  /** Inserts the occurrences not there yet (a series has one per date: the unique index decides); answers how many. */
  async insertOccurrences(trx: Db, values: OccurrenceValues[]): Promise<number> {
    const created = await inBatches(values, (batch) =>
      trx
        .insertInto("volunteer_occurrences")
        .values(batch)
        .onConflict((oc) => oc.columns(["series_id", "date"]).doNothing())
        .returning("id")
        .execute(),
    );
    return created.length;
  }

  private occurrencesQuery(db: Db) {
    return db
      .selectFrom("volunteer_occurrences as o")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .selectAll("o")
      .select("s.title");
  }

  occurrence(id: number, db: Db = this.db) {
    return this.occurrencesQuery(db).where("o.id", "=", id).executeTakeFirst();
  }

  occurrencesBetween(stationIds: number[] | null, from: string, to: string, db: Db = this.db) {
    return this.occurrencesQuery(db)
      .where(inStations(stationIds, "o.station_id"))
      .where("o.date", ">=", from)
      .where("o.date", "<=", to)
      .orderBy("o.date")
      .orderBy("o.starts_at")
      .orderBy("o.id")
      .execute();
  }

  occurrencesByIds(ids: number[], db: Db = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.occurrencesQuery(db).where("o.id", "in", ids).orderBy("o.starts_at", "desc").orderBy("o.id", "desc").execute();
  }

  /**
   * Takes the occurrence's row for the rest of the transaction and gives the next arrival number: the conditional
   * update takes PostgreSQL's row lock and SQLite's write lock, so sign-ups and withdrawals of one occurrence run in
   * turn. Answers null when there is no such occurrence.
   */
  async takeArrival(trx: Db, id: number, at: string): Promise<number | null> {
    const row = await trx
      .updateTable("volunteer_occurrences")
      .set({ arrivals: sql<number>`arrivals + 1`, updated_at: at })
      .where("id", "=", id)
      .returning("arrivals")
      .executeTakeFirst();
    return row ? Number(row.arrivals) : null;
  }

  /** Takes the occurrence's row (without an arrival): withdrawals, check-ins and certification in turn. */
  async lockOccurrence(trx: Db, id: number, at: string): Promise<boolean> {
    const r = await trx.updateTable("volunteer_occurrences").set({ updated_at: at }).where("id", "=", id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async closeOccurrence(trx: Db, id: number, status: "withdrawn" | "cancelled", reason: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_occurrences")
      .set({ status, status_reason: reason, updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Certifies once: only an uncertified occurrence is changed. */
  async certifyOccurrence(trx: Db, id: number, userId: number | null, at: string, publicUntil: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_occurrences")
      .set({ certified_at: at, certified_by_user_id: userId, public_until: publicUntil, updated_at: at })
      .where("id", "=", id)
      .where("certified_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // sign-ups

  private signupsQuery(db: Db) {
    return db
      .selectFrom("volunteer_signups as g")
      .innerJoin("volunteers as v", "v.id", "g.volunteer_id")
      .leftJoin("users as e", "e.id", "g.entered_by_user_id")
      .selectAll("g")
      .select(["v.real_name", "v.number", "v.user_id", "e.display_name as entered_by_name"]);
  }

  signupsOf(occurrenceIds: number[], db: Db = this.db) {
    if (occurrenceIds.length === 0) return Promise.resolve([]);
    return this.signupsQuery(db).where("g.occurrence_id", "in", occurrenceIds).orderBy("g.occurrence_id").orderBy("g.arrival").execute();
  }

  signup(id: number, db: Db = this.db) {
    return this.signupsQuery(db).where("g.id", "=", id).executeTakeFirst();
  }

  liveSignupOf(occurrenceId: number, volunteerId: number, db: Db = this.db) {
    return this.signupsQuery(db)
      .where("g.occurrence_id", "=", occurrenceId)
      .where("g.volunteer_id", "=", volunteerId)
      .where("g.status", "<>", "withdrawn")
      .executeTakeFirst();
  }

  /** The team's sign-ups in an occurrence (id, status, arrival), for places and promotion. */
  teamSignups(occurrenceId: number, teamId: number, db: Db = this.db) {
    return db
      .selectFrom("volunteer_signups")
      .select(["id", "status", "arrival"])
      .where("occurrence_id", "=", occurrenceId)
      .where("team_id", "=", teamId)
      .where("status", "in", ["signed_up", "waitlisted"])
      .orderBy("arrival")
      .execute();
  }

  async countLive(occurrenceId: number, db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom("volunteer_signups")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("occurrence_id", "=", occurrenceId)
      .where("status", "in", ["signed_up", "waitlisted"])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertSignup(trx: Db, values: SignupValues): Promise<number> {
    return (await trx.insertInto("volunteer_signups").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** Changes a sign-up only from the states given; answers whether it did. */
  async updateSignup(trx: Db, id: number, from: SignupStatus[], values: SignupChange): Promise<boolean> {
    const r = await trx.updateTable("volunteer_signups").set(values).where("id", "=", id).where("status", "in", from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A volunteer's sign-ups, with their occurrences' dates. */
  signupsOfVolunteer(volunteerId: number, db: Db = this.db) {
    return db
      .selectFrom("volunteer_signups as g")
      .innerJoin("volunteer_occurrences as o", "o.id", "g.occurrence_id")
      .select(["g.id", "g.occurrence_id", "g.status", "g.minutes", "o.certified_at", "o.date"])
      .where("g.volunteer_id", "=", volunteerId)
      .execute();
  }

  // objections

  async insertObjection(
    trx: Db,
    values: { occurrence_id: number; signup_id: number; volunteer_id: number; reason: string; created_at: string },
  ): Promise<number> {
    return (
      await trx
        .insertInto("volunteer_objections")
        .values({ ...values, status: "open", resolution: null, resolved_at: null, resolved_by_user_id: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  objectionsOf(occurrenceIds: number[], db: Db = this.db) {
    if (occurrenceIds.length === 0) return Promise.resolve([]);
    return db.selectFrom("volunteer_objections").selectAll().where("occurrence_id", "in", occurrenceIds).orderBy("id").execute();
  }

  objection(id: number, db: Db = this.db) {
    return db.selectFrom("volunteer_objections").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async resolveObjection(trx: Db, id: number, resolution: string, userId: number | null, at: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_objections")
      .set({ status: "resolved", resolution, resolved_at: at, resolved_by_user_id: userId })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // people served

  async insertServed(trx: Db, values: ServedValues[]): Promise<number[]> {
    const rows = await inBatches(values, (batch) => trx.insertInto("volunteer_served").values(batch).returning("id").execute());
    return rows.map((r) => r.id);
  }

  private servedQuery(db: Db) {
    return db
      .selectFrom("volunteer_served as p")
      .innerJoin("volunteer_teams as t", "t.id", "p.team_id")
      .leftJoin("merchants as m", "m.id", "p.merchant_id")
      .leftJoin("residents as r", "r.id", "p.resident_id")
      .leftJoin("users as u", "u.id", "p.recorded_by_user_id")
      .selectAll("p")
      .select([
        "t.name as team_name",
        "t.service_menu",
        "m.name as merchant_name",
        "r.name as resident_name",
        "u.display_name as recorded_by",
      ]);
  }

  servedOf(occurrenceIds: number[], db: Db = this.db) {
    if (occurrenceIds.length === 0) return Promise.resolve([]);
    return this.servedQuery(db).where("p.occurrence_id", "in", occurrenceIds).orderBy("p.id").execute();
  }

  served(id: number, db: Db = this.db) {
    return this.servedQuery(db).where("p.id", "=", id).executeTakeFirst();
  }

  /** The services a merchant or resident received (newest first), with their occurrences. */
  servedFor(who: { merchantId: number | null; residentId: number | null }, db: Db = this.db) {
    if (who.merchantId === null && who.residentId === null) return Promise.resolve([]);
    return this.servedQuery(db)
      .innerJoin("volunteer_occurrences as o", "o.id", "p.occurrence_id")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .select(["s.title", "o.date", "o.place"])
      .where((eb) =>
        eb.or([
          ...(who.merchantId !== null ? [eb("p.merchant_id", "=", who.merchantId)] : []),
          ...(who.residentId !== null ? [eb("p.resident_id", "=", who.residentId)] : []),
        ]),
      )
      .orderBy("o.date", "desc")
      .orderBy("p.id", "desc")
      .limit(200)
      .execute();
  }

  /** Confirms once: only an unconfirmed entry changes. */
  async confirmServed(trx: Db, id: number, userId: number, at: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_served")
      .set({ confirmed_at: at, confirmed_by_user_id: userId, updated_at: at })
      .where("id", "=", id)
      .where("confirmed_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteServed(trx: Db, id: number): Promise<boolean> {
    const r = await trx.deleteFrom("volunteer_served").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** A merchant or resident (their station and name), to link people served to them. */
  beneficiary(kind: "merchant" | "resident", id: number, db: Db = this.db) {
    return kind === "merchant"
      ? db.selectFrom("merchants").select(["id", "station_id", "name"]).where("id", "=", id).executeTakeFirst()
      : db.selectFrom("residents").select(["id", "station_id", "name"]).where("id", "=", id).executeTakeFirst();
  }

  /** The active accounts of a merchant or resident (who confirm on their phones). */
  async accountsOf(kind: "merchant" | "resident", id: number, db: Db = this.db): Promise<number[]> {
    const rows = await db
      .selectFrom("users")
      .select("id")
      .where(kind === "merchant" ? "merchant_id" : "resident_id", "=", id)
      .where("status", "=", "active")
      .execute();
    return rows.map((r) => r.id);
  }

  async userName(userId: number | null, db: Db = this.db): Promise<string | null> {
    if (userId === null) return null;
    const row = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
    return row?.display_name ?? null;
  }

  // the roster

  /** Records the paper roster's photo on the occurrence. */
  async setRoster(trx: Db, id: number, fileId: string, userId: number, at: string): Promise<void> {
    await trx
      .updateTable("volunteer_occurrences")
      .set({ roster_file_id: fileId, roster_entered_at: at, roster_entered_by_user_id: userId, updated_at: at })
      .where("id", "=", id)
      .execute();
  }

  /** Sign-ups to ask the day before: signed up, not asked yet, on open occurrences of a date. */
  signupsToConfirm(date: string, db: Db = this.db) {
    return db
      .selectFrom("volunteer_signups as g")
      .innerJoin("volunteer_occurrences as o", "o.id", "g.occurrence_id")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .innerJoin("volunteers as v", "v.id", "g.volunteer_id")
      .select(["g.id", "g.occurrence_id", "v.user_id", "o.station_id", "o.date", "o.starts_at", "o.place", "o.status", "s.title"])
      .where("o.date", "=", date)
      .where("o.status", "=", "open")
      .where("g.status", "=", "signed_up")
      .where("g.confirmation_asked_at", "is", null)
      .orderBy("g.id")
      .execute();
  }

  /** Marks a sign-up asked (once: answers whether this call did). */
  async markAsked(trx: Db, id: number, at: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_signups")
      .set({ confirmation_asked_at: at, updated_at: at })
      .where("id", "=", id)
      .where("confirmation_asked_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records the volunteer's confirmation (once: answers whether this call did). */
  async confirmSignup(trx: Db, id: number, at: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_signups")
      .set({ confirmed_at: at, updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "signed_up")
      .where("confirmed_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The teams a volunteer leads. */
  async ledTeams(volunteerId: number, db: Db = this.db): Promise<number[]> {
    const rows = await db.selectFrom("volunteer_teams").select("id").where("leader_volunteer_id", "=", volunteerId).execute();
    return rows.map((r) => r.id);
  }
}
