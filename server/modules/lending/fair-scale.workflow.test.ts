import { describe, expect, it } from "vitest";
import { findingSummary, judgeReweigh, shortTolerance } from "./fair-scale.workflow.ts";

describe("short-weight tolerance: max(5 g, 1 % of the claimed weight)", () => {
  it("never falls below 5 g", () => {
    expect(shortTolerance(100)).toBe(5);
    expect(shortTolerance(300)).toBe(5);
    expect(shortTolerance(500)).toBe(5);
  });
  it("grows with the quantity above 500 g", () => {
    expect(shortTolerance(501)).toBeCloseTo(5.01);
    expect(shortTolerance(1000)).toBe(10);
    expect(shortTolerance(2500)).toBe(25);
  });
});

describe("judging a re-weigh", () => {
  const price = 1200; // ¥12.00 per 斤

  it("is fair when the goods weigh what was charged, or more", () => {
    expect(judgeReweigh({ claimedGrams: 1000, actualGrams: 1000, unitPriceFen: price })).toMatchObject({
      shortGrams: 0,
      overchargeFen: 0,
      outcome: "fair",
    });
    expect(judgeReweigh({ claimedGrams: 1000, actualGrams: 1015, unitPriceFen: price })).toMatchObject({ shortGrams: 0, outcome: "fair" });
  });

  it("is fair up to the tolerance, short beyond it", () => {
    expect(judgeReweigh({ claimedGrams: 400, actualGrams: 395, unitPriceFen: price }).outcome).toBe("fair"); // 5 g = tolerance
    expect(judgeReweigh({ claimedGrams: 400, actualGrams: 394, unitPriceFen: price }).outcome).toBe("short"); // 6 g > 5 g
    expect(judgeReweigh({ claimedGrams: 2000, actualGrams: 1980, unitPriceFen: price }).outcome).toBe("fair"); // 20 g = 1 %
    expect(judgeReweigh({ claimedGrams: 2000, actualGrams: 1979, unitPriceFen: price }).outcome).toBe("short");
  });

  it("prices the shortfall per 斤 (500 g), rounded to the fen", () => {
    // 50 g short of mutton at ¥42.00/斤 = ¥4.20.
    expect(judgeReweigh({ claimedGrams: 1000, actualGrams: 950, unitPriceFen: 4200 })).toEqual({
      shortGrams: 50,
      toleranceGrams: 10,
      overchargeFen: 420,
      outcome: "short",
    });
    // 7 g at ¥4.50/斤 = 6.3 fen → 6 fen; 9 g → 8.1 → 8.
    expect(judgeReweigh({ claimedGrams: 300, actualGrams: 293, unitPriceFen: 450 }).overchargeFen).toBe(6);
    expect(judgeReweigh({ claimedGrams: 300, actualGrams: 291, unitPriceFen: 450 }).overchargeFen).toBe(8);
    // 3 g at ¥2.50/斤 = 1.5 fen → 2 (half away from zero).
    expect(judgeReweigh({ claimedGrams: 300, actualGrams: 297, unitPriceFen: 250 }).overchargeFen).toBe(2);
  });

  it("writes the finding's line with the goods and grams", () => {
    const j = judgeReweigh({ claimedGrams: 1000, actualGrams: 950, unitPriceFen: 4200 });
    expect(findingSummary({ stallCode: "A-03", goods: "羊肉", claimedGrams: 1000, actualGrams: 950, ...j })).toBe(
      "公平秤复秤短秤：A-03 摊位羊肉，标称 1000 克，复秤 950 克，短 50 克，多收 ¥4.20",
    );
  });
});
