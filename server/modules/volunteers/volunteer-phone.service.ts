// The volunteer's phone: their registration, the coming activities of their teams with their own sign-up, and the
// minutes certified so far.
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type { activitiesQuery } from "../../../contracts/volunteers.ts";
import type { Clock } from "../../platform/clock.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentSignup, teamIdsOf } from "./volunteers.presenter.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { occurrenceViews, volunteerView } from "./volunteers.views.ts";

export class VolunteerPhoneService {
  private readonly repo: VolunteersRepository;
  private readonly clock: Clock;

  constructor(repo: VolunteersRepository, clock: Clock) {
    this.repo = repo;
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
      certifiedMinutes: own.filter((s) => s.certified_at && s.status === "attended").reduce((n, s) => n + (s.minutes ?? 0), 0),
    };
  }
}
