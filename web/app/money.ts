import i18n from "./i18n.ts";

/** Money is kept as integer fen; show yuan with two decimals, e.g. 370500000 → ¥3,705,000.00. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "—";
  const locale = i18n.language === "en" ? "en-US" : "zh-CN";
  return `¥${(fen / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Large sums read better in 万元 in Chinese: 370500000 fen → 370.5 万元. */
export function formatWan(fen: number): string {
  const yuan = fen / 100;
  if (i18n.language === "en" || yuan < 10_000) return formatYuan(fen);
  return i18n.t("common:money.wan", { value: (yuan / 10_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 }) });
}

export function yuanToFen(yuan: number | null | undefined): number {
  return Math.round((yuan ?? 0) * 100);
}
