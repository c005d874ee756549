import { type Kysely, sql, type Transaction } from "kysely";
import { dialectOf } from "../../db/database.ts";
import type { DB, UserTable } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface UserFilter {
  stationIds: number[] | null;
  orgPath: string | null;
  q?: string;
  role?: UserTable["role"];
  status?: UserTable["status"];
  allianceUnitId?: number;
}

const userColumns = [
  "u.id",
  "u.username",
  "u.display_name",
  "u.role",
  "u.org_unit_id",
  "o.name as org_unit_name",
  "o.kind as org_unit_kind",
  "o.path as org_path",
  "u.alliance_unit_id",
  "a.name as alliance_unit_name",
  "u.merchant_id",
  "m.name as merchant_name",
  "u.resident_id",
  "r.name as resident_name",
  "u.mobile_enc",
  "u.status",
  "u.locale",
  "u.last_login_at",
  "u.created_at",
  "u.version",
] as const;

export class AccountsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Serialises sign-in attempts for one identifier (PostgreSQL; SQLite writers are serial already). */
  async lockIdentifier(trx: Transaction<DB>, identifier: string) {
    if (dialectOf(trx) === "postgres") await sql`select pg_advisory_xact_lock(hashtext(${identifier}))`.execute(trx);
  }

  findForLogin(identifier: string, mobileHash: string | null) {
    let q = this.db.selectFrom("users").select(["id", "password_hash", "status", "role", "mobile_enc"]);
    q = mobileHash
      ? q.where((eb) => eb.or([eb("username", "=", identifier), eb("mobile_hash", "=", mobileHash)]))
      : q.where("username", "=", identifier);
    return q.executeTakeFirst();
  }

  async recentFailures(trx: Db, identifier: string, sinceIso: string): Promise<number> {
    const lastSuccess = await trx
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.max("id").as("id"))
      .where("identifier", "=", identifier)
      .where("succeeded", "=", 1)
      .where("at", ">", sinceIso)
      .executeTakeFirst();
    const row = await trx
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("identifier", "=", identifier)
      .where("succeeded", "=", 0)
      .where("at", ">", sinceIso)
      .where("id", ">", lastSuccess?.id ?? 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async recordAttempt(trx: Db, identifier: string, ip: string, at: string): Promise<number> {
    const row = await trx
      .insertInto("login_attempts")
      .values({ identifier, ip, succeeded: 0, at })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  markAttemptSucceeded(id: number) {
    return this.db.updateTable("login_attempts").set({ succeeded: 1 }).where("id", "=", id).execute();
  }

  touchLogin(userId: number, at: string) {
    return this.db.updateTable("users").set({ last_login_at: at }).where("id", "=", userId).execute();
  }

  private selectUsers(db: Db) {
    return db
      .selectFrom("users as u")
      .innerJoin("org_units as o", "o.id", "u.org_unit_id")
      .leftJoin("alliance_units as a", "a.id", "u.alliance_unit_id")
      .leftJoin("merchants as m", "m.id", "u.merchant_id")
      .leftJoin("residents as r", "r.id", "u.resident_id")
      .select(userColumns);
  }

  findById(id: number, db: Db = this.db) {
    return this.selectUsers(db).where("u.id", "=", id).executeTakeFirst();
  }

  findPasswordHash(id: number) {
    return this.db.selectFrom("users").select(["username", "password_hash", "mobile_enc"]).where("id", "=", id).executeTakeFirst();
  }

  /** The hashes of the account's earlier passwords, newest first. */
  async earlierPasswords(id: number, limit: number, db: Db = this.db): Promise<string[]> {
    const rows = await db
      .selectFrom("password_history")
      .select("password_hash")
      .where("user_id", "=", id)
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => r.password_hash);
  }

  stationNames(ids: number[] | null) {
    let q = this.db.selectFrom("org_units").select(["id", "name"]).where("kind", "=", "station").orderBy("id");
    if (ids !== null) q = ids.length ? q.where("id", "in", ids) : q.where("id", "=", -1);
    return q.execute();
  }

  private filtered(f: UserFilter) {
    let q = this.selectUsers(this.db);
    if (f.orgPath !== null) q = q.where("o.path", "like", `${f.orgPath}%`);
    if (f.q) {
      const text = f.q;
      q = q.where((eb) => eb.or([containsText(eb, "u.username", text), containsText(eb, "u.display_name", text)]));
    }
    if (f.role) q = q.where("u.role", "=", f.role);
    if (f.status) q = q.where("u.status", "=", f.status);
    if (f.allianceUnitId) q = q.where("u.alliance_unit_id", "=", f.allianceUnitId);
    return q;
  }

  async list(f: UserFilter, page: { limit: number; offset: number; sort: string; order: "asc" | "desc" }) {
    const sortColumn =
      ({ username: "u.username", displayName: "u.display_name", createdAt: "u.created_at", lastLoginAt: "u.last_login_at" } as const)[
        page.sort as "username"
      ] ?? "u.id";
    const items = await this.filtered(f).orderBy(sortColumn, page.order).orderBy("u.id").limit(page.limit).offset(page.offset).execute();
    const total = await this.filtered(f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { items, total: Number(total.n) };
  }

  orgUnit(id: number, db: Db = this.db) {
    return db.selectFrom("org_units").select(["id", "kind", "path"]).where("id", "=", id).executeTakeFirst();
  }

  allianceUnitStation(id: number, db: Db = this.db) {
    return db.selectFrom("alliance_units").select(["id", "station_id"]).where("id", "=", id).executeTakeFirst();
  }

  usernameTaken(trx: Db, username: string) {
    return trx.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  }

  mobileTaken(trx: Db, mobileHash: string, exceptId?: number) {
    let q = trx.selectFrom("users").select("id").where("mobile_hash", "=", mobileHash);
    if (exceptId) q = q.where("id", "!=", exceptId);
    return q.executeTakeFirst();
  }

  async insert(trx: Db, values: Omit<UserTable, "id" | "version">) {
    const row = await trx.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates only when the version still matches; returns false on a lost race. */
  async update(trx: Db, id: number, version: number, values: Partial<Omit<UserTable, "id" | "version">>) {
    const r = await trx
      .updateTable("users")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The new password replaces the current one, which joins the history; only the last `keep` are kept. */
  async setPassword(trx: Db, id: number, hash: string, at: string, keep: number) {
    const current = await trx.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirstOrThrow();
    await trx.insertInto("password_history").values({ user_id: id, password_hash: current.password_hash, replaced_at: at }).execute();
    await trx
      .deleteFrom("password_history")
      .where("user_id", "=", id)
      .where("id", "not in", trx.selectFrom("password_history").select("id").where("user_id", "=", id).orderBy("id", "desc").limit(keep))
      .execute();
    await trx
      .updateTable("users")
      .set((eb) => ({ password_hash: hash, password_changed_at: at, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  setLocale(id: number, locale: string) {
    return this.db.updateTable("users").set({ locale }).where("id", "=", id).execute();
  }
}

export type UserRow = NonNullable<Awaited<ReturnType<AccountsRepository["findById"]>>>;
