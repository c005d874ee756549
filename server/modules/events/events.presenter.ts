// Rows into the contract's shapes, in one place for the module.
import type { EventCount, EventPhoto, EventSummary, EventTakings } from "../../../contracts/events.ts";
import type { DB } from "../../db/tables.ts";
import { fileUrl } from "../../platform/files.ts";

type Row<T extends keyof DB> = { [K in keyof DB[T]]: DB[T][K] extends import("kysely").Generated<infer U> ? U : DB[T][K] };

export const list = <T>(text: string | null): T[] => (text ? (JSON.parse(text) as T[]) : []);

export function presentSummary(
  e: Row<"events"> & { station_name: string },
  extra: { signups: number; photos: number; visitors: number | null; visitorsMethod: EventSummary["visitorsMethod"] },
): EventSummary {
  return {
    id: e.id,
    stationId: e.station_id,
    stationName: e.station_name,
    kind: e.kind,
    title: e.title,
    themes: list<string>(e.themes),
    place: e.place,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    status: e.status,
    takesSignups: e.takes_signups === 1,
    signups: extra.signups,
    visitors: extra.visitors,
    visitorsMethod: extra.visitorsMethod,
    photos: extra.photos,
    budgetFen: e.budget_fen,
  };
}

export const presentCount = (c: Row<"event_counts">): EventCount => ({
  id: c.id,
  date: c.date,
  dayRole: c.day_role,
  method: c.method,
  entrance: c.entrance,
  entries: c.entries,
  reEntries: c.re_entries,
  exits: c.exits,
  visitors: c.visitors,
  note: c.note,
  recordedBy: c.recorded_by_name,
  recordedAt: c.recorded_at,
});

export const presentPhoto = (p: Row<"event_photos">): EventPhoto => ({
  id: p.id,
  fileId: p.file_id,
  url: fileUrl(p.file_id),
  takenAt: p.taken_at,
  outsideWindow: p.outside_window === 1,
  caption: p.caption,
  createdAt: p.created_at,
});

export const presentTakings = (t: Row<"event_takings"> & { merchant_name: string }): EventTakings => ({
  id: t.id,
  merchantId: t.merchant_id,
  merchantName: t.merchant_name,
  date: t.date,
  dayRole: t.day_role,
  amountFen: t.amount_fen,
  reportedBy: t.reported_by_name,
  reportedAt: t.reported_at,
});
