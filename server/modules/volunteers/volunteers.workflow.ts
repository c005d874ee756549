// The volunteer service's rules, pure: sign-up within the places of the volunteer's team or onto its waiting list,
// promotion in arrival order when someone withdraws, check-in and check-out, the hours an attendance earns (the
// window clip and the 60 % presence rule) and the certification's public notice. No I/O, no clock: `now` is given.
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
