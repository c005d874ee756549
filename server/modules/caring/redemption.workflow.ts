// The pure rules of a redemption: the signed token, the price, the card's state and its monthly caps.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { CardStatus } from "../../../contracts/caring.ts";

/** The signature of a presentation: HMAC-SHA256 of its jti under the card's own secret. */
export function signJti(secret: string, jti: string): string {
  return createHmac("sha256", secret).update(jti).digest("base64url");
}

export function presentationToken(secret: string, jti: string): string {
  return `${jti}.${signJti(secret, jti)}`;
}

/** The jti and signature of a well-formed token; null when it is not one of ours at all. */
export function splitToken(token: string): { jti: string; signature: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[\w-]{16,64}$/.test(parts[0]) || !/^[\w-]{43}$/.test(parts[1])) return null;
  return { jti: parts[0], signature: parts[1] };
}

export function signatureValid(secret: string, jti: string, signature: string): boolean {
  const expected = Buffer.from(signJti(secret, jti));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What the holder pays and the discount, in fen: pay = amount × rate / 1000 rounded half up. */
export function price(amountFen: number, ratePermille: number): { payFen: number; discountFen: number } {
  const payFen = Math.floor((amountFen * ratePermille + 500) / 1000);
  return { payFen, discountFen: amountFen - payFen };
}

export type CardRefusal = "card.not_active" | "card.expired" | "card.foreign" | "card.cap_reached";

export interface CardFacts {
  status: CardStatus;
  validFrom: string;
  validTo: string;
  stationId: number;
  monthlyCapFen: number | null;
  monthlyCapUses: number | null;
}

/** Whether the card may be used today at a shop of the given station for this discount. */
export function checkCard(
  card: CardFacts,
  shopStationId: number,
  today: string,
  used: { uses: number; discountFen: number },
  discountFen: number,
): { ok: true } | { ok: false; refusal: CardRefusal } {
  if (card.stationId !== shopStationId) return { ok: false, refusal: "card.foreign" };
  if (card.status !== "active") return { ok: false, refusal: "card.not_active" };
  if (today < card.validFrom || today > card.validTo) return { ok: false, refusal: "card.expired" };
  if (card.monthlyCapUses !== null && used.uses + 1 > card.monthlyCapUses) return { ok: false, refusal: "card.cap_reached" };
  if (card.monthlyCapFen !== null && used.discountFen + discountFen > card.monthlyCapFen) return { ok: false, refusal: "card.cap_reached" };
  return { ok: true };
}

/** The card's status as shown: an active card past its end date reads expired. */
export function shownCardStatus(status: CardStatus, validTo: string, today: string): CardStatus {
  if (status === "revoked") return "revoked";
  if (status === "expired" || validTo < today) return "expired";
  return "active";
}

/** A card's revocation: only an active one. */
export function canRevoke(status: CardStatus): boolean {
  return status === "active";
}

/**
 * A card's use in `month` from its running totals: none when its latest month is earlier (or it has none), null
 * when the month is earlier than the card's latest (the clock behind the sales: sum the month instead).
 */
export function usedFromTotals(
  card: { used_month: string | null; used_uses: number; used_discount_fen: number },
  month: string,
): { uses: number; discountFen: number } | null {
  if (card.used_month === month) return { uses: Number(card.used_uses), discountFen: Number(card.used_discount_fen) };
  if (card.used_month === null || card.used_month < month) return { uses: 0, discountFen: 0 };
  return null;
}
