// A funding source and an enterprise carry a version, raised by every edit, so an edit made from a stale copy is
// refused (optimistic locking, as policies and relief applications do). Frozen once landed.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["funding_sources", "economy_enterprises"]) {
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["funding_sources", "economy_enterprises"]) await db.schema.alterTable(table).dropColumn("version").execute();
}
