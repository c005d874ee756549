// The org units a figure's scope names, and the stations under them.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";

export class FiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  unit(id: number) {
    return this.db.selectFrom("org_units").select(["id", "kind", "name", "path", "parent_id"]).where("id", "=", id).executeTakeFirst();
  }

  /** The stations under a unit (itself if it is one), with their parent's name, in the registry's order. */
  stationsUnder(path: string) {
    return this.db
      .selectFrom("org_units as s")
      .leftJoin("org_units as p", "p.id", "s.parent_id")
      .select(["s.id", "s.name", "p.name as parentName", "s.path"])
      .where("s.kind", "=", "station")
      .where("s.path", "like", `${path}%`)
      .orderBy("s.path")
      .execute();
  }
}
