import { describe, expect, it } from "vitest";
import { hotlineOrderStatuses } from "../../../contracts/interop.ts";
import { feedbackBackoffMs, type HotlineEvent, nextHotlineStatus, signedOffInTime } from "./hotline.workflow.ts";

const events: HotlineEvent[] = [
  { action: "sign_off" },
  { action: "return", reason: "不属本站" },
  { action: "extend", days: 3, reason: "需协调" },
  { action: "reply", text: "已办结", problemClosed: true },
  { action: "visit", satisfaction: "satisfied" },
];

// Every status × every event: what is allowed, and every other pair refused by id.
const allowed: Record<string, string> = {
  "received sign_off": "signed_off",
  "received return": "returned",
  "signed_off return": "returned",
  "signed_off extend": "signed_off",
  "signed_off reply": "replied",
  "replied visit": "visited",
};

describe("the 12345 work order's steps", () => {
  for (const status of hotlineOrderStatuses) {
    for (const event of events) {
      const key = `${status} ${event.action}`;
      it(`${key} → ${allowed[key] ?? "refused"}`, () => {
        const next = nextHotlineStatus({ status, extensionUsed: false }, event);
        expect(next).toEqual(allowed[key] ?? { refused: "hotline.transition" });
      });
    }
  }
  it("allows one extension only", () => {
    expect(nextHotlineStatus({ status: "signed_off", extensionUsed: true }, events[2])).toEqual({ refused: "hotline.extension_used" });
  });
  it("replies only once the problem is resolved", () => {
    expect(nextHotlineStatus({ status: "signed_off", extensionUsed: false }, { action: "reply", text: "x", problemClosed: false })).toEqual(
      {
        refused: "hotline.not_resolved",
      },
    );
  });
  it("counts a sign-off at the limit as in time", () => {
    expect(signedOffInTime("2026-11-18T04:00:00.000Z", "2026-11-18T04:00:00.000Z")).toBe(true);
    expect(signedOffInTime("2026-11-18T04:00:00.001Z", "2026-11-18T04:00:00.000Z")).toBe(false);
    expect(signedOffInTime(null, "2026-11-18T04:00:00.000Z")).toBe(false);
  });
  it("backs off 1, 2, 4 … minutes up to six hours", () => {
    expect([1, 2, 3, 4].map(feedbackBackoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(feedbackBackoffMs(20)).toBe(6 * 3_600_000);
  });
});
