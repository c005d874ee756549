// The kiosk tokens' queries: the only code of the screen module that builds SQL.
import type { Kysely, Transaction } from "kysely";
import type { DB, KioskTokenTable } from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

export class ScreenRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  unit(id: number, db: Db = this.db) {
    return db.selectFrom("org_units").select(["id", "kind", "name", "path"]).where("id", "=", id).executeTakeFirst();
  }

  private tokens(db: Db) {
    return db
      .selectFrom("kiosk_tokens as k")
      .innerJoin("org_units as u", "u.id", "k.unit_id")
      .leftJoin("users as c", "c.id", "k.created_by_user_id")
      .select([
        "k.id",
        "k.label",
        "k.unit_id",
        "k.unit_kind",
        "k.prefix",
        "k.created_at",
        "k.last_used_at",
        "k.revoked_at",
        "u.name as unit_name",
        "u.path as unit_path",
        "c.display_name as created_by_name",
      ]);
  }

  /** Tokens of units under a path (null: every unit), newest first. */
  list(pathPrefix: string | null, db: Db = this.db) {
    let q = this.tokens(db);
    if (pathPrefix !== null) q = q.where("u.path", "like", `${pathPrefix}%`);
    return q.orderBy("k.id", "desc").execute();
  }

  byId(id: number, db: Db = this.db) {
    return this.tokens(db).where("k.id", "=", id).executeTakeFirst();
  }

  byHash(hash: string, db: Db = this.db) {
    return db
      .selectFrom("kiosk_tokens")
      .select(["id", "unit_id", "unit_kind", "last_used_at", "revoked_at"])
      .where("token_hash", "=", hash)
      .executeTakeFirst();
  }

  async insert(db: Db, row: Omit<KioskTokenTable, "id">): Promise<number> {
    const r = await db.insertInto("kiosk_tokens").values(row).returning("id").executeTakeFirstOrThrow();
    return r.id;
  }

  /** Revokes an active token; false when it was revoked already. */
  async revoke(db: Db, id: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable("kiosk_tokens")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async touch(id: number, at: string) {
    await this.db.updateTable("kiosk_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
  }
}

export type KioskTokenRow = NonNullable<Awaited<ReturnType<ScreenRepository["byId"]>>>;
