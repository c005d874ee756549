import { describe, expect, it } from "vitest";
import { checkDay, checkDesks, checkShiftEdit, planDates } from "./roster.workflow.ts";

const today = "2026-12-01";

describe("roster rules", () => {
  it("a free day takes the unit", () => {
    expect(checkDay({ date: "2026-12-05", today, unitId: 1, desks: 3, dayShifts: [{ id: 10, unitId: 2 }] })).toBeNull();
    expect(checkDay({ date: today, today, unitId: 1, desks: 3, dayShifts: [] })).toBeNull();
  });

  it("refuses a past day, the same unit twice, and a day whose desks are taken — in that order", () => {
    expect(checkDay({ date: "2026-11-30", today, unitId: 1, desks: 3, dayShifts: [] })).toEqual({ kind: "past", date: "2026-11-30" });
    const full = [
      { id: 1, unitId: 1 },
      { id: 2, unitId: 2 },
      { id: 3, unitId: 3 },
    ];
    expect(checkDay({ date: "2026-12-05", today, unitId: 1, desks: 3, dayShifts: full })).toEqual({ kind: "conflict", date: "2026-12-05" });
    expect(checkDay({ date: "2026-12-05", today, unitId: 4, desks: 3, dayShifts: full })).toEqual({
      kind: "desks_full",
      date: "2026-12-05",
      count: 3,
      desks: 3,
    });
    expect(checkDay({ date: "2026-12-05", today, unitId: 4, desks: 4, dayShifts: full })).toBeNull();
  });

  it("a shift moved within its own day does not count against itself", () => {
    const day = [
      { id: 1, unitId: 1 },
      { id: 2, unitId: 2 },
    ];
    expect(checkDay({ date: "2026-12-05", today, unitId: 1, desks: 2, dayShifts: day, movingShiftId: 1 })).toBeNull();
    expect(checkDay({ date: "2026-12-05", today, unitId: 1, desks: 2, dayShifts: day, movingShiftId: 9 })?.kind).toBe("conflict");
  });

  it("plans a rule's dates one by one, each accepted date taking a desk", () => {
    const byDate = new Map([
      ["2026-12-02", [1]],
      ["2026-12-09", [2, 3]],
    ]);
    const planned = planDates({ dates: ["2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16"], today, unitId: 1, desks: 2, byDate });
    expect(planned).toEqual([
      { date: "2026-11-25", status: "past" },
      { date: "2026-12-02", status: "conflict" },
      { date: "2026-12-09", status: "desks_full" },
      { date: "2026-12-16", status: "ok" },
    ]);
  });

  it("edits: past days read-only; bookings keep a shift in place and its capacity up", () => {
    const shift = { date: "2026-12-05", booked: 2, capacity: 8 };
    expect(checkShiftEdit({ ...shift, date: "2026-11-30" }, { moving: false, deleting: false, capacity: 9 }, today)).toEqual({
      kind: "past",
      date: "2026-11-30",
    });
    expect(checkShiftEdit(shift, { moving: true, deleting: false }, today)).toEqual({ kind: "booked", booked: 2 });
    expect(checkShiftEdit(shift, { moving: false, deleting: true }, today)).toEqual({ kind: "booked", booked: 2 });
    expect(checkShiftEdit(shift, { moving: false, deleting: false, capacity: 1 }, today)).toEqual({
      kind: "capacity_below_booked",
      booked: 2,
    });
    expect(checkShiftEdit(shift, { moving: false, deleting: false, capacity: 2 }, today)).toBeNull();
    expect(checkShiftEdit({ ...shift, booked: 0 }, { moving: true, deleting: false }, today)).toBeNull();
    expect(checkShiftEdit({ ...shift, booked: 0 }, { moving: false, deleting: true }, today)).toBeNull();
  });

  it("desks never go below the busiest planned day", () => {
    expect(checkDesks(2, { date: "2026-12-05", count: 3 })).toEqual({ date: "2026-12-05", count: 3 });
    expect(checkDesks(3, { date: "2026-12-05", count: 3 })).toBeNull();
    expect(checkDesks(1, null)).toBeNull();
  });
});
