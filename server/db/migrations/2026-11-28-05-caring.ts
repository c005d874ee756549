// The caring scheme: award rounds with nominations and objections, discount cards with their one-time
// presentations and redemptions, caring shops with their history, and caring meals. Frozen once landed.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("award_rounds"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("publicity_days", "integer", (c) => c.notNull())
    .addColumn("publicity_from", "text")
    .addColumn("publicity_until", "text")
    .addColumn("card_valid_months", "integer", (c) => c.notNull())
    .addColumn("cancel_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("award_rounds_one_per_month", ["station_id", "category", "month"])
    .execute();

  await withId(db, db.schema.createTable("nominations"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("award_rounds.id"))
    .addColumn("resident_id", "integer", (c) => c.notNull().references("residents.id"))
    .addColumn("nominated_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("nominated_by_name", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("review_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("nominations_once", ["round_id", "resident_id"])
    .execute();

  await withId(db, db.schema.createTable("objections"))
    .addColumn("nomination_id", "integer", (c) => c.notNull().references("nominations.id"))
    .addColumn("by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decision_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("discount_cards"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("card_no", "text", (c) => c.notNull().unique())
    .addColumn("resident_id", "integer", (c) => c.notNull().references("residents.id"))
    .addColumn("round_id", "integer", (c) => c.references("award_rounds.id"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("monthly_cap_fen", "integer")
    .addColumn("monthly_cap_uses", "integer")
    .addColumn("pin_hash", "text")
    .addColumn("qr_secret", "text", (c) => c.notNull())
    .addColumn("revoked_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("discount_cards_resident").on("discount_cards").columns(["resident_id", "status"]).execute();

  /** Each QR code or short code the holder's phone shows: usable once, for about a minute. */
  await db.schema
    .createTable("card_presentations")
    .addColumn("jti", "text", (c) => c.primaryKey())
    .addColumn("card_id", "integer", (c) => c.notNull().references("discount_cards.id"))
    .addColumn("short_code", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("card_presentations_code").on("card_presentations").columns(["short_code", "expires_at"]).execute();

  await withId(db, db.schema.createTable("caring_shops"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().unique().references("merchants.id"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("discount_rate_permille", "integer")
    .addColumn("plaque_date", "text")
    .addColumn("certified_at", "text")
    .addColumn("review_due", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable("shop_events"))
    .addColumn("shop_id", "integer", (c) => c.notNull().references("caring_shops.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("redemptions"))
    .addColumn("card_id", "integer", (c) => c.notNull().references("discount_cards.id"))
    .addColumn("shop_id", "integer", (c) => c.notNull().references("caring_shops.id"))
    .addColumn("operator_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("presentation_jti", "text", (c) => c.unique())
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("discount_rate_permille", "integer", (c) => c.notNull())
    .addColumn("pay_fen", "integer", (c) => c.notNull())
    .addColumn("discount_fen", "integer", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("redemptions_card_month").on("redemptions").columns(["card_id", "month"]).execute();
  await db.schema.createIndex("redemptions_shop").on("redemptions").columns(["shop_id", "created_at"]).execute();

  await withId(db, db.schema.createTable("meal_recipients"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("resident_id", "integer", (c) => c.notNull().unique().references("residents.id"))
    .addColumn("provider_shop_id", "integer", (c) => c.notNull().references("caring_shops.id"))
    .addColumn("weekdays", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("meal_deliveries"))
    .addColumn("recipient_id", "integer", (c) => c.notNull().references("meal_recipients.id"))
    .addColumn("provider_shop_id", "integer", (c) => c.notNull().references("caring_shops.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("confirmed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("confirmed_by_name", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addUniqueConstraint("meal_deliveries_once", ["recipient_id", "date"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "meal_deliveries",
    "meal_recipients",
    "redemptions",
    "shop_events",
    "caring_shops",
    "card_presentations",
    "discount_cards",
    "objections",
    "nominations",
    "award_rounds",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
