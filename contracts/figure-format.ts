// How a figure's value reads, by its unit: fen as 元 (万元 when large, in Chinese), minutes as hours, percentages,
// counts with their word (家, 人次…). Pure, so the dictionary page, the drawer and the tests share it.
import type { FigureUnit } from "./figures.ts";

export interface FormatOptions {
  language: "zh-CN" | "en";
  /** The word after a count, in the reader's language. */
  unitLabel?: string;
}

const number = (v: number, language: string, digits = 1) =>
  v.toLocaleString(language === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: digits });

export function formatFigure(value: number | null, unit: FigureUnit, o: FormatOptions): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (unit === "fen") {
    const yuan = value / 100;
    if (o.language === "zh-CN" && Math.abs(yuan) >= 10_000) return `${number(yuan / 10_000, o.language, 2)} 万元`;
    if (o.language === "zh-CN") return `${number(yuan, o.language, 2)} 元`;
    if (Math.abs(yuan) >= 1_000_000) return `¥${number(yuan / 1_000_000, o.language, 2)} M`;
    if (Math.abs(yuan) >= 10_000) return `¥${number(yuan / 1_000, o.language, 1)} k`;
    return `¥${number(yuan, o.language, 2)}`;
  }
  if (unit === "minutes") return `${number(value / 60, o.language)} ${o.language === "en" ? "h" : "小时"}`;
  if (unit === "percent") return `${number(value, o.language)}%`;
  const label = o.unitLabel ? (o.language === "en" ? ` ${o.unitLabel}` : ` ${o.unitLabel}`) : "";
  return `${number(value, o.language)}${label}`;
}

/** A record's amount as the figure's unit reads it (a count's records carry none). */
export function formatAmount(amount: number | null, unit: FigureUnit, language: "zh-CN" | "en"): string {
  if (amount === null) return "";
  if (unit === "fen") return `¥${number(amount / 100, language, 2)}`;
  if (unit === "minutes") return `${number(amount / 60, language, 2)} ${language === "en" ? "h" : "小时"}`;
  return number(amount, language, 2);
}

/** The hash of a record set, shortened for a citation line: its first 12 hex digits. */
export const shortHash = (hash: string) => hash.slice(0, 12);
