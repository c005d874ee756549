// The records behind the counter's figures in the dictionary (counter.figures.ts).
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";

export class CounterFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Service items on offer at an instant: active and created before it. */
  itemsOnOffer(stationIds: number[], before: string) {
    return this.db
      .selectFrom("service_items")
      .select(["id", "station_id", "code", "name", "created_at"])
      .where("station_id", "in", stationIds)
      .where("active", "=", 1)
      .where("created_at", "<", before)
      .execute();
  }

  /** Requests handled to the end in a period (done), by the day they were made. */
  requestsCompleted(stationIds: number[], from: string, to: string) {
    return this.db
      .selectFrom("service_requests as r")
      .innerJoin("service_items as i", "i.id", "r.item_id")
      .select(["r.id", "r.station_id", "r.created_at", "i.name"])
      .where("r.station_id", "in", stationIds)
      .where("r.status", "=", "done")
      .where("r.created_at", ">=", from)
      .where("r.created_at", "<", to)
      .execute();
  }
}
