// A card carries its latest month's use (the month, the sales and their discount), kept by every redemption in
// the sale's own transaction. On PostgreSQL the redemption's locking statement then reads the caps' sums with
// the card itself: the row a `for update` waited for is the latest version, while a sum over redemptions in the
// same statement would see the statement's older snapshot. Filled here from the redemptions so far (each card's
// latest month). Frozen once landed.
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("discount_cards").addColumn("used_month", "text").execute();
  await db.schema
    .alterTable("discount_cards")
    .addColumn("used_uses", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("discount_cards")
    .addColumn("used_discount_fen", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update discount_cards set used_month = (select max(x.month) from redemptions x where x.card_id = discount_cards.id)`.execute(
    db,
  );
  await sql`update discount_cards set
      used_uses = (select count(*) from redemptions x where x.card_id = discount_cards.id and x.month = discount_cards.used_month),
      used_discount_fen = coalesce((select sum(x.discount_fen) from redemptions x
        where x.card_id = discount_cards.id and x.month = discount_cards.used_month), 0)
    where used_month is not null`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["used_discount_fen", "used_uses", "used_month"])
    await db.schema.alterTable("discount_cards").dropColumn(column).execute();
}
