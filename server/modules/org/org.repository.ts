import { type Kysely, sql, type Transaction } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB, OrgUnitTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

const unitColumns = ["id", "parent_id", "kind", "name", "code", "address", "path", "version", "updated_at"] as const;

export class OrgRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  listUnder(path: string | null) {
    let q = this.db.selectFrom("org_units").select(unitColumns);
    if (path !== null) q = q.where("path", "like", `${path}%`);
    return q.orderBy("path").execute();
  }

  /** Ancestors are visible too, so a station user sees where its station sits. */
  ancestors(ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("org_units").select(unitColumns).where("id", "in", ids).execute();
  }

  findById(id: number, db: Db = this.db) {
    return db.selectFrom("org_units").select(unitColumns).where("id", "=", id).executeTakeFirst();
  }

  /** The unit holding a code (codes are unique over the installation), other than `exceptId`. */
  async codeTaken(db: Db, code: string, exceptId?: number): Promise<boolean> {
    let q = db.selectFrom("org_units").select("id").where(sql<string>`lower(code)`, "=", code.toLowerCase());
    if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async insert(db: Db, v: Omit<OrgUnitTable, "id" | "path" | "version" | "updated_at"> & { parentPath: string | null }) {
    const { parentPath, ...values } = v;
    const row = await db
      .insertInto("org_units")
      .values({ ...values, path: "" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const path = `${parentPath ?? "/"}${row.id}/`;
    await db.updateTable("org_units").set({ path }).where("id", "=", row.id).execute();
    return { id: row.id, path };
  }

  /** Applies an edit made from `version`; false when the unit has changed since (or is gone). */
  async update(
    db: Db,
    id: number,
    version: number,
    values: Partial<Pick<OrgUnitTable, "name" | "code" | "address">> & { updated_at: string },
  ) {
    const r = await db
      .updateTable("org_units")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  countUsers(stationIds: number[] | null) {
    let q = this.db.selectFrom("users as u").select((eb) => eb.fn.countAll<number>().as("n"));
    if (stationIds !== null) q = q.where(inStations(stationIds, "u.org_unit_id"));
    return q.executeTakeFirstOrThrow();
  }

  // ----- the onboarding checklist: one grouped count per item over the stations asked -----
  // These read other modules' tables (counts only, never rows), as countUsers does: the checklist is the org's view
  // of whether a station has been set up, and one grouped query per item keeps 200 stations at four queries.

  private async grouped(q: { execute(): Promise<{ station_id: number; n: number | string | bigint }[]> }): Promise<Map<number, number>> {
    return new Map((await q.execute()).map((r) => [Number(r.station_id), Number(r.n)]));
  }

  /** Active accounts of the stations' own staff (station admins and staff). */
  staffAccounts(stationIds: number[]) {
    return this.grouped(
      this.db
        .selectFrom("users")
        .select(["org_unit_id as station_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("org_unit_id", "in", stationIds)
        .where("role", "in", ["station_admin", "station_staff"])
        .where("status", "=", "active")
        .groupBy("org_unit_id"),
    );
  }

  activeAllianceUnits(stationIds: number[]) {
    return this.grouped(
      this.db
        .selectFrom("alliance_units")
        .select(["station_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("station_id", "in", stationIds)
        .where("status", "=", "active")
        .groupBy("station_id"),
    );
  }

  activeServiceItems(stationIds: number[]) {
    return this.grouped(
      this.db
        .selectFrom("service_items")
        .select(["station_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("station_id", "in", stationIds)
        .where("active", "=", 1)
        .groupBy("station_id"),
    );
  }

  /** Duty shifts on the roster from `today` on. */
  shiftsFrom(stationIds: number[], today: string) {
    return this.grouped(
      this.db
        .selectFrom("duty_shifts")
        .select(["station_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("station_id", "in", stationIds)
        .where("date", ">=", today)
        .groupBy("station_id"),
    );
  }
}

export type OrgUnitRow = Awaited<ReturnType<OrgRepository["listUnder"]>>[number];
