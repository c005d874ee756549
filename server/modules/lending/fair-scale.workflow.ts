// The fair scale's judgement of one re-weigh, as pure functions.

/** Grams in one 斤, the unit market prices are quoted in. */
export const GRAMS_PER_JIN = 500;

/**
 * How far short a weighing may be before it counts as short weight: the retail measuring idea of a permitted
 * negative deviation that grows with the quantity but never falls below what a counter scale can resolve —
 * here max(5 g, 1 % of the claimed weight). 300 g of cherries may be 5 g light, 2 kg of mutton 20 g.
 */
export function shortTolerance(claimedGrams: number): number {
  return Math.max(5, claimedGrams / 100);
}

export interface ReweighJudgement {
  /** claimed − actual when the goods weigh less than charged, else 0. */
  shortGrams: number;
  toleranceGrams: number;
  /** What the shortfall cost the shopper at the quoted price, in fen (rounded to the fen). */
  overchargeFen: number;
  outcome: "fair" | "short";
}

/** Short when the shortfall exceeds the tolerance; the overcharge is the shortfall at the price per 斤. */
export function judgeReweigh(input: { claimedGrams: number; actualGrams: number; unitPriceFen: number }): ReweighJudgement {
  const shortGrams = Math.max(0, input.claimedGrams - input.actualGrams);
  const toleranceGrams = shortTolerance(input.claimedGrams);
  return {
    shortGrams,
    toleranceGrams,
    overchargeFen: Math.round((shortGrams * input.unitPriceFen) / GRAMS_PER_JIN),
    outcome: shortGrams > toleranceGrams ? "short" : "fair",
  };
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The line a finding keeps on the merchant's record. */
export function findingSummary(r: {
  stallCode: string | null;
  goods: string;
  claimedGrams: number;
  actualGrams: number;
  shortGrams: number;
  overchargeFen: number;
}): string {
  const stall = r.stallCode ? `${r.stallCode} 摊位` : "";
  return `公平秤复秤短秤：${stall}${r.goods}，标称 ${r.claimedGrams} 克，复秤 ${r.actualGrams} 克，短 ${r.shortGrams} 克，多收 ${yuan(r.overchargeFen)}`;
}
