// The records behind the events' and the stage's figures in the dictionary (events.figures.ts).
import type { Kysely } from "kysely";
import type { EventKind } from "../../../contracts/events.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class EventsFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Events of these kinds starting in [fromIso, toIso), not cancelled. */
  events(stationIds: number[], kinds: EventKind[], fromIso: string, toIso: string) {
    return this.db
      .selectFrom("events")
      .select(["id", "station_id", "kind", "title", "starts_at"])
      .where(inStations(stationIds, "station_id"))
      .where("kind", "in", kinds)
      .where("status", "!=", "cancelled")
      .where("starts_at", ">=", fromIso)
      .where("starts_at", "<", toIso)
      .orderBy("starts_at")
      .orderBy("id")
      .execute();
  }

  /** Performances on the stage in [fromIso, toIso), with their team. */
  performances(stationIds: number[], fromIso: string, toIso: string) {
    return this.db
      .selectFrom("stage_performances as p")
      .innerJoin("cultural_teams as t", "t.id", "p.team_id")
      .select(["p.id", "p.station_id", "p.team_id", "t.name as team_name", "p.title", "p.performed_at", "p.audience"])
      .where(inStations(stationIds, "p.station_id"))
      .where("p.performed_at", ">=", fromIso)
      .where("p.performed_at", "<", toIso)
      .orderBy("p.performed_at")
      .orderBy("p.id")
      .execute();
  }

  /** Environment rounds in [from, to] (dates). */
  rounds(stationIds: number[], from: string, to: string) {
    return this.db
      .selectFrom("environment_rounds")
      .select(["id", "station_id", "kind", "area", "date"])
      .where(inStations(stationIds, "station_id"))
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date")
      .orderBy("id")
      .execute();
  }
}
