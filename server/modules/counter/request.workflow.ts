// A service request at the counter: booked → waiting (checked in on the day, queue number) → handling → done,
// or handling → forwarded (to the item's department) → done; booked | waiting → cancelled; booked → missed
// (a booking whose day passed without a check-in). Walk-ins start at waiting. Pure functions: the service
// applies them inside its transaction.
import { addDays } from "../../../contracts/calendar.ts";
import type { RequestStatus, ServiceAudience } from "../../../contracts/counter.ts";

export type RequestAction = "check_in" | "start" | "complete" | "forward" | "cancel" | "miss";
export type RequestRefusal = "service.transition" | "service.not_today";

export interface RequestFacts {
  status: RequestStatus;
  /** The station day the request is booked for or walked in on (YYYY-MM-DD). */
  date: string;
  /** Today at the station (YYYY-MM-DD). */
  today: string;
}

const from: Record<RequestAction, readonly RequestStatus[]> = {
  check_in: ["booked"],
  start: ["waiting"],
  complete: ["handling", "forwarded"],
  forward: ["handling"],
  cancel: ["booked", "waiting"],
  miss: ["booked"],
};

const to: Record<RequestAction, RequestStatus> = {
  check_in: "waiting",
  start: "handling",
  complete: "done",
  forward: "forwarded",
  cancel: "cancelled",
  miss: "missed",
};

export function nextRequestStatus(
  action: RequestAction,
  f: RequestFacts,
): { ok: true; status: RequestStatus } | { ok: false; refusal: RequestRefusal } {
  if (!from[action].includes(f.status)) return { ok: false, refusal: "service.transition" };
  // A booking joins the queue on its own day only; it is missed only once its day is over.
  if (action === "check_in" && f.date !== f.today) return { ok: false, refusal: "service.not_today" };
  if (action === "miss" && f.date >= f.today) return { ok: false, refusal: "service.transition" };
  return { ok: true, status: to[action] };
}

/** States a request can still move out of: the applicant's booking or case is live. */
export const liveStatuses: readonly RequestStatus[] = ["booked", "waiting", "handling", "forwarded"];

/** How far ahead a day can be booked. */
export const MAX_DAYS_AHEAD = 60;

export type BookingDateRefusal = "service.date_past" | "service.date_too_far";

/** A booking's day: today or later, and at most MAX_DAYS_AHEAD days ahead. */
export function bookingDateRefusal(date: string, today: string): BookingDateRefusal | null {
  if (date < today) return "service.date_past";
  if (date > addDays(today, MAX_DAYS_AHEAD)) return "service.date_too_far";
  return null;
}

export type ApplicantKind = "merchant" | "resident" | "other";

/** Whether an item is offered to an applicant: merchants-only items to merchants, residents-only to residents. */
export function audienceAllows(audience: ServiceAudience, kind: ApplicantKind): boolean {
  if (audience === "both") return true;
  if (kind === "other") return true; // an unregistered walk-in: the counter checks the papers in person
  return audience === kind;
}

/** The due date of a forwarded request: its day plus the item's legal time limit. */
export function dueDateOf(date: string, timeLimitDays: number): string {
  return addDays(date, timeLimitDays);
}

/** Forwarded and past due (still open after the due date, or finished after it). */
export function isOverdue(r: { status: RequestStatus; dueDate: string | null; completedDay: string | null }, today: string): boolean {
  if (r.dueDate === null) return false;
  if (r.status === "forwarded") return today > r.dueDate;
  if (r.status === "done" && r.completedDay !== null) return r.completedDay > r.dueDate;
  return false;
}

/** The next queue number of a station day, given the highest one issued so far. */
export const nextQueueNo = (max: number | null) => (max ?? 0) + 1;
