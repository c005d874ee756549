// The records behind the duty roster's figures in the dictionary (duty.figures.ts).
import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class DutyFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** "Red Shield" sessions held in [from, to] (dates), with the consultations given at each. */
  heldSessions(stationIds: number[], from: string, to: string) {
    return this.db
      .selectFrom("red_shield_sessions as s")
      .select(["s.id", "s.station_id", "s.date", "s.place", "s.start_time"])
      .where(inStations(stationIds, "s.station_id"))
      .where("s.status", "=", "held")
      .where("s.date", ">=", from)
      .where("s.date", "<=", to)
      .orderBy("s.date")
      .execute();
  }
}
