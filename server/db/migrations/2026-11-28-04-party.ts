// The Party branch: branches in the org tree, members, member-development cases with their recorded steps,
// branch life (三会一课) with attendance, and pioneer posts. Frozen once landed.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("branches"))
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("parent_id", "integer", (c) => c.references("branches.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("branches_org").on("branches").column("org_unit_id").execute();

  await withId(db, db.schema.createTable("members"))
    .addColumn("branch_id", "integer", (c) => c.notNull().references("branches.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("gender", "text", (c) => c.notNull())
    .addColumn("birth_date", "text", (c) => c.notNull())
    .addColumn("mobile_enc", "text")
    .addColumn("source_unit", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("joined_on", "text", (c) => c.notNull())
    .addColumn("full_on", "text")
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("party_group", "text")
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("transferred_in_on", "text")
    .addColumn("transferred_out_on", "text")
    .addColumn("transferred_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("members_branch").on("members").columns(["branch_id", "status"]).execute();

  await withId(db, db.schema.createTable("development_cases"))
    .addColumn("branch_id", "integer", (c) => c.notNull().references("branches.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("gender", "text", (c) => c.notNull())
    .addColumn("birth_date", "text", (c) => c.notNull())
    .addColumn("mobile_enc", "text")
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("extension_months", "integer")
    .addColumn("member_id", "integer", (c) => c.references("members.id"))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("development_cases_branch").on("development_cases").columns(["branch_id", "stage"]).execute();

  await withId(db, db.schema.createTable("development_steps"))
    .addColumn("case_id", "integer", (c) => c.notNull().references("development_cases.id"))
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("details_json", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("development_steps_case").on("development_steps").columns(["case_id", "on_date"]).execute();

  await withId(db, db.schema.createTable("branch_meetings"))
    .addColumn("branch_id", "integer", (c) => c.notNull().references("branches.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("minutes", "text")
    .addColumn("checkin_secret", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("branch_meetings_branch").on("branch_meetings").columns(["branch_id", "held_on"]).execute();

  await withId(db, db.schema.createTable("branch_attendances"))
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("branch_meetings.id"))
    .addColumn("member_id", "integer", (c) => c.notNull().references("members.id"))
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addUniqueConstraint("branch_attendances_once", ["meeting_id", "member_id"])
    .execute();

  await withId(db, db.schema.createTable("pioneer_posts"))
    .addColumn("member_id", "integer", (c) => c.notNull().references("members.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("post", "text", (c) => c.notNull())
    .addColumn("duty", "text")
    .addColumn("service", "text")
    .addColumn("show_on_mobile", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "pioneer_posts",
    "branch_attendances",
    "branch_meetings",
    "development_steps",
    "development_cases",
    "members",
    "branches",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
