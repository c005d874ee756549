import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from "kysely";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, StallTable } from "../../db/tables.ts";
import { containsText, linkedContainsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface StallFilter {
  stationIds: number[] | null;
  q?: string;
  occupied?: boolean;
}

export type StallValues = Omit<StallTable, "id" | "version">;

const sortColumns = { code: "s.code", area: "s.area" } as const;

const listColumns = [
  "s.id",
  "s.station_id",
  "s.code",
  "s.area",
  "s.x",
  "s.y",
  "s.w",
  "s.h",
  "s.merchant_id",
  "m.name as merchant_name",
  "m.category as merchant_category",
  "s.created_at",
  "s.updated_at",
  "s.version",
] as const;

/** A stall's code or its merchant's name contains the text (the merchant through its id, so the stalls table alone). */
// biome-ignore lint/suspicious/noExplicitAny: applies to the stalls table (alias s)
function stallText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or([containsText(eb, "s.code", text), linkedContainsText(eb, "s.merchant_id", "merchants", "name", text)]);
}

export class StallsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filtered(db: Db, f: StallFilter, withText = true) {
    let q = db.selectFrom("stalls as s");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "s.station_id"));
    if (f.occupied !== undefined) q = q.where("s.merchant_id", f.occupied ? "is not" : "is", null);
    if (f.q && withText) {
      const text = f.q;
      q = q.where((eb) => stallText(eb, text));
    }
    return q;
  }

  /** The page's ids from the stalls table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async list(f: StallFilter, page: { limit: number; offset: number; sort?: string; order: "asc" | "desc" }) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.filtered(this.db, f, false),
      text: text ? { columns: ["s.code", "s.merchant_id"], condition: (eb) => stallText(eb, text) } : undefined,
      id: "s.id",
      order: [
        [sortColumns[page.sort as keyof typeof sortColumns] ?? "s.code", page.order],
        ["s.id", page.order],
      ],
      rows: (ids) =>
        this.db
          .selectFrom("stalls as s")
          .leftJoin("merchants as m", "m.id", "s.merchant_id")
          .select(listColumns)
          .where("s.id", "in", ids)
          .execute(),
      page,
    });
  }

  async count(f: StallFilter): Promise<number> {
    const r = await this.filtered(this.db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  findById(id: number, db: Db = this.db) {
    return db
      .selectFrom("stalls as s")
      .leftJoin("merchants as m", "m.id", "s.merchant_id")
      .select(listColumns)
      .where("s.id", "=", id)
      .executeTakeFirst();
  }

  codeOwner(db: Db, stationId: number, code: string) {
    return db.selectFrom("stalls").select("id").where("station_id", "=", stationId).where("code", "=", code).executeTakeFirst();
  }

  /** The station of a merchant, to check a stall is let only to a merchant of its own station. */
  merchantStation(db: Db, merchantId: number) {
    return db.selectFrom("merchants").select("station_id").where("id", "=", merchantId).executeTakeFirst();
  }

  async insert(db: Db, values: StallValues) {
    const row = await db.insertInto("stalls").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async update(db: Db, id: number, version: number, values: Partial<StallValues>) {
    const r = await db
      .updateTable("stalls")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** What still refers to the stall and so keeps it (its history): problems reported at it, reweighs at it. */
  async holder(id: number, db: Db = this.db): Promise<"problems" | "reweighs" | null> {
    const problem = await db.selectFrom("problems").select("id").where("stall_id", "=", id).limit(1).executeTakeFirst();
    if (problem) return "problems";
    const reweigh = await db.selectFrom("reweighs").select("id").where("stall_id", "=", id).limit(1).executeTakeFirst();
    return reweigh ? "reweighs" : null;
  }

  async remove(db: Db, id: number, version: number) {
    const r = await db.deleteFrom("stalls").where("id", "=", id).where("version", "=", version).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async countsFor(stationIds: number[] | null) {
    let q = this.db
      .selectFrom("stalls")
      .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.count<number>("merchant_id").as("occupied")]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    const r = await q.executeTakeFirstOrThrow();
    return { total: Number(r.total ?? 0), occupied: Number(r.occupied ?? 0) };
  }
}

export type StallRow = NonNullable<Awaited<ReturnType<StallsRepository["findById"]>>>;
