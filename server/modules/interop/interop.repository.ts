// The interop module's queries: its API keys and Open311 requests, and (read only) the problems, categories,
// units and events an Open311 request is answered from.
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { InteropApiKeyTable, Open311RequestTable } from "./interop.tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

export interface Open311Filter {
  /** Problem codes (service_request_id). */
  codes?: string[];
  serviceCode?: string;
  from: string;
  to: string;
  /** Problem statuses the Open311 status maps to. */
  statusIn?: readonly string[];
  limit: number;
}

export class InteropRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  // --- API keys

  listKeys(db: Db = this.db) {
    return db
      .selectFrom("interop_api_keys as k")
      .innerJoin("org_units as o", "o.id", "k.station_id")
      .select([
        "k.id",
        "k.name",
        "k.purpose",
        "k.station_id",
        "o.name as station_name",
        "k.prefix",
        "k.status",
        "k.created_at",
        "k.last_used_at",
        "k.revoked_at",
        (eb) =>
          eb
            .selectFrom("open311_requests as r")
            .select((e) => e.fn.countAll<string | number>().as("n"))
            .whereRef("r.api_key_id", "=", "k.id")
            .as("requests"),
      ])
      .orderBy("k.id", "desc")
      .execute();
  }

  async keyById(db: Db, id: number) {
    return (await this.listKeys(db)).find((k) => k.id === id);
  }

  keyByHash(db: Db, hash: string) {
    return db.selectFrom("interop_api_keys").selectAll().where("key_hash", "=", hash).executeTakeFirst();
  }

  async insertKey(db: Db, values: Insertable<InteropApiKeyTable>): Promise<number> {
    const row = await db.insertInto("interop_api_keys").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async revokeKey(db: Db, id: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable("interop_api_keys")
      .set({ status: "revoked", revoked_at: at })
      .where("id", "=", id)
      .where("status", "=", "active")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async touchKey(db: Db, id: number, at: string) {
    await db.updateTable("interop_api_keys").set({ last_used_at: at }).where("id", "=", id).execute();
  }

  station(db: Db, id: number) {
    return db.selectFrom("org_units").select(["id", "name"]).where("id", "=", id).where("kind", "=", "station").executeTakeFirst();
  }

  // --- Open311 requests

  async insertRequest(db: Db, values: Insertable<Open311RequestTable>) {
    await db.insertInto("open311_requests").values(values).execute();
  }

  private requests(db: Db) {
    return db
      .selectFrom("open311_requests as r")
      .innerJoin("problems as p", "p.id", "r.problem_id")
      .leftJoin("problem_categories as c", "c.code", "p.category_code")
      .leftJoin("alliance_units as u", "u.id", "p.unit_id")
      .select([
        "r.id",
        "r.problem_id",
        "r.service_code",
        "r.lat",
        "r.long",
        "r.address_string",
        "r.address_id",
        "r.media_url",
        "p.code",
        "p.status",
        "p.description",
        "p.place",
        "p.resolution",
        "p.rating",
        "p.due_at",
        "p.created_at",
        "p.updated_at",
        "c.name as category_name",
        "c.name_en as category_name_en",
        "u.name as unit_name",
      ]);
  }

  requestByCode(code: string, db: Db = this.db) {
    return this.requests(db).where("p.code", "=", code).executeTakeFirst();
  }

  listRequests(f: Open311Filter, db: Db = this.db) {
    let q = this.requests(db).where("r.created_at", ">=", f.from).where("r.created_at", "<", f.to);
    if (f.codes) q = f.codes.length ? q.where("p.code", "in", f.codes) : q.where(sql<boolean>`1 = 0`);
    if (f.serviceCode) q = q.where("r.service_code", "=", f.serviceCode);
    if (f.statusIn) q = q.where("p.status", "in", f.statusIn as never);
    return q.orderBy("r.created_at", "desc").orderBy("r.id", "desc").limit(f.limit).execute();
  }

  /** The last event of each problem (what a reject or reopen said). */
  async lastEvents(problemIds: number[], db: Db = this.db) {
    const out = new Map<number, { action: string; note: string | null }>();
    if (problemIds.length === 0) return out;
    const rows = await db
      .selectFrom("problem_events")
      .select(["problem_id", "action", "note", "id"])
      .where("problem_id", "in", problemIds)
      .orderBy("id", "desc")
      .execute();
    for (const r of rows) if (!out.has(r.problem_id)) out.set(r.problem_id, { action: r.action, note: r.note });
    return out;
  }
}

export type Open311Row = NonNullable<Awaited<ReturnType<InteropRepository["requestByCode"]>>>;
export type ApiKeyRow = Awaited<ReturnType<InteropRepository["listKeys"]>>[number];
