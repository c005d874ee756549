import { describe, expect, it } from "vitest";
import { merchantStatuses } from "../../../contracts/merchants.ts";
import { nextMerchantStatus } from "./merchants.workflow.ts";

describe("merchant status", () => {
  const expected: Record<string, string> = {
    "open>suspended": "ok",
    "open>closed": "ok",
    "suspended>open": "ok",
    "suspended>closed": "ok",
    "open>open": "merchant.status_unchanged",
    "suspended>suspended": "merchant.status_unchanged",
    "closed>closed": "merchant.status_unchanged",
    "closed>open": "merchant.status_transition",
    "closed>suspended": "merchant.status_transition",
  };
  for (const from of merchantStatuses) {
    for (const to of merchantStatuses) {
      it(`${from} → ${to}`, () => {
        const r = nextMerchantStatus(from, to);
        expect(r.ok ? "ok" : r.refusal).toBe(expected[`${from}>${to}`]);
      });
    }
  }
});
