// The alliance units a scorecard covers. Figures come from the problems and meetings services.
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/tables.ts";

export class ScorecardRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Units of the stations (null: all), optionally one unit only, in a stable order. */
  units(stationIds: number[] | null, unitId?: number) {
    let q = this.db.selectFrom("alliance_units").select(["id", "station_id", "name", "kind"]);
    if (stationIds !== null) q = stationIds.length ? q.where("station_id", "in", stationIds) : q.where(sql<boolean>`1 = 0`);
    if (unitId !== undefined) q = q.where("id", "=", unitId);
    return q.orderBy("station_id").orderBy("id").execute();
  }

  unit(id: number) {
    return this.db.selectFrom("alliance_units").select(["id", "station_id", "name", "kind"]).where("id", "=", id).executeTakeFirst();
  }
}
