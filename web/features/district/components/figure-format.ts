// A figure's value as a reader reads it: counts with their word (家, 人次), money in yuan (万元 when large), minutes as
// hours, shares as percentages; "—" for no value.
import type { FigureDefinitionInfo } from "../../../../contracts/figures.ts";
import i18n from "../../../app/i18n.ts";
import { formatWan } from "../../../app/money.ts";

export function formatFigure(value: number | null | undefined, def: FigureDefinitionInfo | undefined): string {
  if (value === null || value === undefined) return "—";
  const en = i18n.language === "en";
  const locale = en ? "en-US" : "zh-CN";
  const unit = def?.unit ?? "count";
  if (unit === "fen") return formatWan(Math.round(value));
  if (unit === "minutes") return `${(value / 60).toLocaleString(locale, { maximumFractionDigits: 1 })} ${en ? "h" : "小时"}`;
  if (unit === "percent") return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  const word = def ? def.unitLabel[en ? "en" : "zh-CN"] : "";
  const n = value.toLocaleString(locale, { maximumFractionDigits: 2 });
  return word ? `${n}${en ? " " : ""}${word}` : n;
}

/** The value a chart plots: yuan for money, hours for minutes, as is otherwise. */
export function plotted(value: number | null, def: FigureDefinitionInfo | undefined): number | null {
  if (value === null) return null;
  if (def?.unit === "fen") return Math.round(value) / 100;
  if (def?.unit === "minutes") return Math.round((value / 60) * 10) / 10;
  return Math.round(value * 100) / 100;
}

export const figureName = (def: FigureDefinitionInfo | undefined, id: string) =>
  def ? def.name[i18n.language === "en" ? "en" : "zh-CN"] : id;
