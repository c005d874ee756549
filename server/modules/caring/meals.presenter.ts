// Caring meals as the API shows them, and the rules of the weekly plan on the station's calendar.
import { daysBetween, stationDate, weekdayOf } from "../../../contracts/calendar.ts";
import type { DeliveryStatus } from "../../../contracts/caring.ts";
import type { DeliveryRow, RecipientRow } from "./meals.repository.ts";

/** Age in whole years on a date, from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const ELDERLY_AGE = 60;

export const parseWeekdays = (text: string): number[] =>
  text
    .split(",")
    .map(Number)
    .filter((n) => n >= 1 && n <= 7);
export const formatWeekdays = (days: readonly number[]) => [...new Set(days)].sort((a, b) => a - b).join(",");

/** A recipient's first planned day: the station-local date they joined the plan. */
export const planStart = (createdAt: string) => stationDate(createdAt);

/** Whether a meal is planned for a recipient on a date (active, joined by then, on one of their weekdays). */
export function plannedOn(r: { weekdays: string; active: number; created_at: string }, date: string): boolean {
  return r.active === 1 && planStart(r.created_at) <= date && parseWeekdays(r.weekdays).includes(weekdayOf(date));
}

/** How many meals a plan holds from `from` to `to` inclusive (both YYYY-MM-DD), counting from the plan's start. */
export function plannedCount(r: { weekdays: string; created_at: string }, from: string, to: string): number {
  const start = planStart(r.created_at) > from ? planStart(r.created_at) : from;
  if (start > to) return 0;
  const days = new Set(parseWeekdays(r.weekdays));
  const span = daysBetween(start, to) + 1;
  const full = Math.floor(span / 7);
  let count = full * days.size;
  let wd = weekdayOf(start);
  for (let i = 0; i < span % 7; i++) {
    if (days.has(wd)) count++;
    wd = wd === 7 ? 1 : wd + 1;
  }
  return count;
}

export function presentRecipient(row: RecipientRow) {
  return {
    id: row.id,
    stationId: row.station_id,
    residentId: row.resident_id,
    name: row.name,
    address: row.address,
    providerShopId: row.provider_shop_id,
    providerName: row.provider_name,
    weekdays: parseWeekdays(row.weekdays),
    active: row.active === 1,
  };
}

export type PresentedRecipient = ReturnType<typeof presentRecipient>;

/** A recipient's meal on a day: its recorded row, or pending while none is. */
export function presentDayItem(
  r: RecipientRow,
  d: Pick<DeliveryRow, "status" | "confirmed_by_name" | "at"> | undefined,
): {
  recipientId: number;
  stationId: number;
  name: string;
  address: string | null;
  providerName: string;
  status: DeliveryStatus | "pending";
  confirmedBy: string | null;
  at: string | null;
} {
  return {
    recipientId: r.id,
    stationId: r.station_id,
    name: r.name,
    address: r.address,
    providerName: r.provider_name,
    status: d?.status ?? "pending",
    confirmedBy: d?.confirmed_by_name ?? null,
    at: d?.at ?? null,
  };
}
