// A card's use this month (its caps, checked on every redemption) is read from the index alone: the discount
// joins the card and month in redemptions_card_month, so the sum needs no visit to the rows.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("redemptions_card_month").execute();
  await db.schema.createIndex("redemptions_card_month").on("redemptions").columns(["card_id", "month", "discount_fen"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("redemptions_card_month").execute();
  await db.schema.createIndex("redemptions_card_month").on("redemptions").columns(["card_id", "month"]).execute();
}
