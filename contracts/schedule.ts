// Repeat rules of the station's calendar ("every Tuesday", "the 1st and 15th", "the 2nd and 4th Wednesday") and
// their expansion into station dates (YYYY-MM-DD, the station's own calendar). Pure: the server generates duty
// shifts and Red Shield sessions from them, the console previews the same dates.
import { z } from "zod";
import { addDays, daysInMonth, weekdayOf } from "./calendar.ts";

/** ISO weekday: 1 = Monday … 7 = Sunday. */
const weekday = z.number().int().min(1, { message: "v.number_range" }).max(7, { message: "v.number_range" });

const distinctSorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

export const repeatRuleSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("weekly"),
      weekdays: z.array(weekday).min(1, { message: "v.required" }).max(7).transform(distinctSorted),
    })
    .strict(),
  z
    .object({
      kind: z.literal("monthly_days"),
      /** Days of the month; a day beyond a month's end (the 31st in April) is skipped that month. */
      days: z
        .array(z.number().int().min(1, { message: "v.number_range" }).max(31, { message: "v.number_range" }))
        .min(1, { message: "v.required" })
        .max(31)
        .transform(distinctSorted),
    })
    .strict(),
  z
    .object({
      kind: z.literal("monthly_nth"),
      /** Which occurrences of the weekday in the month: 1 = first … 5 = fifth (skipped in months without one). */
      nth: z
        .array(z.number().int().min(1, { message: "v.number_range" }).max(5, { message: "v.number_range" }))
        .min(1, { message: "v.required" })
        .max(5)
        .transform(distinctSorted),
      weekday,
    })
    .strict(),
]);
export type RepeatRule = z.output<typeof repeatRuleSchema>;

/** A stored rule as responses show it (already normalised: no transforms, so it serialises both ways). */
export const repeatRuleViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weekly"), weekdays: z.array(z.number().int()) }),
  z.object({ kind: z.literal("monthly_days"), days: z.array(z.number().int()) }),
  z.object({ kind: z.literal("monthly_nth"), nth: z.array(z.number().int()), weekday: z.number().int() }),
]);
export type RepeatRuleKind = RepeatRule["kind"];

const pad = (n: number) => String(n).padStart(2, "0");

/** Every date the rule falls on from `from` to `to`, both included, in order. */
export function expandRule(rule: RepeatRule, from: string, to: string): string[] {
  if (to < from) return [];
  const out: string[] = [];
  if (rule.kind === "weekly") {
    const days = new Set(rule.weekdays);
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (days.has(weekdayOf(date))) out.push(date);
    }
    return out;
  }
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastYear = Number(to.slice(0, 4));
  const lastMonth = Number(to.slice(5, 7));
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const length = daysInMonth(year, month);
    const inMonth: number[] = [];
    if (rule.kind === "monthly_days") {
      for (const d of rule.days) if (d <= length) inMonth.push(d);
    } else {
      const firstWeekday = weekdayOf(`${year}-${pad(month)}-01`);
      const first = 1 + ((rule.weekday - firstWeekday + 7) % 7);
      for (const n of rule.nth) {
        const d = first + (n - 1) * 7;
        if (d <= length) inMonth.push(d);
      }
    }
    for (const d of inMonth) {
      const date = `${year}-${pad(month)}-${pad(d)}`;
      if (date >= from && date <= to) out.push(date);
    }
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

const zhWeekday = ["一", "二", "三", "四", "五", "六", "日"];
const enWeekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function enOrdinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

function enList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The rule in words: 每周二 / 每月1日、15日 / 每月第2、4个周三; Every Tuesday / The 1st and 15th of each month. */
export function describeRule(rule: RepeatRule, locale: "zh-CN" | "en"): string {
  if (locale === "en") {
    if (rule.kind === "weekly") {
      if (rule.weekdays.length === 7) return "Every day";
      return `Every ${enList(rule.weekdays.map((d) => enWeekday[d - 1]))}`;
    }
    if (rule.kind === "monthly_days") return `The ${enList(rule.days.map(enOrdinal))} of each month`;
    return `The ${enList(rule.nth.map(enOrdinal))} ${enWeekday[rule.weekday - 1]} of each month`;
  }
  if (rule.kind === "weekly") {
    if (rule.weekdays.length === 7) return "每天";
    return `每周${rule.weekdays.map((d) => zhWeekday[d - 1]).join("、")}`;
  }
  if (rule.kind === "monthly_days") return `每月${rule.days.map((d) => `${d}日`).join("、")}`;
  return `每月第${rule.nth.join("、")}个周${zhWeekday[rule.weekday - 1]}`;
}

/** A stored rule (JSON text) back as a RepeatRule, or null when it no longer parses. */
export function parseRule(text: string): RepeatRule | null {
  try {
    const result = repeatRuleSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
