import i18n from "../../../app/i18n.ts";

/**
 * A caring shop's rate in the way shops in China print it: 850‰ → 八五折 / 8.5折 in Chinese, "pay 85 %" in
 * English; the percent the holder pays is shown beside it.
 */
export function formatRate(permille: number | null | undefined): string {
  if (permille === null || permille === undefined) return "—";
  const percent = permille / 10;
  const zhe = permille / 100;
  if (i18n.language === "en") return i18n.t("caring:rate.en", { percent: trim(percent) });
  const digits = "〇一二三四五六七八九";
  const tenths = Math.round(permille / 10);
  const chinese = tenths % 10 === 0 ? `${digits[tenths / 10]}折` : `${digits[Math.floor(tenths / 10)]}${digits[tenths % 10]}折`;
  return i18n.t("caring:rate.zh", { chinese, zhe: trim(zhe), percent: trim(percent) });
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

export const weekdayNumbers = [1, 2, 3, 4, 5, 6, 7] as const;

export function formatWeekdays(days: number[]): string {
  return [...days]
    .sort((a, b) => a - b)
    .map((d) => i18n.t(`caring:weekday.${d}`))
    .join(i18n.language === "en" ? ", " : "、");
}

export const roundStatusColour: Record<string, string> = {
  nominating: "blue",
  reviewing: "gold",
  publicity: "purple",
  awarded: "green",
  cancelled: "default",
};

export const nominationStatusColour: Record<string, string> = {
  nominated: "blue",
  accepted: "cyan",
  rejected: "default",
  winner: "green",
  not_awarded: "orange",
};

export const cardStatusColour: Record<string, string> = { active: "green", revoked: "red", expired: "default" };

export const shopStatusColour: Record<string, string> = {
  applied: "blue",
  inspected: "gold",
  certified: "green",
  suspended: "orange",
  revoked: "red",
  rejected: "default",
};
