/**
 * The server's rule (server/modules/lending/fair-scale.workflow.ts), shown while typing: short beyond
 * max(5 g, 1 % of the claimed weight), the shortfall priced per 斤 (500 g). The server decides.
 */
export function judge(claimed?: number, actual?: number, priceFen?: number) {
  if (!claimed || !actual || claimed <= 0 || actual <= 0) return null;
  const short = Math.max(0, claimed - actual);
  const tolerance = Math.max(5, claimed / 100);
  return { short, tolerance, outcome: short > tolerance ? "short" : "fair", overchargeFen: Math.round((short * (priceFen ?? 0)) / 500) };
}
