// A promotion's uplift from its stored rows: the event's declared days and the records behind the figures.
import type { CountMethod } from "../../../contracts/events.ts";
import { list } from "./events.presenter.ts";
import { computeUplift } from "./events.workflow.ts";

export function upliftOfRows(
  e: {
    baseline_kind: "same_weekdays" | "same_holiday_last_year" | null;
    baseline_dates: string | null;
    promotion_dates: string | null;
    merchant_ids: string;
  },
  figures: { date: string; method: CountMethod; visitors: number }[],
  takings: { merchant_id: number; date: string; day_role: "baseline" | "promotion"; amount_fen: number }[],
) {
  return computeUplift({
    baselineKind: e.baseline_kind,
    baselineDates: list<string>(e.baseline_dates),
    promotionDates: list<string>(e.promotion_dates),
    merchantsTakingPart: list<number>(e.merchant_ids).length,
    days: figures,
    takings: takings.map((t) => ({ merchantId: t.merchant_id, date: t.date, dayRole: t.day_role, amountFen: t.amount_fen })),
  });
}
