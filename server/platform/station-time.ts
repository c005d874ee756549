// The stations' calendar: China Standard Time (UTC+8, no daylight saving). Times are stored in UTC; dates a
// person reads or a rule counts in (due dates, ages, meeting days, meal days) are the station's.
const STATION_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant at the station. */
export function stationDate(at: Date | string = new Date()): string {
  const t = typeof at === "string" ? Date.parse(at) : at.getTime();
  return new Date(t + STATION_OFFSET_MS).toISOString().slice(0, 10);
}

/** The clock time (HH:MM) of an instant at the station. */
export function stationTime(at: Date | string = new Date()): string {
  const t = typeof at === "string" ? Date.parse(at) : at.getTime();
  return new Date(t + STATION_OFFSET_MS).toISOString().slice(11, 16);
}

/** The hour (0–23) of an instant at the station. */
export function stationHour(at: Date = new Date()): number {
  return new Date(at.getTime() + STATION_OFFSET_MS).getUTCHours();
}

/** The instant a station day (YYYY-MM-DD) starts. */
export function stationDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - STATION_OFFSET_MS);
}

/** The instant after a station day ends (the next day's start). */
export function stationDayEnd(date: string): Date {
  return new Date(stationDayStart(date).getTime() + DAY_MS);
}
