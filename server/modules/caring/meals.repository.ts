// Caring meals: recipients (elderly residents living alone) with their provider restaurant and weekdays, and the
// daily deliveries (one row per recipient and day: delivered, or missed).
import type { Kysely, Transaction } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB, MealDeliveryTable, MealRecipientTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

export const recipientColumns = [
  "r.id",
  "r.station_id",
  "r.resident_id",
  "r.provider_shop_id",
  "r.weekdays",
  "r.active",
  "r.note",
  "r.created_at",
  "p.name",
  "p.address",
  "m.name as provider_name",
] as const;

export interface RecipientFilter {
  stationIds: number[] | null;
  providerShopId?: number;
  active?: boolean;
}

export type RecipientValues = Omit<MealRecipientTable, "id">;
export type DeliveryValues = Omit<MealDeliveryTable, "id">;

export class MealsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private recipients(db: Db) {
    return db
      .selectFrom("meal_recipients as r")
      .innerJoin("residents as p", "p.id", "r.resident_id")
      .innerJoin("caring_shops as s", "s.id", "r.provider_shop_id")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(recipientColumns);
  }

  listRecipients(f: RecipientFilter, db: Db = this.db) {
    let q = this.recipients(db);
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "r.station_id"));
    if (f.providerShopId !== undefined) q = q.where("r.provider_shop_id", "=", f.providerShopId);
    if (f.active !== undefined) q = q.where("r.active", "=", f.active ? 1 : 0);
    return q.orderBy("r.provider_shop_id").orderBy("r.id").execute();
  }

  findRecipient(id: number, db: Db = this.db) {
    return this.recipients(db).where("r.id", "=", id).executeTakeFirst();
  }

  findRecipientByResident(residentId: number, db: Db = this.db) {
    return db.selectFrom("meal_recipients").select("id").where("resident_id", "=", residentId).executeTakeFirst();
  }

  async insertRecipient(db: Db, values: RecipientValues): Promise<number | null> {
    const row = await db
      .insertInto("meal_recipients")
      .values(values)
      .onConflict((oc) => oc.column("resident_id").doNothing())
      .returning("id")
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async updateRecipient(db: Db, id: number, values: Partial<RecipientValues>) {
    await db.updateTable("meal_recipients").set(values).where("id", "=", id).execute();
  }

  findResident(id: number, db: Db = this.db) {
    return db
      .selectFrom("residents")
      .select(["id", "station_id", "name", "birth_date", "lives_alone"])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  findShop(id: number, db: Db = this.db) {
    return db
      .selectFrom("caring_shops as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["s.id", "s.station_id", "s.category", "s.status", "m.name"])
      .where("s.id", "=", id)
      .executeTakeFirst();
  }

  /** The caring shop a merchant account operates (one per merchant). */
  shopOfMerchant(merchantId: number, db: Db = this.db) {
    return db
      .selectFrom("caring_shops")
      .select(["id", "station_id", "category", "status"])
      .where("merchant_id", "=", merchantId)
      .executeTakeFirst();
  }

  /**
   * Deliveries confirmed by accounts (any, or the ones given) at the stations, between two dates: the volunteer
   * service counts those its volunteers confirmed as service.
   */
  deliveriesConfirmedBy(filter: { stationIds: number[] | null; userIds?: number[]; from: string; to: string }, db: Db = this.db) {
    const { stationIds, userIds } = filter;
    if (userIds !== undefined && userIds.length === 0) return Promise.resolve([]);
    let q = db
      .selectFrom("meal_deliveries as d")
      .innerJoin("meal_recipients as r", "r.id", "d.recipient_id")
      .select(["d.id", "d.date", "d.at", "d.status", "d.confirmed_by_user_id", "r.station_id"])
      .where("d.confirmed_by_user_id", "is not", null)
      .where("d.date", ">=", filter.from)
      .where("d.date", "<=", filter.to);
    if (stationIds !== null) q = q.where(inStations(stationIds, "r.station_id"));
    if (userIds !== undefined) q = q.where("d.confirmed_by_user_id", "in", userIds);
    return q.orderBy("d.date").orderBy("d.id").execute();
  }

  deliveriesOn(recipientIds: number[], date: string, db: Db = this.db) {
    if (recipientIds.length === 0) return Promise.resolve([]);
    return db.selectFrom("meal_deliveries").selectAll().where("date", "=", date).where("recipient_id", "in", recipientIds).execute();
  }

  findDelivery(recipientId: number, date: string, db: Db = this.db) {
    return db.selectFrom("meal_deliveries").selectAll().where("recipient_id", "=", recipientId).where("date", "=", date).executeTakeFirst();
  }

  /** Inserts the day's row unless one exists (then answers null): the unique (recipient, date) holds under concurrency. */
  async insertDelivery(db: Db, values: DeliveryValues): Promise<number | null> {
    const row = await db
      .insertInto("meal_deliveries")
      .values(values)
      .onConflict((oc) => oc.columns(["recipient_id", "date"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async updateDelivery(db: Db, id: number, values: Partial<DeliveryValues>) {
    await db.updateTable("meal_deliveries").set(values).where("id", "=", id).execute();
  }

  /** Active recipients (optionally of some stations) with the date they joined, for the planned-but-pending sweep. */
  activeRecipients(stationIds: number[] | null, db: Db = this.db) {
    let q = db
      .selectFrom("meal_recipients as r")
      .innerJoin("residents as p", "p.id", "r.resident_id")
      .select(["r.id", "r.station_id", "r.provider_shop_id", "r.weekdays", "r.created_at", "p.name"])
      .where("r.active", "=", 1);
    if (stationIds !== null) q = q.where(inStations(stationIds, "r.station_id"));
    return q.orderBy("r.id").execute();
  }
}

export type RecipientRow = NonNullable<Awaited<ReturnType<MealsRepository["findRecipient"]>>>;
export type DeliveryRow = MealDeliveryTable;
