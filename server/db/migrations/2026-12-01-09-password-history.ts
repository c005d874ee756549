// Passwords an account used before (their scrypt hashes), so a new password repeats neither the current one nor
// one of the last five. Rows older than the last five are removed as new ones are written.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("password_history"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("password_history_user").on("password_history").columns(["user_id", "id"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_history").execute();
}
