// Re-weighs, the merchant findings they leave, the stalls to choose from and the re-weighs sheet, as shown.
import { stationDate, stationTime } from "../../../contracts/calendar.ts";
import type { Finding, Reweigh } from "../../../contracts/lending.ts";
import type { FindingRow, ReweighRow, ScaleStallRow } from "./fair-scale.repository.ts";
import { shortTolerance } from "./fair-scale.workflow.ts";

export const reweighExportColumns = [
  { key: "createdAt", header: "复秤时间" },
  { key: "stall", header: "摊位" },
  { key: "merchant", header: "商户" },
  { key: "goods", header: "商品" },
  { key: "claimedGrams", header: "标称(克)" },
  { key: "actualGrams", header: "复秤(克)" },
  { key: "shortGrams", header: "短缺(克)" },
  { key: "unitPrice", header: "单价(元/斤)" },
  { key: "overcharge", header: "多收(元)" },
  { key: "outcome", header: "结论" },
  { key: "shopper", header: "顾客" },
  { key: "problem", header: "问题编号" },
] as const;

/** A re-weigh as the API shows it, with the tolerance it was judged by. */
export function presentReweigh(r: ReweighRow): Reweigh {
  return {
    id: r.id,
    stationId: r.station_id,
    stallId: r.stall_id,
    stallCode: r.stall_code,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    goods: r.goods,
    claimedGrams: r.claimed_grams,
    actualGrams: r.actual_grams,
    unitPriceFen: r.unit_price_fen,
    shortGrams: r.short_grams,
    toleranceGrams: shortTolerance(r.claimed_grams),
    overchargeFen: r.overcharge_fen,
    outcome: r.outcome,
    shopperName: r.shopper_name,
    recordedBy: r.recorded_by,
    problemId: r.problem_id,
    problemCode: r.problem_code,
    findingId: r.finding_id,
    createdAt: r.created_at,
  };
}

/** One line of the re-weighs sheet. */
export function presentReweighExportRow(r: ReweighRow) {
  return {
    createdAt: `${stationDate(r.created_at)} ${stationTime(r.created_at)}`,
    stall: r.stall_code ?? "",
    merchant: r.merchant_name,
    goods: r.goods,
    claimedGrams: r.claimed_grams,
    actualGrams: r.actual_grams,
    shortGrams: r.short_grams,
    unitPrice: (r.unit_price_fen / 100).toFixed(2),
    overcharge: (r.overcharge_fen / 100).toFixed(2),
    outcome: r.outcome === "short" ? "短秤" : "足秤",
    shopper: r.shopper_name ?? "",
    problem: r.problem_code ?? "",
  };
}

/** A finding on a merchant's record from the fair scale. */
export function presentFinding(r: FindingRow): Finding {
  return {
    id: r.id,
    merchantId: r.merchant_id,
    source: "fair_scale",
    reweighId: r.reweigh_id,
    summary: r.summary,
    shortGrams: r.short_grams,
    overchargeFen: r.overcharge_fen,
    problemId: r.problem_id,
    createdAt: r.created_at,
  };
}

/** A stall a shopper can name for a re-weigh. */
export function presentScaleStall(s: ScaleStallRow) {
  return { id: s.id, code: s.code, merchantId: s.merchant_id, merchantName: s.merchant_name };
}
