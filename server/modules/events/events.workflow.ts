// The pure rules of events and the stage: an event's life cycle (planned → approved → held → reported, or
// cancelled before it is held), how a visitor figure is counted from its records, a promotion's baseline days and
// its uplift, and the stage's booking rules (half-hour slots, opening hours, overlaps, decisions). No I/O, no
// clock: `now` is an argument.
import { addDays, stationDate, stationInstant, stationTime, weekdayOf } from "../../../contracts/calendar.ts";
import type { BaselineKind, BookingStatus, CountMethod, DayRole, EventStatus, Uplift } from "../../../contracts/events.ts";
import { editableEventStatuses, SLOT_MINUTES } from "../../../contracts/events.ts";

export type Refusal<Id extends string = string> = { ok: false; id: Id; field?: string; params?: Record<string, string | number> };
export type Outcome<T, Id extends string = string> = { ok: true; value: T } | Refusal<Id>;
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

// the event's life cycle

export type EventStep = "approved" | "held" | "reported" | "cancelled";
const allowed: Record<EventStatus, EventStep[]> = {
  planned: ["approved", "cancelled"],
  approved: ["held", "cancelled"],
  held: ["reported"],
  reported: [],
  cancelled: [],
};

/** The next status of an event, or the refusal: held only once its window has ended, reported only once held. */
export function eventStep(
  event: { status: EventStatus; endsAt: string },
  to: EventStep,
  now: Date,
): Outcome<EventStatus, "event.transition" | "event.not_ended"> {
  if (!allowed[event.status].includes(to))
    return { ok: false, id: "event.transition", field: "to", params: { status: event.status, step: to } };
  if (to === "held" && Date.parse(event.endsAt) > now.getTime()) return { ok: false, id: "event.not_ended", field: "to" };
  return ok(to);
}

/** An event may be edited while it is planned or approved; held, reported and cancelled events are records. */
export function eventEditable(status: EventStatus): Outcome<true, "event.not_editable"> {
  return (editableEventStatuses as readonly EventStatus[]).includes(status)
    ? ok(true)
    : { ok: false, id: "event.not_editable", field: "status", params: { status } };
}

/** A sign-up may be withdrawn while the person holds one and the event has not started; it frees the place. */
export function signupWithdrawal(
  event: { startsAt: string },
  signedUp: boolean,
  now: Date,
): Outcome<"withdrawn", "event.not_signed_up" | "event.withdraw_closed"> {
  if (!signedUp) return { ok: false, id: "event.not_signed_up" };
  if (Date.parse(event.startsAt) <= now.getTime()) return { ok: false, id: "event.withdraw_closed" };
  return ok("withdrawn");
}

// visitor counts

export interface CountInput {
  method: CountMethod;
  entrance: string | null;
  entries?: number | null;
  reEntries?: number | null;
  exits?: number | null;
  visitors?: number | null;
}

/**
 * The people one count record stands for. At the gates: entries minus re-entries (people who had already come in
 * through any entrance that day), so a person is never counted twice across entrances; exits are recorded, never
 * more than entries. The other methods carry their figure.
 */
export function countVisitors(c: CountInput): Outcome<number, "event.count_fields" | "event.count_exits" | "event.count_re_entries"> {
  if (c.method === "gates") {
    if (!c.entrance) return { ok: false, id: "event.count_fields", field: "entrance" };
    if (c.entries === null || c.entries === undefined) return { ok: false, id: "event.count_fields", field: "entries" };
    const re = c.reEntries ?? 0;
    if (re > c.entries) return { ok: false, id: "event.count_re_entries", field: "reEntries" };
    if ((c.exits ?? 0) > c.entries) return { ok: false, id: "event.count_exits", field: "exits" };
    return ok(c.entries - re);
  }
  if (c.visitors === null || c.visitors === undefined) return { ok: false, id: "event.count_fields", field: "visitors" };
  return ok(c.visitors);
}

/** Which method's figure stands for a day when several were taken: what was counted before what was estimated. */
export const methodRank: Record<CountMethod, number> = { gates: 0, head_count: 1, tickets: 2, estimate: 3 };

export interface CountRecord {
  date: string;
  dayRole: DayRole;
  method: CountMethod;
  visitors: number;
  recordedBy: string;
}

/** One figure per day: the best method's records summed (the gates' entrances add up), with who recorded them. */
export function dayFigures(records: CountRecord[]) {
  const byDay = new Map<string, CountRecord[]>();
  for (const r of records) byDay.set(r.date, [...(byDay.get(r.date) ?? []), r]);
  const out: { date: string; dayRole: DayRole; method: CountMethod; visitors: number; records: number; recordedBy: string[] }[] = [];
  for (const [date, rs] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const best = rs.reduce((m, r) => Math.min(m, methodRank[r.method]), 9);
    const chosen = rs.filter((r) => methodRank[r.method] === best);
    out.push({
      date,
      dayRole: chosen[0].dayRole,
      method: chosen[0].method,
      visitors: chosen.reduce((s, r) => s + r.visitors, 0),
      records: chosen.length,
      recordedBy: [...new Set(chosen.map((r) => r.recordedBy))],
    });
  }
  return out;
}

// baseline and uplift

/** The same weekdays of the four weeks before: each promotion date's weekday 7, 14, 21 and 28 days earlier. */
export function sameWeekdaysBaseline(promotionDates: readonly string[]): string[] {
  const promo = new Set(promotionDates);
  const out = new Set<string>();
  for (const d of promotionDates) for (let w = 1; w <= 4; w++) out.add(addDays(d, -7 * w));
  return [...out].filter((d) => !promo.has(d)).sort();
}

export function baselineDatesOf(kind: BaselineKind, promotionDates: readonly string[], declared: readonly string[] | null): string[] {
  return kind === "same_weekdays" ? sameWeekdaysBaseline(promotionDates) : [...new Set(declared ?? [])].sort();
}

export interface TakingsRecord {
  merchantId: number;
  date: string;
  dayRole: "baseline" | "promotion";
  amountFen: number;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The uplift of a promotion from its records.
 * Visits: the days' figures (one method, the best one present on every day counted) — the mean per promotion day
 * minus the mean per baseline day, times the promotion days.
 * Takings: over the merchants who reported at least one baseline day and one promotion day (the sample), each
 * merchant's mean per promotion day minus their mean per baseline day, times the promotion days, summed; rounded
 * to whole fen once at the end.
 */
export function computeUplift(input: {
  baselineKind: BaselineKind | null;
  baselineDates: string[];
  promotionDates: string[];
  merchantsTakingPart: number;
  days: { date: string; method: CountMethod; visitors: number }[];
  takings: TakingsRecord[];
}): Uplift {
  const promoSet = new Set(input.promotionDates);
  const baseSet = new Set(input.baselineDates);
  const days = input.days.filter((d) => promoSet.has(d.date) || baseSet.has(d.date));
  // one method throughout: the best one that every counted day has
  const byMethod = new Map<CountMethod, { date: string; visitors: number }[]>();
  for (const d of days) byMethod.set(d.method, [...(byMethod.get(d.method) ?? []), d]);
  let method: CountMethod | null = null;
  let chosen: { date: string; visitors: number }[] = [];
  for (const m of (Object.keys(methodRank) as CountMethod[]).sort((a, b) => methodRank[a] - methodRank[b])) {
    const ds = byMethod.get(m) ?? [];
    const hasBase = ds.some((d) => baseSet.has(d.date));
    const hasPromo = ds.some((d) => promoSet.has(d.date));
    if (hasBase && hasPromo) {
      method = m;
      chosen = ds;
      break;
    }
  }
  const base = chosen.filter((d) => baseSet.has(d.date)).map((d) => d.visitors);
  const promo = chosen.filter((d) => promoSet.has(d.date)).map((d) => d.visitors);
  const baselinePerDay = base.length ? mean(base) : null;
  const promotionPerDay = promo.length ? mean(promo) : null;
  const visitsUplift =
    baselinePerDay !== null && promotionPerDay !== null
      ? Math.round((promotionPerDay - baselinePerDay) * input.promotionDates.length)
      : null;

  const byMerchant = new Map<number, { base: number[]; promo: number[] }>();
  for (const t of input.takings) {
    if (!(t.dayRole === "baseline" ? baseSet : promoSet).has(t.date)) continue;
    const m = byMerchant.get(t.merchantId) ?? { base: [], promo: [] };
    (t.dayRole === "baseline" ? m.base : m.promo).push(t.amountFen);
    byMerchant.set(t.merchantId, m);
  }
  let sampleSize = 0;
  let baselineFen = 0;
  let promotionFen = 0;
  let upliftExact = 0;
  let baselineExpected = 0;
  for (const m of byMerchant.values()) {
    if (!m.base.length || !m.promo.length) continue;
    sampleSize++;
    baselineFen += m.base.reduce((s, x) => s + x, 0);
    promotionFen += m.promo.reduce((s, x) => s + x, 0);
    upliftExact += (mean(m.promo) - mean(m.base)) * input.promotionDates.length;
    baselineExpected += mean(m.base) * input.promotionDates.length;
  }
  const upliftFen = Math.round(upliftExact);
  return {
    baselineKind: input.baselineKind,
    baselineDates: input.baselineDates,
    promotionDates: input.promotionDates,
    visits: {
      method,
      baselinePerDay: baselinePerDay === null ? null : Math.round(baselinePerDay * 10) / 10,
      promotionPerDay: promotionPerDay === null ? null : Math.round(promotionPerDay * 10) / 10,
      uplift: visitsUplift,
      baselineDays: base.length,
      promotionDays: promo.length,
    },
    takings: {
      sampleSize,
      merchantsTakingPart: input.merchantsTakingPart,
      baselineFen,
      promotionFen,
      upliftFen,
      upliftPercent: baselineExpected > 0 ? Math.round((upliftExact / baselineExpected) * 1000) / 10 : null,
    },
  };
}

// the stage's bookings

export interface Window {
  start: string;
  end: string;
}

/** Two half-open windows [start, end) share time. */
export const overlaps = (a: Window, b: Window) => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** The half-hour slots a window covers, as UTC instants of their starts. */
export function slotsOf(w: Window): string[] {
  const out: string[] = [];
  const step = SLOT_MINUTES * 60_000;
  for (let t = Date.parse(w.start); t < Date.parse(w.end); t += step) out.push(new Date(t).toISOString());
  return out;
}

export interface VenueHours {
  openFrom: string;
  openTo: string;
  openWeekdays: number[];
}

type WindowRefusal = "stage.bad_window" | "stage.slot_alignment" | "stage.outside_hours" | "stage.in_past";

/** A booking's window on a station date: on the half hour, within the venue's days and hours, not in the past. */
export function bookingWindow(
  date: string,
  startTime: string,
  endTime: string,
  venue: VenueHours,
  now: Date,
): Outcome<Window, WindowRefusal> {
  if (endTime <= startTime) return { ok: false, id: "stage.bad_window", field: "endTime" };
  const aligned = (t: string) => Number(t.slice(3, 5)) % SLOT_MINUTES === 0;
  if (!aligned(startTime)) return { ok: false, id: "stage.slot_alignment", field: "startTime" };
  if (!aligned(endTime)) return { ok: false, id: "stage.slot_alignment", field: "endTime" };
  const hours = { days: venue.openWeekdays.join("、"), from: venue.openFrom, to: venue.openTo };
  if (!venue.openWeekdays.includes(weekdayOf(date))) return { ok: false, id: "stage.outside_hours", field: "date", params: hours };
  if (startTime < venue.openFrom) return { ok: false, id: "stage.outside_hours", field: "startTime", params: hours };
  if (endTime > venue.openTo) return { ok: false, id: "stage.outside_hours", field: "endTime", params: hours };
  const start = stationInstant(date, startTime);
  if (start.getTime() < now.getTime()) return { ok: false, id: "stage.in_past", field: "date" };
  return ok({ start: start.toISOString(), end: stationInstant(date, endTime).toISOString() });
}

/** A window as a person reads it in a refusal: its station date and times. */
export const windowParams = (w: Window) => ({ date: stationDate(w.start), from: stationTime(w.start), to: stationTime(w.end) });

export type BookingDecision = "approve" | "refuse" | "cancel";
const bookingMoves: Record<BookingStatus, Partial<Record<BookingDecision, BookingStatus>>> = {
  requested: { approve: "approved", refuse: "refused", cancel: "cancelled" },
  approved: { cancel: "cancelled" },
  refused: {},
  cancelled: {},
};

/** A booking's next status; a refused or cancelled booking releases its slots. */
export function bookingStep(status: BookingStatus, decision: BookingDecision): Outcome<BookingStatus, "stage.booking_transition"> {
  const next = bookingMoves[status][decision];
  return next ? ok(next) : { ok: false, id: "stage.booking_transition", field: "decision", params: { status } };
}

/** A team cancelling its own booking: a requested or approved one that has not started; its slots are released. */
export function teamCancellation(
  booking: { status: BookingStatus; startsAt: string },
  now: Date,
): Outcome<BookingStatus, "stage.booking_transition" | "stage.booking_started"> {
  const step = bookingStep(booking.status, "cancel");
  if (!step.ok) return step;
  if (Date.parse(booking.startsAt) <= now.getTime()) return { ok: false, id: "stage.booking_started" };
  return step;
}

export const holdsSlots = (status: BookingStatus) => status === "requested" || status === "approved";

/** A photo is flagged when its EXIF time falls outside the event's window (a day's grace either side is none). */
export const outsideWindow = (takenAt: string | null, event: Window) =>
  takenAt !== null && (Date.parse(takenAt) < Date.parse(event.start) || Date.parse(takenAt) > Date.parse(event.end));
