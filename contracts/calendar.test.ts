import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  monthRange,
  shiftMonth,
  stationDate,
  stationDayBounds,
  stationHour,
  stationInstant,
  stationMonth,
  stationTime,
  weekdayOf,
  weekStart,
} from "./calendar.ts";

describe("the stations' calendar (UTC+8)", () => {
  it("reads an instant's date, month, time and hour at the station", () => {
    // 07:59 at the station is still the previous day in UTC; 16:00 UTC is already tomorrow at the station.
    expect(stationDate("2026-11-17T23:59:00Z")).toBe("2026-11-18");
    expect(stationTime("2026-11-17T23:59:00Z")).toBe("07:59");
    expect(stationHour(new Date("2026-11-17T23:59:00Z"))).toBe(7);
    expect(stationDate("2026-12-31T16:30:00Z")).toBe("2027-01-01");
    expect(stationMonth("2026-11-30T16:00:00Z")).toBe("2026-12");
    expect(stationDate("2026-11-30T15:59:59.999Z")).toBe("2026-11-30");
  });

  it("turns a station day into its UTC bounds and a station time into an instant", () => {
    expect(stationDayBounds("2028-02-29")).toEqual(["2028-02-28T16:00:00.000Z", "2028-02-29T16:00:00.000Z"]);
    expect(stationInstant("2026-11-18", "10:30").toISOString()).toBe("2026-11-18T02:30:00.000Z");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-12-25", "2027-01-01")).toBe(7);
    expect(daysBetween("2027-01-01", "2026-12-25")).toBe(-7);
  });

  it("moves months and dates by months, clamping to the month's end", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2026-05", -17)).toBe("2024-12");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("knows weekdays and the Monday of a week", () => {
    expect(weekdayOf("2026-11-22")).toBe(7);
    expect(weekdayOf("2026-11-23")).toBe(1);
    expect(weekStart("2026-11-22")).toBe("2026-11-16");
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
  });
});
