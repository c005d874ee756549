// What a module writes to put a figure into the dictionary: its definition and the query of the records behind it.
// The dictionary (figures.service.ts) makes the value from the records by the definition's aggregate, so a value
// always equals what its records add up to. A module lists its figures in its manifest (`figures:`).
import type { FigureDefinitionInfo, FigureRecord } from "../../../contracts/figures.ts";

/** The question a figure's records answer: these stations (never "all": a scope is resolved to its stations first), these days. */
export interface FigureQuery {
  stationIds: number[];
  /** The period's first and last station dates (YYYY-MM-DD) … */
  from: string;
  to: string;
  /** … and the same as UTC instants: [the first day's start, the last day's end). */
  fromIso: string;
  toIso: string;
  now: Date;
}

export type FigureRecordInput = Omit<FigureRecord, "key" | "link" | "amount"> & {
  amount?: number | null;
  key?: string | null;
  link?: string | null;
};

export interface FigureDefinition extends FigureDefinitionInfo {
  records(q: FigureQuery): Promise<FigureRecordInput[]>;
}

type Optional = "part" | "scopes" | "thresholds" | "comparable" | "personal" | "period" | "unitLabel";

/**
 * A figure with the usual defaults: every scope, a range period, comparable, no thresholds, no personal records.
 * `shortName` gives a shorter name in one language or both for the big screen (the name where it gives none).
 */
export function defineFigure(
  def: Omit<FigureDefinition, Optional | "shortName"> &
    Partial<Pick<FigureDefinition, Optional>> & { shortName?: Partial<FigureDefinition["shortName"]> },
): FigureDefinition {
  const { shortName, ...rest } = def;
  return {
    part: null,
    scopes: ["station", "street", "district"],
    thresholds: null,
    comparable: true,
    personal: false,
    period: "range",
    unitLabel: { "zh-CN": "", en: "" },
    ...rest,
    shortName: { "zh-CN": shortName?.["zh-CN"] ?? def.name["zh-CN"], en: shortName?.en ?? def.name.en },
  };
}
