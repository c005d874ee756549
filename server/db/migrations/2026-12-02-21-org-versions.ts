// Streets, communities and stations are edited in the console (org management): a unit carries a version, raised
// by every edit, so an edit made from a stale copy is refused, and the time of its last change. Frozen once landed.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("org_units")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("org_units").addColumn("updated_at", "text").execute();
  await db.schema.createIndex("org_units_parent").on("org_units").column("parent_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("org_units_parent").execute();
  await db.schema.alterTable("org_units").dropColumn("updated_at").execute();
  await db.schema.alterTable("org_units").dropColumn("version").execute();
}
