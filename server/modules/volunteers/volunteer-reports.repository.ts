// The volunteer service's queries for what it reports: the counted hours (sign-ups of final occurrences), the people
// served, the activity days, and the service records with the per-station-and-year counter their numbers come from.
// Only this file and volunteers.repository.ts build the module's queries.
import { type Kysely, sql, type Transaction } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB, VolunteerRecordTable } from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

export type RecordValues = Omit<VolunteerRecordTable, "id">;

export interface HoursFilter {
  stationIds: number[] | null;
  volunteerId?: number;
  /** Only these volunteers' (the honour roll's). */
  volunteerIds?: number[];
  teamId?: number;
  /** YYYY-MM */
  month?: string;
  from: string;
  to: string;
  /** Final as of this instant: certified, public notice over, no objection open. */
  now: string;
}

export class VolunteerReportsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  // counted hours

  /**
   * The sign-ups whose hours count: minutes above zero on an occurrence that is not withdrawn or cancelled, certified,
   * out of its public notice and without an open objection, dated within the period. One narrow row per sign-up (the
   * occurrences', volunteers' and teams' words come from `countedOccurrences`, `volunteersOfStations`, `teamsOfStations`:
   * a district's year is some hundred thousand rows).
   */
  countedSignups(f: HoursFilter, db: Db = this.db) {
    return this.counted(f, db)
      .select([
        "g.id",
        "g.occurrence_id",
        "g.volunteer_id",
        "g.team_id",
        "g.minutes",
        "g.checked_in_at",
        "g.checked_out_at",
        "o.station_id",
        "o.date",
        "o.starts_at",
        "o.ends_at",
      ])
      .orderBy("o.date")
      .orderBy("o.starts_at")
      .orderBy("g.id")
      .execute();
  }

  /** The counted sign-ups' minutes and number per team, per month or per volunteer, added up by the database. */
  async countedTotals(f: HoursFilter, by: "team" | "month" | "volunteer", db: Db = this.db) {
    const key =
      by === "team" ? sql<string>`g.team_id` : by === "volunteer" ? sql<string>`g.volunteer_id` : sql<string>`substr(o.date, 1, 7)`;
    const rows = await this.counted(f, db)
      .select([key.as("key"), (eb) => eb.fn.sum<number>("g.minutes").as("minutes"), (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(key)
      .execute();
    return rows.map((r) => ({ key: String(r.key), minutes: Number(r.minutes ?? 0), records: Number(r.n) }));
  }

  /** The counted sign-ups' ids only (for the record-set hash of a figure over all of them). */
  async countedIds(f: HoursFilter, db: Db = this.db): Promise<number[]> {
    return (await this.counted(f, db).select("g.id").execute()).map((r) => r.id);
  }

  /**
   * The sign-ups whose hours count (see countedSignups), as a query to select from: the filter may narrow them to a
   * team, a month (YYYY-MM) or a volunteer.
   */
  private counted(f: HoursFilter, db: Db) {
    let q = db
      .selectFrom("volunteer_signups as g")
      .innerJoin("volunteer_occurrences as o", "o.id", "g.occurrence_id")
      .where(inStations(f.stationIds, "o.station_id"))
      .where("o.date", ">=", f.from)
      .where("o.date", "<=", f.to)
      .where("o.status", "=", "open")
      .where("o.certified_at", "is not", null)
      .where("o.public_until", "<=", f.now)
      .where("g.status", "in", ["attended", "no_show"])
      .where("g.minutes", ">", 0)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("volunteer_objections as j")
              .select("j.id")
              .whereRef("j.occurrence_id", "=", "o.id")
              .where("j.status", "=", "open"),
          ),
        ),
      );
    if (f.volunteerId !== undefined) q = q.where("g.volunteer_id", "=", f.volunteerId);
    if (f.volunteerIds !== undefined)
      q = f.volunteerIds.length ? q.where("g.volunteer_id", "in", f.volunteerIds) : q.where(sql<boolean>`1 = 0`);
    if (f.teamId !== undefined) q = q.where("g.team_id", "=", f.teamId);
    if (f.month !== undefined) q = q.where("o.date", "like", `${f.month}-%`);
    return q;
  }

  /** The certified occurrences of the period at the stations, with their titles, places and who certified them. */
  countedOccurrences(stationIds: number[] | null, from: string, to: string, db: Db = this.db) {
    return db
      .selectFrom("volunteer_occurrences as o")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .leftJoin("users as c", "c.id", "o.certified_by_user_id")
      .select(["o.id", "o.place", "s.title", "c.display_name as certified_by"])
      .where(inStations(stationIds, "o.station_id"))
      .where("o.date", ">=", from)
      .where("o.date", "<=", to)
      .where("o.certified_at", "is not", null)
      .execute();
  }

  /** Volunteers by their accounts (the meal deliveries they confirmed are theirs), within stations. */
  volunteersOfUsers(userIds: number[], db: Db = this.db) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("volunteers")
      .select(["id", "user_id", "station_id", "real_name", "number"])
      .where("user_id", "in", userIds)
      .execute();
  }

  volunteersOfStations(stationIds: number[] | null, db: Db = this.db) {
    return db
      .selectFrom("volunteers")
      .select(["id", "user_id", "station_id", "real_name", "number"])
      .where(inStations(stationIds, "station_id"))
      .execute();
  }

  /** Approved teams' names per volunteer. */
  teamNamesOf(volunteerIds: number[], db: Db = this.db) {
    if (volunteerIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("volunteer_memberships as m")
      .innerJoin("volunteer_teams as t", "t.id", "m.team_id")
      .select(["m.volunteer_id", "t.name"])
      .where("m.volunteer_id", "in", volunteerIds)
      .where("m.status", "=", "approved")
      .orderBy("t.id")
      .execute();
  }

  teamsOfStations(stationIds: number[] | null, db: Db = this.db) {
    return db
      .selectFrom("volunteer_teams")
      .select(["id", "station_id", "name", "service_menu"])
      .where(inStations(stationIds, "station_id"))
      .orderBy("id")
      .execute();
  }

  // people served and activity days

  servedBetween(stationIds: number[] | null, from: string, to: string, db: Db = this.db) {
    return db
      .selectFrom("volunteer_served as p")
      .innerJoin("volunteer_occurrences as o", "o.id", "p.occurrence_id")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .select(["p.id", "p.station_id", "p.team_id", "p.kind", "p.count", "o.date", "s.title"])
      .where(inStations(stationIds, "p.station_id"))
      .where("o.date", ">=", from)
      .where("o.date", "<=", to)
      .orderBy("o.date")
      .orderBy("p.id")
      .execute();
  }

  /** Occurrences on given days of the month within the period, with how many checked in. */
  async occurrencesOnDays(stationIds: number[] | null, days: readonly number[], from: string, to: string, db: Db = this.db) {
    const rows = await db
      .selectFrom("volunteer_occurrences as o")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .select(["o.id", "o.station_id", "o.date", "o.status", "o.ends_at", "s.title"])
      .select((eb) =>
        eb
          .selectFrom("volunteer_signups as g")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("g.occurrence_id", "=", "o.id")
          .where("g.checked_in_at", "is not", null)
          .as("attended"),
      )
      .where(inStations(stationIds, "o.station_id"))
      .where("o.date", ">=", from)
      .where("o.date", "<=", to)
      .where(
        sql<string>`substr(o.date, 9, 2)`,
        "in",
        days.map((d) => String(d).padStart(2, "0")),
      )
      .orderBy("o.date")
      .orderBy("o.id")
      .execute();
    return rows.map((r) => ({ ...r, attended: Number(r.attended ?? 0) }));
  }

  // service records

  /** The station's volunteer number prefix (TY), made on demand as volunteer numbers make it. */
  async numberPrefix(stationId: number, db: Db = this.db): Promise<string> {
    const row = await db.selectFrom("volunteer_settings").select("number_prefix").where("station_id", "=", stationId).executeTakeFirst();
    return row?.number_prefix ?? `S${stationId}`;
  }

  /** The next record sequence of a station's year: its counter row is raised (so locked) for the rest of the transaction. */
  async takeRecordSeq(trx: Db, stationId: number, year: number): Promise<number> {
    await trx
      .insertInto("volunteer_record_counters")
      .values({ station_id: stationId, year, next_seq: 1 })
      .onConflict((oc) => oc.columns(["station_id", "year"]).doNothing())
      .execute();
    const row = await trx
      .updateTable("volunteer_record_counters")
      .set({ next_seq: sql<number>`next_seq + 1` })
      .where("station_id", "=", stationId)
      .where("year", "=", year)
      .returning("next_seq")
      .executeTakeFirstOrThrow();
    return Number(row.next_seq) - 1;
  }

  async insertRecord(trx: Db, values: RecordValues): Promise<number> {
    return (await trx.insertInto("volunteer_records").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** Stores a record's PDF rendered on first download (only when it has none yet). */
  async setRecordPdf(trx: Db, id: number, pdf: Uint8Array, sha256: string): Promise<boolean> {
    const r = await trx
      .updateTable("volunteer_records")
      .set({ pdf, pdf_sha256: sha256 })
      .where("id", "=", id)
      .where("pdf", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private recordsQuery(db: Db) {
    return db
      .selectFrom("volunteer_records as r")
      .innerJoin("volunteers as v", "v.id", "r.volunteer_id")
      .innerJoin("org_units as u", "u.id", "r.station_id")
      .select([
        "r.id",
        "r.station_id",
        "r.number",
        "r.year",
        "r.seq",
        "r.volunteer_id",
        "r.period_from",
        "r.period_to",
        "r.minutes",
        "r.entries",
        "r.content_hash",
        "r.pdf_sha256",
        "r.issued_by_user_id",
        "r.issued_by_name",
        "r.issued_at",
        "v.real_name",
        "v.number as volunteer_number",
        "v.user_id",
        "u.name as station_name",
      ]);
  }

  record(id: number, db: Db = this.db) {
    return this.recordsQuery(db).where("r.id", "=", id).executeTakeFirst();
  }

  /** The stored content and PDF of a record (for its PDF and its check). */
  recordBody(id: number, db: Db = this.db) {
    return db
      .selectFrom("volunteer_records")
      .select(["id", "content", "content_hash", "pdf", "pdf_sha256"])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  recordByNumber(number: string, db: Db = this.db) {
    return this.recordsQuery(db).where("r.number", "=", number).executeTakeFirst();
  }

  async listRecords(
    filter: { stationIds: number[] | null; volunteerId?: number; q?: string },
    page: { limit: number; offset: number },
    db: Db = this.db,
  ) {
    let q = this.recordsQuery(db).where(inStations(filter.stationIds, "r.station_id"));
    if (filter.volunteerId !== undefined) q = q.where("r.volunteer_id", "=", filter.volunteerId);
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(r.number) like ${like} escape '\\'`,
          sql<boolean>`lower(v.real_name) like ${like} escape '\\'`,
          sql<boolean>`lower(v.number) like ${like} escape '\\'`,
        ]),
      );
    }
    const rows = await q.orderBy("r.issued_at", "desc").orderBy("r.id", "desc").limit(page.limit).offset(page.offset).execute();
    const count = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }

  async stationName(stationId: number, db: Db = this.db): Promise<string> {
    const row = await db.selectFrom("org_units").select("name").where("id", "=", stationId).executeTakeFirst();
    return row?.name ?? "";
  }
}
