// Series and their occurrences: a series' creation with its first occurrences, the coming occurrences generated
// ahead (the button and the daily job, never two for a series and date), the month's occurrences, and closing one.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { addDays, stationDate, stationInstant, stationTime } from "../../../contracts/calendar.ts";
import { sentence } from "../../../contracts/notices.ts";
import { expandRule, type RepeatRule } from "../../../contracts/schedule.ts";
import type { generateSchema, occurrenceListQuery, seriesCreateSchema } from "../../../contracts/volunteers.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import { fileUrl } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { manages, refuse } from "./volunteers.access.ts";
import { presentObjection, presentSeries, presentServed, presentSignup, unconfirmedOf } from "./volunteers.presenter.ts";
import type { OccurrenceValues, VolunteersRepository } from "./volunteers.repository.ts";
import { occurrenceViews } from "./volunteers.views.ts";
import { closeStep } from "./volunteers.workflow.ts";

/** How far ahead occurrences are generated (the daily job and a series' creation). */
export const GENERATE_DAYS = 60;
const HOUR_MS = 3_600_000;

export class VolunteerSeriesService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly clock: Clock;
  private readonly notifier: Notifier | null;

  /** `notifier`: who signed up for an occurrence cancelled is told. */
  constructor(db: Kysely<DB>, repo: VolunteersRepository, clock: Clock, notifier: Notifier | null = null) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
    this.notifier = notifier;
  }

  async createSeries(user: SessionUser, input: z.output<typeof seriesCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const today = stationDate(now);
    const stationId = targetStation(user, input.stationId);
    const teams = await this.repo.teamsByIds(input.teamIds);
    if (teams.length !== new Set(input.teamIds).size || teams.some((t) => t.station_id !== stationId)) {
      throw refuse("volunteer.bad_team", {}, "teamIds");
    }
    const once = input.repeat.kind === "once" ? input.repeat.date : null;
    const validFrom = once ?? input.validFrom ?? today;
    const result = await this.db.transaction().execute(async (trx) => {
      const seriesId = await this.repo.insertSeries(trx, {
        station_id: stationId,
        title: input.title,
        rule: input.repeat.kind === "once" ? null : JSON.stringify(input.repeat),
        once_date: once,
        valid_from: validFrom,
        valid_to: once ?? input.validTo ?? null,
        place: input.place,
        start_time: input.startTime,
        end_time: input.endTime,
        team_ids: JSON.stringify([...new Set(input.teamIds)]),
        places_per_team: input.placesPerTeam,
        deadline_hours: input.deadlineHours,
        created_by_user_id: user.id,
        created_at: at,
        updated_at: at,
      });
      const series = await this.repo.series(seriesId, trx);
      if (!series) throw notFound();
      const created = await this.repo.insertOccurrences(trx, occurrencesOf(series, today, addDays(today, GENERATE_DAYS), at));
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_series.created",
        objectType: "volunteer_series",
        objectId: seriesId,
        stationId,
        after: { title: input.title, repeat: input.repeat, teamIds: input.teamIds, placesPerTeam: input.placesPerTeam, created },
      });
      return { series: presentSeries(series), created };
    });
    return result;
  }

  async seriesList(user: SessionUser, stationId?: number) {
    return (await this.repo.activeSeries(stationFilter(user, stationId))).map(presentSeries);
  }

  /** The button: generates the coming occurrences of the caller's station's series (never two for a series and date). */
  async generate(user: SessionUser, input: z.output<typeof generateSchema>, actor: Actor) {
    const now = this.clock.now();
    // A station asked for, else every station in the caller's reach.
    const stationIds = input.stationId !== undefined ? [targetStation(user, input.stationId)] : stationFilter(user, undefined);
    return this.generateAhead(stationIds, now, input.days, actor);
  }

  private async generateAhead(stationIds: number[] | null, now: Date, days: number, actor: Actor) {
    const at = now.toISOString();
    const today = stationDate(now);
    return this.db.transaction().execute(async (trx) => {
      const series = await this.repo.activeSeries(stationIds, trx);
      let created = 0;
      for (const s of series) created += await this.repo.insertOccurrences(trx, occurrencesOf(s, today, addDays(today, days), at));
      if (created > 0) {
        await appendAudit(trx, actor, {
          at: now,
          action: "volunteer_occurrences.generated",
          objectType: "volunteer_series",
          stationId: stationIds?.length === 1 ? stationIds[0] : null,
          after: { created, until: addDays(today, days) },
        });
      }
      return { created };
    });
  }

  jobs(): Job[] {
    return [
      { name: "volunteers.occurrences", everyMs: 6 * HOUR_MS, run: (now) => this.generateAhead(null, now, GENERATE_DAYS, systemActor) },
    ];
  }

  async occurrences(user: SessionUser, query: z.output<typeof occurrenceListQuery>) {
    const now = this.clock.now();
    const month = query.month ?? stationDate(now).slice(0, 7);
    const rows = await this.repo.occurrencesBetween(stationFilter(user, query.stationId), `${month}-01`, `${month}-31`);
    return (await occurrenceViews(this.repo, rows, now)).views;
  }

  async occurrence(user: SessionUser, id: number) {
    const now = this.clock.now();
    const row = await this.repo.occurrence(id);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    const { signups, objections, views } = await occurrenceViews(this.repo, [row], now);
    const served = await this.repo.servedOf([id]);
    const roster =
      row.roster_file_id && row.roster_entered_at
        ? {
            fileId: row.roster_file_id,
            fileUrl: fileUrl(row.roster_file_id),
            enteredAt: row.roster_entered_at,
            enteredBy: await this.repo.userName(row.roster_entered_by_user_id ?? null),
          }
        : null;
    return {
      ...views[0],
      signups: signups.map(presentSignup),
      objections: objections.map(presentObjection),
      unconfirmed: unconfirmedOf(signups),
      roster,
      served: served.map(presentServed),
    };
  }

  /** Withdraws an occurrence nobody joined, or cancels one people signed up for. */
  async close(user: SessionUser, id: number, kind: "withdraw" | "cancel", reason: string, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(id);
    if (!row || !manages(user, row.station_id)) throw notFound();
    const outbox = this.notifier?.outbox() ?? null;
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockOccurrence(trx, id, at);
      const live = await this.repo.countLive(id, trx);
      const refusal = closeStep(row, kind, live);
      if (refusal?.refusal === "has_signups") throw refuse("volunteer.has_signups", { count: refusal.count });
      if (refusal) throw refuse(refusal.refusal === "no_signups" ? "volunteer.no_signups" : "volunteer.occurrence_closed");
      const status = kind === "withdraw" ? "withdrawn" : "cancelled";
      if (!(await this.repo.closeOccurrence(trx, id, status, reason, at))) throw refuse("volunteer.occurrence_closed");
      await appendAudit(trx, actor, {
        at: now,
        action: `volunteer_occurrence.${status}`,
        objectType: "volunteer_occurrence",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status, reason, signups: live },
      });
      // Everybody signed up or waiting is told, in their language, after the commit.
      if (outbox && status === "cancelled") {
        const told = (await this.repo.signupsOf([id], trx)).filter((s) => s.status === "signed_up" || s.status === "waitlisted");
        await outbox.addMany(
          trx,
          told.map((s) => s.user_id),
          {
            kind: "volunteer.occurrence_cancelled",
            notice: "volunteer.occurrence_cancelled",
            params: { title: row.title, date: row.date, time: stationTime(row.starts_at), place: row.place, reason: sentence(reason) },
            link: "/m/volunteering",
          },
        );
      }
    });
    await outbox?.deliver();
    return this.occurrence(user, id);
  }
}

/** The occurrences a series has from one date to another (within its validity), as rows to insert. */
export function occurrencesOf(
  series: {
    id: number;
    station_id: number;
    rule: string | null;
    once_date: string | null;
    valid_from: string;
    valid_to: string | null;
    place: string;
    start_time: string;
    end_time: string;
    team_ids: string;
    places_per_team: number;
    deadline_hours: number;
  },
  from: string,
  to: string,
  at: string,
): OccurrenceValues[] {
  const start = from < series.valid_from ? series.valid_from : from;
  const end = series.valid_to && series.valid_to < to ? series.valid_to : to;
  let dates: string[];
  if (series.rule === null) dates = series.once_date && series.once_date >= from ? [series.once_date] : [];
  else dates = expandRule(JSON.parse(series.rule) as RepeatRule, start, end);
  return dates.map((date) => {
    const startsAt = stationInstant(date, series.start_time);
    return {
      station_id: series.station_id,
      series_id: series.id,
      date,
      starts_at: startsAt.toISOString(),
      ends_at: stationInstant(date, series.end_time).toISOString(),
      place: series.place,
      team_ids: series.team_ids,
      places_per_team: series.places_per_team,
      signup_deadline: new Date(startsAt.getTime() - series.deadline_hours * HOUR_MS).toISOString(),
      status: "open" as const,
      status_reason: null,
      certified_at: null,
      certified_by_user_id: null,
      public_until: null,
      created_at: at,
      updated_at: at,
    };
  });
}
