import { describe, expect, it } from "vitest";
import { needStatuses, offerStatuses, projectStatuses } from "../../../contracts/lists.ts";
import {
  type NeedEvent,
  needJoinsProject,
  nextNeedStatus,
  nextOfferStatus,
  nextProjectStatus,
  type OfferEvent,
  type ProjectEvent,
  projectActions,
} from "./lists.workflow.ts";

const needEvents: NeedEvent[] = ["match", "include", "release", "close"];
const offerEvents: OfferEvent[] = ["withdraw", "reactivate"];
const projectEvents: ProjectEvent[] = ["start", "progress", "outcomes", "complete", "cancel"];

describe("need workflow: every status × every event", () => {
  const expected: Record<string, string> = {
    "open>match": "matched",
    "open>include": "in_project",
    "open>close": "closed",
    "matched>match": "matched",
    "matched>include": "in_project",
    "matched>close": "closed",
    "in_project>release": "open",
    "in_project>close": "closed",
  };
  for (const from of needStatuses) {
    for (const event of needEvents) {
      const key = `${from}>${event}`;
      it(`${from} --${event}→ ${expected[key] ?? "refused"}`, () => {
        const r = nextNeedStatus(from, event);
        expect(r.ok ? r.status : r.refusal).toBe(expected[key] ?? "need.transition");
      });
    }
  }
  it("a released need with an offer goes back to matched", () => {
    expect(nextNeedStatus("in_project", "release", true)).toEqual({ ok: true, status: "matched" });
  });
  it("only open and matched needs join a project", () => {
    expect(needStatuses.filter(needJoinsProject)).toEqual(["open", "matched"]);
  });
});

describe("offer workflow: every status × every event", () => {
  const expected: Record<string, string> = { "active>withdraw": "withdrawn", "withdrawn>reactivate": "active" };
  for (const from of offerStatuses) {
    for (const event of offerEvents) {
      const key = `${from}>${event}`;
      it(`${from} --${event}→ ${expected[key] ?? "refused"}`, () => {
        const r = nextOfferStatus(from, event);
        expect(r.ok ? r.status : r.refusal).toBe(expected[key] ?? "offer.transition");
      });
    }
  }
});

describe("project workflow: every status × every event", () => {
  const expected: Record<string, string> = {
    "planned>start": "active",
    "planned>cancel": "cancelled",
    "active>progress": "active",
    "active>outcomes": "active",
    "active>complete": "completed",
    "active>cancel": "cancelled",
    "completed>outcomes": "completed",
  };
  for (const from of projectStatuses) {
    for (const event of projectEvents) {
      const key = `${from}>${event}`;
      it(`${from} --${event}→ ${expected[key] ?? "refused"}`, () => {
        const r = nextProjectStatus(from, event);
        expect(r.ok ? r.status : r.refusal).toBe(expected[key] ?? "project.transition");
      });
    }
  }
  it("lists the actions each status allows", () => {
    expect(projectActions("planned")).toEqual(["start", "cancel"]);
    expect(projectActions("cancelled")).toEqual([]);
  });
});
