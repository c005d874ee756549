// The records behind the alliance's figures in the dictionary (alliance-units.figures.ts).
import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class AllianceFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Alliance units active and registered before an instant. */
  activeUnits(stationIds: number[], before: string) {
    return this.db
      .selectFrom("alliance_units")
      .select(["id", "station_id", "name", "kind", "created_at"])
      .where(inStations(stationIds, "station_id"))
      .where("status", "=", "active")
      .where("created_at", "<", before)
      .orderBy("id")
      .execute();
  }
}
