// The console lists a station's SMS messages newest first (with a status or kind chosen): the page's ids are read
// from these indexes in order and stop after the page (server/db/paging.ts). Frozen once landed.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("sms_messages_station").on("sms_messages").columns(["org_unit_id", "id"]).execute();
  await db.schema.createIndex("sms_messages_station_status").on("sms_messages").columns(["org_unit_id", "status", "id"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sms_messages_station_status").execute();
  await db.schema.dropIndex("sms_messages_station").execute();
}
