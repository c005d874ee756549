// Platform and registry tables. Frozen once landed: later changes go into new dated migrations.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("org_units"))
    .addColumn("parent_id", "integer", (c) => c.references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("org_units_path").on("org_units").column("path").execute();

  await withId(db, db.schema.createTable("alliance_units"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_mobile_enc", "text")
    .addColumn("contact_mobile_hash", "text")
    .addColumn("address", "text")
    .addColumn("offers", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("alliance_units_station").on("alliance_units").columns(["station_id", "kind"]).execute();

  await withId(db, db.schema.createTable("merchants"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("operator_name", "text", (c) => c.notNull())
    .addColumn("mobile_enc", "text", (c) => c.notNull())
    .addColumn("mobile_hash", "text", (c) => c.notNull())
    .addColumn("credit_code", "text", (c) => c.notNull().unique())
    .addColumn("licence_valid_from", "text")
    .addColumn("licence_valid_to", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("is_party_member", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("merchants_station").on("merchants").columns(["station_id", "status", "id"]).execute();
  await db.schema.createIndex("merchants_mobile").on("merchants").column("mobile_hash").execute();

  await withId(db, db.schema.createTable("merchant_status_changes"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("actor_user_id", "integer")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("merchant_status_changes_merchant").on("merchant_status_changes").column("merchant_id").execute();

  await withId(db, db.schema.createTable("stalls"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("area", "real", (c) => c.notNull())
    .addColumn("x", "integer", (c) => c.notNull())
    .addColumn("y", "integer", (c) => c.notNull())
    .addColumn("w", "integer", (c) => c.notNull())
    .addColumn("h", "integer", (c) => c.notNull())
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("stalls_station_code", ["station_id", "code"])
    .execute();
  await db.schema.createIndex("stalls_merchant").on("stalls").column("merchant_id").execute();

  await withId(db, db.schema.createTable("residents"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("gender", "text")
    .addColumn("birth_date", "text")
    .addColumn("mobile_enc", "text")
    .addColumn("mobile_hash", "text")
    .addColumn("id_number_enc", "text", (c) => c.notNull())
    .addColumn("id_number_hash", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("grid", "text")
    .addColumn("is_liaison_head", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lives_alone", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_elderly", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("consents", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("residents_station_id_number", ["station_id", "id_number_hash"])
    .execute();
  await db.schema.createIndex("residents_station").on("residents").columns(["station_id", "id"]).execute();
  await db.schema.createIndex("residents_mobile").on("residents").column("mobile_hash").execute();

  await withId(db, db.schema.createTable("users"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("alliance_unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("mobile_enc", "text")
    .addColumn("mobile_hash", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("zh-CN"))
    .addColumn("last_login_at", "text")
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("users_org").on("users").columns(["org_unit_id", "role"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await withId(db, db.schema.createTable("login_attempts"))
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_identifier").on("login_attempts").columns(["identifier", "at"]).execute();

  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("audit_head")
    .values({ id: 1, seq: 0, hash: "0".repeat(64) })
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    .addColumn("actor_name", "text")
    .addColumn("actor_role", "text")
    .addColumn("station_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("ip", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_object").on("audit_log").columns(["object_type", "object_id"]).execute();
  await db.schema.createIndex("audit_log_station").on("audit_log").columns(["station_id", "seq"]).execute();
  await db.schema.createIndex("audit_log_actor").on("audit_log").columns(["actor_user_id", "seq"]).execute();

  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total_rows", "integer", (c) => c.notNull())
    .addColumn("valid_rows", "integer", (c) => c.notNull())
    .addColumn("imported_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_json", "text", (c) => c.notNull())
    .addColumn("errors_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "import_jobs",
    "audit_log",
    "audit_head",
    "login_attempts",
    "sessions",
    "users",
    "residents",
    "stalls",
    "merchant_status_changes",
    "merchants",
    "alliance_units",
    "org_units",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
