// Indexes that let the redemptions list walk its order and stop after the page (server/db/paging.ts, issue 16):
// the list opens newest first (id desc) for a shop or a card; the existing indexes continue with created_at and
// month, so a shop's or a card's page read every one of its redemptions. The same on both databases.
// Frozen once landed.
import type { Kysely } from "kysely";

const indexes = [
  { name: "redemptions_shop_id", table: "redemptions", columns: ["shop_id", "id"] },
  { name: "redemptions_card_id", table: "redemptions", columns: ["card_id", "id"] },
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
