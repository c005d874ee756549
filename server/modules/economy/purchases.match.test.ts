import { describe, expect, it } from "vitest";
import { exactIndex, matchName, normaliseName, purchaseNext, sheetDate, similarity, yuanToFen } from "./purchases.match.ts";

describe("reading purchase rows", () => {
  const merchants = [
    { id: 1, name: "老王牛肉面馆" },
    { id: 2, name: "鑫李果蔬店" },
    { id: 3, name: "金马超市" },
    { id: 4, name: "金马超市二店" },
  ];
  const exact = exactIndex(merchants);

  it("matches names exactly after normalising spaces and brackets", () => {
    expect(normaliseName(" 老王 牛肉面馆（） ")).toBe("老王牛肉面馆");
    expect(matchName("老王 牛肉面馆", merchants, exact)).toEqual({ match: merchants[0], fuzzy: false });
  });

  it("matches approximately when one name is clearly closest, and refuses when none or two are", () => {
    expect(matchName("老王牛肉面", merchants, exact)).toEqual({ match: merchants[0], fuzzy: true });
    expect(matchName("鑫李果蔬", merchants, exact)).toEqual({ match: merchants[1], fuzzy: true });
    expect(matchName("张记包子铺", merchants, exact)).toBeNull();
    // As close to two shops: refused rather than guessed.
    const twins = [
      { id: 5, name: "金马超市东店" },
      { id: 6, name: "金马超市西店" },
    ];
    expect(matchName("金马超市南店", twins, exactIndex(twins))).toBeNull();
    expect(similarity("abc", "abc")).toBe(1);
  });

  it("turns yuan into whole fen, refusing fractions of a fen, zero and negatives", () => {
    expect(yuanToFen("1,280.50")).toBe(128_050);
    expect(yuanToFen("¥88")).toBe(8_800);
    expect(yuanToFen("12.345")).toBeNull();
    expect(yuanToFen("0")).toBeNull();
    expect(yuanToFen("-5")).toBeNull();
    expect(yuanToFen("abc")).toBeNull();
  });

  it("reads dates in the usual ways and refuses impossible ones", () => {
    expect(sheetDate("2026-3-5")).toBe("2026-03-05");
    expect(sheetDate("2026/03/05")).toBe("2026-03-05");
    expect(sheetDate("2026年3月5日")).toBe("2026-03-05");
    expect(sheetDate("2026-02-30")).toBeNull();
    expect(sheetDate("3/5")).toBeNull();
  });

  it("lets only a pending purchase be confirmed or disputed", () => {
    expect(purchaseNext("pending", "confirm")).toEqual({ ok: true, value: "confirmed" });
    expect(purchaseNext("pending", "dispute")).toEqual({ ok: true, value: "disputed" });
    for (const s of ["confirmed", "disputed"] as const)
      for (const e of ["confirm", "dispute"] as const)
        expect(purchaseNext(s, e)).toEqual({ ok: false, refusal: "economy.purchase_transition" });
  });
});
