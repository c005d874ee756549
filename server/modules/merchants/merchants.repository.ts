import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import { type Dialect, dialectOf } from "../../db/database.ts";
import { idList, inIdList } from "../../db/id-list.ts";
import { pagedList } from "../../db/paging.ts";
import { prepared } from "../../db/prepared.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, MerchantStatusChangeTable, MerchantTable } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface MerchantFilter {
  stationIds: number[] | null;
  q?: string;
  category?: MerchantTable["category"];
  status?: MerchantTable["status"];
  isPartyMember?: boolean;
}

const sortColumns = { name: "m.name", createdAt: "m.created_at", category: "m.category", status: "m.status" } as const;

const listColumns = [
  "m.id",
  "m.station_id",
  "o.name as station_name",
  "m.name",
  "m.category",
  "m.operator_name",
  "m.mobile_enc",
  "m.credit_code",
  "m.licence_valid_from",
  "m.licence_valid_to",
  "m.status",
  "m.is_party_member",
  "m.note",
  "m.created_at",
  "m.updated_at",
  "m.version",
] as const;

/** The filter as one condition on the merchants table (alias `m`), alone or joined. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the merchants table alone or joined (alias m)
function merchantCondition(eb: ExpressionBuilder<any, any>, f: MerchantFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "m.station_id"));
  if (f.category) all.push(eb("m.category", "=", f.category));
  if (f.status) all.push(eb("m.status", "=", f.status));
  if (f.isPartyMember !== undefined) all.push(eb("m.is_party_member", "=", f.isPartyMember ? 1 : 0));
  if (f.q && withText) all.push(textCondition(eb, f.q));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

/** Credit codes are 18 ASCII characters: only such a query can match one. */
const textColumns = (text: string) => ["m.name", "m.operator_name", ...(/^[0-9A-Za-z]+$/.test(text) ? ["m.credit_code"] : [])];

// biome-ignore lint/suspicious/noExplicitAny: applies to the merchants table alone or joined (alias m)
function textCondition(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or(textColumns(text).map((column) => containsText(eb, column, text)));
}

/** The merchant's stalls as "id:code,id:code", read in the merchant's own row. */
const stallListOf = (dialect: Dialect) =>
  sql<
    string | null
  >`(select ${sql.raw(dialect === "postgres" ? "string_agg" : "group_concat")}(s.id || ':' || s.code, ',') from stalls s where s.merchant_id = m.id)`.as(
    "stall_list",
  );

/** A list page's rows for the page's ids (server/db/id-list.ts), compiled once. */
const merchantsByIds = prepared((db, v: { ids: string }, dialect) =>
  db
    .selectFrom("merchants as m")
    .innerJoin("org_units as o", "o.id", "m.station_id")
    .select(listColumns)
    .select(stallListOf(dialect))
    .where(inIdList(dialect, "m.id", v.ids)),
);

const statusChangeValues = (c: Omit<MerchantStatusChangeTable, "id" | "merchant_id">) => ({
  change_from_status: c.from_status,
  change_to_status: c.to_status,
  change_reason: c.reason,
  change_actor_user_id: c.actor_user_id,
  change_at: c.at,
});

/** PostgreSQL: the merchant, its first status change and its station's name in one statement, compiled once. */
const insertMerchantPg = prepared((db, v: MerchantValues & ReturnType<typeof statusChangeValues>) => {
  const { change_from_status, change_to_status, change_reason, change_actor_user_id, change_at, ...merchant } = v;
  return db
    .with("m", (qb) => qb.insertInto("merchants").values(merchant).returning(["id", "station_id"]))
    .with("c", (qb) =>
      qb.insertInto("merchant_status_changes").values({
        merchant_id: sql<number>`(select id from m)`,
        from_status: change_from_status,
        to_status: change_to_status,
        reason: change_reason,
        actor_user_id: change_actor_user_id,
        at: change_at,
      }),
    )
    .selectFrom("m")
    .innerJoin("org_units as o", "o.id", "m.station_id")
    .select(["m.id", "o.name as station_name"]);
});

export class MerchantsRepository {
  readonly db: Kysely<DB>;
  /** The merchant's stalls as "id:code,id:code" in the same query, so a page of merchants is one round trip. */
  private readonly stallList;
  constructor(db: Kysely<DB>) {
    this.db = db;
    this.stallList = stallListOf(dialectOf(db));
  }

  private filtered(db: Db, f: MerchantFilter) {
    return db
      .selectFrom("merchants as m")
      .innerJoin("org_units as o", "o.id", "m.station_id")
      .where((eb) => merchantCondition(eb, f));
  }

  /** The page's ids through an index, its rows for those ids, a capped count (server/db/paging.ts). */
  async list(f: MerchantFilter, page: { limit: number; offset: number; sort?: string; order: "asc" | "desc" }) {
    const sortColumn: string | undefined = sortColumns[page.sort as keyof typeof sortColumns];
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("merchants as m").where((eb) => merchantCondition(eb, f, false)),
      text: f.q ? { columns: textColumns(f.q), condition: (eb) => textCondition(eb, f.q as string) } : undefined,
      id: "m.id",
      order: sortColumn
        ? [
            [sortColumn, page.order],
            ["m.id", page.order],
          ]
        : [["m.id", page.order]],
      rows: async (ids) => (await merchantsByIds(this.db, { ids: idList(dialectOf(this.db), ids) })).rows,
      page,
    });
  }

  /** Rows for an export, in pages, so a large station streams without holding everything. */
  async *iterate(f: MerchantFilter, batch = 1000) {
    let after = 0;
    for (;;) {
      const rows = await this.filtered(this.db, f)
        .select(listColumns)
        .select(this.stallList)
        .where("m.id", ">", after)
        .orderBy("m.id")
        .limit(batch)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  async count(f: MerchantFilter): Promise<number> {
    const r = await this.filtered(this.db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  findById(id: number, db: Db = this.db) {
    return db
      .selectFrom("merchants as m")
      .innerJoin("org_units as o", "o.id", "m.station_id")
      .select(listColumns)
      .select(this.stallList)
      .where("m.id", "=", id)
      .executeTakeFirst();
  }

  creditCodeOwner(db: Db, creditCode: string) {
    return db.selectFrom("merchants").select("id").where("credit_code", "=", creditCode).executeTakeFirst();
  }

  async insert(db: Db, values: Omit<MerchantTable, "id" | "version">) {
    const row = await db.insertInto("merchants").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * A new merchant with its first status change, answering its id and its station's name: on PostgreSQL one
   * statement (each statement is a round trip there), on SQLite three. A credit code already taken fails with the
   * unique index's violation (the caller names the field).
   */
  async createWithStatus(
    db: Db,
    values: MerchantValues,
    change: Omit<MerchantStatusChangeTable, "id" | "merchant_id">,
  ): Promise<{ id: number; station_name: string }> {
    if (dialectOf(db) === "postgres") {
      const [row] = (await insertMerchantPg(db, { ...values, ...statusChangeValues(change) })).rows;
      return { id: Number(row.id), station_name: row.station_name };
    }
    const id = await this.insert(db, values);
    await this.insertStatusChange(db, { ...change, merchant_id: id });
    const station = await db.selectFrom("org_units").select("name").where("id", "=", values.station_id).executeTakeFirstOrThrow();
    return { id, station_name: station.name };
  }

  async insertMany(db: Db, values: Omit<MerchantTable, "id" | "version">[]) {
    const ids: number[] = [];
    for (let i = 0; i < values.length; i += 200) {
      const rows = await db
        .insertInto("merchants")
        .values(values.slice(i, i + 200))
        .returning("id")
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  async update(db: Db, id: number, version: number, values: Partial<Omit<MerchantTable, "id" | "version">>) {
    const r = await db
      .updateTable("merchants")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  insertStatusChange(db: Db, v: Omit<MerchantStatusChangeTable, "id">) {
    return db.insertInto("merchant_status_changes").values(v).execute();
  }

  statusChanges(merchantId: number) {
    return this.db
      .selectFrom("merchant_status_changes as c")
      .leftJoin("users as u", "u.id", "c.actor_user_id")
      .select(["c.id", "c.from_status", "c.to_status", "c.reason", "c.at", "u.display_name as actor_name"])
      .where("c.merchant_id", "=", merchantId)
      .orderBy("c.id", "desc")
      .execute();
  }

  async countsFor(stationIds: number[] | null) {
    let q = this.db.selectFrom("merchants").select(["category", "status", "is_party_member", (eb) => eb.fn.countAll<number>().as("n")]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    return q.groupBy(["category", "status", "is_party_member"]).execute();
  }
}

export type MerchantRow = NonNullable<Awaited<ReturnType<MerchantsRepository["findById"]>>>;
export type StatusChangeRow = Awaited<ReturnType<MerchantsRepository["statusChanges"]>>[number];
export type MerchantValues = Omit<MerchantTable, "id" | "version">;
