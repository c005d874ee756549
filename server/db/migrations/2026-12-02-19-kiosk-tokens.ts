// The big screen's kiosk tokens: a token opens /screen/ for one unit (a station, a street or the district) without
// an account. Only the token's SHA-256 is kept (the token is shown once, when it is created); its first characters
// tell tokens apart in the list. Revoked tokens stay, for the audit and the list. Frozen once landed.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("kiosk_tokens"))
    .addColumn("label", "text", (c) => c.notNull()) // where the screen hangs, e.g. 服务站大厅
    .addColumn("unit_id", "integer", (c) => c.notNull().references("org_units.id")) // the station, street or district shown
    .addColumn("unit_kind", "text", (c) => c.notNull()) // station | street | district
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull()) // SHA-256 hex of the whole token
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addUniqueConstraint("kiosk_tokens_hash", ["token_hash"])
    .execute();
  await db.schema.createIndex("kiosk_tokens_unit").on("kiosk_tokens").columns(["unit_id"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kiosk_tokens").execute();
}
