// The records behind the problems' figures in the dictionary (problems.figures.ts).
import type { Kysely } from "kysely";
import type { ProblemSource } from "../../../contracts/problems.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class ProblemsFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Problems solved (resolved or confirmed), by the instant they were resolved in [fromIso, toIso). */
  solved(stationIds: number[], fromIso: string, toIso: string, source?: ProblemSource) {
    return this.db
      .selectFrom("problems")
      .select(["id", "station_id", "code", "title", "category_code", "source", "resolved_at"])
      .where(inStations(stationIds, "station_id"))
      .where("status", "in", ["resolved", "confirmed"])
      .where("resolved_at", ">=", fromIso)
      .where("resolved_at", "<", toIso)
      .$if(source !== undefined, (q) => q.where("source", "=", source as ProblemSource))
      .orderBy("resolved_at")
      .execute();
  }
}
