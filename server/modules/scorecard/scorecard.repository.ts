// The alliance units a scorecard covers. Figures come from the problems and meetings services.
import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class ScorecardRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Units of the stations (null: all), optionally one unit only, in a stable order. */
  units(stationIds: number[] | null, unitId?: number) {
    let q = this.withStation();
    if (stationIds !== null) q = q.where(inStations(stationIds, "u.station_id"));
    if (unitId !== undefined) q = q.where("u.id", "=", unitId);
    return q.orderBy("u.station_id").orderBy("u.id").execute();
  }

  unit(id: number) {
    return this.withStation().where("u.id", "=", id).executeTakeFirst();
  }

  private withStation() {
    return this.db
      .selectFrom("alliance_units as u")
      .innerJoin("org_units as o", "o.id", "u.station_id")
      .select(["u.id", "u.station_id", "u.name", "u.kind", "o.name as station_name"]);
  }
}
