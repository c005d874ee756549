// The records behind the branch's figures in the dictionary (party.figures.ts): development cases by the steps
// they reached and the members on the roll, for the branches of the stations asked for.
import type { Kysely } from "kysely";
import type { DevelopmentStep } from "../../../contracts/party.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class PartyFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Cases of the stations' branches that reached a step on or before a date (the step's first date). */
  casesReaching(stationIds: number[], step: DevelopmentStep, to: string) {
    return this.db
      .selectFrom("development_steps as s")
      .innerJoin("development_cases as c", "c.id", "s.case_id")
      .innerJoin("branches as b", "b.id", "c.branch_id")
      .select(["c.id", "c.name", "b.org_unit_id as station_id", (eb) => eb.fn.min("s.on_date").as("on_date")])
      .where(inStations(stationIds, "b.org_unit_id"))
      .where("s.step", "=", step)
      .where("s.on_date", "<=", to)
      .groupBy(["c.id", "c.name", "b.org_unit_id"])
      .orderBy("c.id")
      .execute();
  }

  /** Members of the stations' branches on the roll at a date: joined by then and not transferred out. */
  members(stationIds: number[], to: string) {
    return this.db
      .selectFrom("members as m")
      .innerJoin("branches as b", "b.id", "m.branch_id")
      .select(["m.id", "m.name", "m.joined_on", "m.status", "b.org_unit_id as station_id"])
      .where(inStations(stationIds, "b.org_unit_id"))
      .where("m.status", "!=", "transferred_out")
      .where("m.joined_on", "<=", to)
      .orderBy("m.id")
      .execute();
  }
}
