// Indexes that let a list walk its order and stop after the page (server/db/paging.ts, issue 16): the problems list
// opens newest first (created_at desc, id desc) within a station, with or without a status; a district's list (many
// stations) walks the status or creation order and checks the station on the way. The same on both databases.
// Frozen once landed.
import type { Kysely } from "kysely";

const indexes = [
  { name: "problems_station_status_created", table: "problems", columns: ["station_id", "status", "created_at", "id"] },
  { name: "problems_station_created_at", table: "problems", columns: ["station_id", "created_at", "id"] },
  { name: "problems_status_created", table: "problems", columns: ["status", "created_at", "id"] },
  { name: "problems_created", table: "problems", columns: ["created_at", "id"] },
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  for (const i of indexes)
    await db.schema
      .createIndex(i.name)
      .on(i.table)
      .columns([...i.columns])
      .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const i of indexes) await db.schema.dropIndex(i.name).execute();
}
