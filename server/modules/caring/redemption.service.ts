// Redemption at a certified caring shop: the scanned token, the typed short code or a printed card with its PIN
// is verified, the price computed, and the sale recorded exactly once — the presentation is consumed inside the
// same transaction that (on PostgreSQL) holds the card row while the caps are checked against the card's running
// month (kept on the card by every sale): by a conditional update, or, when the token's statement locked the
// presentation too, at the commit with the sale.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDate, stationDayBounds, stationMonth } from "../../../contracts/calendar.ts";
import type { Redemption, RedemptionMethod, redemptionInputSchema, redemptionListQuery } from "../../../contracts/caring.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, fail, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { verifyPassword } from "../../platform/passwords.ts";
import { clearHits, hit } from "../../platform/rate-limit.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import type { CardRow, CardsService, Used } from "./cards.service.ts";
import { presentPreview, presentRedemption } from "./caring.presenter.ts";
import { RedemptionRepository } from "./redemption.repository.ts";
import { checkCard, price, signatureValid, splitToken, usedFromTotals } from "./redemption.workflow.ts";
import type { CaringShopsService, ShopRow } from "./shops.service.ts";

type Input = z.output<typeof redemptionInputSchema>;
type ListQuery = z.output<typeof redemptionListQuery>;

/** A printed card takes this many PIN tries within PIN_WINDOW_MS (the preview's included). */
export const PIN_TRIES = 5;
export const PIN_WINDOW_MS = 15 * 60_000;
const pinTriesKey = (cardId: number) => `card-pin:${cardId}`;

type TokenRow = NonNullable<Awaited<ReturnType<CardsService["repo"]["withPresentation"]>>>;

interface Resolved {
  card: CardRow;
  jti: string | null;
  method: RedemptionMethod;
}

export class RedemptionService {
  readonly repo: RedemptionRepository;
  private readonly db: Kysely<DB>;
  private readonly cards: CardsService;
  private readonly shops: CaringShopsService;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, cards: CardsService, shops: CaringShopsService, clock: Clock) {
    this.db = db;
    this.repo = new RedemptionRepository(db);
    this.cards = cards;
    this.shops = shops;
    this.clock = clock;
  }

  /** The card and presentation the input names: forged → qr_invalid, used → already_used, lapsed → qr_expired. */
  private async resolve(input: Input, now: string): Promise<Resolved> {
    const cards = this.cards.repo;
    if (input.token) {
      const parts = splitToken(input.token);
      return this.resolvedToken(parts ? await cards.withPresentation(parts.jti) : undefined, parts, now);
    }
    if (input.shortCode) {
      const p = await cards.presentationByShortCode(input.shortCode);
      const card = p ? await cards.findRow(p.card_id) : undefined;
      if (!p || !card) throw fail("card.qr_invalid");
      if (p.used_at !== null) throw fail("card.already_used");
      if (p.expires_at <= now) throw fail("card.qr_expired");
      return { card, jti: p.jti, method: "code" };
    }
    const card = input.cardNo ? await cards.findByNo(input.cardNo.trim().toUpperCase()) : undefined;
    if (!card || !input.pin) throw fail("card.wrong_pin", [{ field: "pin" }]);
    await this.countPinTry(card.id);
    if (!(await this.pinMatches(card, input.pin))) throw fail("card.wrong_pin", [{ field: "pin" }]);
    await clearHits(this.db, pinTriesKey(card.id));
    return { card, jti: null, method: "printed" };
  }

  /**
   * A printed card's PIN try, counted before the PIN is checked (so simultaneous guesses are counted too) and in
   * its own statement (a refused redemption writes nothing else): past PIN_TRIES within the window, refused until
   * the window ends. A right PIN clears the count.
   */
  private async countPinTry(cardId: number) {
    const now = this.clock.now().getTime();
    const { hits, resetAt } = await hit(this.db, pinTriesKey(cardId), now, PIN_WINDOW_MS);
    if (hits > PIN_TRIES)
      throw new AppError("card.pin_locked", [{ field: "pin" }], { minutes: Math.max(1, Math.ceil((resetAt - now) / 60_000)) });
  }

  private async pinMatches(card: CardRow, pin: string): Promise<boolean> {
    const mobile = this.cards.holderMobile(card);
    if (mobile && pin.length === 4 && mobile.endsWith(pin)) return true;
    return card.pin_hash !== null && (await verifyPassword(pin, card.pin_hash));
  }

  /** The sale as the shop would see it, or the card's refusal on `today`. */
  private check(card: CardRow, shop: ShopRow, used: Used, amountFen: number, today: string) {
    const rate = shop.discount_rate_permille as number;
    const cost = price(amountFen, rate);
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
      today,
      used,
      cost.discountFen,
    );
    if (!verdict.ok) throw fail(verdict.refusal);
    return presentPreview(card, amountFen, rate, cost);
  }

  /** Every check of a redemption, writing nothing. */
  async preview(user: SessionUser, input: Input) {
    const now = this.clock.now();
    const shop = await this.shops.certifiedShopOf(user);
    const { card } = await this.resolve(input, now.toISOString());
    const used = await this.cards.usedIn(card.id, stationMonth(now));
    return this.check(card, shop, used, input.amountFen, stationDate(now));
  }

  async redeem(user: SessionUser, input: Input, actor: Actor): Promise<Redemption> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const month = stationMonth(now);
    // A scanned token is read inside the transaction, its card locked in the same statement; a short code or a
    // printed card is resolved first (the shop checked before it, as the preview does).
    let early: Resolved | null = null;
    if (!input.token) {
      await this.shops.certifiedShopOf(user);
      early = await this.resolve(input, nowIso);
    }
    const tokenParts = input.token ? splitToken(input.token) : null;
    try {
      return await this.db.transaction().execute(async (trx) => {
        // By token: the presentation, its card (locked on PostgreSQL, its running month the latest), the shop and
        // the sale's id in one statement. Otherwise the card is locked, then the shop read with the sale's id.
        const merchantId = user.merchantId ?? 0;
        const byToken =
          early || !tokenParts ? undefined : await this.cards.repo.lockedWithPresentationAndShop(trx, tokenParts.jti, merchantId);
        const locked = early ? await this.cards.repo.lockedRow(trx, early.card.id) : byToken?.found;
        const context = byToken ?? (await this.shops.repo.ofMerchantWithSaleId(trx, merchantId));
        const shop = context.shop;
        if (shop?.status !== "certified" || shop.discount_rate_permille === null) throw fail("shop.not_certified");
        const { card, jti, method } = early ?? this.resolvedToken(locked as TokenRow | undefined, tokenParts, nowIso);
        if (!locked) throw notFound();
        if (card.station_id !== shop.station_id) throw fail("card.foreign");
        // The caps from the locked card's running month (summed over the month's sales when the clock is behind it).
        const used = usedFromTotals(locked, month) ?? (await this.cards.usedIn(card.id, month, trx));
        const preview = this.check(early ? locked : card, shop, used, input.amountFen, stationDate(now));
        const sale = {
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
        };
        // On PostgreSQL, with the presentation locked by the token's statement (or no presentation, a printed
        // card), the sale and the mark go with the commit's statement. Otherwise a one-time presentation is marked
        // used with the sale (one statement on PostgreSQL); used first by a simultaneous redemption → refused, and
        // this sale rolls back.
        const atCommit = context.nextSaleId !== null && (jti === null || early === null);
        const id = atCommit
          ? await this.repo.insertAtCommit(trx, { ...sale, id: context.nextSaleId as number }, nowIso)
          : jti
            ? await this.repo.insertMarkingPresentation(trx, { ...sale, presentation_jti: jti }, nowIso)
            : await this.repo.insert(trx, sale);
        if (id === null) throw fail("card.already_used");
        await this.cards.repo.countSale(trx, card.id, month, preview.discountFen);
        await appendAudit(trx, actor, {
          at: now,
          action: "card.redeemed",
          objectType: "redemption",
          objectId: id,
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
        return { ...preview, id, shopId: shop.id, shopName: shop.merchant_name, method, createdAt: nowIso };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("card.already_used");
      throw error;
    }
  }

  /** A token's checks on its presentation's row: forged → qr_invalid, used → already_used, lapsed → qr_expired. */
  private resolvedToken(found: TokenRow | undefined, parts: ReturnType<typeof splitToken>, now: string): Resolved {
    if (!parts || !found || !signatureValid(found.qr_secret, parts.jti, parts.signature)) throw fail("card.qr_invalid");
    if (found.used_at !== null) throw fail("card.already_used");
    if (found.expires_at <= now) throw fail("card.qr_expired");
    const { jti, expires_at: _e, used_at: _u, ...card } = found;
    return { card, jti, method: "qr" };
  }

  /** Station staff: redemptions of their stations' shops. */
  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list({
      stationIds: stationFilter(user, query.stationId),
      shopId: query.shopId,
      cardId: query.cardId,
      fromIso: query.from ? stationDayBounds(query.from)[0] : undefined,
      toIso: query.to ? stationDayBounds(query.to)[1] : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const masked = !can(user.role, "personal.unmask");
    return pageAnswer(
      rows.map((r) => presentRedemption(r, masked)),
      { total, totalCapped },
      query,
    );
  }

  /** The caring shop's own day (holders masked). */
  async shopDay(user: SessionUser, date: string | undefined) {
    const row = user.merchantId ? await this.shops.rowOfMerchant(user.merchantId) : undefined;
    if (!row) throw notFound();
    const day = date ?? stationDate(this.clock.now());
    const [from, to] = stationDayBounds(day);
    const items = (await this.repo.ofShopBetween(row.id, from, to)).map((r) => presentRedemption(r, true));
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
    return (await this.repo.ofCard(cardId)).map((r) => presentRedemption(r, false));
  }
}
