// The records behind the volunteer service's figures in the dictionary (volunteers.figures.ts).
import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class VolunteersFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Teams set up before an instant. */
  teams(stationIds: number[], before: string) {
    return this.db
      .selectFrom("volunteer_teams")
      .select(["id", "station_id", "name", "created_at"])
      .where(inStations(stationIds, "station_id"))
      .where("created_at", "<", before)
      .orderBy("id")
      .execute();
  }
}
