import { describe, expect, it } from "vitest";
import { problemStatuses } from "../../../contracts/problems.ts";
import {
  availableActions,
  isOverdue,
  nextProblemStatus,
  type ProblemActionName,
  type ProblemParty,
  problemDueAt,
} from "./problems.workflow.ts";

const actions: ProblemActionName[] = ["accept", "reject", "assign", "start", "note", "resolve", "confirm", "reopen"];

// The whole table: from-status × action → next status (or refused), for a party allowed to act.
const table: Record<string, string> = {
  "submitted accept": "accepted",
  "submitted reject": "rejected",
  "submitted assign": "assigned",
  "submitted note": "submitted",
  "accepted assign": "assigned",
  "accepted reject": "rejected",
  "accepted note": "accepted",
  "assigned start": "in_progress",
  "assigned resolve": "resolved",
  "assigned assign": "assigned",
  "assigned note": "assigned",
  "in_progress resolve": "resolved",
  "in_progress assign": "assigned",
  "in_progress note": "in_progress",
  "resolved confirm": "confirmed",
  "resolved reopen": "reopened",
  "reopened assign": "assigned",
  "reopened start": "in_progress",
  "reopened note": "reopened",
};

const all: ProblemParty[] = ["staff", "unit", "reporter"];

describe("problem workflow: every status × every action", () => {
  for (const from of problemStatuses) {
    for (const action of actions) {
      const expected = table[`${from} ${action}`] ?? "problem.transition";
      it(`${from} + ${action} → ${expected}`, () => {
        const r = nextProblemStatus(from, action, all);
        expect(r.ok ? r.status : r.refusal).toBe(expected);
      });
    }
  }
});

describe("who may take each step", () => {
  it("only staff accept, reject and assign", () => {
    for (const a of ["accept", "reject", "assign"] as const) {
      expect(nextProblemStatus("submitted", a, ["unit", "reporter"])).toEqual({ ok: false, refusal: "problem.not_your_step" });
      expect(nextProblemStatus("submitted", a, ["staff"]).ok).toBe(true);
    }
  });
  it("the unit works and resolves; the reporter cannot", () => {
    expect(nextProblemStatus("assigned", "start", ["unit"]).ok).toBe(true);
    expect(nextProblemStatus("in_progress", "resolve", ["unit"]).ok).toBe(true);
    expect(nextProblemStatus("in_progress", "resolve", ["reporter"])).toEqual({ ok: false, refusal: "problem.not_your_step" });
  });
  it("the reporter confirms or reopens; the unit cannot mark its own work done", () => {
    expect(nextProblemStatus("resolved", "confirm", ["reporter"]).ok).toBe(true);
    expect(nextProblemStatus("resolved", "reopen", ["reporter"]).ok).toBe(true);
    expect(nextProblemStatus("resolved", "confirm", ["unit"])).toEqual({ ok: false, refusal: "problem.not_your_step" });
  });
  it("lists the buttons a party sees", () => {
    expect(availableActions("submitted", ["staff"])).toEqual(["accept", "reject", "assign", "note"]);
    expect(availableActions("assigned", ["unit"])).toEqual(["start", "resolve", "note"]);
    expect(availableActions("resolved", ["reporter"])).toEqual(["confirm", "reopen"]);
    expect(availableActions("confirmed", all)).toEqual([]);
  });
});

describe("due dates and overdue", () => {
  it("falls due at the end of the station's day", () => {
    // 2026-11-27 10:00 Beijing time + 3 days → 2026-11-30 23:59:59 Beijing = 15:59:59 UTC
    expect(problemDueAt(new Date("2026-11-27T02:00:00Z"), { days: 3 })).toBe("2026-11-30T15:59:59.000Z");
    // 23:30 Beijing on the 27th is still the 27th there
    expect(problemDueAt(new Date("2026-11-27T15:30:00Z"), { days: 1 })).toBe("2026-11-28T15:59:59.000Z");
    // 00:30 Beijing on 1 December is already December there; across the year's end too
    expect(problemDueAt(new Date("2026-11-30T16:30:00Z"), { days: 1 })).toBe("2026-12-02T15:59:59.000Z");
    expect(problemDueAt(new Date("2026-12-31T15:30:00Z"), { days: 1 })).toBe("2027-01-01T15:59:59.000Z");
    expect(problemDueAt(new Date("2028-02-28T02:00:00Z"), { days: 1 })).toBe("2028-02-29T15:59:59.000Z");
  });
  it("falls due at the end of a date staff chose, whatever the instant it is chosen at", () => {
    expect(problemDueAt(new Date("2026-11-27T02:00:00Z"), { date: "2026-12-05" })).toBe("2026-12-05T15:59:59.000Z");
    expect(problemDueAt(new Date("2026-11-30T16:30:00Z"), { date: "2026-12-01" })).toBe("2026-12-01T15:59:59.000Z");
    expect(problemDueAt(new Date("2026-12-31T16:30:00Z"), { date: "2027-01-01" })).toBe("2027-01-01T15:59:59.000Z");
  });
  it("is overdue only while running and past due", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(isOverdue("assigned", "2026-11-30T15:59:59.000Z", now)).toBe(true);
    expect(isOverdue("in_progress", "2026-12-01T15:59:59.000Z", now)).toBe(false);
    expect(isOverdue("resolved", "2026-11-30T15:59:59.000Z", now)).toBe(false);
    expect(isOverdue("submitted", null, now)).toBe(false);
  });
});
