// The volunteer service's rules, pure: sign-up within the places of the volunteer's team or onto its waiting list,
// promotion in arrival order when someone withdraws, check-in and check-out, the hours an attendance earns (the
// window clip and the 60 % presence rule) and the certification's public notice. No I/O, no clock: `now` is given.
import { shiftMonth } from "../../../contracts/calendar.ts";
import {
  type CertificationState,
  type OccurrenceStatus,
  PRESENCE_THRESHOLD,
  PUBLIC_NOTICE_DAYS,
  type SignupStatus,
} from "../../../contracts/volunteers.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Check-in opens this long before the activity starts. */
export const CHECKIN_EARLY_MINUTES = 30;
/** Check-out is accepted until this long after the activity ends (hours are clipped to the window anyway). */
export const CHECKOUT_LATE_MINUTES = 180;

const ms = (at: string | Date) => (typeof at === "string" ? Date.parse(at) : at.getTime());

export interface OccurrenceState {
  status: OccurrenceStatus;
  signupDeadline: string;
  startsAt: string;
  endsAt: string;
}

export type SignupRefusal = "occurrence_closed" | "signup_closed" | "already_signed_up";

/**
 * A sign-up arriving now: refused when the occurrence is withdrawn or cancelled, past its deadline, or the volunteer
 * already holds a live sign-up; else a place when the team has one free, the waiting list otherwise.
 */
export function signupDecision(input: {
  occurrence: OccurrenceState;
  now: Date;
  alreadyLive: boolean;
  places: number;
  signedUpInTeam: number;
}): { ok: true; status: "signed_up" | "waitlisted" } | { ok: false; refusal: SignupRefusal } {
  if (input.occurrence.status !== "open") return { ok: false, refusal: "occurrence_closed" };
  if (ms(input.now) > ms(input.occurrence.signupDeadline)) return { ok: false, refusal: "signup_closed" };
  if (input.alreadyLive) return { ok: false, refusal: "already_signed_up" };
  return { ok: true, status: input.signedUpInTeam < input.places ? "signed_up" : "waitlisted" };
}

export interface TeamSignup {
  id: number;
  status: SignupStatus;
  arrival: number;
}

/** Who moves up after a withdrawal: the earliest waiting sign-up of the team, when the team has a free place. */
export function promotionOf(teamSignups: readonly TeamSignup[], places: number): number | null {
  const taken = teamSignups.filter((s) => s.status === "signed_up").length;
  if (taken >= places) return null;
  const waiting = teamSignups.filter((s) => s.status === "waitlisted").sort((a, b) => a.arrival - b.arrival);
  return waiting[0]?.id ?? null;
}

/** A volunteer withdraws a live sign-up before the activity starts. */
export function withdrawStep(
  status: SignupStatus,
  occurrence: OccurrenceState,
  now: Date,
): "signup_transition" | "occurrence_closed" | null {
  if (status !== "signed_up" && status !== "waitlisted") return "signup_transition";
  if (occurrence.status !== "open" || ms(now) >= ms(occurrence.startsAt)) return "occurrence_closed";
  return null;
}

/** Withdrawing an occurrence is for one nobody joined; one with sign-ups is cancelled (and they are told). */
export function closeStep(
  occurrence: { status: OccurrenceStatus },
  kind: "withdraw" | "cancel",
  liveSignups: number,
): { refusal: "occurrence_closed" } | { refusal: "has_signups"; count: number } | { refusal: "no_signups" } | null {
  if (occurrence.status !== "open") return { refusal: "occurrence_closed" };
  if (kind === "withdraw" && liveSignups > 0) return { refusal: "has_signups", count: liveSignups };
  if (kind === "cancel" && liveSignups === 0) return { refusal: "no_signups" };
  return null;
}

export type PresenceRefusal =
  | "occurrence_closed"
  | "not_signed_up"
  | "checkin_not_open"
  | "already_checked_in"
  | "not_checked_in"
  | "already_checked_out";

/** Check-in from CHECKIN_EARLY_MINUTES before the start to the end; check-out after check-in, until a while after the end. */
export function presenceStep(
  signup: { status: SignupStatus; checkedInAt: string | null; checkedOutAt: string | null } | null,
  occurrence: OccurrenceState,
  kind: "check_in" | "check_out",
  now: Date,
): PresenceRefusal | null {
  if (occurrence.status !== "open") return "occurrence_closed";
  if (!signup || (signup.status !== "signed_up" && signup.status !== "attended")) return "not_signed_up";
  const t = ms(now);
  if (kind === "check_in") {
    if (signup.checkedInAt) return "already_checked_in";
    if (t < ms(occurrence.startsAt) - CHECKIN_EARLY_MINUTES * MINUTE_MS || t > ms(occurrence.endsAt)) return "checkin_not_open";
    return null;
  }
  if (!signup.checkedInAt) return "not_checked_in";
  if (signup.checkedOutAt) return "already_checked_out";
  if (t > ms(occurrence.endsAt) + CHECKOUT_LATE_MINUTES * MINUTE_MS) return "checkin_not_open";
  return null;
}

/**
 * The hours an attendance earns: the time between check-in and check-out, clipped to the activity window; they
 * count only when that presence covers at least PRESENCE_THRESHOLD (60 %) of the window, else nothing.
 */
export function serviceMinutes(
  window: { startsAt: string; endsAt: string },
  checkedInAt: string,
  checkedOutAt: string,
): { presentMinutes: number; windowMinutes: number; minutes: number; counted: boolean } {
  const start = ms(window.startsAt);
  const end = ms(window.endsAt);
  const windowMinutes = Math.round((end - start) / MINUTE_MS);
  const from = Math.max(start, ms(checkedInAt));
  const to = Math.min(end, ms(checkedOutAt));
  const presentMinutes = Math.max(0, Math.floor((to - from) / MINUTE_MS));
  const counted = windowMinutes > 0 && presentMinutes >= PRESENCE_THRESHOLD * windowMinutes;
  return { presentMinutes, windowMinutes, minutes: counted ? presentMinutes : 0, counted };
}

export interface CertificationInput {
  certifiedAt: string | null;
  publicUntil: string | null;
  openObjections: number;
}

/** Uncertified until the organiser certifies; then on public notice for 7 days, final after (once no objection is open). */
export function certificationState(occurrence: CertificationInput, now: Date): CertificationState {
  if (!occurrence.certifiedAt || !occurrence.publicUntil) return "uncertified";
  if (ms(now) < ms(occurrence.publicUntil) || occurrence.openObjections > 0) return "publicised";
  return "final";
}

/** The end of the public notice of hours certified at `now`. */
export const publicUntilOf = (now: Date) => new Date(ms(now) + PUBLIC_NOTICE_DAYS * DAY_MS);

export type CertificationRefusal =
  | "not_ended"
  | "already_certified"
  | "not_certified"
  | "hours_final"
  | "hours_outside_window"
  | "objection_open"
  | "occurrence_closed";

export function certifyStep(occurrence: OccurrenceState & CertificationInput, now: Date): CertificationRefusal | null {
  if (occurrence.status !== "open") return "occurrence_closed";
  if (ms(now) < ms(occurrence.endsAt)) return "not_ended";
  if (occurrence.certifiedAt) return "already_certified";
  return null;
}

/** A correction of certified hours: during the public notice only, never beyond the window. */
export function correctStep(occurrence: OccurrenceState & CertificationInput, minutes: number, now: Date): CertificationRefusal | null {
  const state = certificationState(occurrence, now);
  if (state === "uncertified") return "not_certified";
  if (state === "final") return "hours_final";
  if (minutes > windowMinutesOf(occurrence)) return "hours_outside_window";
  return null;
}

/** An objection by a volunteer to their certified hours: during the public notice, one open at a time. */
export function objectStep(occurrence: CertificationInput, mineOpen: boolean, now: Date): CertificationRefusal | null {
  if (!occurrence.certifiedAt || !occurrence.publicUntil) return "not_certified";
  if (ms(now) >= ms(occurrence.publicUntil)) return "hours_final";
  if (mineOpen) return "objection_open";
  return null;
}

export const windowMinutesOf = (w: { startsAt: string; endsAt: string }) => Math.round((ms(w.endsAt) - ms(w.startsAt)) / MINUTE_MS);

/** Hours count (records, figures, the national export) once they are final: certified, out of notice, no objection open. */
export const isFinal = (occurrence: CertificationInput, now: Date) => certificationState(occurrence, now) === "final";

/** People served are recorded once the occurrence took place: not withdrawn or cancelled, and ended. */
export function servedStep(occurrence: OccurrenceState, now: Date): "not_held" | null {
  if (occurrence.status !== "open" || ms(now) < ms(occurrence.endsAt)) return "not_held";
  return null;
}

export type RosterRefusal = "occurrence_closed" | "started" | "volunteer_signed_up" | "team_full" | "signup_transition";

/**
 * A leader assigns a team member to an occurrence: before its start (the sign-up deadline does not bind a leader),
 * into a free place of the team (a leader does not put people on the waiting list), once per volunteer.
 */
export function assignStep(input: {
  occurrence: OccurrenceState;
  now: Date;
  alreadyLive: boolean;
  places: number;
  signedUpInTeam: number;
}): RosterRefusal | null {
  if (input.occurrence.status !== "open") return "occurrence_closed";
  if (ms(input.now) >= ms(input.occurrence.startsAt)) return "started";
  if (input.alreadyLive) return "volunteer_signed_up";
  if (input.signedUpInTeam >= input.places) return "team_full";
  return null;
}

/**
 * A leader substitutes a signed-up volunteer: before the start, the replaced sign-up holding a place, the substitute
 * without a live sign-up of their own. The substitute takes the place; nobody moves up from the waiting list.
 */
export function substituteStep(input: {
  occurrence: OccurrenceState;
  now: Date;
  replaced: SignupStatus;
  substituteLive: boolean;
}): RosterRefusal | null {
  if (input.occurrence.status !== "open") return "occurrence_closed";
  if (ms(input.now) >= ms(input.occurrence.startsAt)) return "started";
  if (input.replaced !== "signed_up") return "signup_transition";
  if (input.substituteLive) return "volunteer_signed_up";
  return null;
}

/** The organiser enters the paper roster after the activity and before certifying it (after that: corrections). */
export function paperRosterStep(occurrence: OccurrenceState & CertificationInput, now: Date): CertificationRefusal | null {
  if (occurrence.status !== "open") return "occurrence_closed";
  if (ms(now) < ms(occurrence.endsAt)) return "not_ended";
  if (occurrence.certifiedAt) return "already_certified";
  return null;
}

/**
 * What the paper roster does to a volunteer's sign-up: none (or a withdrawn one) becomes a new sign-up of the paper
 * roster; a signed-up, waiting or attended one takes the roster's times and is attended.
 */
export function paperEntryAction(status: SignupStatus | null): "create" | "update" {
  return status === null || status === "withdrawn" ? "create" : "update";
}

/** The day before, volunteers are asked from this hour (station time), not in the night. */
export const CONFIRM_ASK_HOUR = 9;

/** Whether the day-before question goes out now: from CONFIRM_ASK_HOUR of the day before (station time). */
export const confirmationAskTime = (stationHourNow: number) => stationHourNow >= CONFIRM_ASK_HOUR;

/** Who is asked the day before: occurrences dated tomorrow (station calendar), still open. */
export const confirmationDue = (occurrence: { status: OccurrenceStatus; date: string }, tomorrow: string) =>
  occurrence.status === "open" && occurrence.date === tomorrow;

/** A volunteer confirms they come: a signed-up (not waiting) sign-up, before the start, once. */
export function confirmStep(
  signup: { status: SignupStatus; confirmedAt: string | null },
  occurrence: OccurrenceState,
  now: Date,
): "signup_transition" | "occurrence_closed" | null {
  if (occurrence.status !== "open" || ms(now) >= ms(occurrence.startsAt)) return "occurrence_closed";
  if (signup.status !== "signed_up" || signup.confirmedAt) return "signup_transition";
  return null;
}

/** A service record's period: from ≤ to (the schema's), ending by today, spanning at most `maxDays`. */
export function recordPeriodStep(from: string, to: string, today: string, maxDays: number): "record_period" | null {
  if (to > today) return "record_period";
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS > maxDays) return "record_period";
  return null;
}

/**
 * A caring-meal delivery confirmed by a volunteer counts as service once it is final: delivered, and its date
 * PUBLIC_NOTICE_DAYS behind (the station's staff may correct a delivery meanwhile, as organisers correct hours).
 */
export function mealDeliveryFinal(delivery: { status: string; date: string }, today: string): boolean {
  if (delivery.status !== "delivered") return false;
  return Date.parse(`${delivery.date}T00:00:00Z`) + PUBLIC_NOTICE_DAYS * DAY_MS <= Date.parse(`${today}T00:00:00Z`);
}

export interface DayOccurrence {
  id: number;
  date: string;
  status: OccurrenceStatus;
  endsAt: string;
  attended: number;
}

/**
 * Whether each month of a period had its activity days (the 16th and the 28th) held: an occurrence on that date,
 * not withdrawn or cancelled, ended, with somebody checked in. Days after today (or after the period) are not due
 * yet and are left out; today's counts once held.
 */
export function activityDaysOf(
  occurrences: readonly DayOccurrence[],
  days: readonly number[],
  from: string,
  to: string,
  today: string,
  now: Date,
) {
  const last = to < today ? to : today;
  const months: { month: string; days: { day: number; date: string; held: boolean; occurrenceIds: number[] }[] }[] = [];
  const missing: { month: string; day: number; date: string }[] = [];
  for (let month = from.slice(0, 7); month <= last.slice(0, 7); month = shiftMonth(month, 1)) {
    const row = { month, days: [] as (typeof months)[number]["days"] };
    for (const day of days) {
      const date = `${month}-${String(day).padStart(2, "0")}`;
      if (date < from || date > last) continue;
      const on = occurrences.filter((o) => o.date === date);
      const held = on.filter((o) => o.status === "open" && ms(o.endsAt) <= ms(now) && o.attended > 0);
      if (date === today && held.length === 0) continue; // not over yet
      row.days.push({ day, date, held: held.length > 0, occurrenceIds: held.map((o) => o.id) });
      if (held.length === 0) missing.push({ month, day, date });
    }
    months.push(row);
  }
  return { months, missing, allHeld: missing.length === 0 };
}
