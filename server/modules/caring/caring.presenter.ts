// The caring scheme's rows as the API shows them: rounds with their nominations, cards, caring shops,
// redemptions and the figures' per-shop months. Holders' and nominees' names are masked here unless the caller
// may see them. (Caring meals are presented in meals.presenter.ts.)
import type { Card, CaringShop, Redemption, Round } from "../../../contracts/caring.ts";
import type { CardRow, Used } from "./cards.repository.ts";
import type { RedemptionListRow } from "./redemption.repository.ts";
import { shownCardStatus } from "./redemption.workflow.ts";
import type { NominationListRow, ObjectionListRow, RoundRow, WinnerRow } from "./rounds.repository.ts";
import { maskName } from "./rounds.workflow.ts";
import type { PublicShopRow, ShopEventRow, ShopRow } from "./shops.repository.ts";

const nobody: Used = { uses: 0, discountFen: 0 };

export function presentRounds(
  rows: RoundRow[],
  noms: NominationListRow[],
  objections: ObjectionListRow[],
  masked: boolean,
  volunteerHours: Map<number, number> = new Map(),
): Round[] {
  return rows.map((r) => ({
    id: r.id,
    stationId: r.station_id,
    category: r.category,
    month: r.month,
    status: r.status,
    publicityDays: r.publicity_days,
    publicityFrom: r.publicity_from,
    publicityUntil: r.publicity_until,
    cardValidMonths: r.card_valid_months,
    nominations: noms
      .filter((n) => n.round_id === r.id)
      .map((n) => ({
        id: n.id,
        roundId: n.round_id,
        residentId: n.resident_id,
        residentName: masked ? maskName(n.name) : n.name,
        reason: n.reason,
        status: n.status,
        nominatedBy: n.nominated_by_name,
        reviewNote: n.review_note,
        objections: objections
          .filter((o) => o.nomination_id === n.id)
          .map((o) => ({ id: o.id, text: o.text, status: o.status, createdAt: o.created_at })),
        volunteerHours: masked ? null : (volunteerHours.get(n.resident_id) ?? null),
        version: n.version,
      })),
    createdAt: r.created_at,
    version: r.version,
  }));
}

/** A round as the public sees it on /m/: the nominees and reasons only (objections are the station's to weigh). */
export function publicRound(round: Round): Round {
  return { ...round, nominations: round.nominations.map((n) => ({ ...n, nominatedBy: null, reviewNote: null, objections: [] })) };
}

/** The honour roll: winners grouped by month and category (in the rows' order), names masked to the surname. */
export function presentHonourRoll(rows: WinnerRow[]) {
  const groups = new Map<string, { month: string; category: WinnerRow["category"]; names: string[] }>();
  for (const r of rows) {
    const key = `${r.month}|${r.category}`;
    let g = groups.get(key);
    if (!g) {
      g = { month: r.month, category: r.category, names: [] };
      groups.set(key, g);
    }
    g.names.push(maskName(r.name));
  }
  return [...groups.values()];
}

/** A card with this month's use; its status as shown on `today` (an active card past its end reads expired). */
export function presentCard(r: CardRow, used: Map<number, Used>, today: string, masked: boolean): Card {
  return {
    id: r.id,
    stationId: r.station_id,
    cardNo: r.card_no,
    residentId: r.resident_id,
    holderName: masked ? maskName(r.holder_name) : r.holder_name,
    category: r.category,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: shownCardStatus(r.status, r.valid_to, today),
    monthlyCapFen: r.monthly_cap_fen,
    monthlyCapUses: r.monthly_cap_uses,
    usedThisMonth: used.get(r.id) ?? nobody,
    revokedReason: r.revoked_reason,
    version: r.version,
  };
}

export function presentShop(row: ShopRow, events: ShopEventRow[]): CaringShop {
  return {
    id: row.id,
    stationId: row.station_id,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    category: row.category,
    status: row.status,
    discountRatePermille: row.discount_rate_permille,
    plaqueDate: row.plaque_date,
    certifiedAt: row.certified_at,
    reviewDue: row.review_due,
    events: events.map((e) => ({ action: e.action, note: e.note, actorName: e.actor_name, at: e.at })),
    version: row.version,
  };
}

export function presentPublicShop(r: PublicShopRow) {
  return {
    id: r.id,
    stationId: r.station_id,
    name: r.name,
    merchantName: r.name,
    category: r.category,
    discountRatePermille: r.discount_rate_permille ?? 0,
  };
}

/** What a shop sees of a card before the sale: the holder masked, the price at the shop's rate. */
export function presentPreview(card: CardRow, amountFen: number, rate: number, price: { payFen: number; discountFen: number }) {
  return {
    cardNo: card.card_no,
    holderName: maskName(card.holder_name),
    category: card.category,
    amountFen,
    discountRatePermille: rate,
    payFen: price.payFen,
    discountFen: price.discountFen,
  };
}

export function presentRedemption(r: RedemptionListRow, masked: boolean): Redemption {
  return {
    id: r.id,
    shopId: r.shop_id,
    shopName: r.shop_name,
    method: r.method,
    cardNo: r.card_no,
    holderName: masked ? maskName(r.holder_name) : r.holder_name,
    category: r.category,
    amountFen: r.amount_fen,
    discountRatePermille: r.discount_rate_permille,
    payFen: r.pay_fen,
    discountFen: r.discount_fen,
    createdAt: r.created_at,
  };
}

/** The figures' redemptions per shop and month (counts and sums arrive as text from PostgreSQL). */
export function presentShopMonth(x: {
  shop_id: number;
  shop_name: string;
  month: string;
  redemptions: number | string;
  discount_fen: number | string | null;
}) {
  return {
    shopId: x.shop_id,
    shopName: x.shop_name,
    month: x.month,
    redemptions: Number(x.redemptions),
    discountFen: Number(x.discount_fen ?? 0),
  };
}
