// The governance loop: files, notifications, job leases, problems, the needs and offers lists, projects,
// meetings with agendas, attendance and action items. Frozen once landed.
import type { Kysely } from "kysely";
import { bytesType, withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("owner_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("data", bytesType(db), (c) => c.notNull())
    /** What the file belongs to once attached, e.g. `problem:12`; null while only uploaded. */
    .addColumn("attached_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("files_attached").on("files").column("attached_to").execute();

  await withId(db, db.schema.createTable("notifications"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "id"]).execute();

  await db.schema
    .createTable("job_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text", (c) => c.notNull())
    .addColumn("last_run_at", "text")
    .addColumn("last_result", "text")
    .execute();

  await withId(db, db.schema.createTable("problem_categories"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("time_limit_days", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("meetings"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("minutes", "text")
    .addColumn("cancel_reason", "text")
    .addColumn("checkin_secret", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("meetings_station").on("meetings").columns(["station_id", "starts_at"]).execute();

  await db.schema
    .createTable("meeting_units")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addPrimaryKeyConstraint("meeting_units_pk", ["meeting_id", "unit_id"])
    .execute();

  await withId(db, db.schema.createTable("agenda_items"))
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("ref_id", "integer")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_items_meeting").on("agenda_items").columns(["meeting_id", "position"]).execute();

  await withId(db, db.schema.createTable("attendances"))
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("checked_in_at", "text", (c) => c.notNull())
    .addUniqueConstraint("attendances_meeting_user", ["meeting_id", "user_id"])
    .execute();

  await withId(db, db.schema.createTable("action_items"))
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("owner_unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("done_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("action_items_unit").on("action_items").columns(["owner_unit_id", "status"]).execute();
  await db.schema.createIndex("action_items_station").on("action_items").columns(["station_id", "status"]).execute();

  await withId(db, db.schema.createTable("problems"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("category_code", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("stall_id", "integer", (c) => c.references("stalls.id"))
    .addColumn("reporter_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("reporter_name", "text")
    .addColumn("reporter_phone_enc", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("due_at", "text")
    .addColumn("escalated_meeting_id", "integer", (c) => c.references("meetings.id"))
    .addColumn("rating", "integer")
    .addColumn("rating_comment", "text")
    .addColumn("resolution", "text")
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("problems_station").on("problems").columns(["station_id", "status", "id"]).execute();
  await db.schema.createIndex("problems_station_created").on("problems").columns(["station_id", "id"]).execute();
  await db.schema.createIndex("problems_unit").on("problems").columns(["unit_id", "status"]).execute();
  await db.schema.createIndex("problems_reporter").on("problems").columns(["reporter_user_id", "id"]).execute();
  await db.schema.createIndex("problems_stall").on("problems").columns(["stall_id", "status"]).execute();
  await db.schema.createIndex("problems_due").on("problems").columns(["status", "due_at"]).execute();

  await withId(db, db.schema.createTable("problem_events"))
    .addColumn("problem_id", "integer", (c) => c.notNull().references("problems.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text")
    .addColumn("unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("problem_events_problem").on("problem_events").columns(["problem_id", "id"]).execute();

  await db.schema
    .createTable("problem_files")
    .addColumn("problem_id", "integer", (c) => c.notNull().references("problems.id"))
    .addColumn("event_id", "integer", (c) => c.references("problem_events.id"))
    .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
    .addPrimaryKeyConstraint("problem_files_pk", ["problem_id", "file_id"])
    .execute();

  await withId(db, db.schema.createTable("offers"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount_fen", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("offers_station").on("offers").columns(["station_id", "status"]).execute();

  await withId(db, db.schema.createTable("projects"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("owner_unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("budget_fen", "integer", (c) => c.notNull())
    .addColumn("funding_json", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("percent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outcomes_json", "text", (c) => c.notNull())
    .addColumn("cancel_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("projects_station").on("projects").columns(["station_id", "status"]).execute();

  await db.schema
    .createTable("project_units")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addPrimaryKeyConstraint("project_units_pk", ["project_id", "unit_id"])
    .execute();

  await withId(db, db.schema.createTable("project_updates"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("percent", "integer", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("needs"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("raised_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("raised_by_name", "text")
    .addColumn("offer_id", "integer", (c) => c.references("offers.id"))
    .addColumn("project_id", "integer", (c) => c.references("projects.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("needs_station").on("needs").columns(["station_id", "status"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "needs",
    "project_updates",
    "project_units",
    "projects",
    "offers",
    "problem_files",
    "problem_events",
    "problems",
    "action_items",
    "attendances",
    "agenda_items",
    "meeting_units",
    "meetings",
    "problem_categories",
    "job_leases",
    "notifications",
    "files",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
