import { describe, expect, it } from "vitest";
import { applicationStatuses } from "../../../contracts/night-market.ts";
import {
  type AllocApplication,
  type AllocPitch,
  allocate,
  applicationStep,
  checkApplication,
  checkCounts,
  checkIn,
  closeNight,
  drawOrder,
  isOpenNight,
  isRefusal,
  nightOf,
  nightWindow,
  offerTime,
  seasonNights,
  suspendedAfter,
  unusualTakings,
  windowsBetween,
} from "./night-market.workflow.ts";

const season = {
  startsOn: "2026-06-01",
  endsOn: "2026-06-14",
  opensAt: "19:00",
  closesAt: "01:00",
  closedWeekdays: [1],
  closedNights: ["2026-06-06"],
};

describe("a season's nights and windows", () => {
  it("opens every night but the closed weekday and the closed night", () => {
    const nights = seasonNights(season);
    expect(nights).not.toContain("2026-06-01"); // a Monday
    expect(nights).not.toContain("2026-06-08");
    expect(nights).not.toContain("2026-06-06");
    expect(nights).toHaveLength(14 - 2 - 1);
    expect(isOpenNight(season, "2026-06-02")).toBe(true);
    expect(isOpenNight(season, "2026-06-15")).toBe(false);
  });
  it("a window past midnight ends the next day (station time, UTC+8)", () => {
    const w = nightWindow(season, "2026-06-02");
    expect(w.start.toISOString()).toBe("2026-06-02T11:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-06-02T17:00:00.000Z");
    const same = nightWindow({ opensAt: "18:00", closesAt: "23:00" }, "2026-06-02");
    expect(same.end.toISOString()).toBe("2026-06-02T15:00:00.000Z");
  });
  it("an instant after midnight belongs to the evening before", () => {
    expect(nightOf(new Date("2026-06-02T17:30:00.000Z"))).toBe("2026-06-02"); // 01:30 on the 3rd
    expect(nightOf(new Date("2026-06-02T12:00:00.000Z"))).toBe("2026-06-02");
    expect(nightOf(new Date("2026-06-02T02:30:00.000Z"))).toBe("2026-06-02"); // 10:30 in the morning
    expect(nightOf(new Date("2026-06-01T21:59:00.000Z"))).toBe("2026-06-01"); // 05:59 on the 2nd
  });
  it("lists the windows overlapping a range", () => {
    const ws = windowsBetween(season, new Date("2026-06-02T16:00:00.000Z"), new Date("2026-06-03T12:00:00.000Z"));
    expect(ws.map((w) => w.night)).toEqual(["2026-06-02", "2026-06-03"]);
    expect(windowsBetween(season, new Date("2026-06-30T00:00:00.000Z"), new Date("2026-07-30T00:00:00.000Z"))).toEqual([]);
  });
  it("offers untaken pitches at the check-in time, on the night", () => {
    expect(offerTime("2026-06-02", { ...season, checkinBy: "20:00" }).toISOString()).toBe("2026-06-02T12:00:00.000Z");
    expect(offerTime("2026-06-02", { ...season, checkinBy: "00:30" }).toISOString()).toBe("2026-06-02T16:30:00.000Z");
  });
});

describe("an application's steps", () => {
  const expected: Record<string, Record<string, string | null>> = {
    submitted: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
    approved: { approve: null, reject: null, withdraw: "withdrawn" },
    rejected: { approve: null, reject: null, withdraw: null },
    withdrawn: { approve: null, reject: null, withdraw: null },
  };
  for (const status of applicationStatuses) {
    for (const event of ["approve", "reject", "withdraw"] as const) {
      it(`${status} × ${event}`, () => {
        const next = applicationStep(status, event, false);
        const want = expected[status][event];
        if (want === null) expect(next).toEqual({ refused: "night_market.application_transition" });
        else expect(next).toBe(want);
      });
    }
  }
  it("an approval the draw used cannot be withdrawn", () => {
    expect(applicationStep("approved", "withdraw", true)).toEqual({ refused: "night_market.application_transition" });
    expect(applicationStep("submitted", "withdraw", true)).toBe("withdrawn");
  });

  const ok = {
    seasonStatus: "open",
    deadline: "2026-05-20T16:00:00.000Z",
    maxPitches: 2,
    kind: "goods" as const,
    pitchesWanted: 1,
    foodLicenceNo: null,
    suspended: false,
  };
  const before = new Date("2026-05-20T15:59:59.000Z");
  it("accepts a complete application before the deadline", () => expect(checkApplication(ok, before)).toBeNull());
  it("refuses after the deadline, naming the season", () =>
    expect(checkApplication(ok, new Date("2026-05-20T16:00:00.000Z"))).toMatchObject({
      refused: "night_market.deadline_passed",
      field: "seasonId",
    }));
  it("refuses a season not open", () =>
    expect(checkApplication({ ...ok, seasonStatus: "allocated" }, before)).toMatchObject({ refused: "night_market.not_open" }));
  it("refuses food without a licence", () =>
    expect(checkApplication({ ...ok, kind: "food" }, before)).toMatchObject({
      refused: "night_market.food_licence_required",
      field: "foodLicenceNo",
    }));
  it("accepts food with a licence", () =>
    expect(checkApplication({ ...ok, kind: "food", foodLicenceNo: "JY16502030001" }, before)).toBeNull());
  it("refuses more pitches than the cap", () =>
    expect(checkApplication({ ...ok, pitchesWanted: 3 }, before)).toMatchObject({
      refused: "night_market.too_many_pitches",
      field: "pitchesWanted",
      params: { max: 2 },
    }));
  it("refuses a suspended operator", () =>
    expect(checkApplication({ ...ok, suspended: true }, before)).toMatchObject({ refused: "night_market.suspended" }));
});

const pitches: AllocPitch[] = [
  { id: 11, number: "A2", kind: "food" },
  { id: 10, number: "A1", kind: "food" },
  { id: 12, number: "A10", kind: "food" },
  { id: 20, number: "B1", kind: "goods" },
  { id: 21, number: "B2", kind: "goods" },
];
const apps: AllocApplication[] = [
  { id: 1, operatorId: 101, kind: "food", pitchesWanted: 2, preferredPitchId: 12 },
  { id: 2, operatorId: 102, kind: "food", pitchesWanted: 1, preferredPitchId: null },
  { id: 3, operatorId: 103, kind: "food", pitchesWanted: 1, preferredPitchId: null },
  { id: 4, operatorId: 104, kind: "goods", pitchesWanted: 1, preferredPitchId: 21 },
  { id: 5, operatorId: 105, kind: "games", pitchesWanted: 1, preferredPitchId: null },
];
const nights = ["2026-06-02", "2026-06-03", "2026-06-04"];

const noPitchTwice = (pn: { pitchId: number; night: string }[]) => new Set(pn.map((p) => `${p.pitchId}:${p.night}`)).size === pn.length;

describe("allocation rules", () => {
  it("fixed: first come first served, the wished pitch first, everyone's first pitch before a second", () => {
    const a = allocate("fixed", apps, pitches, nights, 2, null);
    expect(a.assignments).toEqual([
      { operatorId: 101, applicationId: 1, pitchIds: [12] },
      { operatorId: 102, applicationId: 2, pitchIds: [10] },
      { operatorId: 103, applicationId: 3, pitchIds: [11] },
      { operatorId: 104, applicationId: 4, pitchIds: [21] },
    ]);
    expect(a.waitingList.map((w) => w.operatorId)).toEqual([105]);
    expect(a.pitchNights).toHaveLength(4 * 3);
    // with a pitch to spare, the first applicant's second wish is met in the second round
    const more = allocate("fixed", apps.slice(0, 2), pitches, nights, 2, null);
    expect(more.assignments[0].pitchIds).toEqual([12, 11]);
    expect(noPitchTwice(a.pitchNights)).toBe(true);
  });
  it("never gives an operator more than the cap", () => {
    const a = allocate("fixed", apps.slice(0, 1), pitches, nights, 1, null);
    expect(a.assignments[0].pitchIds).toHaveLength(1);
  });
  it("lottery: the same seed draws the same allocation; a re-run with the recorded seed is identical", () => {
    const first = allocate("lottery", apps, pitches, nights, 2, "seed-2026");
    const again = allocate("lottery", [...apps].reverse(), [...pitches].reverse(), nights, 2, "seed-2026");
    expect(again).toEqual(first);
    expect(noPitchTwice(first.pitchNights)).toBe(true);
    // every food pitch is given, nobody beyond their cap
    const foodGiven = first.assignments.filter((x) => [101, 102, 103].includes(x.operatorId)).flatMap((x) => x.pitchIds);
    expect(foodGiven.sort()).toEqual([10, 11, 12]);
  });
  it("lottery: other seeds draw other orders", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: i + 1,
      operatorId: i + 1,
      kind: "food" as const,
      pitchesWanted: 1,
      preferredPitchId: null,
    }));
    const orders = new Set(
      ["a", "b", "c", "d"].map((seed) =>
        drawOrder(many, seed)
          .map((x) => x.id)
          .join(","),
      ),
    );
    expect(orders.size).toBe(4);
    expect(drawOrder(many, "a")).toEqual(drawOrder(many, "a"));
    expect([...drawOrder(many, "a")].sort((x, y) => x.id - y.id)).toEqual(many);
  });
  it("rotation: applicants take turns, one pitch each a night, never a pitch twice a night", () => {
    const a = allocate("rotation", apps, pitches, nights, 2, null);
    expect(noPitchTwice(a.pitchNights)).toBe(true);
    for (const night of nights) {
      const food = a.pitchNights.filter((p) => p.night === night && [10, 11, 12].includes(p.pitchId));
      expect(new Set(food.map((p) => p.operatorId)).size).toBe(3);
    }
    const byOp = (op: number) => a.pitchNights.filter((p) => p.operatorId === op).map((p) => p.pitchId);
    expect(new Set(byOp(101)).size).toBeGreaterThan(1); // moves around
    expect(a.waitingList.map((w) => w.operatorId)).toEqual([105]); // no games pitch
  });
  it("rotation with more applicants than pitches gives each a turn", () => {
    const many = Array.from({ length: 4 }, (_, i) => ({
      id: i + 1,
      operatorId: i + 1,
      kind: "goods" as const,
      pitchesWanted: 1,
      preferredPitchId: null,
    }));
    const a = allocate("rotation", many, pitches, ["n1", "n2", "n3", "n4"], 1, null);
    expect(a.pitchNights).toHaveLength(2 * 4);
    const nightsEach = many.map((m) => a.pitchNights.filter((p) => p.operatorId === m.operatorId).length);
    expect(nightsEach).toEqual([2, 2, 2, 2]);
  });
  it("nothing to allocate gives nothing", () => {
    expect(allocate("lottery", [], pitches, nights, 1, "x")).toEqual({ assignments: [], waitingList: [], pitchNights: [] });
  });
});

describe("each night", () => {
  const w = nightWindow(season, "2026-06-02");
  const mine = { operatorId: 7, status: "allocated" as const };
  it("checks in the pitch's operator on the night", () =>
    expect(checkIn(mine, 7, w, new Date("2026-06-02T11:30:00.000Z"))).toBe("checked_in"));
  it("refuses someone else's pitch", () =>
    expect(checkIn(mine, 8, w, new Date("2026-06-02T11:30:00.000Z"))).toMatchObject({
      refused: "night_market.not_your_pitch",
      field: "pitchNightId",
    }));
  it("refuses a released pitch", () =>
    expect(checkIn({ ...mine, status: "released" }, 7, w, new Date("2026-06-02T11:30:00.000Z"))).toMatchObject({
      refused: "night_market.not_your_pitch",
    }));
  it("refuses a second check-in", () =>
    expect(checkIn({ ...mine, status: "checked_in" }, 7, w, new Date("2026-06-02T11:30:00.000Z"))).toMatchObject({
      refused: "night_market.already_checked_in",
    }));
  it("refuses too early and after closing", () => {
    expect(checkIn(mine, 7, w, new Date("2026-06-02T07:59:00.000Z"))).toMatchObject({ refused: "night_market.not_tonight" });
    expect(checkIn(mine, 7, w, new Date("2026-06-02T08:00:00.000Z"))).toBe("checked_in");
    expect(checkIn(mine, 7, w, new Date("2026-06-02T17:00:00.000Z"))).toMatchObject({ refused: "night_market.not_tonight" });
  });
  it("flags takings far from the usual, once there is a usual", () => {
    expect(unusualTakings(100_000, [])).toBe(false);
    expect(unusualTakings(100_000, [1, 2])).toBe(false);
    expect(unusualTakings(100_000, [100_000, 90_000, 110_000])).toBe(false);
    expect(unusualTakings(400_000, [100_000, 90_000, 110_000])).toBe(true);
    expect(unusualTakings(20_000, [100_000, 90_000, 110_000, 95_000])).toBe(true);
    expect(unusualTakings(0, [0, 0, 0])).toBe(false);
    expect(unusualTakings(5, [0, 0, 0])).toBe(true);
  });
  it("suspends at the configured number of bad records", () => {
    expect(suspendedAfter(2, 3)).toBe(false);
    expect(suspendedAfter(3, 3)).toBe(true);
    expect(suspendedAfter(4, 3)).toBe(true);
    expect(suspendedAfter(1, 1)).toBe(true);
  });
});

describe("the nightly close", () => {
  const counts = [
    { entrance: "东门", visitorsIn: 900, visitorsOut: 850 },
    { entrance: "西门", visitorsIn: 600, visitorsOut: 640 },
  ];
  it("computes the night's figures from the counts and takings", () => {
    expect(closeNight("open", counts, [50_000, 30_000], 2, 1)).toEqual({
      visitorsIn: 1500,
      visitorsOut: 1490,
      turnoverFen: 80_000,
      operators: 2,
      incidents: 1,
    });
  });
  it("refuses a closed night, a night without counts", () => {
    expect(closeNight("closed", counts, [], 0, 0)).toMatchObject({ refused: "night_market.night_closed" });
    expect(closeNight("open", [], [], 0, 0)).toMatchObject({ refused: "night_market.no_counts" });
  });
  it("refuses more exits than entries over the night, naming the counts", () => {
    const bad = checkCounts([{ entrance: "东门", visitorsIn: 10, visitorsOut: 11 }]);
    expect(bad).toMatchObject({ refused: "night_market.exits_exceed_entries", field: "counts", params: { in: 10, out: 11 } });
    expect(checkCounts(counts)).toBeNull(); // one gate's exits above its entries is people changing gates
    expect(checkCounts([counts[0], { ...counts[0] }])).toMatchObject({
      refused: "night_market.duplicate_entrance",
      field: "counts.1.entrance",
    });
    expect(isRefusal(closeNight("open", [{ entrance: "东门", visitorsIn: 10, visitorsOut: 11 }], [], 0, 0))).toBe(true);
  });
});
