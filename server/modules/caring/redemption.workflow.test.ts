import { describe, expect, it } from "vitest";
import {
  type CardFacts,
  canRevoke,
  checkCard,
  presentationToken,
  price,
  shownCardStatus,
  signatureValid,
  splitToken,
  usedFromTotals,
} from "./redemption.workflow.ts";

const card: CardFacts = {
  status: "active",
  validFrom: "2026-01-01",
  validTo: "2026-12-31",
  stationId: 1,
  monthlyCapFen: null,
  monthlyCapUses: null,
};
const none = { uses: 0, discountFen: 0 };

describe("redemption rules", () => {
  it("prices in fen, rounding half up", () => {
    expect(price(10_000, 850)).toEqual({ payFen: 8_500, discountFen: 1_500 });
    expect(price(10_000, 800)).toEqual({ payFen: 8_000, discountFen: 2_000 });
    expect(price(1, 850)).toEqual({ payFen: 1, discountFen: 0 });
    expect(price(3, 850)).toEqual({ payFen: 3, discountFen: 0 }); // 2.55 → 3
    expect(price(10, 850)).toEqual({ payFen: 9, discountFen: 1 }); // 8.5 → 9
    expect(price(1_999, 820)).toEqual({ payFen: 1_639, discountFen: 360 }); // 1639.18
  });

  it("signs a presentation and refuses a forged or malformed token", () => {
    const token = presentationToken("secret-a", "abcdefghijklmnopqrstuvwx");
    const parts = splitToken(token);
    expect(parts).not.toBeNull();
    expect(signatureValid("secret-a", parts?.jti ?? "", parts?.signature ?? "")).toBe(true);
    expect(signatureValid("secret-b", parts?.jti ?? "", parts?.signature ?? "")).toBe(false);
    expect(signatureValid("secret-a", "abcdefghijklmnopqrstuvwy", parts?.signature ?? "")).toBe(false);
    expect(splitToken("nonsense")).toBeNull();
    expect(splitToken("a.b.c")).toBeNull();
    expect(splitToken(`short.${parts?.signature}`)).toBeNull();
  });

  it("checks station, status, validity and caps in that order", () => {
    expect(checkCard(card, 1, "2026-06-01", none, 100)).toEqual({ ok: true });
    expect(checkCard({ ...card, status: "revoked" }, 2, "2026-06-01", none, 100)).toEqual({ ok: false, refusal: "card.foreign" });
    expect(checkCard({ ...card, status: "revoked" }, 1, "2026-06-01", none, 100)).toEqual({ ok: false, refusal: "card.not_active" });
    expect(checkCard(card, 1, "2027-01-01", none, 100)).toEqual({ ok: false, refusal: "card.expired" });
    expect(checkCard(card, 1, "2025-12-31", none, 100)).toEqual({ ok: false, refusal: "card.expired" });
    expect(checkCard(card, 1, "2026-12-31", none, 100)).toEqual({ ok: true });
  });

  it("holds the monthly caps in uses and in fen", () => {
    const uses = { ...card, monthlyCapUses: 2 };
    expect(checkCard(uses, 1, "2026-06-01", { uses: 1, discountFen: 0 }, 100)).toEqual({ ok: true });
    expect(checkCard(uses, 1, "2026-06-01", { uses: 2, discountFen: 0 }, 100)).toEqual({ ok: false, refusal: "card.cap_reached" });
    const fen = { ...card, monthlyCapFen: 5_000 };
    expect(checkCard(fen, 1, "2026-06-01", { uses: 9, discountFen: 3_500 }, 1_500)).toEqual({ ok: true });
    expect(checkCard(fen, 1, "2026-06-01", { uses: 9, discountFen: 3_501 }, 1_500)).toEqual({ ok: false, refusal: "card.cap_reached" });
  });

  it("shows an active card past its end as expired, and revokes only active cards", () => {
    expect(shownCardStatus("active", "2026-12-31", "2026-06-01")).toBe("active");
    expect(shownCardStatus("active", "2026-12-31", "2027-01-01")).toBe("expired");
    expect(shownCardStatus("revoked", "2026-12-31", "2026-06-01")).toBe("revoked");
    expect(shownCardStatus("expired", "2026-12-31", "2026-06-01")).toBe("expired");
    expect(canRevoke("active")).toBe(true);
    expect(canRevoke("revoked")).toBe(false);
    expect(canRevoke("expired")).toBe(false);
  });

  it("reads a month's use from the card's running month: none before it, a sum needed when the clock is behind", () => {
    const totals = { used_month: "2026-11", used_uses: 3, used_discount_fen: 4_500 };
    expect(usedFromTotals(totals, "2026-11")).toEqual({ uses: 3, discountFen: 4_500 });
    expect(usedFromTotals(totals, "2026-12")).toEqual(none);
    expect(usedFromTotals({ ...totals, used_month: null, used_uses: 0, used_discount_fen: 0 }, "2026-11")).toEqual(none);
    expect(usedFromTotals(totals, "2026-10")).toBeNull();
  });
});
