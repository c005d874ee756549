// The night market's rules, pure: which nights a season opens and their windows, an application's steps, the
// three allocation rules (the lottery drawn from a recorded seed, so a re-run gives the same result), check-in,
// when untaken pitches are offered, takings far from an operator's usual, suspension by bad records, and the
// nightly close. No I/O and no clock: `now` and the night are arguments.
import { addDays, daysBetween, stationDate, stationInstant, weekdayOf } from "../../../contracts/calendar.ts";
import type { NightMarketErrorId } from "../../../contracts/errors-night-market.ts";
import type { AllocationRule, ApplicationStatus, PitchKind, PitchNightStatus } from "../../../contracts/night-market.ts";

export type Refusal = { refused: NightMarketErrorId; field?: string; params?: Record<string, string | number> };
const refuse = (refused: NightMarketErrorId, field?: string, params?: Record<string, string | number>): Refusal => ({
  refused,
  field,
  params,
});
export const isRefusal = (v: unknown): v is Refusal => typeof v === "object" && v !== null && "refused" in v;

export interface SeasonCalendar {
  startsOn: string;
  endsOn: string;
  opensAt: string;
  closesAt: string;
  closedWeekdays: readonly number[];
  closedNights: readonly string[];
}

/** The nights a season opens, in order: every date from the first to the last night but the closed ones. */
export function seasonNights(s: SeasonCalendar): string[] {
  const nights: string[] = [];
  const closed = new Set(s.closedNights);
  const total = daysBetween(s.startsOn, s.endsOn);
  for (let i = 0; i <= total; i++) {
    const night = addDays(s.startsOn, i);
    if (closed.has(night) || s.closedWeekdays.includes(weekdayOf(night))) continue;
    nights.push(night);
  }
  return nights;
}

export function isOpenNight(s: SeasonCalendar, night: string): boolean {
  return night >= s.startsOn && night <= s.endsOn && !s.closedNights.includes(night) && !s.closedWeekdays.includes(weekdayOf(night));
}

/** A night's opening window in UTC; a closing time not after the opening time is on the next day. */
export function nightWindow(s: Pick<SeasonCalendar, "opensAt" | "closesAt">, night: string): { start: Date; end: Date } {
  const start = stationInstant(night, s.opensAt);
  const end = s.closesAt > s.opensAt ? stationInstant(night, s.closesAt) : stationInstant(addDays(night, 1), s.closesAt);
  return { start, end };
}

/** The night an instant belongs to: the small hours (before 06:00) are still the previous evening's market. */
export function nightOf(at: Date): string {
  const date = stationDate(at);
  return stationInstant(date, "06:00") > at ? addDays(date, -1) : date;
}

/** Opening windows overlapping [from, to), in order. */
export function windowsBetween(s: SeasonCalendar, from: Date, to: Date): { night: string; start: Date; end: Date }[] {
  const out: { night: string; start: Date; end: Date }[] = [];
  for (const night of seasonNights(s)) {
    const w = nightWindow(s, night);
    if (w.start < to && w.end > from) out.push({ night, ...w });
  }
  return out;
}

// Applications

export type ApplicationEvent = "approve" | "reject" | "withdraw";

const applicationSteps: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  submitted: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
  approved: { withdraw: "withdrawn" },
  rejected: {},
  withdrawn: {},
};

/** The next status of an application, or a refusal; an allocated season keeps its approvals (the draw used them). */
export function applicationStep(status: ApplicationStatus, event: ApplicationEvent, seasonAllocated: boolean): ApplicationStatus | Refusal {
  const next = applicationSteps[status][event];
  if (!next) return refuse("night_market.application_transition");
  if (seasonAllocated && status === "approved") return refuse("night_market.application_transition");
  return next;
}

export interface ApplicationCheck {
  seasonStatus: string;
  deadline: string;
  maxPitches: number;
  kind: PitchKind;
  pitchesWanted: number;
  foodLicenceNo: string | null;
  suspended: boolean;
}

/** Whether an operator may apply now: the season open, before the deadline, a licence for food, within the cap. */
export function checkApplication(a: ApplicationCheck, now: Date): Refusal | null {
  if (a.suspended) return refuse("night_market.suspended");
  if (a.seasonStatus !== "open") return refuse("night_market.not_open", "seasonId");
  if (now.toISOString() >= a.deadline) return refuse("night_market.deadline_passed", "seasonId", { deadline: a.deadline });
  if (a.kind === "food" && !a.foodLicenceNo) return refuse("night_market.food_licence_required", "foodLicenceNo");
  if (a.pitchesWanted > a.maxPitches) return refuse("night_market.too_many_pitches", "pitchesWanted", { max: a.maxPitches });
  return null;
}

// Allocation

/** A 32-bit PRNG (mulberry32) from a text seed (FNV-1a): the same seed gives the same draw on every machine. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let s = h >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded generator: the lottery's order of applicants. */
export function drawOrder<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface AllocApplication {
  id: number;
  operatorId: number;
  kind: PitchKind;
  pitchesWanted: number;
  preferredPitchId: number | null;
}
export interface AllocPitch {
  id: number;
  number: string;
  kind: PitchKind;
}
export interface Allocation {
  /** Season-long pitches per operator (fixed and lottery; rotation gives the first night's). */
  assignments: { operatorId: number; applicationId: number; pitchIds: number[] }[];
  waitingList: { operatorId: number; applicationId: number }[];
  pitchNights: { pitchId: number; night: string; operatorId: number }[];
}

/**
 * Allocates a season's pitches to its approved applications by the declared rule. Pitches go only to applications
 * of their kind; nobody gets more than `maxPerOperator`. Input order is the applications' submission order
 * (the fixed rule's first come, first served) and the pitches' numbers.
 */
export function allocate(
  rule: AllocationRule,
  applications: readonly AllocApplication[],
  pitches: readonly AllocPitch[],
  nights: readonly string[],
  maxPerOperator: number,
  seed: string | null,
): Allocation {
  const sortedApps = [...applications].sort((a, b) => a.id - b.id);
  const sortedPitches = [...pitches].sort((a, b) => a.number.localeCompare(b.number, "en", { numeric: true }) || a.id - b.id);
  if (rule === "rotation") return rotate(sortedApps, sortedPitches, nights);
  const order = rule === "lottery" ? drawOrder(sortedApps, seed ?? "") : sortedApps;
  const free = new Map<PitchKind, AllocPitch[]>();
  for (const p of sortedPitches) free.set(p.kind, [...(free.get(p.kind) ?? []), p]);
  const given = new Map<number, number[]>();
  const take = (app: AllocApplication) => {
    const pool = free.get(app.kind) ?? [];
    const wanted = pool.findIndex((p) => p.id === app.preferredPitchId);
    const index = rule === "fixed" && wanted >= 0 && !(given.get(app.id)?.length ?? 0) ? wanted : pool.length > 0 ? 0 : -1;
    if (index < 0) return false;
    const [pitch] = pool.splice(index, 1);
    given.set(app.id, [...(given.get(app.id) ?? []), pitch.id]);
    return true;
  };
  // Round by round: everyone's first pitch before anyone's second.
  const cap = (a: AllocApplication) => Math.min(a.pitchesWanted, maxPerOperator);
  const rounds = Math.max(0, ...order.map(cap));
  for (let round = 0; round < rounds; round++) {
    for (const app of order) if (cap(app) > round && (given.get(app.id)?.length ?? 0) === round) take(app);
  }
  const assignments = order
    .filter((a) => given.has(a.id))
    .map((a) => ({ operatorId: a.operatorId, applicationId: a.id, pitchIds: given.get(a.id) ?? [] }));
  const waitingList = order.filter((a) => !given.has(a.id)).map((a) => ({ operatorId: a.operatorId, applicationId: a.id }));
  const pitchNights = assignments.flatMap((a) =>
    a.pitchIds.flatMap((pitchId) => nights.map((night) => ({ pitchId, night, operatorId: a.operatorId }))),
  );
  return { assignments, waitingList, pitchNights };
}

/** Rotation: applicants of a kind take the kind's pitches in turn, one each a night, the order moving on nightly. */
function rotate(apps: AllocApplication[], pitches: AllocPitch[], nights: readonly string[]): Allocation {
  const pitchNights: Allocation["pitchNights"] = [];
  const first = new Map<number, number[]>();
  for (const kind of new Set(apps.map((a) => a.kind))) {
    const group = apps.filter((a) => a.kind === kind);
    const pool = pitches.filter((p) => p.kind === kind);
    nights.forEach((night, n) => {
      for (let i = 0; i < Math.min(group.length, pool.length); i++) {
        // More applicants than pitches: the night's takers move on by a pitchful; otherwise everyone moves a pitch on.
        const app = group.length > pool.length ? group[(n * pool.length + i) % group.length] : group[i];
        const pitch = pool[(i + n) % pool.length];
        pitchNights.push({ pitchId: pitch.id, night, operatorId: app.operatorId });
        if (n === 0) first.set(app.id, [pitch.id]);
      }
    });
  }
  return {
    assignments: apps
      .filter((a) => first.has(a.id))
      .map((a) => ({ operatorId: a.operatorId, applicationId: a.id, pitchIds: first.get(a.id) ?? [] })),
    waitingList: apps
      .filter((a) => !pitches.some((p) => p.kind === a.kind))
      .map((a) => ({ operatorId: a.operatorId, applicationId: a.id })),
    pitchNights,
  };
}

// Each night

/** An operator checks in at their own pitch, on its night, from three hours before opening until closing. */
export function checkIn(
  p: { operatorId: number; status: PitchNightStatus },
  operatorId: number,
  window: { start: Date; end: Date },
  now: Date,
): "checked_in" | Refusal {
  if (p.operatorId !== operatorId || p.status === "released") return refuse("night_market.not_your_pitch", "pitchNightId");
  if (p.status === "checked_in") return refuse("night_market.already_checked_in", "pitchNightId");
  if (now.getTime() < window.start.getTime() - 3 * 3_600_000 || now >= window.end)
    return refuse("night_market.not_tonight", "pitchNightId");
  return "checked_in";
}

/** The instant after which a night's untaken pitches are offered to the waiting list. */
export function offerTime(night: string, s: Pick<SeasonCalendar, "opensAt" | "closesAt"> & { checkinBy: string }): Date {
  const w = nightWindow(s, night);
  const at = stationInstant(night, s.checkinBy);
  return at < w.start ? new Date(at.getTime() + 86_400_000) : at;
}

/** Takings far from the operator's usual: at least three earlier nights, and more than thrice or under a third of their median. */
export function unusualTakings(amountFen: number, earlierFen: readonly number[]): boolean {
  if (earlierFen.length < 3) return false;
  const sorted = [...earlierFen].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  if (median === 0) return amountFen > 0;
  return amountFen > median * 3 || amountFen < median / 3;
}

/** After a bad record: whether the operator is now suspended (the season's configured number reached). */
export function suspendedAfter(badRecords: number, suspendAfter: number): boolean {
  return badRecords >= suspendAfter;
}

export interface EntranceCount {
  entrance: string;
  visitorsIn: number;
  visitorsOut: number;
}

/**
 * Entrance counts as given: each entrance once, and no more leaving than came in over all entrances (people leave
 * by another gate than they came in by, so one entrance's exits may exceed its entries).
 */
export function checkCounts(counts: readonly EntranceCount[]): Refusal | null {
  const seen = new Set<string>();
  for (const [i, c] of counts.entries()) {
    if (seen.has(c.entrance)) return refuse("night_market.duplicate_entrance", `counts.${i}.entrance`);
    seen.add(c.entrance);
  }
  const entries = counts.reduce((n, c) => n + c.visitorsIn, 0);
  const exits = counts.reduce((n, c) => n + c.visitorsOut, 0);
  if (exits > entries) return refuse("night_market.exits_exceed_entries", "counts", { in: entries, out: exits });
  return null;
}

export interface NightFigures {
  visitorsIn: number;
  visitorsOut: number;
  turnoverFen: number;
  operators: number;
  incidents: number;
}

/** The night's figures, computed when staff close it: visitors are the entries, turnover the takings reported. */
export function closeNight(
  status: "open" | "closed",
  counts: readonly EntranceCount[],
  takingsFen: readonly number[],
  operatorsCheckedIn: number,
  incidents: number,
): NightFigures | Refusal {
  if (status === "closed") return refuse("night_market.night_closed");
  if (counts.length === 0) return refuse("night_market.no_counts", "counts");
  const bad = checkCounts(counts);
  if (bad) return bad;
  return figuresOf(counts, takingsFen, operatorsCheckedIn, incidents);
}

export function figuresOf(
  counts: readonly EntranceCount[],
  takingsFen: readonly number[],
  operators: number,
  incidents: number,
): NightFigures {
  return {
    visitorsIn: counts.reduce((n, c) => n + c.visitorsIn, 0),
    visitorsOut: counts.reduce((n, c) => n + c.visitorsOut, 0),
    turnoverFen: takingsFen.reduce((n, t) => n + t, 0),
    operators,
    incidents,
  };
}
