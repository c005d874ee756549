import { describe, expect, it } from "vitest";
import { addDays } from "../../../contracts/calendar.ts";
import { requestStatuses } from "../../../contracts/counter.ts";
import {
  audienceAllows,
  bookingDateRefusal,
  dueDateOf,
  isOverdue,
  MAX_DAYS_AHEAD,
  nextQueueNo,
  nextRequestStatus,
  type RequestAction,
} from "./request.workflow.ts";

const today = "2026-11-28";

describe("service request status", () => {
  // Every status × action on the request's own day; the day rules are checked separately below.
  const expected: Record<string, string> = {
    "booked>check_in": "waiting",
    "waiting>start": "handling",
    "handling>complete": "done",
    "forwarded>complete": "done",
    "handling>forward": "forwarded",
    "booked>cancel": "cancelled",
    "waiting>cancel": "cancelled",
  };
  const actions: RequestAction[] = ["check_in", "start", "complete", "forward", "cancel", "miss"];
  for (const status of requestStatuses) {
    for (const action of actions) {
      it(`${status} → ${action}`, () => {
        const r = nextRequestStatus(action, { status, date: today, today });
        expect(r.ok ? r.status : r.refusal).toBe(expected[`${status}>${action}`] ?? "service.transition");
      });
    }
  }

  it("checks a booking in on its own day only", () => {
    expect(nextRequestStatus("check_in", { status: "booked", date: addDays(today, 1), today })).toEqual({
      ok: false,
      refusal: "service.not_today",
    });
    expect(nextRequestStatus("check_in", { status: "booked", date: addDays(today, -1), today })).toEqual({
      ok: false,
      refusal: "service.not_today",
    });
  });

  it("marks a booking missed only after its day, and only while still booked", () => {
    expect(nextRequestStatus("miss", { status: "booked", date: addDays(today, -1), today })).toEqual({ ok: true, status: "missed" });
    expect(nextRequestStatus("miss", { status: "booked", date: today, today }).ok).toBe(false);
    expect(nextRequestStatus("miss", { status: "waiting", date: addDays(today, -1), today }).ok).toBe(false);
    expect(nextRequestStatus("miss", { status: "done", date: addDays(today, -1), today }).ok).toBe(false);
  });

  it("never leaves a final state", () => {
    for (const status of ["done", "cancelled", "missed"] as const) {
      for (const action of actions) expect(nextRequestStatus(action, { status, date: addDays(today, -1), today }).ok).toBe(false);
    }
  });
});

describe("booking rules", () => {
  it("refuses past days and days too far ahead", () => {
    expect(bookingDateRefusal(addDays(today, -1), today)).toBe("service.date_past");
    expect(bookingDateRefusal(today, today)).toBeNull();
    expect(bookingDateRefusal(addDays(today, MAX_DAYS_AHEAD), today)).toBeNull();
    expect(bookingDateRefusal(addDays(today, MAX_DAYS_AHEAD + 1), today)).toBe("service.date_too_far");
  });

  it("offers merchants-only items to merchants and residents-only items to residents", () => {
    expect(audienceAllows("merchant", "merchant")).toBe(true);
    expect(audienceAllows("merchant", "resident")).toBe(false);
    expect(audienceAllows("resident", "merchant")).toBe(false);
    expect(audienceAllows("resident", "resident")).toBe(true);
    expect(audienceAllows("both", "merchant")).toBe(true);
    expect(audienceAllows("both", "resident")).toBe(true);
    expect(audienceAllows("merchant", "other")).toBe(true);
  });

  it("numbers the queue from 1", () => {
    expect(nextQueueNo(null)).toBe(1);
    expect(nextQueueNo(7)).toBe(8);
  });
});

describe("forwarded requests", () => {
  it("fall due after the item's time limit", () => {
    expect(dueDateOf("2026-11-28", 20)).toBe("2026-12-18");
    expect(dueDateOf("2026-12-30", 5)).toBe("2027-01-04");
    expect(dueDateOf(today, 0)).toBe(today);
  });

  it("are overdue when still open after the due date, or finished after it", () => {
    expect(isOverdue({ status: "forwarded", dueDate: today, completedDay: null }, today)).toBe(false);
    expect(isOverdue({ status: "forwarded", dueDate: addDays(today, -1), completedDay: null }, today)).toBe(true);
    expect(isOverdue({ status: "done", dueDate: addDays(today, -5), completedDay: addDays(today, -5) }, today)).toBe(false);
    expect(isOverdue({ status: "done", dueDate: addDays(today, -5), completedDay: addDays(today, -4) }, today)).toBe(true);
    expect(isOverdue({ status: "done", dueDate: null, completedDay: today }, today)).toBe(false);
    expect(isOverdue({ status: "handling", dueDate: null, completedDay: null }, today)).toBe(false);
  });
});
