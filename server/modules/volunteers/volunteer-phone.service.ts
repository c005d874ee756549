// The volunteer's phone: their registration, the coming activities of their teams with their own sign-up, the
// minutes certified so far, their service records (服务记录) and the station's teams they may ask to join.
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type { activitiesQuery, MyRecords, MyTeam } from "../../../contracts/volunteers.ts";
import type { Clock } from "../../platform/clock.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { VolunteerHours } from "./volunteer-hours.ts";
import { presentObjection, presentSignup, presentTeam, teamIdsOf } from "./volunteers.presenter.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { occurrenceViews, volunteerView } from "./volunteers.views.ts";

export class VolunteerPhoneService {
  private readonly repo: VolunteersRepository;
  private readonly hours: VolunteerHours;
  private readonly clock: Clock;

  constructor(repo: VolunteersRepository, hours: VolunteerHours, clock: Clock) {
    this.repo = repo;
    this.hours = hours;
    this.clock = clock;
  }

  async mine(user: SessionUser, query: z.output<typeof activitiesQuery>) {
    const now = this.clock.now();
    const v = await this.repo.volunteerOfUser(user.id);
    if (!v) return { volunteer: null, activities: [], certifiedMinutes: 0 };
    const today = stationDate(now);
    const rows = await this.repo.occurrencesBetween([v.station_id], today, addDays(today, query.days));
    const teams = await this.repo.approvedTeams(v.id);
    const mineRows = rows.filter((r) => teamIdsOf(r).some((t) => teams.includes(t)));
    const { signups, views } = await occurrenceViews(this.repo, mineRows, now);
    const own = await this.repo.signupsOfVolunteer(v.id);
    return {
      volunteer: await volunteerView(this.repo, v.id),
      activities: views.map((view) => {
        const s = signups.find((g) => g.occurrence_id === view.id && g.volunteer_id === v.id && g.status !== "withdrawn");
        return { ...view, mySignup: s ? presentSignup(s) : null };
      }),
      // Certified activities and the meal deliveries that count, as 我的服务记录 totals them.
      certifiedMinutes:
        own.filter((s) => s.certified_at && s.status === "attended").reduce((n, s) => n + (s.minutes ?? 0), 0) +
        (await this.mealMonths(v, now)).reduce((n, m) => n + m.minutes, 0),
    };
  }

  /**
   * My service records: every activity of mine that has begun and was not withdrawn or cancelled, newest first, with
   * my sign-up (check-in, check-out, minutes), the occurrence's certification and my latest objection; and my caring
   * meal deliveries that count (final, as on my service record), by month, their minutes among the final ones.
   */
  async records(user: SessionUser): Promise<MyRecords> {
    const now = this.clock.now();
    const minutes = { uncertified: 0, publicised: 0, final: 0 };
    const v = await this.repo.volunteerOfUser(user.id);
    if (!v) return { records: [], minutes, meals: [] };
    const meals = await this.mealMonths(v, now);
    for (const m of meals) minutes.final += m.minutes;
    const own = (await this.repo.signupsOfVolunteer(v.id)).filter((s) => s.status !== "withdrawn");
    const rows = (await this.repo.occurrencesByIds([...new Set(own.map((s) => s.occurrence_id))])).filter(
      (o) => o.status === "open" && Date.parse(o.starts_at) <= now.getTime(),
    );
    const { signups, objections, views } = await occurrenceViews(this.repo, rows, now);
    const records: MyRecords["records"] = [];
    for (const occurrence of views) {
      const signup = signups.find((g) => g.occurrence_id === occurrence.id && g.volunteer_id === v.id && g.status !== "withdrawn");
      if (!signup) continue;
      const objection = objections.filter((o) => o.occurrence_id === occurrence.id && o.volunteer_id === v.id).at(-1);
      minutes[occurrence.certification] += signup.minutes ?? 0;
      records.push({ occurrence, signup: presentSignup(signup), objection: objection ? presentObjection(objection) : null });
    }
    return { records, minutes, meals };
  }

  /** My caring-meal deliveries that count (final, as on my service record) by month, newest first. */
  private async mealMonths(v: { id: number; station_id: number }, now: Date): Promise<MyRecords["meals"]> {
    const months = new Map<string, { month: string; days: number; minutes: number }>();
    const delivered = await this.hours.counted(
      { stationIds: [v.station_id], volunteerId: v.id, mealsOnly: true, from: "2000-01-01", to: stationDate(now) },
      now,
    );
    for (const entry of delivered) {
      const month = entry.date.slice(0, 7);
      const m = months.get(month) ?? { month, days: 0, minutes: 0 };
      m.days += 1;
      m.minutes += entry.minutes;
      months.set(month, m);
    }
    return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
  }

  /** The teams of my station (of my account's, before I register), with my live membership, else my latest one. */
  async teams(user: SessionUser): Promise<MyTeam[]> {
    const v = await this.repo.volunteerOfUser(user.id);
    const stationId = v?.station_id ?? (await this.repo.userStation(user.id)) ?? user.stationIds?.[0] ?? null;
    if (stationId === null) return [];
    const rows = await this.repo.teams([stationId]);
    const memberships = v ? await this.repo.membershipsOf([v.id]) : [];
    return rows.map((row) => {
      const mine = memberships.filter((m) => m.team_id === row.id);
      const m = mine.find((x) => x.status === "requested" || x.status === "approved") ?? mine.at(-1);
      return { ...presentTeam(row), membership: m ? { id: m.id, status: m.status } : null };
    });
  }
}
