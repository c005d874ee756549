import { describe, expect, it } from "vitest";
import { attendanceStep, bookingCancellable, sessionStep, slotOpen, slotsOf } from "./red-shield.workflow.ts";

describe("Red Shield rules", () => {
  it("slots run from start to end by the slot length, a short last one left out", () => {
    expect(slotsOf("10:00", "12:00", 20)).toEqual(["10:00", "10:20", "10:40", "11:00", "11:20", "11:40"]);
    expect(slotsOf("09:30", "10:40", 30)).toEqual(["09:30", "10:00"]);
    expect(slotsOf("10:00", "10:10", 20)).toEqual([]);
    expect(slotsOf("10:00", "12:00", 0)).toEqual([]);
  });

  it("a session is held on or after its day, cancelled before it is held, and nothing after", () => {
    expect(sessionStep("scheduled", "hold", "2026-12-09", "2026-12-09")).toEqual({ ok: true, next: "held" });
    expect(sessionStep("scheduled", "hold", "2026-12-10", "2026-12-09")).toEqual({ ok: false, refusal: "not_started" });
    expect(sessionStep("scheduled", "cancel", "2026-12-10", "2026-12-09")).toEqual({ ok: true, next: "cancelled" });
    for (const status of ["held", "cancelled"] as const) {
      expect(sessionStep(status, "hold", "2026-12-09", "2026-12-09").ok).toBe(false);
      expect(sessionStep(status, "cancel", "2026-12-09", "2026-12-09").ok).toBe(false);
    }
  });

  it("a slot is open while the session is scheduled and the slot has not begun", () => {
    const s = { status: "scheduled", date: "2026-12-09" };
    expect(slotOpen(s, "10:00", "2026-12-08", "16:00")).toBe(true);
    expect(slotOpen(s, "10:20", "2026-12-09", "10:05")).toBe(true);
    expect(slotOpen(s, "10:00", "2026-12-09", "10:05")).toBe(false);
    expect(slotOpen(s, "10:00", "2026-12-10", "08:00")).toBe(false);
    expect(slotOpen({ ...s, status: "cancelled" }, "10:00", "2026-12-01", "08:00")).toBe(false);
    expect(slotOpen({ ...s, status: "held" }, "10:00", "2026-12-01", "08:00")).toBe(false);
  });

  it("a merchant cancels only a live booking before its slot", () => {
    const s = { status: "scheduled", date: "2026-12-09" };
    expect(bookingCancellable({ status: "booked" }, s, "10:00", "2026-12-08", "09:00")).toBe(true);
    expect(bookingCancellable({ status: "cancelled" }, s, "10:00", "2026-12-08", "09:00")).toBe(false);
    expect(bookingCancellable({ status: "booked" }, s, "10:00", "2026-12-09", "10:30")).toBe(false);
  });

  it("attendance is marked from the session's day, never on a cancelled booking or session", () => {
    const s = { status: "scheduled" as const, date: "2026-12-09" };
    expect(attendanceStep({ status: "booked" }, s, "2026-12-09")).toEqual({ ok: true });
    expect(attendanceStep({ status: "attended" }, { ...s, status: "held" }, "2026-12-20")).toEqual({ ok: true });
    expect(attendanceStep({ status: "booked" }, s, "2026-12-08")).toEqual({ ok: false, refusal: "not_started" });
    expect(attendanceStep({ status: "cancelled" }, s, "2026-12-09")).toEqual({ ok: false, refusal: "booking_closed" });
    expect(attendanceStep({ status: "booked" }, { ...s, status: "cancelled" }, "2026-12-09")).toEqual({ ok: false, refusal: "transition" });
  });
});
