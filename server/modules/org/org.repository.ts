import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, OrgUnitTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

export class OrgRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  listUnder(path: string | null) {
    let q = this.db.selectFrom("org_units").select(["id", "parent_id", "kind", "name", "code", "address", "path"]);
    if (path !== null) q = q.where("path", "like", `${path}%`);
    return q.orderBy("path").execute();
  }

  /** Ancestors are visible too, so a station user sees where its station sits. */
  ancestors(ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("org_units")
      .select(["id", "parent_id", "kind", "name", "code", "address", "path"])
      .where("id", "in", ids)
      .execute();
  }

  async insert(db: Db, v: Omit<OrgUnitTable, "id" | "path"> & { parentPath: string | null }) {
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

  countUsers(stationIds: number[] | null) {
    let q = this.db.selectFrom("users as u").select((eb) => eb.fn.countAll<number>().as("n"));
    if (stationIds !== null) q = stationIds.length ? q.where("u.org_unit_id", "in", stationIds) : q.where(sql<boolean>`1 = 0`);
    return q.executeTakeFirstOrThrow();
  }
}

export type OrgUnitRow = Awaited<ReturnType<OrgRepository["listUnder"]>>[number];
