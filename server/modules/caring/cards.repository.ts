// Discount cards and their one-time presentations, with the holder joined read-only; the redemption's own
// statements (a presentation with its card, the locked card with the shop, one card's month, the month's
// running totals) are compiled once.
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { AwardCategory, CardStatus } from "../../../contracts/caring.ts";
import { deferWrite } from "../../db/before-commit.ts";
import { dialectOf } from "../../db/database.ts";
import { pagedList } from "../../db/paging.ts";
import { prepared, preparedQuery } from "../../db/prepared.ts";
import { inStations } from "../../db/station-filter.ts";
import type { CardPresentationTable, DB, DiscountCardTable } from "../../db/tables.ts";
import { nextSaleId } from "./redemption.repository.ts";

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  "c.id",
  "c.station_id",
  "c.card_no",
  "c.resident_id",
  "r.name as holder_name",
  "r.mobile_enc as holder_mobile_enc",
  "c.category",
  "c.valid_from",
  "c.valid_to",
  "c.status",
  "c.monthly_cap_fen",
  "c.monthly_cap_uses",
  "c.pin_hash",
  "c.qr_secret",
  "c.revoked_reason",
  "c.used_month",
  "c.used_uses",
  "c.used_discount_fen",
  "c.version",
] as const;

/** The shop's columns beside a card's (as ShopsRepository's, prefixed). */
const shopColumns = [
  "s.id as shop_id",
  "s.station_id as shop_station_id",
  "s.merchant_id as shop_merchant_id",
  "m.name as shop_merchant_name",
  "s.category as shop_category",
  "s.status as shop_status",
  "s.discount_rate_permille as shop_discount_rate_permille",
  "s.plaque_date as shop_plaque_date",
  "s.certified_at as shop_certified_at",
  "s.review_due as shop_review_due",
  "s.version as shop_version",
] as const;

const cardsWithHolders = (db: Db) => db.selectFrom("discount_cards as c").innerJoin("residents as r", "r.id", "c.resident_id");

// The statements of every redemption, compiled once (server/db/prepared.ts).
const presentationWithCard = prepared((db, v: { jti: string }) =>
  cardsWithHolders(db)
    .innerJoin("card_presentations as p", "p.card_id", "c.id")
    .select(columns)
    .select(["p.jti", "p.expires_at", "p.used_at"])
    .where("p.jti", "=", v.jti),
);
/**
 * A redemption by token in one statement: the presentation with its card, both locked on PostgreSQL, the card's
 * running month (the latest version of the locked row, so it counts every sale committed before the lock), the
 * operator's shop, and (PostgreSQL) the id the sale will take.
 */
const lockedPresentationWithShop = prepared((db, v: { jti: string; merchantId: number }, dialect) => {
  const q = cardsWithHolders(db)
    .innerJoin("card_presentations as p", "p.card_id", "c.id")
    .leftJoin("caring_shops as s", (j) => j.on("s.merchant_id", "=", v.merchantId))
    .leftJoin("merchants as m", "m.id", "s.merchant_id")
    .select(columns)
    .select(["p.jti", "p.expires_at", "p.used_at"])
    .select(shopColumns)
    .select(nextSaleId(dialect))
    .where("p.jti", "=", v.jti);
  return dialect === "postgres" ? q.forUpdate(["c", "p"]) : q;
});
/** A sale counted in its card's running month (a sale of an earlier month than the card's latest leaves it). */
const countSale = preparedQuery((db, v: { id: number; month: string; discountFen: number }) =>
  db
    .updateTable("discount_cards")
    .set({
      used_uses: sql`case when used_month = ${v.month} then used_uses + 1 else 1 end`,
      used_discount_fen: sql`case when used_month = ${v.month} then used_discount_fen + ${v.discountFen} else ${v.discountFen} end`,
      used_month: v.month,
    })
    .where("id", "=", v.id)
    .where((eb) => eb.or([eb("used_month", "is", null), eb("used_month", "<=", v.month)])),
);
const lockedCard = prepared((db, v: { id: number }, dialect) => {
  const q = cardsWithHolders(db).select(columns).where("c.id", "=", v.id);
  return dialect === "postgres" ? q.forUpdate(["c"]) : q;
});
const usedByCard = prepared((db, v: { cardId: number; month: string }) =>
  db
    .selectFrom("redemptions")
    .select([(eb) => eb.fn.countAll<number>().as("uses"), (eb) => eb.fn.sum<number>("discount_fen").as("discount")])
    .where("card_id", "=", v.cardId)
    .where("month", "=", v.month),
);

/**
 * Every card's running month recomputed from its redemptions (its latest month's sales and discount): for data
 * loaded in bulk, without the redemption's own statements (the demo markets).
 */
export async function recountCardMonths(db: Db): Promise<void> {
  await sql`update discount_cards set used_month = (select max(x.month) from redemptions x where x.card_id = discount_cards.id)`.execute(
    db,
  );
  await sql`update discount_cards set
      used_uses = (select count(*) from redemptions x where x.card_id = discount_cards.id and x.month = discount_cards.used_month),
      used_discount_fen = coalesce((select sum(x.discount_fen) from redemptions x
        where x.card_id = discount_cards.id and x.month = discount_cards.used_month), 0)`.execute(db);
}

export interface CardFilter {
  stationIds: number[] | null;
  category?: AwardCategory;
  /** The status as shown: active and expired read the validity against `today`. */
  status?: CardStatus;
  today: string;
  q?: string;
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

export type Used = { uses: number; discountFen: number };

export class CardsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  findRow(id: number, db: Db = this.db) {
    return cardsWithHolders(db).select(columns).where("c.id", "=", id).executeTakeFirst();
  }

  findByNo(cardNo: string, db: Db = this.db) {
    return cardsWithHolders(db).select(columns).where("c.card_no", "=", cardNo).executeTakeFirst();
  }

  /** A presentation (by jti) with its card in one round trip. */
  async withPresentation(jti: string, db: Db = this.db) {
    return (await presentationWithCard(db, { jti })).rows[0];
  }

  /**
   * A presentation (by jti) with its card, both locked on PostgreSQL (`for update` of the card and the
   * presentation: the presentation's `used_at` is then the latest, and a redemption that finds it unused may mark
   * it at its commit), with the operator's shop (undefined when the merchant has none) and, on PostgreSQL, the
   * sale's id: a redemption by token reads everything it checks in this one statement.
   */
  async lockedWithPresentationAndShop(trx: Transaction<DB>, jti: string, merchantId: number) {
    const [row] = (await lockedPresentationWithShop(trx, { jti, merchantId })).rows;
    if (!row) return undefined;
    const {
      shop_id,
      shop_station_id,
      shop_merchant_id,
      shop_merchant_name,
      shop_category,
      shop_status,
      shop_discount_rate_permille,
      shop_plaque_date,
      shop_certified_at,
      shop_review_due,
      shop_version,
      next_sale_id,
      ...found
    } = row;
    const shop =
      shop_id === null
        ? undefined
        : {
            id: shop_id,
            station_id: shop_station_id as number,
            merchant_id: shop_merchant_id as number,
            merchant_name: shop_merchant_name as string,
            category: shop_category as NonNullable<typeof shop_category>,
            status: shop_status as NonNullable<typeof shop_status>,
            discount_rate_permille: shop_discount_rate_permille,
            plaque_date: shop_plaque_date,
            certified_at: shop_certified_at,
            review_due: shop_review_due,
            version: shop_version as number,
          };
    return { found, shop, nextSaleId: next_sale_id === null ? null : Number(next_sale_id) };
  }

  /**
   * A sale counted in its card's running month, in the sale's transaction (on PostgreSQL with the commit's
   * statement; the card is locked by then).
   */
  async countSale(trx: Transaction<DB>, cardId: number, month: string, discountFen: number) {
    await deferWrite(trx, countSale(trx, { id: cardId, month, discountFen }), dialectOf(trx));
  }

  /**
   * The card row read for a redemption: on PostgreSQL locked (`for update` of the card only) in the same round
   * trip, so caps summed afterwards hold under concurrency; SQLite transactions already run one at a time.
   */
  async lockedRow(trx: Transaction<DB>, id: number) {
    return (await lockedCard(trx, { id })).rows[0];
  }

  /** A month's uses and discount per card (cards without any are left out). */
  async usedIn(cardIds: number[], month: string, db: Db = this.db): Promise<Map<number, Used>> {
    const used = new Map<number, Used>();
    if (cardIds.length === 0) return used;
    if (cardIds.length === 1) {
      // One card (every redemption asks): a compiled statement.
      const [one] = (await usedByCard(db, { cardId: cardIds[0], month })).rows;
      if (one && Number(one.uses) > 0) used.set(cardIds[0], { uses: Number(one.uses), discountFen: Number(one.discount ?? 0) });
      return used;
    }
    const rows = await db
      .selectFrom("redemptions")
      .select(["card_id", (eb) => eb.fn.countAll<number>().as("uses"), (eb) => eb.fn.sum<number>("discount_fen").as("discount")])
      .where("card_id", "in", cardIds)
      .where("month", "=", month)
      .groupBy("card_id")
      .execute();
    for (const r of rows) used.set(r.card_id, { uses: Number(r.uses), discountFen: Number(r.discount ?? 0) });
    return used;
  }

  /** One page of cards: the ids from the cards table alone (the holder's name through its id), a capped count (server/db/paging.ts). */
  list(f: CardFilter) {
    let q = this.db.selectFrom("discount_cards as c");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "c.station_id"));
    if (f.category) q = q.where("c.category", "=", f.category);
    if (f.status === "revoked") q = q.where("c.status", "=", "revoked");
    if (f.status === "active") q = q.where("c.status", "=", "active").where("c.valid_to", ">=", f.today);
    if (f.status === "expired")
      q = q.where((eb) => eb.or([eb("c.status", "=", "expired"), eb.and([eb("c.status", "=", "active"), eb("c.valid_to", "<", f.today)])]));
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: q,
      text: text
        ? {
            columns: ["c.card_no", "c.resident_id"],
            condition: (eb) =>
              eb.or([
                eb("c.card_no", "=", text),
                eb.exists(
                  eb
                    .selectFrom("residents as r")
                    .select("r.id")
                    .whereRef("r.id", "=", "c.resident_id")
                    .where("r.name", "like", `%${text}%`),
                ),
              ]),
          }
        : undefined,
      id: "c.id",
      order: [["c.id", f.order]],
      rows: (ids) => cardsWithHolders(this.db).select(columns).where("c.id", "in", ids).execute(),
      page: { limit: f.limit, offset: f.offset },
    });
  }

  /** A holder's cards, newest first. */
  ofResident(residentId: number) {
    return cardsWithHolders(this.db).select(columns).where("c.resident_id", "=", residentId).orderBy("c.id", "desc").execute();
  }

  /** Inserts a card under a provisional number, then numbers it after its id; answers both. */
  async insertCard(
    db: Db,
    values: Insertable<DiscountCardTable>,
    numberOf: (id: number) => string,
  ): Promise<{ id: number; cardNo: string }> {
    const row = await db.insertInto("discount_cards").values(values).returning("id").executeTakeFirstOrThrow();
    const cardNo = numberOf(row.id);
    await db.updateTable("discount_cards").set({ card_no: cardNo }).where("id", "=", row.id).execute();
    return { id: row.id, cardNo };
  }

  /** Revokes a card when the version still matches; answers whether it did. */
  async revoke(db: Db, id: number, version: number, reason: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable("discount_cards")
      .set((eb) => ({ status: "revoked", revoked_reason: reason, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async setPinHash(db: Db, id: number, hash: string, at: string) {
    await db.updateTable("discount_cards").set({ pin_hash: hash, updated_at: at }).where("id", "=", id).execute();
  }

  /** Whether a short code is held by a live (unexpired, unused) presentation. */
  async shortCodeLive(shortCode: string, atIso: string): Promise<boolean> {
    const live = await this.db
      .selectFrom("card_presentations")
      .select("jti")
      .where("short_code", "=", shortCode)
      .where("expires_at", ">", atIso)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return live !== undefined;
  }

  async insertPresentation(values: Insertable<CardPresentationTable>) {
    await this.db.insertInto("card_presentations").values(values).execute();
  }

  /** The latest presentation a typed short code names. */
  presentationByShortCode(shortCode: string, db: Db = this.db) {
    return db
      .selectFrom("card_presentations")
      .selectAll()
      .where("short_code", "=", shortCode)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  /** The resident a card is issued to, for the station check. */
  resident(id: number) {
    return this.db.selectFrom("residents").select(["id", "station_id"]).where("id", "=", id).executeTakeFirst();
  }

  /** The holder's own active accounts (users linked to the resident), to tell them of a card. */
  async holderUserIds(db: Db, residentId: number): Promise<number[]> {
    const rows = await db.selectFrom("users").select("id").where("resident_id", "=", residentId).where("status", "=", "active").execute();
    return rows.map((r) => r.id);
  }

  async stationName(stationId: number, db: Db = this.db): Promise<string> {
    return (await db.selectFrom("org_units").select("name").where("id", "=", stationId).executeTakeFirstOrThrow()).name;
  }
}

export type CardRow = NonNullable<Awaited<ReturnType<CardsRepository["findRow"]>>>;
