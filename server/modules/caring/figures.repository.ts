// The caring scheme's figures, read across its tables: cards, redemptions, caring shops and meals.
import { type Kysely, sql } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class FiguresRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Cards created in [fromIso, toIso). */
  async cardsIssued(stationIds: number[] | null, fromIso: string, toIso: string): Promise<number> {
    const row = await this.db
      .selectFrom("discount_cards")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where(inStations(stationIds, "station_id"))
      .where("created_at", ">=", fromIso)
      .where("created_at", "<", toIso)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Residents holding an active card valid on the date. */
  async activeHolders(stationIds: number[] | null, date: string): Promise<number> {
    const row = await this.db
      .selectFrom("discount_cards")
      .select(sql<number | string>`count(distinct resident_id)`.as("n"))
      .where(inStations(stationIds, "station_id"))
      .where("status", "=", "active")
      .where("valid_from", "<=", date)
      .where("valid_to", ">=", date)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  redemptionsByShopMonth(stationIds: number[] | null, fromIso: string, toIso: string) {
    return this.db
      .selectFrom("redemptions as r")
      .innerJoin("caring_shops as s", "s.id", "r.shop_id")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select((eb) => [
        "r.shop_id",
        "m.name as shop_name",
        "r.month",
        eb.fn.countAll<number | string>().as("redemptions"),
        eb.fn.sum<number | string>("r.discount_fen").as("discount_fen"),
      ])
      .where(inStations(stationIds, "s.station_id"))
      .where("r.created_at", ">=", fromIso)
      .where("r.created_at", "<", toIso)
      .groupBy(["r.shop_id", "m.name", "r.month"])
      .orderBy("r.month")
      .orderBy("r.shop_id")
      .execute();
  }

  /** Delivery rows per recipient and status in [from, to] (dates). */
  deliveries(stationIds: number[] | null, from: string, to: string) {
    return this.db
      .selectFrom("meal_deliveries as d")
      .innerJoin("meal_recipients as r", "r.id", "d.recipient_id")
      .select((eb) => ["d.recipient_id", "d.status", eb.fn.countAll<number | string>().as("n")])
      .where(inStations(stationIds, "r.station_id"))
      .where("d.date", ">=", from)
      .where("d.date", "<=", to)
      .groupBy(["d.recipient_id", "d.status"])
      .execute();
  }

  recipients(stationIds: number[] | null) {
    return this.db
      .selectFrom("meal_recipients")
      .select(["id", "weekdays", "active", "created_at"])
      .where(inStations(stationIds, "station_id"))
      .execute();
  }

  async caringRestaurants(stationIds: number[] | null): Promise<number> {
    const row = await this.db
      .selectFrom("caring_shops")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where(inStations(stationIds, "station_id"))
      .where("category", "=", "restaurant")
      .where("status", "=", "certified")
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
