// The stations' calendar, shared by the server and the web apps: China Standard Time (UTC+8, no daylight
// saving). Times are stored in UTC; the dates a person reads or a rule counts in (due dates, ages, meeting days,
// meal days, months of a figure) are the station's. Every function takes its instant: "now" comes from the
// server's injected clock (server/platform/clock.ts) or, in a browser, from the page's own time.
const STATION_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const instant = (at: Date | string) => (typeof at === "string" ? Date.parse(at) : at.getTime());
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar date (YYYY-MM-DD) of an instant at the station. */
export function stationDate(at: Date | string): string {
  return new Date(instant(at) + STATION_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) of an instant at the station. */
export function stationMonth(at: Date | string): string {
  return stationDate(at).slice(0, 7);
}

/** The clock time (HH:MM) of an instant at the station. */
export function stationTime(at: Date | string): string {
  return new Date(instant(at) + STATION_OFFSET_MS).toISOString().slice(11, 16);
}

/** The hour (0–23) of an instant at the station. */
export function stationHour(at: Date | string): number {
  return new Date(instant(at) + STATION_OFFSET_MS).getUTCHours();
}

/** The instant a station day (YYYY-MM-DD) starts. */
export function stationDayStart(date: string): Date {
  return new Date(toTime(date) - STATION_OFFSET_MS);
}

/** The instant after a station day ends (the next day's start). */
export function stationDayEnd(date: string): Date {
  return new Date(stationDayStart(date).getTime() + DAY_MS);
}

/** A station day as the half-open UTC range [start, end) in ISO strings, for `where at >= start and at < end`. */
export function stationDayBounds(date: string): [string, string] {
  return [stationDayStart(date).toISOString(), stationDayEnd(date).toISOString()];
}

/** The instant at a station date and clock time (HH:MM). */
export function stationInstant(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - STATION_OFFSET_MS);
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(toTime(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week a date falls in. */
export function weekStart(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month (YYYY-MM) moved by `months`, either way. */
export function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${pad((((index % 12) + 12) % 12) + 1)}`;
}

/** The months (YYYY-MM) touched by the dates or months from..to, inclusive; empty when from is after to. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = to.slice(0, 7);
  for (let m = from.slice(0, 7); m <= end; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** A date (YYYY-MM-DD) moved by whole months, kept within the target month (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const month = shiftMonth(date.slice(0, 7), months);
  const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return `${month}-${pad(Math.min(Number(date.slice(8, 10)), last))}`;
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

/** The dates of a month (YYYY-MM) from the first to the last. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(y, m))}` };
}
