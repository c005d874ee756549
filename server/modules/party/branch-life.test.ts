// The periods a required meeting's reminder looks at: the month or quarter that ends within seven days.
import { describe, expect, it } from "vitest";
import { endingPeriods } from "./branch-life.service.ts";

const periods = (today: string) => endingPeriods(today).map((p) => `${p.kind} ${p.period} ${p.from}..${p.to}`);

describe("required meetings' ending periods", () => {
  it("names none early in a month, the month's meetings in its last week, and the quarter's at a quarter's end", () => {
    expect(periods("2026-11-18")).toEqual([]);
    expect(periods("2026-11-22")).toEqual([]);
    expect(periods("2026-11-23")).toEqual([
      "committee_meeting 2026-11 2026-11-01..2026-11-30",
      "group_meeting 2026-11 2026-11-01..2026-11-30",
    ]);
    expect(periods("2026-12-31")).toEqual([
      "member_meeting 2026-Q4 2026-10-01..2026-12-31",
      "committee_meeting 2026-12 2026-12-01..2026-12-31",
      "group_meeting 2026-12 2026-12-01..2026-12-31",
      "party_lecture 2026-Q4 2026-10-01..2026-12-31",
    ]);
  });

  it("knows February's length and the first quarter", () => {
    expect(periods("2028-02-21")).toEqual([]);
    expect(periods("2028-02-22")).toHaveLength(2);
    expect(periods("2027-03-25")).toContain("member_meeting 2027-Q1 2027-01-01..2027-03-31");
  });
});
