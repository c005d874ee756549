// The Red Shield post's rules, pure: a session's slots, its status steps, and when a slot can be booked.
import type { BookingStatus, SessionStatus } from "../../../contracts/duty.ts";

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Slots from start to end by `slotMinutes`; a last slot that would run past the end is left out. */
export function slotsOf(startTime: string, endTime: string, slotMinutes: number): string[] {
  const out: string[] = [];
  if (slotMinutes <= 0) return out;
  for (let m = minutesOf(startTime); m + slotMinutes <= minutesOf(endTime); m += slotMinutes) out.push(timeOf(m));
  return out;
}

export type SessionEvent = "hold" | "cancel";

/** scheduled → held (on or after its day) | cancelled (before it is held). */
export function sessionStep(
  status: SessionStatus,
  event: SessionEvent,
  sessionDate: string,
  today: string,
): { ok: true; next: SessionStatus } | { ok: false; refusal: "transition" | "not_started" } {
  if (status !== "scheduled") return { ok: false, refusal: "transition" };
  if (event === "hold") return sessionDate > today ? { ok: false, refusal: "not_started" } : { ok: true, next: "held" };
  return { ok: true, next: "cancelled" };
}

/** A slot is bookable while the session is scheduled and the slot has not begun (station date and time). */
export function slotOpen(session: { status: string; date: string }, slot: string, today: string, nowTime: string): boolean {
  if (session.status !== "scheduled") return false;
  if (session.date < today) return false;
  if (session.date === today && slot <= nowTime) return false;
  return true;
}

/** A merchant cancels their own booking before its slot begins. */
export function bookingCancellable(
  booking: { status: string },
  session: { status: string; date: string },
  slot: string,
  today: string,
  nowTime: string,
) {
  return booking.status === "booked" && slotOpen(session, slot, today, nowTime);
}

/** Staff mark attendance once the session's day has come; a cancelled booking or session stays as it is. */
export function attendanceStep(
  booking: { status: BookingStatus },
  session: { status: SessionStatus; date: string },
  today: string,
): { ok: true } | { ok: false; refusal: "booking_closed" | "not_started" | "transition" } {
  if (session.status === "cancelled") return { ok: false, refusal: "transition" };
  if (booking.status === "cancelled") return { ok: false, refusal: "booking_closed" };
  if (session.date > today) return { ok: false, refusal: "not_started" };
  return { ok: true };
}
