import { describe, expect, it } from "vitest";
import { monthRange, monthsBetween, shiftMonth } from "../../../contracts/calendar.ts";

describe("scorecard months", () => {
  it("shifts months across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-11", -11)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
  });
  it("lists the months a date range touches", () => {
    expect(monthsBetween("2025-12-15", "2026-02-01")).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03-01", "2026-02-28")).toEqual([]);
  });
  it("knows the last day of a month, leap years included", () => {
    expect(monthRange("2028-02").to).toBe("2028-02-29");
    expect(monthRange("2026-02").to).toBe("2026-02-28");
    expect(monthRange("2026-12").to).toBe("2026-12-31");
  });
});
