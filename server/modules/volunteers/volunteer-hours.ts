// The hours that count, in one place, for the service record, the figures, the national export and the Party record:
// the sign-ups of final occurrences (certified, out of their public notice, no objection open) with minutes above zero,
// and the caring-meal deliveries a volunteer confirmed, once final, each at MEAL_DELIVERY_MINUTES (a day's in one entry).
import { stationDate, stationTime } from "../../../contracts/calendar.ts";
import { MEAL_DELIVERY_MINUTES, type ServiceEntryKind } from "../../../contracts/volunteer-records.ts";
import type { VolunteerReportsRepository } from "./volunteer-reports.repository.ts";
import { mealDeliveryFinal } from "./volunteers.workflow.ts";

/** What the caring module tells of its meal deliveries (MealsService.deliveriesConfirmedBy). */
export interface MealDeliveriesSource {
  deliveriesConfirmedBy(filter: {
    stationIds: number[] | null;
    userIds?: number[];
    from: string;
    to: string;
  }): Promise<{ id: number; stationId: number; date: string; at: string; status: string; userId: number }[]>;
}

export type CountedFilter = {
  stationIds: number[] | null;
  volunteerId?: number;
  /** Only these volunteers' (the honour roll's). */
  volunteerIds?: number[];
  /** Narrowed to one team's sign-ups (no meal deliveries: they have no team) or one month (YYYY-MM). */
  teamId?: number;
  month?: string;
  /** Only the meal deliveries (the figures' row of their own). */
  mealsOnly?: boolean;
  from: string;
  to: string;
};

/** Minutes and records per key, the database's sums and the meal deliveries' added. */
export type Totals = Map<string, { minutes: number; records: number }>;

/** A record that counts, lean: what the figures add up. */
export interface CountedRow {
  ref: string;
  refs: string[];
  kind: ServiceEntryKind;
  stationId: number;
  volunteerId: number;
  /** Null for a meal delivery (no team). */
  teamId: number | null;
  occurrenceId: number | null;
  date: string;
  minutes: number;
}

export interface CountedSet {
  rows: CountedRow[];
  volunteers: Map<number, { name: string; number: string }>;
  teams: Map<number, { name: string; content: string }>;
  /** The rows given as entries with their words, in date order. */
  entries(rows: CountedRow[]): CountedEntry[];
}

export interface CountedEntry {
  /** `signup:<id>`, or a day's meal deliveries `meal_delivery:<id>,meal_delivery:<id>…`. */
  ref: string;
  /** The records behind the entry, one by one. */
  refs: string[];
  kind: ServiceEntryKind;
  stationId: number;
  volunteerId: number;
  volunteerName: string;
  volunteerNumber: string;
  /** Null for a meal delivery (no team). */
  teamId: number | null;
  teamName: string | null;
  occurrenceId: number | null;
  date: string;
  startTime: string;
  endTime: string;
  title: string;
  place: string;
  content: string;
  minutes: number;
  /** Who certified the hours (the occurrence's organiser) or confirmed the delivery. */
  recordedBy: string | null;
}

const MINUTE_MS = 60_000;
const menuNames = (menu: string) => {
  try {
    return (JSON.parse(menu) as { name: string }[]).map((m) => m.name);
  } catch {
    return [];
  }
};

/** The minutes of a day's meal deliveries: the union of MEAL_DELIVERY_MINUTES intervals ending at each confirmation. */
export function mealMinutes(confirmedAt: readonly number[]): number {
  const span = MEAL_DELIVERY_MINUTES * MINUTE_MS;
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const at of [...confirmedAt].sort((a, b) => a - b)) {
    total += Math.min(span, at - end);
    end = at;
  }
  return Math.round(total / MINUTE_MS);
}

export class VolunteerHours {
  private readonly reports: VolunteerReportsRepository;
  private readonly meals: MealDeliveriesSource | null;

  constructor(reports: VolunteerReportsRepository, meals: MealDeliveriesSource | null) {
    this.reports = reports;
    this.meals = meals;
  }

  /**
   * The entries that count at some stations (or for one volunteer) between two dates, as of `now`, in date order.
   * A volunteer's meal deliveries count at the volunteer's own station only (the station that recorded them).
   */
  async counted(filter: CountedFilter, now: Date): Promise<CountedEntry[]> {
    const set = await this.countedSet(filter, now);
    return set.entries(set.rows);
  }

  /**
   * What the figures add up, without reading every record: the counted sign-ups' minutes and number per team, per
   * month and per volunteer summed by the database, their ids (for the record-set hash), and the meal deliveries
   * (few), added to each; with the names of the volunteers and teams.
   */
  async totals(filter: CountedFilter, now: Date) {
    const f = { ...filter, now: now.toISOString() };
    const [byTeam, byMonth, byVolunteer, ids, teams, volunteers] = await Promise.all([
      this.reports.countedTotals(f, "team"),
      this.reports.countedTotals(f, "month"),
      this.reports.countedTotals(f, "volunteer"),
      this.reports.countedIds(f),
      this.reports.teamsOfStations(filter.stationIds),
      this.reports.volunteersOfStations(filter.stationIds),
    ]);
    const meals = this.meals && filter.teamId === undefined ? await this.mealEntries(filter, volunteers, now) : [];
    const totals = (rows: { key: string; minutes: number; records: number }[], keyOf: (m: CountedEntry) => string): Totals => {
      const out: Totals = new Map(rows.map((r) => [r.key, { minutes: r.minutes, records: r.records }]));
      for (const m of meals) {
        const t = out.get(keyOf(m)) ?? { minutes: 0, records: 0 };
        t.minutes += m.minutes;
        t.records += m.refs.length;
        out.set(keyOf(m), t);
      }
      return out;
    };
    return {
      byTeam: totals(byTeam, () => "meal"),
      byMonth: totals(byMonth, (m) => m.date.slice(0, 7)),
      byVolunteer: totals(byVolunteer, (m) => String(m.volunteerId)),
      refs: [...ids.map((id) => `signup:${id}`), ...meals.flatMap((m) => m.refs)],
      volunteers: new Map(volunteers.map((v) => [v.id, { name: v.real_name, number: v.number }])),
      teams: new Map(teams.map((t) => [t.id, t.name])),
    };
  }

  /**
   * The same records, lean (what the figures add up: a district's year is some hundred thousand), with the names of
   * their volunteers and teams, and `entries` to put the words (times, title, place, content) on the rows asked for.
   */
  async countedSet(filter: CountedFilter, now: Date): Promise<CountedSet> {
    const [signups, occurrences, teams, volunteers] = await Promise.all([
      filter.mealsOnly ? Promise.resolve([]) : this.reports.countedSignups({ ...filter, now: now.toISOString() }),
      // The occurrences only put words on sign-ups: none to read for the meal deliveries alone.
      filter.mealsOnly ? Promise.resolve([]) : this.reports.countedOccurrences(filter.stationIds, filter.from, filter.to),
      this.reports.teamsOfStations(filter.stationIds),
      this.reports.volunteersOfStations(filter.stationIds),
    ]);
    const team = new Map(
      teams.map((t) => {
        const menu = menuNames(t.service_menu);
        return [t.id, { name: t.name, content: menu.length ? `${t.name}：${menu.join("、")}` : t.name }];
      }),
    );
    const volunteer = new Map(volunteers.map((v) => [v.id, { name: v.real_name, number: v.number }]));
    const raw = new Map<string, (typeof signups)[number]>();
    const rows: CountedRow[] = signups.map((s) => {
      const ref = `signup:${s.id}`;
      raw.set(ref, s);
      return {
        ref,
        refs: [ref],
        kind: "occurrence",
        stationId: s.station_id,
        volunteerId: s.volunteer_id,
        teamId: s.team_id,
        occurrenceId: s.occurrence_id,
        date: s.date,
        minutes: s.minutes ?? 0,
      };
    });
    const meals = this.meals && filter.teamId === undefined ? await this.mealEntries(filter, volunteers, now) : [];
    const mealByRef = new Map(meals.map((m) => [m.ref, m]));
    rows.push(
      ...meals.map(({ ref, refs, kind, stationId, volunteerId, teamId, occurrenceId, date, minutes }) => ({
        ref,
        refs,
        kind,
        stationId,
        volunteerId,
        teamId,
        occurrenceId,
        date,
        minutes,
      })),
    );
    let occurrence: Map<number, (typeof occurrences)[number]> | null = null;
    const entries = (picked: CountedRow[]): CountedEntry[] => {
      occurrence ??= new Map(occurrences.map((o) => [o.id, o]));
      const out = picked.map((row): CountedEntry => {
        const meal = mealByRef.get(row.ref);
        if (meal) return meal;
        const s = raw.get(row.ref);
        if (!s) throw new Error(`no counted sign-up ${row.ref}`);
        // The time served: check-in to check-out within the window, else (a correction, a no-show corrected) the window.
        const inAt = s.checked_in_at && s.checked_in_at > s.starts_at ? s.checked_in_at : s.starts_at;
        const outAt = s.checked_out_at && s.checked_out_at < s.ends_at ? s.checked_out_at : s.ends_at;
        const timed = s.checked_in_at !== null && s.checked_out_at !== null && inAt < outAt;
        const o = occurrence?.get(s.occurrence_id);
        const t = team.get(s.team_id);
        const v = volunteer.get(s.volunteer_id);
        return {
          ...row,
          volunteerName: v?.name ?? "",
          volunteerNumber: v?.number ?? "",
          teamName: t?.name ?? "",
          startTime: stationTime(timed ? inAt : s.starts_at),
          endTime: stationTime(timed ? outAt : s.ends_at),
          title: o?.title ?? "",
          place: o?.place ?? "",
          content: t?.content ?? "",
          recordedBy: o?.certified_by ?? null,
        };
      });
      return out.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.ref.localeCompare(b.ref));
    };
    return { rows, volunteers: volunteer, teams: team, entries };
  }

  private async mealEntries(
    filter: CountedFilter,
    all: Awaited<ReturnType<VolunteerReportsRepository["volunteersOfStations"]>>,
    now: Date,
  ) {
    if (!this.meals) return [];
    const only = filter.volunteerIds ? new Set(filter.volunteerIds) : null;
    const volunteers = all.filter(
      (v) => (filter.volunteerId === undefined || v.id === filter.volunteerId) && (only === null || only.has(v.id)),
    );
    const month = filter.month;
    if (volunteers.length === 0) return [];
    const byUser = new Map(volunteers.map((v) => [v.user_id, v]));
    const today = stationDate(now);
    const deliveries = await this.meals.deliveriesConfirmedBy({
      stationIds: filter.stationIds,
      userIds: filter.volunteerId !== undefined || only !== null ? volunteers.map((v) => v.user_id) : undefined,
      from: filter.from,
      to: [filter.to, today].sort()[0], // dates as text: the earlier
    });
    // One entry per volunteer and day: each meal is MEAL_DELIVERY_MINUTES up to its confirmation, meals of one round
    // overlapping are counted once (the union of those intervals), shown from the first interval's start to the last.
    const days = new Map<
      string,
      { v: (typeof volunteers)[number]; stationId: number; date: string; ids: number[]; ats: number[]; first: string; last: string }
    >();
    for (const d of deliveries) {
      const v = byUser.get(d.userId);
      if (!v || v.station_id !== d.stationId || !mealDeliveryFinal(d, today)) continue;
      if (month !== undefined && !d.date.startsWith(month)) continue;
      const key = `${v.id}|${d.date}`;
      const day = days.get(key);
      if (!day) days.set(key, { v, stationId: d.stationId, date: d.date, ids: [d.id], ats: [Date.parse(d.at)], first: d.at, last: d.at });
      else {
        day.ids.push(d.id);
        day.ats.push(Date.parse(d.at));
        if (d.at < day.first) day.first = d.at;
        if (d.at > day.last) day.last = d.at;
      }
    }
    const out: CountedEntry[] = [];
    for (const day of days.values()) {
      const refs = day.ids.sort((a, b) => a - b).map((id) => `meal_delivery:${id}`);
      out.push({
        ref: refs.join(","),
        refs,
        kind: "meal_delivery",
        stationId: day.stationId,
        volunteerId: day.v.id,
        volunteerName: day.v.real_name,
        volunteerNumber: day.v.number,
        teamId: null,
        teamName: null,
        occurrenceId: null,
        date: day.date,
        startTime: stationTime(new Date(Date.parse(day.first) - MEAL_DELIVERY_MINUTES * MINUTE_MS)),
        endTime: stationTime(day.last),
        title: "爱心餐送餐",
        place: "受助老人家中",
        content: `送餐上门 ${day.ids.length} 份`,
        minutes: mealMinutes(day.ats),
        recordedBy: null,
      });
    }
    return out;
  }
}
