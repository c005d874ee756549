// The records behind the caring scheme's figures in the dictionary (caring.figures.ts).
import type { Kysely } from "kysely";
import type { ShopCategory } from "../../../contracts/caring.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class CaringFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Caring shops certified (and still certified) before an instant, of a category or all. */
  certifiedShops(stationIds: number[], before: string, category?: ShopCategory) {
    return this.db
      .selectFrom("caring_shops as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["s.id", "s.station_id", "s.category", "s.certified_at", "s.created_at", "m.name"])
      .where(inStations(stationIds, "s.station_id"))
      .where("s.status", "=", "certified")
      .where((eb) => eb.or([eb("s.certified_at", "is", null), eb("s.certified_at", "<", before)]))
      .$if(category !== undefined, (q) => q.where("s.category", "=", category as ShopCategory))
      .orderBy("s.id")
      .execute();
  }

  /** Discount cards issued (created) in [fromIso, toIso). */
  cardsIssued(stationIds: number[], fromIso: string, toIso: string) {
    return this.db
      .selectFrom("discount_cards")
      .select(["id", "station_id", "card_no", "resident_id", "round_id", "category", "created_at"])
      .where(inStations(stationIds, "station_id"))
      .where("created_at", ">=", fromIso)
      .where("created_at", "<", toIso)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  /** Winners of the award rounds of the months in [fromMonth, toMonth]. */
  winners(stationIds: number[], fromMonth: string, toMonth: string) {
    return this.db
      .selectFrom("nominations as n")
      .innerJoin("award_rounds as r", "r.id", "n.round_id")
      .innerJoin("residents as p", "p.id", "n.resident_id")
      .select(["n.id", "n.resident_id", "r.id as round_id", "r.station_id", "r.month", "r.category", "p.name"])
      .where(inStations(stationIds, "r.station_id"))
      .where("n.status", "=", "winner")
      .where("r.month", ">=", fromMonth)
      .where("r.month", "<=", toMonth)
      .orderBy("r.month")
      .orderBy("n.id")
      .execute();
  }

  /** Meals delivered in [from, to] (dates). */
  mealsDelivered(stationIds: number[], from: string, to: string) {
    return this.db
      .selectFrom("meal_deliveries as d")
      .innerJoin("meal_recipients as r", "r.id", "d.recipient_id")
      .innerJoin("caring_shops as s", "s.id", "d.provider_shop_id")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["d.id", "d.date", "d.recipient_id", "r.station_id", "m.name as shop_name"])
      .where(inStations(stationIds, "r.station_id"))
      .where("d.status", "=", "delivered")
      .where("d.date", ">=", from)
      .where("d.date", "<=", to)
      .orderBy("d.date")
      .orderBy("d.id")
      .execute();
  }
}
