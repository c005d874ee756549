// The merchant economy's rules, pure: state and event in, the next state or a typed refusal out; no I/O and no
// clock (`today` is an argument). A relief application runs applied → reviewed → approved → disbursed → closed, may
// be rejected before its money goes out and withdrawn by the merchant before approval; a policy runs draft → open →
// closed. Eligibility is checked against a merchant's registry record; a ledger line is split by shares without
// losing a fen; a merchant's status in a month comes from its confirmation, else from the registry's history.
import type {
  ClosureCause,
  Eligibility,
  EligibilityCondition,
  PolicyKind,
  PolicyStatus,
  ReliefEvent,
  ReliefStatus,
} from "../../../contracts/economy.ts";
import type { MerchantCategory, MerchantStatus } from "../../../contracts/merchants.ts";

export type Refusal<Id extends string> = { ok: false; refusal: Id; field?: string; params?: Record<string, string | number> };
export type Outcome<T, Id extends string> = { ok: true; value: T } | Refusal<Id>;

const ok = <T>(value: T) => ({ ok: true as const, value });

// Policies -----------------------------------------------------------------------------------------------------------

const policyMoves: Record<PolicyStatus, Partial<Record<"open" | "close", PolicyStatus>>> = {
  draft: { open: "open", close: "closed" },
  open: { close: "closed" },
  closed: {},
};

export function policyNext(status: PolicyStatus, event: "open" | "close"): Outcome<PolicyStatus, "economy.policy_transition"> {
  const next = policyMoves[status][event];
  return next ? ok(next) : { ok: false, refusal: "economy.policy_transition" };
}

/** Open for applications on `today`: opened by the station and within its dates. */
export function policyAccepts(p: { status: PolicyStatus; opensOn: string; deadline: string }, today: string): boolean {
  return p.status === "open" && p.opensOn <= today && today <= p.deadline;
}

/** The deadline reminder goes out this many days before the deadline. */
export const REMINDER_DAYS = 7;

// Eligibility ----------------------------------------------------------------------------------------------------------

export interface MerchantFacts {
  category: MerchantCategory;
  status: MerchantStatus;
  hasStall: boolean;
  /** The day the merchant entered the registry (station date). */
  registeredOn: string;
  licenceValidFrom: string | null;
  licenceValidTo: string | null;
}

/** The conditions a merchant does not meet (none: eligible). */
export function unmetConditions(e: Eligibility, m: MerchantFacts): EligibilityCondition[] {
  const unmet: EligibilityCondition[] = [];
  if (e.categories.length > 0 && !e.categories.includes(m.category)) unmet.push("category");
  if (e.statuses.length > 0 && !e.statuses.includes(m.status)) unmet.push("status");
  if (e.requiresStall && !m.hasStall) unmet.push("stall");
  if (e.registeredBy && m.registeredOn > e.registeredBy) unmet.push("registered");
  if (e.licenceValidOn) {
    const from = m.licenceValidFrom;
    const to = m.licenceValidTo;
    if (!from || from > e.licenceValidOn || (to !== null && to < e.licenceValidOn)) unmet.push("licence");
  }
  return unmet;
}

// Relief ------------------------------------------------------------------------------------------------------------

const reliefMoves: Record<ReliefStatus, Partial<Record<ReliefEvent, ReliefStatus>>> = {
  applied: { review: "reviewed", reject: "rejected", withdraw: "withdrawn" },
  reviewed: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
  approved: { disburse: "disbursed", reject: "rejected" },
  disbursed: { close: "closed" },
  closed: {},
  rejected: {},
  withdrawn: {},
};

export type ReliefRefusal =
  | "economy.relief_transition"
  | "economy.above_cap"
  | "economy.above_approved"
  | "economy.loan_required"
  | "economy.not_a_loan";

/** The status after `event`, or the refusal naming the status it cannot leave that way. */
export function reliefNext(status: ReliefStatus, event: ReliefEvent): Outcome<ReliefStatus, ReliefRefusal> {
  const next = reliefMoves[status][event];
  return next ? ok(next) : { ok: false, refusal: "economy.relief_transition", params: { status, step: event } };
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** A requested or approved amount within the policy's cap. */
export function withinCap(amountFen: number, capFen: number, field: string): Outcome<number, ReliefRefusal> {
  return amountFen <= capFen ? ok(amountFen) : { ok: false, refusal: "economy.above_cap", field, params: { cap: yuan(capFen) } };
}

export interface LoanTerms {
  principalFen: number;
  rateBp: number;
  subsidyFen: number;
  termMonths: number;
}

/**
 * A disbursement: from an approved application, never above the approved amount; a loan (the interest subsidy
 * policy) carries its terms and its principal is what was disbursed, other policies carry none.
 */
export function checkDisbursement(
  app: { status: ReliefStatus; approvedFen: number | null },
  kind: PolicyKind,
  d: { disbursedFen: number; loan?: LoanTerms },
): Outcome<ReliefStatus, ReliefRefusal> {
  const next = reliefNext(app.status, "disburse");
  if (!next.ok) return next;
  const approved = app.approvedFen ?? 0;
  if (d.disbursedFen > approved) {
    return { ok: false, refusal: "economy.above_approved", field: "disbursedFen", params: { approved: yuan(approved) } };
  }
  if (kind === "loan_subsidy") {
    if (!d.loan) return { ok: false, refusal: "economy.loan_required", field: "loan" };
    if (d.loan.principalFen !== d.disbursedFen) return { ok: false, refusal: "economy.loan_required", field: "loan.principalFen" };
  } else if (d.loan) {
    return { ok: false, refusal: "economy.not_a_loan", field: "loan" };
  }
  return next;
}

/** An application that reached the merchant: its money went out. */
export const reached = (status: ReliefStatus) => status === "disbursed" || status === "closed";
/** An application still on its way. */
export const inProgress = (status: ReliefStatus) => status === "applied" || status === "reviewed" || status === "approved";

// The funding ledger ----------------------------------------------------------------------------------------------------

/**
 * Splits `amountFen` by shares in basis points (summing to 10,000): each part rounded down, the fen left over
 * handed to the largest remainders first, so the parts always add up to the whole.
 */
export { splitByShares } from "../../../contracts/economy.ts";

/** What may still be drawn: never negative. */
export const available = (boundFen: number, usedFen: number) => Math.max(0, boundFen - usedFen);

// Survival ---------------------------------------------------------------------------------------------------------------

export interface StatusChange {
  toStatus: MerchantStatus;
  reason: string | null;
  at: string;
}
export interface MonthConfirmation {
  status: MerchantStatus;
  cause: ClosureCause | null;
  reason: string | null;
}
export interface MonthStatus {
  month: string;
  status: MerchantStatus;
  cause: ClosureCause | null;
  reason: string | null;
  confirmed: boolean;
}

/**
 * A merchant's status in a month: the month's confirmation when there is one, else the registry's status at the
 * month's end (`monthEnd`: the first instant after it), the last change before it; null before the merchant existed.
 * `history` is in time order.
 */
export function monthStatus(
  month: string,
  monthEnd: string,
  history: StatusChange[],
  confirmation: MonthConfirmation | undefined,
): MonthStatus | null {
  if (confirmation) return { month, ...confirmation, confirmed: true };
  let last: StatusChange | undefined;
  for (const h of history) {
    if (h.at < monthEnd) last = h;
    else break;
  }
  if (!last) return null;
  return { month, status: last.toStatus, cause: null, reason: last.reason, confirmed: false };
}
