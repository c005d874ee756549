// Caring shops and their history (shop_events): the rows the certification reads and writes, with the
// merchant's name joined read-only.
import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { ShopCategory, ShopStatus } from "../../../contracts/caring.ts";
import { pagedList } from "../../db/paging.ts";
import { prepared } from "../../db/prepared.ts";
import { inStations } from "../../db/station-filter.ts";
import type { CaringShopTable, DB, ShopEventTable } from "../../db/tables.ts";
import { nextSaleId } from "./redemption.repository.ts";

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  "s.id",
  "s.station_id",
  "s.merchant_id",
  "m.name as merchant_name",
  "s.category",
  "s.status",
  "s.discount_rate_permille",
  "s.plaque_date",
  "s.certified_at",
  "s.review_due",
  "s.version",
] as const;

const shopsWithMerchants = (db: Db) => db.selectFrom("caring_shops as s").innerJoin("merchants as m", "m.id", "s.merchant_id");

/** PostgreSQL: the merchant's shop with the id its sale will take, so the sale can go with the commit's statement. */
const shopWithSaleId = prepared((db, v: { merchantId: number }, dialect) =>
  shopsWithMerchants(db).select(columns).select(nextSaleId(dialect)).where("s.merchant_id", "=", v.merchantId),
);

/** The merchant's caring shop (every redemption asks), compiled once (server/db/prepared.ts). */
const shopOfMerchant = prepared((db, v: { merchantId: number }) =>
  shopsWithMerchants(db).select(columns).where("s.merchant_id", "=", v.merchantId),
);

export interface ShopFilter {
  stationIds: number[] | null;
  status?: ShopStatus;
  category?: ShopCategory;
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

export class ShopsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  findRow(id: number, db: Db = this.db) {
    return shopsWithMerchants(db).select(columns).where("s.id", "=", id).executeTakeFirst();
  }

  async ofMerchant(merchantId: number, db: Db = this.db) {
    return (await shopOfMerchant(db, { merchantId })).rows[0];
  }

  /** The merchant's shop and, on PostgreSQL, the id its sale will take (`nextSaleId`; null on SQLite). */
  async ofMerchantWithSaleId(db: Db, merchantId: number) {
    const [row] = (await shopWithSaleId(db, { merchantId })).rows;
    if (!row) return { shop: undefined, nextSaleId: null };
    const { next_sale_id, ...shop } = row;
    return { shop, nextSaleId: next_sale_id === null ? null : Number(next_sale_id) };
  }

  /** One page of shops: the ids from the shops table alone, their rows, a capped count (server/db/paging.ts). */
  list(f: ShopFilter) {
    let q = this.db.selectFrom("caring_shops as s");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "s.station_id"));
    if (f.status) q = q.where("s.status", "=", f.status);
    if (f.category) q = q.where("s.category", "=", f.category);
    return pagedList({
      db: this.db,
      filtered: q,
      id: "s.id",
      order: [["s.id", f.order]],
      rows: (ids) => shopsWithMerchants(this.db).select(columns).where("s.id", "in", ids).execute(),
      page: { limit: f.limit, offset: f.offset },
    });
  }

  events(shopId: number, db: Db = this.db) {
    return db
      .selectFrom("shop_events")
      .select(["action", "note", "actor_name", "at"])
      .where("shop_id", "=", shopId)
      .orderBy("id")
      .execute();
  }

  merchant(id: number, db: Db = this.db) {
    return db.selectFrom("merchants").select(["id", "station_id"]).where("id", "=", id).executeTakeFirst();
  }

  /** The shop a merchant already has (any status), to refuse a second application. */
  existingOfMerchant(merchantId: number, db: Db = this.db) {
    return db.selectFrom("caring_shops").select(["id", "status"]).where("merchant_id", "=", merchantId).executeTakeFirst();
  }

  async insertShop(db: Db, values: Insertable<CaringShopTable>): Promise<number> {
    return (await db.insertInto("caring_shops").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  /** A rejected application made again. */
  async reapply(db: Db, id: number, category: ShopCategory, at: string) {
    await db
      .updateTable("caring_shops")
      .set((eb) => ({ status: "applied", category, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  /** Applies a step when the version still matches; answers whether it did. */
  async updateVersioned(db: Db, id: number, version: number, values: Updateable<CaringShopTable>): Promise<boolean> {
    const r = await db
      .updateTable("caring_shops")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertEvent(db: Db, values: Insertable<ShopEventTable>) {
    await db.insertInto("shop_events").values(values).execute();
  }

  /** Certified shops (optionally of one station), for the public list. */
  certified(stationId: number | undefined) {
    let q = shopsWithMerchants(this.db)
      .select(["s.id", "s.station_id", "m.name", "s.category", "s.discount_rate_permille"])
      .where("s.status", "=", "certified");
    if (stationId !== undefined) q = q.where("s.station_id", "=", stationId);
    return q.orderBy("m.name").execute();
  }
}

export type ShopRow = NonNullable<Awaited<ReturnType<ShopsRepository["findRow"]>>>;
export type ShopEventRow = Awaited<ReturnType<ShopsRepository["events"]>>[number];
export type PublicShopRow = Awaited<ReturnType<ShopsRepository["certified"]>>[number];
