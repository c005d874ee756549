// Award rounds, their nominations and the objections raised during publicity: the rows the rounds service reads
// and writes, with residents' names joined read-only.
import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { AwardCategory, NominationStatus, ObjectionStatus, RoundStatus } from "../../../contracts/caring.ts";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { AwardRoundTable, DB, NominationTable, ObjectionTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface RoundFilter {
  stationIds: number[] | null;
  category?: AwardCategory;
  status?: RoundStatus;
  limit: number;
  offset: number;
}

export class RoundsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  findRound(id: number, db: Db = this.db) {
    return db.selectFrom("award_rounds").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** One page of rounds, newest month first: their ids, their rows, a capped count (server/db/paging.ts). */
  list(f: RoundFilter) {
    let q = this.db.selectFrom("award_rounds");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "station_id"));
    if (f.category) q = q.where("category", "=", f.category);
    if (f.status) q = q.where("status", "=", f.status);
    return pagedList({
      db: this.db,
      filtered: q,
      id: "id",
      order: [
        ["month", "desc"],
        ["id", "desc"],
      ],
      rows: (ids) => this.db.selectFrom("award_rounds").selectAll().where("id", "in", ids).execute(),
      page: { limit: f.limit, offset: f.offset },
    });
  }

  /** Rounds open for nominations or in publicity (the latest twenty). */
  open(stationIds: number[] | null) {
    let q = this.db.selectFrom("award_rounds").selectAll().where("status", "in", ["nominating", "publicity"]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    return q.orderBy("month", "desc").orderBy("id", "desc").limit(20).execute();
  }

  /** The nominations of some rounds with the nominee's name. */
  /** The accounts of residents (a resident may sign in; that account may be a registered volunteer). */
  accountsOfResidents(residentIds: number[], db: Db = this.db) {
    if (residentIds.length === 0) return Promise.resolve([]);
    return db.selectFrom("users").select(["id", "resident_id"]).where("resident_id", "in", residentIds).execute();
  }

  nominationsOf(roundIds: number[], db: Db = this.db) {
    if (roundIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("nominations as n")
      .innerJoin("residents as r", "r.id", "n.resident_id")
      .select([
        "n.id",
        "n.round_id",
        "n.resident_id",
        "r.name",
        "n.reason",
        "n.status",
        "n.nominated_by_name",
        "n.review_note",
        "n.version",
      ])
      .where("n.round_id", "in", roundIds)
      .orderBy("n.id")
      .execute();
  }

  /** The objections to some nominations. */
  objectionsOf(nominationIds: number[], db: Db = this.db) {
    if (nominationIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("objections")
      .select(["id", "nomination_id", "text", "status", "created_at"])
      .where("nomination_id", "in", nominationIds)
      .orderBy("id")
      .execute();
  }

  /** A round's nominations as the award weighs them. */
  nominationFacts(roundId: number, db: Db = this.db) {
    return db.selectFrom("nominations").select(["id", "resident_id", "status"]).where("round_id", "=", roundId).execute();
  }

  async insertRound(db: Db, values: Insertable<AwardRoundTable>): Promise<number> {
    return (await db.insertInto("award_rounds").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** Moves a round when the version still matches; answers whether it did. */
  async updateRoundVersioned(db: Db, id: number, version: number, values: Updateable<AwardRoundTable>): Promise<boolean> {
    const r = await db
      .updateTable("award_rounds")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findNomination(id: number, db: Db = this.db) {
    return db.selectFrom("nominations").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insertNomination(db: Db, values: Insertable<NominationTable>): Promise<number> {
    return (await db.insertInto("nominations").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** The award's outcome for one nomination. */
  async setNominationStatus(db: Db, id: number, status: NominationStatus, at: string) {
    await db
      .updateTable("nominations")
      .set((eb) => ({ status, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  /** A review's decision when the version still matches; answers whether it applied. */
  async reviewNomination(
    db: Db,
    id: number,
    version: number,
    values: { status: NominationStatus; review_note: string | null; updated_at: string },
  ) {
    const r = await db
      .updateTable("nominations")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findObjection(id: number, db: Db = this.db) {
    return db.selectFrom("objections").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insertObjection(db: Db, values: Insertable<ObjectionTable>): Promise<number> {
    return (await db.insertInto("objections").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** Decides an objection still open; answers whether it was. */
  async decideObjection(db: Db, id: number, status: ObjectionStatus, note: string | null): Promise<boolean> {
    const r = await db
      .updateTable("objections")
      .set({ status, decision_note: note })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The resident a nomination names, to check their station. */
  resident(id: number, db: Db = this.db) {
    return db.selectFrom("residents").select(["id", "station_id"]).where("id", "=", id).executeTakeFirst();
  }

  /** Winners of awarded rounds (optionally of one station), newest month first. */
  winners(stationId: number | undefined) {
    let q = this.db
      .selectFrom("nominations as n")
      .innerJoin("award_rounds as a", "a.id", "n.round_id")
      .innerJoin("residents as r", "r.id", "n.resident_id")
      .select(["a.month", "a.category", "r.name"])
      .where("a.status", "=", "awarded")
      .where("n.status", "=", "winner");
    if (stationId !== undefined) q = q.where("a.station_id", "=", stationId);
    return q.orderBy("a.month", "desc").orderBy("a.category").orderBy("n.id").limit(2000).execute();
  }
}

export type RoundRow = NonNullable<Awaited<ReturnType<RoundsRepository["findRound"]>>>;
export type NominationListRow = Awaited<ReturnType<RoundsRepository["nominationsOf"]>>[number];
export type ObjectionListRow = Awaited<ReturnType<RoundsRepository["objectionsOf"]>>[number];
export type WinnerRow = Awaited<ReturnType<RoundsRepository["winners"]>>[number];
