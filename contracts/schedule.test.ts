import { describe, expect, it } from "vitest";
import { addDays, monthRange, weekdayOf } from "./calendar.ts";
import { describeRule, expandRule, parseRule, type RepeatRule, repeatRuleSchema } from "./schedule.ts";

describe("repeat rules", () => {
  it("weekly: every Tuesday across a month boundary", () => {
    const dates = expandRule({ kind: "weekly", weekdays: [2] }, "2026-11-25", "2026-12-16");
    expect(dates).toEqual(["2026-12-01", "2026-12-08", "2026-12-15"]);
    expect(dates.every((d) => weekdayOf(d) === 2)).toBe(true);
  });

  it("weekly: Monday, Wednesday and Friday, bounds included", () => {
    expect(expandRule({ kind: "weekly", weekdays: [1, 3, 5] }, "2026-12-07", "2026-12-11")).toEqual([
      "2026-12-07",
      "2026-12-09",
      "2026-12-11",
    ]);
    expect(expandRule({ kind: "weekly", weekdays: [7] }, "2026-12-13", "2026-12-13")).toEqual(["2026-12-13"]);
  });

  it("monthly days: the 1st and 15th, and the 31st skipped in short months", () => {
    expect(expandRule({ kind: "monthly_days", days: [1, 15] }, "2026-01-10", "2026-03-01")).toEqual([
      "2026-01-15",
      "2026-02-01",
      "2026-02-15",
      "2026-03-01",
    ]);
    expect(expandRule({ kind: "monthly_days", days: [31] }, "2026-01-01", "2026-06-30")).toEqual([
      "2026-01-31",
      "2026-03-31",
      "2026-05-31",
    ]);
  });

  it("monthly days: the 29th of February only in leap years", () => {
    expect(expandRule({ kind: "monthly_days", days: [29] }, "2027-02-01", "2027-02-28")).toEqual([]);
    expect(expandRule({ kind: "monthly_days", days: [29] }, "2028-02-01", "2028-02-29")).toEqual(["2028-02-29"]);
    expect(expandRule({ kind: "monthly_days", days: [30] }, "2100-02-01", "2100-03-30")).toEqual(["2100-03-30"]);
    expect(expandRule({ kind: "monthly_days", days: [29] }, "2000-02-01", "2000-02-29")).toEqual(["2000-02-29"]);
  });

  it("monthly nth: the 2nd and 4th Wednesday", () => {
    // December 2026 starts on a Tuesday: Wednesdays are the 2nd, 9th, 16th, 23rd and 30th.
    expect(expandRule({ kind: "monthly_nth", nth: [2, 4], weekday: 3 }, "2026-12-01", "2026-12-31")).toEqual(["2026-12-09", "2026-12-23"]);
    // A month starting on the weekday itself: April 2026 starts on a Wednesday.
    expect(expandRule({ kind: "monthly_nth", nth: [1, 2], weekday: 3 }, "2026-04-01", "2026-04-30")).toEqual(["2026-04-01", "2026-04-08"]);
  });

  it("monthly nth: a fifth occurrence only where the month has one", () => {
    // February 2028 (leap) has five Tuesdays: 1, 8, 15, 22, 29; February 2027 has four Mondays.
    expect(expandRule({ kind: "monthly_nth", nth: [5], weekday: 2 }, "2028-02-01", "2028-02-29")).toEqual(["2028-02-29"]);
    expect(expandRule({ kind: "monthly_nth", nth: [5], weekday: 1 }, "2027-02-01", "2027-02-28")).toEqual([]);
  });

  it("crosses a year end and respects the window", () => {
    const dates = expandRule({ kind: "monthly_nth", nth: [2, 4], weekday: 3 }, "2026-12-10", "2027-01-31");
    expect(dates).toEqual(["2026-12-23", "2027-01-13", "2027-01-27"]);
    expect(expandRule({ kind: "weekly", weekdays: [1] }, "2027-01-31", "2027-01-01")).toEqual([]);
  });

  it("every occurrence over a year is on the right weekday and never repeated", () => {
    const rules: RepeatRule[] = [
      { kind: "weekly", weekdays: [2, 4] },
      { kind: "monthly_days", days: [1, 15, 31] },
      { kind: "monthly_nth", nth: [1, 3, 5], weekday: 5 },
    ];
    for (const rule of rules) {
      const dates = expandRule(rule, "2027-01-01", "2028-12-31");
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
    }
    expect(expandRule(rules[0], "2027-01-01", "2027-12-31")).toHaveLength(104);
    expect(expandRule(rules[1], "2027-01-01", "2027-12-31")).toHaveLength(12 * 2 + 7);
  });

  it("parses and normalises rules, and refuses bad ones", () => {
    expect(repeatRuleSchema.parse({ kind: "weekly", weekdays: [5, 1, 5] })).toEqual({ kind: "weekly", weekdays: [1, 5] });
    expect(repeatRuleSchema.safeParse({ kind: "weekly", weekdays: [] }).success).toBe(false);
    expect(repeatRuleSchema.safeParse({ kind: "weekly", weekdays: [8] }).success).toBe(false);
    expect(repeatRuleSchema.safeParse({ kind: "monthly_days", days: [0] }).success).toBe(false);
    expect(repeatRuleSchema.safeParse({ kind: "monthly_nth", nth: [6], weekday: 3 }).success).toBe(false);
    expect(repeatRuleSchema.safeParse({ kind: "yearly" }).success).toBe(false);
    expect(parseRule('{"kind":"monthly_days","days":[15,1]}')).toEqual({ kind: "monthly_days", days: [1, 15] });
    expect(parseRule("not json")).toBeNull();
  });

  it("describes rules in Chinese and English", () => {
    expect(describeRule({ kind: "weekly", weekdays: [2] }, "zh-CN")).toBe("每周二");
    expect(describeRule({ kind: "weekly", weekdays: [1, 3, 5] }, "zh-CN")).toBe("每周一、三、五");
    expect(describeRule({ kind: "monthly_days", days: [1, 15] }, "zh-CN")).toBe("每月1日、15日");
    expect(describeRule({ kind: "monthly_nth", nth: [2, 4], weekday: 3 }, "zh-CN")).toBe("每月第2、4个周三");
    expect(describeRule({ kind: "weekly", weekdays: [2] }, "en")).toBe("Every Tuesday");
    expect(describeRule({ kind: "weekly", weekdays: [1, 3, 5] }, "en")).toBe("Every Monday, Wednesday and Friday");
    expect(describeRule({ kind: "monthly_days", days: [1, 15] }, "en")).toBe("The 1st and 15th of each month");
    expect(describeRule({ kind: "monthly_days", days: [2, 3, 11, 22] }, "en")).toBe("The 2nd, 3rd, 11th and 22nd of each month");
    expect(describeRule({ kind: "monthly_nth", nth: [2, 4], weekday: 3 }, "en")).toBe("The 2nd and 4th Wednesday of each month");
  });

  it("month ranges and day arithmetic", () => {
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});
