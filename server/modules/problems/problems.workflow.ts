// The problem workflow (问题清单): submitted → accepted | rejected → assigned → in_progress → resolved →
// confirmed | reopened → assigned … Pure: the service applies it inside a transaction.

import { addDays, stationDate, stationDayEnd } from "../../../contracts/calendar.ts";
import type { ProblemStatus } from "../../../contracts/problems.ts";

export type ProblemActionName = "accept" | "reject" | "assign" | "start" | "note" | "resolve" | "confirm" | "reopen";

/** Who acts: station staff, the assigned unit's people, or the person who reported the problem. */
export type ProblemParty = "staff" | "unit" | "reporter";

export type ProblemRefusal = "problem.transition" | "problem.not_your_step";

const transitions: Record<ProblemStatus, Partial<Record<ProblemActionName, ProblemStatus>>> = {
  submitted: { accept: "accepted", reject: "rejected", assign: "assigned", note: "submitted" },
  accepted: { assign: "assigned", reject: "rejected", note: "accepted" },
  assigned: { start: "in_progress", resolve: "resolved", assign: "assigned", note: "assigned" },
  in_progress: { resolve: "resolved", assign: "assigned", note: "in_progress" },
  resolved: { confirm: "confirmed", reopen: "reopened" },
  reopened: { assign: "assigned", start: "in_progress", note: "reopened" },
  rejected: {},
  confirmed: {},
};

const parties: Record<ProblemActionName, readonly ProblemParty[]> = {
  accept: ["staff"],
  reject: ["staff"],
  assign: ["staff"],
  start: ["unit", "staff"],
  note: ["unit", "staff"],
  resolve: ["unit", "staff"],
  // Staff confirm on behalf of walk-in and phone reporters who have no account.
  confirm: ["reporter", "staff"],
  reopen: ["reporter", "staff"],
};

export function nextProblemStatus(
  from: ProblemStatus,
  action: ProblemActionName,
  parties_: readonly ProblemParty[],
): { ok: true; status: ProblemStatus } | { ok: false; refusal: ProblemRefusal } {
  const to = transitions[from][action];
  if (!to) return { ok: false, refusal: "problem.transition" };
  if (!parties[action].some((p) => parties_.includes(p))) return { ok: false, refusal: "problem.not_your_step" };
  return { ok: true, status: to };
}

/** The actions a caller could take now, for the UI's buttons. */
export function availableActions(from: ProblemStatus, parties_: readonly ProblemParty[]): ProblemActionName[] {
  return (Object.keys(transitions[from]) as ProblemActionName[]).filter((a) => parties[a].some((p) => parties_.includes(p)));
}

/** Statuses whose due date is running. */
export function isRunning(status: ProblemStatus): boolean {
  return status === "assigned" || status === "in_progress" || status === "reopened";
}

export function isOverdue(status: ProblemStatus, dueAt: string | null, now: Date): boolean {
  return dueAt !== null && isRunning(status) && Date.parse(dueAt) < now.getTime();
}

/**
 * When an assigned problem is due: the last second, in the station's time zone, of the date staff chose, or of
 * the date `days` calendar days after `now` (the category's time limit). The one place a due date is computed.
 */
export function problemDueAt(now: Date, due: { date: string } | { days: number }): string {
  const date = "date" in due ? due.date : addDays(stationDate(now), due.days);
  return new Date(stationDayEnd(date).getTime() - 1000).toISOString();
}
