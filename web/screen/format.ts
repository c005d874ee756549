// How a figure reads on the big screen: large and short (万 for big sums, hours for minutes), "<3" for a small count
// of people withheld, "—" for nothing to show.
import type { ScreenFigure } from "../../contracts/screen.ts";
import type { ScreenLang } from "./texts.ts";

export interface Shown {
  /** The number as drawn, large. */
  number: string;
  /** The unit after it, smaller (家, 万元, 小时, %…). */
  unit: string;
}

const grouped = (n: number, lang: ScreenLang, digits = 0) =>
  n.toLocaleString(lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export function shownValue(f: Pick<ScreenFigure, "value" | "masked" | "unit" | "unitLabel">, lang: ScreenLang): Shown {
  if (f.masked) return { number: "<3", unit: f.unitLabel[lang] };
  if (f.value === null) return { number: "—", unit: "" };
  const v = f.value;
  switch (f.unit) {
    case "fen": {
      const yuan = v / 100;
      if (lang === "en") {
        if (Math.abs(yuan) >= 1_000_000) return { number: `¥${grouped(yuan / 1_000_000, lang, 2)}M`, unit: "" };
        if (Math.abs(yuan) >= 10_000) return { number: `¥${grouped(yuan / 1_000, lang, 0)}k`, unit: "" };
        return { number: `¥${grouped(yuan, lang)}`, unit: "" };
      }
      if (Math.abs(yuan) >= 10_000) return { number: grouped(yuan / 10_000, lang, 1), unit: "万元" };
      return { number: grouped(yuan, lang), unit: "元" };
    }
    case "minutes":
      return { number: grouped(v / 60, lang, v / 60 >= 100 ? 0 : 1), unit: lang === "en" ? "h" : "小时" };
    case "percent":
      return { number: grouped(v, lang, 1), unit: "%" };
    default:
      return { number: grouped(v, lang, Number.isInteger(v) ? 0 : 1), unit: f.unitLabel[lang] };
  }
}

/** A series value in the chart's own unit (yuan, hours), so its axis reads like the tiles. */
export function chartValue(v: number | null, unit: ScreenFigure["unit"]): number | null {
  if (v === null) return null;
  if (unit === "fen") return Math.round(v / 100);
  if (unit === "minutes") return Math.round((v / 60) * 10) / 10;
  return v;
}

/** `2026-03` → `3月` (en: `Mar`). */
export function monthLabel(key: string, lang: ScreenLang): string {
  const m = Number(key.slice(5, 7));
  if (!m) return key;
  if (lang === "en") return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
  return `${m}月`;
}

/** The scale that fits the 1920×1080 canvas into a display, whole (letterboxed), and where it sits. */
export function fitCanvas(width: number, height: number, canvas = { w: 1920, h: 1080 }) {
  const scale = Math.min(width / canvas.w, height / canvas.h);
  return { scale, left: (width - canvas.w * scale) / 2, top: (height - canvas.h * scale) / 2 };
}
