import { describe, expect, it } from "vitest";
import { shopStatuses } from "../../../contracts/caring.ts";
import { nextShopStatus, type ShopAction } from "./shops.workflow.ts";

describe("caring shop certification", () => {
  // Every status × action (× passed where it matters): the status reached, or "refused".
  const expected: Record<string, string> = {
    "applied>inspect+": "inspected",
    "applied>inspect-": "rejected",
    "inspected>inspect+": "inspected",
    "inspected>inspect-": "rejected",
    "inspected>certify": "certified",
    "certified>review+": "certified",
    "certified>review-": "suspended",
    "certified>suspend": "suspended",
    "suspended>reinstate": "certified",
    "certified>revoke": "revoked",
    "suspended>revoke": "revoked",
  };
  const actions: [ShopAction, boolean | undefined, string][] = [
    ["inspect", true, "inspect+"],
    ["inspect", false, "inspect-"],
    ["certify", undefined, "certify"],
    ["review", true, "review+"],
    ["review", false, "review-"],
    ["suspend", undefined, "suspend"],
    ["reinstate", undefined, "reinstate"],
    ["revoke", undefined, "revoke"],
  ];
  for (const from of shopStatuses) {
    for (const [action, passed, label] of actions) {
      it(`${from} → ${label}`, () => {
        const r = nextShopStatus(from, action, passed);
        expect(r.ok ? r.status : "refused").toBe(expected[`${from}>${label}`] ?? "refused");
      });
    }
  }

  it("keeps revoked and rejected final", () => {
    for (const [action, passed] of actions) {
      expect(nextShopStatus("revoked", action, passed).ok).toBe(false);
      expect(nextShopStatus("rejected", action, passed).ok).toBe(false);
    }
  });
});
