// The volunteer service: volunteer profiles on accounts (a volunteer number, never an ID number), the station's
// teams with their service menus, team memberships, activity series with their repeat rules, the occurrences
// generated from them (one per series and date), sign-ups in arrival order (one live sign-up per volunteer and
// occurrence), check-in and check-out times, hours, certification with its public notice, and objections.
// Frozen once landed.
import { type Kysely, sql } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  /** Per station: the volunteer numbers' prefix and the next number (its row is the lock numbers are taken under). */
  await db.schema
    .createTable("volunteer_settings")
    .addColumn("station_id", "integer", (c) => c.primaryKey().references("org_units.id"))
    .addColumn("number_prefix", "text", (c) => c.notNull())
    .addColumn("next_number", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("volunteers"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("real_name", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull()) // JSON array of strings
    .addColumn("political_status", "text", (c) => c.notNull()) // party_member | veteran | none
    .addColumn("consent_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("volunteers_user", ["user_id"])
    .addUniqueConstraint("volunteers_number", ["number"])
    .execute();
  await db.schema.createIndex("volunteers_station").on("volunteers").columns(["station_id", "number"]).execute();

  await withId(db, db.schema.createTable("volunteer_teams"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("leader_volunteer_id", "integer", (c) => c.references("volunteers.id"))
    .addColumn("unit_id", "integer", (c) => c.references("alliance_units.id")) // the unit behind the team
    .addColumn("service_menu", "text", (c) => c.notNull()) // JSON array of { kind, name }
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("volunteer_teams_name", ["station_id", "name"])
    .execute();

  await withId(db, db.schema.createTable("volunteer_memberships"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("volunteer_teams.id"))
    .addColumn("volunteer_id", "integer", (c) => c.notNull().references("volunteers.id"))
    .addColumn("status", "text", (c) => c.notNull()) // requested | approved | rejected | left
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("left_at", "text")
    .execute();
  // One live membership (requested or approved) per volunteer and team.
  await db.schema
    .createIndex("volunteer_memberships_live")
    .on("volunteer_memberships")
    .columns(["team_id", "volunteer_id"])
    .unique()
    .where(sql<boolean>`status in ('requested', 'approved')`)
    .execute();
  await db.schema.createIndex("volunteer_memberships_volunteer").on("volunteer_memberships").columns(["volunteer_id", "status"]).execute();

  await withId(db, db.schema.createTable("volunteer_series"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("rule", "text") // JSON RepeatRule (contracts/schedule.ts); null for a one-off
    .addColumn("once_date", "text") // the date of a one-off
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull()) // HH:MM, station time
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("team_ids", "text", (c) => c.notNull()) // JSON array of team ids
    .addColumn("places_per_team", "integer", (c) => c.notNull())
    .addColumn("deadline_hours", "integer", (c) => c.notNull()) // sign-up closes this many hours before the start
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("volunteer_occurrences"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("series_id", "integer", (c) => c.notNull().references("volunteer_series.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull()) // UTC instants of the activity window
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("team_ids", "text", (c) => c.notNull())
    .addColumn("places_per_team", "integer", (c) => c.notNull())
    .addColumn("signup_deadline", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | withdrawn | cancelled
    .addColumn("status_reason", "text")
    .addColumn("arrivals", "integer", (c) => c.notNull().defaultTo(0)) // raised by each sign-up: its arrival order
    .addColumn("certified_at", "text")
    .addColumn("certified_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("public_until", "text") // the end of the 7-day public notice
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("volunteer_occurrences_day", ["series_id", "date"])
    .execute();
  await db.schema.createIndex("volunteer_occurrences_station_date").on("volunteer_occurrences").columns(["station_id", "date"]).execute();

  await withId(db, db.schema.createTable("volunteer_signups"))
    .addColumn("occurrence_id", "integer", (c) => c.notNull().references("volunteer_occurrences.id"))
    .addColumn("volunteer_id", "integer", (c) => c.notNull().references("volunteers.id"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("volunteer_teams.id"))
    .addColumn("arrival", "integer", (c) => c.notNull()) // order of arrival within the occurrence
    .addColumn("status", "text", (c) => c.notNull()) // signed_up | waitlisted | withdrawn | no_show | attended
    .addColumn("signed_up_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_at", "text")
    .addColumn("checked_in_at", "text")
    .addColumn("checked_out_at", "text")
    .addColumn("minutes", "integer") // service time counted (after the window clip and the presence rule)
    .addColumn("correction_reason", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("volunteer_signups_arrival", ["occurrence_id", "arrival"])
    .execute();
  // One live sign-up per volunteer and occurrence (a withdrawn one may be followed by a new one).
  await db.schema
    .createIndex("volunteer_signups_live")
    .on("volunteer_signups")
    .columns(["occurrence_id", "volunteer_id"])
    .unique()
    .where(sql<boolean>`status <> 'withdrawn'`)
    .execute();
  await db.schema.createIndex("volunteer_signups_volunteer").on("volunteer_signups").columns(["volunteer_id", "occurrence_id"]).execute();

  await withId(db, db.schema.createTable("volunteer_objections"))
    .addColumn("occurrence_id", "integer", (c) => c.notNull().references("volunteer_occurrences.id"))
    .addColumn("signup_id", "integer", (c) => c.notNull().references("volunteer_signups.id"))
    .addColumn("volunteer_id", "integer", (c) => c.notNull().references("volunteers.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | resolved
    .addColumn("resolution", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by_user_id", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("volunteer_objections_occurrence").on("volunteer_objections").columns(["occurrence_id", "status"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "volunteer_objections",
    "volunteer_signups",
    "volunteer_occurrences",
    "volunteer_series",
    "volunteer_memberships",
    "volunteer_teams",
    "volunteers",
    "volunteer_settings",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
