import { describe, expect, it } from "vitest";
import { type Eligibility, policyStatuses, type ReliefEvent, reliefStatuses } from "../../../contracts/economy.ts";
import {
  available,
  checkDisbursement,
  type MerchantFacts,
  monthStatus,
  policyAccepts,
  policyNext,
  reached,
  reliefNext,
  splitByShares,
  unmetConditions,
  withinCap,
} from "./economy.workflow.ts";

const events: ReliefEvent[] = ["review", "approve", "reject", "disburse", "close", "withdraw"];

describe("a relief application's steps", () => {
  it("allows exactly these moves, every other status × event refused by id", () => {
    const allowed: Record<string, string> = {
      "applied>review": "reviewed",
      "applied>reject": "rejected",
      "applied>withdraw": "withdrawn",
      "reviewed>approve": "approved",
      "reviewed>reject": "rejected",
      "reviewed>withdraw": "withdrawn",
      "approved>disburse": "disbursed",
      "approved>reject": "rejected",
      "disbursed>close": "closed",
    };
    for (const s of reliefStatuses) {
      for (const e of events) {
        const r = reliefNext(s, e);
        const key = `${s}>${e}`;
        if (allowed[key]) expect(r, key).toEqual({ ok: true, value: allowed[key] });
        else expect(r, key).toEqual({ ok: false, refusal: "economy.relief_transition", params: { status: s, step: e } });
      }
    }
  });

  it("refuses an approval without its review", () => {
    expect(reliefNext("applied", "approve")).toMatchObject({ ok: false, refusal: "economy.relief_transition" });
  });

  it("counts as reached only once the money went out", () => {
    expect(reliefStatuses.filter(reached)).toEqual(["disbursed", "closed"]);
  });

  it("keeps amounts within the policy's cap, naming the field", () => {
    expect(withinCap(100_00, 100_00, "approvedFen")).toEqual({ ok: true, value: 100_00 });
    expect(withinCap(100_01, 100_00, "approvedFen")).toEqual({
      ok: false,
      refusal: "economy.above_cap",
      field: "approvedFen",
      params: { cap: "100.00" },
    });
  });
});

describe("a disbursement", () => {
  const loan = { principalFen: 50_000_00, rateBp: 435, subsidyFen: 2_175_00, termMonths: 12 };
  const approved = { status: "approved" as const, approvedFen: 50_000_00 };

  it("records up to the approved amount", () => {
    expect(checkDisbursement(approved, "rent_relief", { disbursedFen: 40_000_00 })).toEqual({ ok: true, value: "disbursed" });
    expect(checkDisbursement(approved, "rent_relief", { disbursedFen: 50_000_01 })).toMatchObject({
      ok: false,
      refusal: "economy.above_approved",
      field: "disbursedFen",
      params: { approved: "50000.00" },
    });
  });

  it("needs the loan's terms for the interest subsidy, and refuses them elsewhere", () => {
    expect(checkDisbursement(approved, "loan_subsidy", { disbursedFen: 50_000_00 })).toMatchObject({ refusal: "economy.loan_required" });
    expect(checkDisbursement(approved, "loan_subsidy", { disbursedFen: 50_000_00, loan })).toEqual({ ok: true, value: "disbursed" });
    expect(checkDisbursement(approved, "loan_subsidy", { disbursedFen: 40_000_00, loan })).toMatchObject({
      refusal: "economy.loan_required",
      field: "loan.principalFen",
    });
    expect(checkDisbursement(approved, "heating_relief", { disbursedFen: 100, loan })).toMatchObject({ refusal: "economy.not_a_loan" });
  });

  it("is refused from every status but approved", () => {
    for (const s of reliefStatuses.filter((x) => x !== "approved")) {
      expect(checkDisbursement({ status: s, approvedFen: 100 }, "rent_relief", { disbursedFen: 1 }), s).toMatchObject({
        refusal: "economy.relief_transition",
      });
    }
  });
});

describe("a policy", () => {
  it("opens from draft and closes from draft or open only", () => {
    const allowed: Record<string, string> = { "draft>open": "open", "draft>close": "closed", "open>close": "closed" };
    for (const s of policyStatuses) {
      for (const e of ["open", "close"] as const) {
        const r = policyNext(s, e);
        if (allowed[`${s}>${e}`]) expect(r).toEqual({ ok: true, value: allowed[`${s}>${e}`] });
        else expect(r).toEqual({ ok: false, refusal: "economy.policy_transition" });
      }
    }
  });

  it("accepts applications while open and within its dates", () => {
    const p = { status: "open" as const, opensOn: "2026-03-01", deadline: "2026-03-31" };
    expect(policyAccepts(p, "2026-02-28")).toBe(false);
    expect(policyAccepts(p, "2026-03-01")).toBe(true);
    expect(policyAccepts(p, "2026-03-31")).toBe(true);
    expect(policyAccepts(p, "2026-04-01")).toBe(false);
    expect(policyAccepts({ ...p, status: "draft" }, "2026-03-10")).toBe(false);
    expect(policyAccepts({ ...p, status: "closed" }, "2026-03-10")).toBe(false);
  });
});

describe("eligibility against the registry", () => {
  const none: Eligibility = { categories: [], statuses: [], requiresStall: false, registeredBy: null, licenceValidOn: null };
  const m: MerchantFacts = {
    category: "catering",
    status: "open",
    hasStall: true,
    registeredOn: "2020-05-01",
    licenceValidFrom: "2019-01-01",
    licenceValidTo: "2029-12-31",
  };

  it("takes a policy without conditions for everyone", () => {
    expect(unmetConditions(none, m)).toEqual([]);
  });

  it("names each unmet condition", () => {
    expect(unmetConditions({ ...none, categories: ["pharmacy"] }, m)).toEqual(["category"]);
    expect(unmetConditions({ ...none, statuses: ["suspended"] }, m)).toEqual(["status"]);
    expect(unmetConditions({ ...none, requiresStall: true }, { ...m, hasStall: false })).toEqual(["stall"]);
    expect(unmetConditions({ ...none, registeredBy: "2020-04-30" }, m)).toEqual(["registered"]);
    expect(unmetConditions({ ...none, registeredBy: "2020-05-01" }, m)).toEqual([]);
    expect(unmetConditions({ ...none, licenceValidOn: "2030-01-01" }, m)).toEqual(["licence"]);
    expect(unmetConditions({ ...none, licenceValidOn: "2018-12-31" }, m)).toEqual(["licence"]);
    expect(unmetConditions({ ...none, licenceValidOn: "2026-01-01" }, { ...m, licenceValidTo: null })).toEqual([]);
    expect(unmetConditions({ ...none, licenceValidOn: "2026-01-01" }, { ...m, licenceValidFrom: null })).toEqual(["licence"]);
    expect(
      unmetConditions(
        {
          categories: ["pharmacy"],
          statuses: ["suspended"],
          requiresStall: true,
          registeredBy: "2019-01-01",
          licenceValidOn: "2031-01-01",
        },
        { ...m, hasStall: false },
      ),
    ).toEqual(["category", "status", "stall", "registered", "licence"]);
  });
});

describe("splitting a ledger line by shares", () => {
  it("never loses or invents a fen", () => {
    expect(splitByShares(100, [3334, 3333, 3333])).toEqual([34, 33, 33]);
    expect(splitByShares(1, [5000, 5000])).toEqual([1, 0]);
    expect(splitByShares(47_000_000, [10_000])).toEqual([47_000_000]);
    for (const amount of [1, 7, 99, 1001, 123_457]) {
      const parts = splitByShares(amount, [1234, 4321, 4445]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      expect(parts.every((p) => p >= 0)).toBe(true);
    }
  });

  it("answers what may still be drawn, never below zero", () => {
    expect(available(100, 30)).toBe(70);
    expect(available(100, 130)).toBe(0);
  });
});

describe("a merchant's status in a month", () => {
  const history = [
    { toStatus: "open" as const, reason: null, at: "2025-01-10T00:00:00.000Z" },
    { toStatus: "suspended" as const, reason: "装修", at: "2025-03-15T00:00:00.000Z" },
    { toStatus: "open" as const, reason: null, at: "2025-04-02T00:00:00.000Z" },
  ];
  it("reads the registry's history at the month's end", () => {
    expect(monthStatus("2024-12", "2024-12-31T16:00:00.000Z", history, undefined)).toBeNull();
    expect(monthStatus("2025-01", "2025-01-31T16:00:00.000Z", history, undefined)).toMatchObject({ status: "open", confirmed: false });
    expect(monthStatus("2025-03", "2025-03-31T16:00:00.000Z", history, undefined)).toMatchObject({ status: "suspended", reason: "装修" });
    expect(monthStatus("2025-04", "2025-04-30T16:00:00.000Z", history, undefined)).toMatchObject({ status: "open" });
  });
  it("prefers the month's confirmation", () => {
    expect(monthStatus("2025-04", "2025-04-30T16:00:00.000Z", history, { status: "closed", cause: "retirement", reason: "退休" })).toEqual({
      month: "2025-04",
      status: "closed",
      cause: "retirement",
      reason: "退休",
      confirmed: true,
    });
  });
});
