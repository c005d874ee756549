// Reaching other systems: the API keys integrating systems present (kept as SHA-256 hashes; the key itself is
// shown once), and the problems that came in through Open311 GeoReport v2 with what the request carried beyond
// the problem itself (service code, location, the caller's ids). Frozen once landed.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("interop_api_keys"))
    .addColumn("name", "text", (c) => c.notNull()) // the integrating system, e.g. 区网格化平台
    .addColumn("purpose", "text", (c) => c.notNull()) // open311
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("prefix", "text", (c) => c.notNull()) // the key's first characters, shown to tell keys apart
    .addColumn("key_hash", "text", (c) => c.notNull()) // SHA-256 hex of the whole key
    .addColumn("status", "text", (c) => c.notNull()) // active | revoked
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addUniqueConstraint("interop_api_keys_hash", ["key_hash"])
    .execute();

  await withId(db, db.schema.createTable("open311_requests"))
    .addColumn("problem_id", "integer", (c) => c.notNull().references("problems.id"))
    .addColumn("api_key_id", "integer", (c) => c.notNull().references("interop_api_keys.id"))
    .addColumn("service_code", "text", (c) => c.notNull())
    .addColumn("lat", "double precision")
    .addColumn("long", "double precision")
    .addColumn("address_string", "text")
    .addColumn("address_id", "text")
    .addColumn("device_id", "text")
    .addColumn("account_id", "text")
    .addColumn("media_url", "text")
    .addColumn("attributes", "text", (c) => c.notNull()) // JSON object: attribute code → value
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("open311_requests_problem", ["problem_id"])
    .execute();
  await db.schema.createIndex("open311_requests_created").on("open311_requests").columns(["created_at"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("open311_requests").execute();
  await db.schema.dropTable("interop_api_keys").execute();
}
