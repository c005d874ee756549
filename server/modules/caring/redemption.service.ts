// Redemption at a certified caring shop: the scanned token, the typed short code or a printed card with its PIN
// is verified, the price computed, and the sale recorded exactly once — the presentation is consumed by a
// conditional update inside the same transaction that (on PostgreSQL) holds the card row while the caps are summed.
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import type { AwardCategory, Redemption, redemptionInputSchema, redemptionListQuery } from "../../../contracts/caring.ts";
import { isUniqueViolation } from "../../db/database.ts";
import { pageRows } from "../../db/paging.ts";
import { prepared } from "../../db/prepared.ts";
import type { DB, RedemptionTable } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { fail, notFound } from "../../platform/errors.ts";
import { verifyPassword } from "../../platform/passwords.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { type CardRow, type CardsService, chinaMonth } from "./cards.service.ts";
import { checkCard, price, signatureValid, splitToken } from "./redemption.workflow.ts";
import { chinaToday, maskName } from "./rounds.workflow.ts";
import type { CaringShopsService, ShopRow } from "./shops.service.ts";

type Db = Kysely<DB> | Transaction<DB>;
type Input = z.output<typeof redemptionInputSchema>;
type ListQuery = z.output<typeof redemptionListQuery>;
type Method = "qr" | "code" | "printed";

// The statements of every redemption, compiled once (server/db/prepared.ts).
const markPresentationUsed = prepared((db, v: { jti: string; usedAt: string }) =>
  db.updateTable("card_presentations").set({ used_at: v.usedAt }).where("jti", "=", v.jti).where("used_at", "is", null),
);
const insertRedemption = prepared((db, v: Insertable<RedemptionTable>) => db.insertInto("redemptions").values(v).returning("id"));

interface Resolved {
  card: CardRow;
  jti: string | null;
  method: Method;
}

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

/** The UTC instants a China (UTC+8) calendar day spans. */
function chinaDayBounds(date: string): [string, string] {
  const start = new Date(`${date}T00:00:00+08:00`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

export class RedemptionService {
  private readonly db: Kysely<DB>;
  private readonly cards: CardsService;
  private readonly shops: CaringShopsService;
  constructor(db: Kysely<DB>, cards: CardsService, shops: CaringShopsService) {
    this.db = db;
    this.cards = cards;
    this.shops = shops;
  }

  /** The card and presentation the input names: forged → qr_invalid, used → already_used, lapsed → qr_expired. */
  private async resolve(input: Input, now: string): Promise<Resolved> {
    if (input.token) {
      const parts = splitToken(input.token);
      if (!parts) throw fail("card.qr_invalid");
      const found = await this.cards.withPresentation(parts.jti);
      if (!found || !signatureValid(found.qr_secret, parts.jti, parts.signature)) throw fail("card.qr_invalid");
      if (found.used_at !== null) throw fail("card.already_used");
      if (found.expires_at <= now) throw fail("card.qr_expired");
      const { jti, expires_at: _e, used_at: _u, ...card } = found;
      return { card, jti, method: "qr" };
    }
    if (input.shortCode) {
      const p = await this.db
        .selectFrom("card_presentations")
        .selectAll()
        .where("short_code", "=", input.shortCode)
        .orderBy("created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      const card = p ? await this.cards.findRow(p.card_id) : undefined;
      if (!p || !card) throw fail("card.qr_invalid");
      if (p.used_at !== null) throw fail("card.already_used");
      if (p.expires_at <= now) throw fail("card.qr_expired");
      return { card, jti: p.jti, method: "code" };
    }
    const card = input.cardNo ? await this.cards.findByNo(input.cardNo.trim().toUpperCase()) : undefined;
    if (!card || !input.pin || !(await this.pinMatches(card, input.pin))) throw fail("card.wrong_pin", [{ field: "pin" }]);
    return { card, jti: null, method: "printed" };
  }

  private async pinMatches(card: CardRow, pin: string): Promise<boolean> {
    const mobile = this.cards.holderMobile(card);
    if (mobile && pin.length === 4 && mobile.endsWith(pin)) return true;
    return card.pin_hash !== null && (await verifyPassword(pin, card.pin_hash));
  }

  private check(card: CardRow, shop: ShopRow, used: { uses: number; discountFen: number }, amountFen: number) {
    const rate = shop.discount_rate_permille as number;
    const { payFen, discountFen } = price(amountFen, rate);
    const verdict = checkCard(
      {
        status: card.status,
        validFrom: card.valid_from,
        validTo: card.valid_to,
        stationId: card.station_id,
        monthlyCapFen: card.monthly_cap_fen,
        monthlyCapUses: card.monthly_cap_uses,
      },
      shop.station_id,
      chinaToday(),
      used,
      discountFen,
    );
    if (!verdict.ok) throw fail(verdict.refusal);
    return {
      cardNo: card.card_no,
      holderName: maskName(card.holder_name),
      category: card.category as AwardCategory,
      amountFen,
      discountRatePermille: rate,
      payFen,
      discountFen,
    };
  }

  /** Every check of a redemption, writing nothing. */
  async preview(user: SessionUser, input: Input) {
    const shop = await this.shops.certifiedShopOf(user);
    const { card } = await this.resolve(input, new Date().toISOString());
    const used = (await this.cards.usedThisMonth([card.id])).get(card.id) ?? { uses: 0, discountFen: 0 };
    return this.check(card, shop, used, input.amountFen);
  }

  async redeem(user: SessionUser, input: Input, actor: Actor): Promise<Redemption> {
    const shop = await this.shops.certifiedShopOf(user);
    const now = new Date();
    const nowIso = now.toISOString();
    const { card, jti, method } = await this.resolve(input, nowIso);
    if (card.station_id !== shop.station_id) throw fail("card.foreign");
    try {
      return await this.db.transaction().execute(async (trx) => {
        const fresh = await this.cards.lockedRow(trx, card.id);
        if (!fresh) throw notFound();
        const month = chinaMonth(now);
        const used = (await this.cards.usedThisMonth([card.id], trx, month)).get(card.id) ?? { uses: 0, discountFen: 0 };
        const preview = this.check(fresh, shop, used, input.amountFen);
        if (jti) {
          const r = await markPresentationUsed(trx, { jti, usedAt: nowIso });
          if (Number(r.numAffectedRows) !== 1) throw fail("card.already_used");
        }
        const [row] = (
          await insertRedemption(trx, {
            card_id: card.id,
            shop_id: shop.id,
            operator_user_id: user.id,
            method,
            presentation_jti: jti,
            amount_fen: preview.amountFen,
            discount_rate_permille: preview.discountRatePermille,
            pay_fen: preview.payFen,
            discount_fen: preview.discountFen,
            month,
            created_at: nowIso,
          })
        ).rows;
        await appendAudit(trx, actor, {
          action: "card.redeemed",
          objectType: "redemption",
          objectId: row.id,
          stationId: shop.station_id,
          after: {
            cardNo: card.card_no,
            shopId: shop.id,
            method,
            amountFen: preview.amountFen,
            payFen: preview.payFen,
            discountFen: preview.discountFen,
          },
        });
        return { ...preview, id: row.id, shopId: shop.id, shopName: shop.merchant_name, method, createdAt: nowIso };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("card.already_used");
      throw error;
    }
  }

  private base(db: Db) {
    return db
      .selectFrom("redemptions as x")
      .innerJoin("caring_shops as s", "s.id", "x.shop_id")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .innerJoin("discount_cards as c", "c.id", "x.card_id")
      .innerJoin("residents as r", "r.id", "c.resident_id");
  }

  private present(rows: Awaited<ReturnType<typeof this.rowsOf>>, masked: boolean): Redemption[] {
    return rows.map((r) => ({
      id: r.id,
      shopId: r.shop_id,
      shopName: r.shop_name,
      method: r.method as Method,
      cardNo: r.card_no,
      holderName: masked ? maskName(r.holder_name) : r.holder_name,
      category: r.category as AwardCategory,
      amountFen: r.amount_fen,
      discountRatePermille: r.discount_rate_permille,
      payFen: r.pay_fen,
      discountFen: r.discount_fen,
      createdAt: r.created_at,
    }));
  }

  private rowsOf(q: ReturnType<typeof this.base>) {
    return q.select(listColumns).orderBy("x.id", "desc").execute();
  }

  /** Station staff: redemptions of their stations' shops. */
  async list(user: SessionUser, query: ListQuery) {
    const stations = stationFilter(user, query.stationId);
    let q = this.base(this.db);
    if (stations !== null) q = stations.length ? q.where("s.station_id", "in", stations) : q.where(sql<boolean>`1 = 0`);
    if (query.shopId) q = q.where("x.shop_id", "=", query.shopId);
    if (query.cardId) q = q.where("x.card_id", "=", query.cardId);
    if (query.from) q = q.where("x.created_at", ">=", chinaDayBounds(query.from)[0]);
    if (query.to) q = q.where("x.created_at", "<", chinaDayBounds(query.to)[1]);
    const { rows, total } = await pageRows(
      q.select(listColumns).orderBy("x.id", "desc"),
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      async () => 0,
    );
    return { items: this.present(rows, !can(user.role, "personal.unmask")), total, page: query.page, pageSize: query.pageSize };
  }

  /** The caring shop's own day (holders masked). */
  async shopDay(user: SessionUser, date: string | undefined) {
    const row = user.merchantId ? await this.shops.rowOfMerchant(user.merchantId) : undefined;
    if (!row) throw notFound();
    const day = date ?? chinaToday();
    const [from, to] = chinaDayBounds(day);
    const rows = await this.rowsOf(
      this.base(this.db).where("x.shop_id", "=", row.id).where("x.created_at", ">=", from).where("x.created_at", "<", to),
    );
    const items = this.present(rows, true);
    return {
      date: day,
      items,
      count: items.length,
      amountFen: items.reduce((s, i) => s + i.amountFen, 0),
      discountFen: items.reduce((s, i) => s + i.discountFen, 0),
    };
  }

  /** The holder's own history of one card. */
  async history(user: SessionUser, cardId: number): Promise<Redemption[]> {
    await this.cards.ownRow(user, cardId);
    return this.present(await this.rowsOf(this.base(this.db).where("x.card_id", "=", cardId)), false);
  }
}
