// Events and the people's stage: one events table for promotions, cultural performances, publicity and environment
// campaigns (kind-specific fields in columns of their own), residents' sign-ups, visitor counts with their method and
// recorder, event photos with their EXIF time, merchants' takings for a promotion's baseline and promotion days; the
// stage (venues, blocked periods, bookings whose half-hour slots are held by a unique index so only one booking takes
// a slot), cultural teams and their members, performances; environment rounds with checklists and findings that
// become problems. Frozen once landed.
import { type Kysely, sql } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("events"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // promotion | performance | publicity | environment
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("themes", "text", (c) => c.notNull()) // JSON array of theme tags
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("organiser_unit_ids", "text", (c) => c.notNull()) // JSON array of alliance unit ids
    .addColumn("organiser_team_ids", "text", (c) => c.notNull()) // JSON array of cultural team ids
    .addColumn("unit_ids", "text", (c) => c.notNull()) // units taking part
    .addColumn("merchant_ids", "text", (c) => c.notNull()) // merchants taking part (a promotion's sample)
    .addColumn("budget_fen", "integer")
    .addColumn("budget_note", "text")
    .addColumn("project_id", "integer", (c) => c.references("projects.id"))
    // promotion
    .addColumn("holiday", "text")
    .addColumn("baseline_kind", "text") // same_weekdays | same_holiday_last_year
    .addColumn("promotion_dates", "text") // JSON array of station dates
    .addColumn("baseline_dates", "text") // JSON array of station dates
    // performance and publicity
    .addColumn("programme", "text")
    .addColumn("audience_group", "text")
    // environment
    .addColumn("campaign_kind", "text") // disinfection | sanitation | road
    // sign-ups
    .addColumn("takes_signups", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("signup_capacity", "integer")
    .addColumn("status", "text", (c) => c.notNull()) // planned | approved | held | reported
    .addColumn("approved_at", "text")
    .addColumn("approved_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("held_at", "text")
    .addColumn("reported_at", "text")
    .addColumn("report_summary", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_station_start").on("events").columns(["station_id", "starts_at"]).execute();
  await db.schema.createIndex("events_station_kind").on("events").columns(["station_id", "kind", "starts_at"]).execute();

  await withId(db, db.schema.createTable("event_signups"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // signed_up | withdrawn
    .addColumn("signed_up_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_at", "text")
    .execute();
  await db.schema
    .createIndex("event_signups_live")
    .on("event_signups")
    .columns(["event_id", "user_id"])
    .unique()
    .where(sql<boolean>`status = 'signed_up'`)
    .execute();

  await withId(db, db.schema.createTable("event_counts"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("date", "text", (c) => c.notNull()) // the station day counted
    .addColumn("day_role", "text", (c) => c.notNull()) // event | baseline | promotion
    .addColumn("method", "text", (c) => c.notNull()) // gates | head_count | tickets | estimate
    .addColumn("entrance", "text") // the gate, for counts in and out
    .addColumn("entries", "integer")
    .addColumn("re_entries", "integer") // entries of people already counted at any entrance that day
    .addColumn("exits", "integer")
    .addColumn("visitors", "integer", (c) => c.notNull()) // people counted: entries − re-entries, or the figure
    .addColumn("note", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  // One count per method, day and entrance (an entrance's figure is corrected, not counted twice).
  await db.schema
    .createIndex("event_counts_one")
    .on("event_counts")
    .expression(sql`event_id, date, method, coalesce(entrance, '')`)
    .unique()
    .execute();

  await withId(db, db.schema.createTable("event_photos"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("taken_at", "text") // EXIF DateTimeOriginal as an instant, when the photo carries one
    .addColumn("outside_window", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("caption", "text")
    .addColumn("uploaded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("event_photos_file", ["file_id"])
    .execute();
  await db.schema.createIndex("event_photos_event").on("event_photos").columns(["event_id"]).execute();

  await withId(db, db.schema.createTable("event_takings"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("day_role", "text", (c) => c.notNull()) // baseline | promotion
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("reported_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("reported_by_name", "text", (c) => c.notNull())
    .addColumn("reported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("event_takings_day", ["event_id", "merchant_id", "date"])
    .execute();

  // the people's stage
  await withId(db, db.schema.createTable("stage_venues"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("open_from", "text", (c) => c.notNull()) // HH:MM station time
    .addColumn("open_to", "text", (c) => c.notNull())
    .addColumn("open_weekdays", "text", (c) => c.notNull()) // JSON array 1–7
    .addColumn("funding_note", "text")
    .addColumn("budget_fen", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("stage_venues_name", ["station_id", "name"])
    .execute();

  await withId(db, db.schema.createTable("stage_blocks"))
    .addColumn("venue_id", "integer", (c) => c.notNull().references("stage_venues.id"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stage_blocks_venue").on("stage_blocks").columns(["venue_id", "starts_at"]).execute();

  await withId(db, db.schema.createTable("cultural_teams"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("leader_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("cultural_teams_name", ["station_id", "name"])
    .execute();

  await withId(db, db.schema.createTable("cultural_team_members"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("cultural_teams.id"))
    .addColumn("member_kind", "text", (c) => c.notNull()) // resident | merchant
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull()) // leader | member
    .addColumn("joined_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cultural_team_members_team").on("cultural_team_members").columns(["team_id"]).execute();

  await withId(db, db.schema.createTable("stage_bookings"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("venue_id", "integer", (c) => c.notNull().references("stage_venues.id"))
    .addColumn("team_id", "integer", (c) => c.references("cultural_teams.id"))
    .addColumn("unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("purpose", "text", (c) => c.notNull()) // rehearsal | performance | event
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("series_key", "text") // the bookings of one repeating request share it
    .addColumn("status", "text", (c) => c.notNull()) // requested | approved | refused | cancelled
    .addColumn("decision_note", "text")
    .addColumn("requested_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("decided_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stage_bookings_venue").on("stage_bookings").columns(["venue_id", "starts_at"]).execute();

  // The half-hour slots a live (requested or approved) booking holds: the database refuses a second holder.
  await db.schema
    .createTable("stage_slots")
    .addColumn("venue_id", "integer", (c) => c.notNull().references("stage_venues.id"))
    .addColumn("slot_start", "text", (c) => c.notNull())
    .addColumn("booking_id", "integer", (c) => c.notNull().references("stage_bookings.id"))
    .addPrimaryKeyConstraint("stage_slots_pk", ["venue_id", "slot_start"])
    .execute();
  await db.schema.createIndex("stage_slots_booking").on("stage_slots").columns(["booking_id"]).execute();

  await withId(db, db.schema.createTable("stage_performances"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("venue_id", "integer", (c) => c.notNull().references("stage_venues.id"))
    .addColumn("booking_id", "integer", (c) => c.references("stage_bookings.id"))
    .addColumn("event_id", "integer", (c) => c.references("events.id"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("cultural_teams.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("performed_at", "text", (c) => c.notNull())
    .addColumn("audience", "integer", (c) => c.notNull())
    .addColumn("audience_method", "text", (c) => c.notNull()) // head_count | tickets | estimate
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stage_performances_station").on("stage_performances").columns(["station_id", "performed_at"]).execute();

  // environment campaigns
  await withId(db, db.schema.createTable("environment_rounds"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("event_id", "integer", (c) => c.references("events.id")) // the campaign it belongs to
    .addColumn("kind", "text", (c) => c.notNull()) // disinfection | sanitation | road
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("checklist", "text", (c) => c.notNull()) // JSON array of { item, ok, note }
    .addColumn("inspector_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("inspector_name", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("environment_rounds_station").on("environment_rounds").columns(["station_id", "date"]).execute();

  await withId(db, db.schema.createTable("environment_findings"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("environment_rounds.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("problem_id", "integer", (c) => c.references("problems.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("environment_findings_round").on("environment_findings").columns(["round_id"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "environment_findings",
    "environment_rounds",
    "stage_performances",
    "stage_slots",
    "stage_bookings",
    "cultural_team_members",
    "cultural_teams",
    "stage_blocks",
    "stage_venues",
    "event_takings",
    "event_photos",
    "event_counts",
    "event_signups",
    "events",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
