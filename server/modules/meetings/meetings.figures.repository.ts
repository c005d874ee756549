// The records behind the meetings' figures in the dictionary (meetings.figures.ts).
import type { Kysely } from "kysely";
import type { MeetingKind } from "../../../contracts/meetings.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class MeetingsFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Meetings of a kind held in [fromIso, toIso). */
  held(stationIds: number[], kind: MeetingKind, fromIso: string, toIso: string) {
    return this.db
      .selectFrom("meetings")
      .select(["id", "station_id", "title", "starts_at"])
      .where(inStations(stationIds, "station_id"))
      .where("kind", "=", kind)
      .where("status", "=", "held")
      .where("starts_at", ">=", fromIso)
      .where("starts_at", "<", toIso)
      .orderBy("starts_at")
      .execute();
  }
}
