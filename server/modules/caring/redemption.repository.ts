// Redemptions at caring shops: the sale's insert (compiled once, every redemption runs it) and the lists, with
// shop, merchant, card and holder joined read-only.
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import { deferWrite } from "../../db/before-commit.ts";
import { type Dialect, dialectOf } from "../../db/database.ts";
import { pagedList } from "../../db/paging.ts";
import { prepared, preparedQuery } from "../../db/prepared.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, RedemptionTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** PostgreSQL: the id the sale will take, drawn in a read before the commit (so the sale can go with the commit's statement); null on SQLite. */
export const nextSaleId = (dialect: Dialect) =>
  (dialect === "postgres"
    ? sql<number | null>`nextval(pg_get_serial_sequence('redemptions', 'id'))::integer`
    : sql<number | null>`null`
  ).as("next_sale_id");

const insertRedemption = prepared((db, v: Insertable<RedemptionTable>) => db.insertInto("redemptions").values(v).returning("id"));
/** The presentation marked used, if nobody did first (SQLite; PostgreSQL does it in the sale's statement). */
const markUsed = (db: Kysely<DB>, v: { jti: string; usedAt: string }) =>
  db.updateTable("card_presentations").set({ used_at: v.usedAt }).where("jti", "=", v.jti).where("used_at", "is", null);
const markPresentationUsed = prepared(markUsed);
/** PostgreSQL, the statements a redemption leaves to its commit: the mark and the sale with the id it was given. */
const markPresentationUsedLater = preparedQuery(markUsed);
const insertRedemptionWithId = preparedQuery((db, v: Insertable<RedemptionTable> & { id: number }) =>
  db.insertInto("redemptions").values(v),
);
/**
 * PostgreSQL: the presentation marked used (if nobody did first) and the sale inserted, in one statement; `marked`
 * is 0 when the presentation was already used, and the caller then rolls the sale back.
 */
const insertMarkingPresentationPg = prepared((db, v: Insertable<RedemptionTable> & { used_at: string }) => {
  const { used_at, ...sale } = v;
  return db
    .with("u", (qb) =>
      qb
        .updateTable("card_presentations")
        .set({ used_at })
        .where("jti", "=", sale.presentation_jti as string)
        .where("used_at", "is", null)
        .returning("jti"),
    )
    .insertInto("redemptions")
    .values(sale)
    .returning(["id", sql<number>`(select count(*) from u)::integer`.as("marked")]);
});

const listColumns = [
  "x.id",
  "x.shop_id",
  "m.name as shop_name",
  "x.method",
  "x.amount_fen",
  "x.discount_rate_permille",
  "x.pay_fen",
  "x.discount_fen",
  "x.created_at",
  "c.card_no",
  "c.category",
  "r.name as holder_name",
] as const;

const redemptionsWithNames = (db: Db) =>
  db
    .selectFrom("redemptions as x")
    .innerJoin("caring_shops as s", "s.id", "x.shop_id")
    .innerJoin("merchants as m", "m.id", "s.merchant_id")
    .innerJoin("discount_cards as c", "c.id", "x.card_id")
    .innerJoin("residents as r", "r.id", "c.resident_id");

export interface RedemptionFilter {
  stationIds: number[] | null;
  shopId?: number;
  cardId?: number;
  /** ISO instants: created at or after `fromIso`, before `toIso`. */
  fromIso?: string;
  toIso?: string;
  limit: number;
  offset: number;
}

export class RedemptionRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  async insert(trx: Db, values: Insertable<RedemptionTable>): Promise<number> {
    const [row] = (await insertRedemption(trx, values)).rows;
    return row.id;
  }

  /**
   * PostgreSQL, the card (and the presentation, if the sale has one) locked by this transaction, the sale's id
   * taken: the presentation's mark and the sale go with the commit's statement (server/db/before-commit.ts,
   * `deferWrite`), a round trip fewer. The lock makes the mark certain (the caller found the presentation
   * unused on its locked row); the unique presentation of a sale backs it, failing the commit.
   */
  async insertAtCommit(trx: Transaction<DB>, values: Insertable<RedemptionTable> & { id: number }, usedAt: string): Promise<number> {
    if (values.presentation_jti)
      await deferWrite(trx, markPresentationUsedLater(trx, { jti: values.presentation_jti, usedAt }), dialectOf(trx));
    await deferWrite(trx, insertRedemptionWithId(trx, values), dialectOf(trx));
    return values.id;
  }

  /**
   * The sale of a one-time presentation, marking it used: false when it was used first (by a simultaneous
   * redemption: the mark waits for that one's row lock), and the caller rolls back. One statement on PostgreSQL.
   */
  async insertMarkingPresentation(
    trx: Db,
    values: Insertable<RedemptionTable> & { presentation_jti: string },
    usedAt: string,
  ): Promise<number | null> {
    if (dialectOf(trx) === "postgres") {
      const [row] = (await insertMarkingPresentationPg(trx, { ...values, used_at: usedAt })).rows;
      return Number(row.marked) === 1 ? row.id : null;
    }
    const marked = await markPresentationUsed(trx, { jti: values.presentation_jti, usedAt });
    if (Number(marked.numAffectedRows) !== 1) return null;
    return this.insert(trx, values);
  }

  /**
   * One page, newest first: the ids from the redemptions table alone (the station through the shop's id), their rows
   * with the names, a capped count (server/db/paging.ts).
   */
  list(f: RedemptionFilter) {
    let q = this.db.selectFrom("redemptions as x");
    const stationIds = f.stationIds;
    if (stationIds !== null)
      q = q.where("x.shop_id", "in", (eb) =>
        eb.selectFrom("caring_shops as s").select("s.id").where(inStations(stationIds, "s.station_id")),
      );
    if (f.shopId) q = q.where("x.shop_id", "=", f.shopId);
    if (f.cardId) q = q.where("x.card_id", "=", f.cardId);
    if (f.fromIso) q = q.where("x.created_at", ">=", f.fromIso);
    if (f.toIso) q = q.where("x.created_at", "<", f.toIso);
    return pagedList({
      db: this.db,
      filtered: q,
      id: "x.id",
      order: [["x.id", "desc"]],
      rows: (ids) => redemptionsWithNames(this.db).select(listColumns).where("x.id", "in", ids).execute(),
      page: { limit: f.limit, offset: f.offset },
    });
  }

  /** A shop's redemptions in [fromIso, toIso), newest first. */
  ofShopBetween(shopId: number, fromIso: string, toIso: string) {
    return redemptionsWithNames(this.db)
      .select(listColumns)
      .where("x.shop_id", "=", shopId)
      .where("x.created_at", ">=", fromIso)
      .where("x.created_at", "<", toIso)
      .orderBy("x.id", "desc")
      .execute();
  }

  /** Every redemption of one card, newest first. */
  ofCard(cardId: number) {
    return redemptionsWithNames(this.db).select(listColumns).where("x.card_id", "=", cardId).orderBy("x.id", "desc").execute();
  }
}

export type RedemptionListRow = Awaited<ReturnType<RedemptionRepository["ofCard"]>>[number];
