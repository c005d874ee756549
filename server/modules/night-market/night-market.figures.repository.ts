// The records behind the night market's figures in the dictionary (night-market.figures.ts).
import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class NightMarketFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Closed nights in [from, to] (dates): their visitors and turnover as closed. */
  closedNights(stationIds: number[], from: string, to: string) {
    return this.db
      .selectFrom("night_market_nights")
      .select(["id", "station_id", "night", "visitors_in", "turnover_fen"])
      .where(inStations(stationIds, "station_id"))
      .where("status", "=", "closed")
      .where("night", ">=", from)
      .where("night", "<=", to)
      .orderBy("night")
      .execute();
  }

  /** Jobs held on a date (started by then, not ended before). */
  jobsOn(stationIds: number[], date: string) {
    return this.db
      .selectFrom("night_market_jobs")
      .select(["id", "station_id", "person_name", "role", "origin", "starts_on"])
      .where(inStations(stationIds, "station_id"))
      .where("starts_on", "<=", date)
      .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", date)]))
      .orderBy("starts_on")
      .orderBy("id")
      .execute();
  }
}
