// The volunteer service, second part: the people served per occurrence and kind of service (optionally a merchant or
// resident of the station, who may confirm it), the numbered service records (志愿服务记录证明) with their content
// hash and their PDF, the per-station-and-year counter their numbers are taken from, and on sign-ups and occurrences
// what the day-before confirmation, the leaders' assignments and substitutions and the organiser's paper roster
// leave behind. Frozen once landed.
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import { bytesType, withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("volunteer_served"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("occurrence_id", "integer", (c) => c.notNull().references("volunteer_occurrences.id"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("volunteer_teams.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // a kind of the team's service menu
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("note", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text") // the merchant or resident confirmed it on their phone
    .addColumn("confirmed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("volunteer_served_occurrence").on("volunteer_served").columns(["occurrence_id"]).execute();
  await db.schema.createIndex("volunteer_served_station_kind").on("volunteer_served").columns(["station_id", "kind"]).execute();
  await db.schema.createIndex("volunteer_served_merchant").on("volunteer_served").columns(["merchant_id"]).execute();
  await db.schema.createIndex("volunteer_served_resident").on("volunteer_served").columns(["resident_id"]).execute();

  /** Per station and year: the next service record number (its row is the lock the numbers are taken under). */
  await db.schema
    .createTable("volunteer_record_counters")
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("next_seq", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("volunteer_record_counters_pk", ["station_id", "year"])
    .execute();

  await withId(db, db.schema.createTable("volunteer_records"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("number", "text", (c) => c.notNull()) // TY-VR-2026-0001
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("volunteer_id", "integer", (c) => c.notNull().references("volunteers.id"))
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("entries", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull()) // JSON: what the record certifies, as printed
    .addColumn("content_hash", "text", (c) => c.notNull()) // SHA-256 of `content`
    // The PDF rendered from `content` (deterministic: the same content gives the same bytes), and its SHA-256;
    // rendered at issue, or on first download for records written without it (the demo's).
    .addColumn("pdf", bytesType(db))
    .addColumn("pdf_sha256", "text")
    .addColumn("issued_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("issued_by_name", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addUniqueConstraint("volunteer_records_number", ["number"])
    .addUniqueConstraint("volunteer_records_seq", ["station_id", "year", "seq"])
    .execute();
  await db.schema.createIndex("volunteer_records_station").on("volunteer_records").columns(["station_id", "issued_at"]).execute();
  await db.schema.createIndex("volunteer_records_volunteer").on("volunteer_records").columns(["volunteer_id", "issued_at"]).execute();

  // Sign-ups: the day-before confirmation, who assigned or entered them, whom they replace. One statement per column
  // (SQLite adds one column per ALTER TABLE).
  const signupColumns: [string, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder][] = [
    ["confirmation_asked_at", (c) => c],
    ["confirmed_at", (c) => c],
    ["entered_by_user_id", (c) => c.references("users.id")],
    ["assigned_by_user_id", (c) => c.references("users.id")],
    ["replaces_signup_id", (c) => c.references("volunteer_signups.id")],
  ];
  // self | assigned | substitute | paper: how the sign-up came.
  await db.schema
    .alterTable("volunteer_signups")
    .addColumn("source", "text", (c) => c.notNull().defaultTo("self"))
    .execute();
  for (const [name, build] of signupColumns) {
    await db.schema
      .alterTable("volunteer_signups")
      .addColumn(name, name.endsWith("_id") ? "integer" : "text", build)
      .execute();
  }
  // The sign-ups a substitution replaced, found without a scan (the self-reference is checked on every delete).
  await db.schema.createIndex("volunteer_signups_replaces").on("volunteer_signups").columns(["replaces_signup_id"]).execute();
  // Occurrences: the photo of the paper roster the organiser entered, and who entered it when.
  await db.schema.alterTable("volunteer_occurrences").addColumn("roster_file_id", "text").execute();
  await db.schema.alterTable("volunteer_occurrences").addColumn("roster_entered_at", "text").execute();
  await db.schema
    .alterTable("volunteer_occurrences")
    .addColumn("roster_entered_by_user_id", "integer", (c) => c.references("users.id"))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["roster_entered_by_user_id", "roster_entered_at", "roster_file_id"]) {
    await db.schema.alterTable("volunteer_occurrences").dropColumn(column).execute();
  }
  for (const column of [
    "replaces_signup_id",
    "assigned_by_user_id",
    "entered_by_user_id",
    "confirmed_at",
    "confirmation_asked_at",
    "source",
  ]) {
    await db.schema.alterTable("volunteer_signups").dropColumn(column).execute();
  }
  for (const table of ["volunteer_records", "volunteer_record_counters", "volunteer_served"]) {
    await db.schema.dropTable(table).execute();
  }
}
