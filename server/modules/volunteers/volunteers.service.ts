// The volunteer service: registration and team memberships, series and their occurrences generated ahead, sign-ups
// with the waiting list, check-in and check-out with the organiser's rotating code, and certification of hours with
// its public notice and objections. One transaction per change, with its audit entry; `now` read once per change.
// One service per part (volunteer-*.service.ts) sharing one repository and the reach checks (volunteers.access.ts);
// this façade keeps the methods the routes call. The service records, the people served, the roster, the figures
// are reached as their parts (`records`, `served`, `rosters`, `figures`); other modules call `hoursOfUsers`.
import type { Kysely } from "kysely";
import { hoursOf, type RecordEntry } from "../../../contracts/volunteer-records.ts";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { VolunteerAttendanceService } from "./volunteer-attendance.service.ts";
import { VolunteerCertificationService } from "./volunteer-certification.service.ts";
import { VolunteerFiguresService } from "./volunteer-figures.service.ts";
import { type MealDeliveriesSource, VolunteerHours } from "./volunteer-hours.ts";
import { VolunteerPhoneService } from "./volunteer-phone.service.ts";
import { recordEntryOf, VolunteerRecordsService } from "./volunteer-records.service.ts";
import { VolunteerReportsRepository } from "./volunteer-reports.repository.ts";
import { VolunteerRosterService } from "./volunteer-roster.service.ts";
import { VolunteerSeriesService } from "./volunteer-series.service.ts";
import { VolunteerServedService } from "./volunteer-served.service.ts";
import { VolunteerSignupsService } from "./volunteer-signups.service.ts";
import { VolunteerTeamsService } from "./volunteer-teams.service.ts";
import { VolunteersRepository } from "./volunteers.repository.ts";

/** What the volunteer service uses of the platform and of other modules (through their services). */
export interface VolunteersDeps {
  /** The caring module's meal deliveries: those a volunteer confirmed count as service. */
  meals?: MealDeliveriesSource;
  /** In-app notices and their SMS copies (people served, cancellations, the day-before confirmation). */
  notifier?: Notifier;
  /** Uploaded photos (the paper roster's). */
  files?: FilesService;
}

/** What `hoursOfUsers` answers per account. */
export interface VolunteerHoursOfUser {
  userId: number;
  volunteer: { id: number; number: string; stationId: number };
  minutes: number;
  hours: number;
  entries: RecordEntry[];
}

export class VolunteersService {
  readonly repo: VolunteersRepository;
  readonly roster: VolunteerTeamsService;
  readonly series: VolunteerSeriesService;
  readonly signups: VolunteerSignupsService;
  readonly attendance: VolunteerAttendanceService;
  readonly certification: VolunteerCertificationService;
  readonly phone: VolunteerPhoneService;
  readonly reports: VolunteerReportsRepository;
  readonly hours: VolunteerHours;
  readonly records: VolunteerRecordsService;
  readonly served: VolunteerServedService;
  readonly figures: VolunteerFiguresService;
  readonly rosters: VolunteerRosterService;

  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, clock: Clock, deps: VolunteersDeps = {}) {
    this.clock = clock;
    this.repo = new VolunteersRepository(db);
    this.roster = new VolunteerTeamsService(db, this.repo, clock);
    this.series = new VolunteerSeriesService(db, this.repo, clock, deps.notifier ?? null);
    this.signups = new VolunteerSignupsService(db, this.repo, clock);
    this.attendance = new VolunteerAttendanceService(db, this.repo, vault, clock);
    this.certification = new VolunteerCertificationService(db, this.repo, this.series, clock);
    this.reports = new VolunteerReportsRepository(db);
    this.hours = new VolunteerHours(this.reports, deps.meals ?? null);
    this.phone = new VolunteerPhoneService(this.repo, this.hours, clock);
    this.records = new VolunteerRecordsService(db, this.repo, this.reports, this.hours, clock);
    this.served = new VolunteerServedService(db, this.repo, deps.notifier ?? null, clock);
    this.figures = new VolunteerFiguresService(db, this.repo, this.reports, this.hours, clock);
    this.rosters = new VolunteerRosterService(
      db,
      this.repo,
      this.series,
      { notifier: deps.notifier ?? null, files: deps.files ?? null },
      clock,
    );
  }

  /**
   * The final hours of accounts (a Party member's, for their Party record) over a period: per account that is a
   * registered volunteer, the services that count and their total. Other modules call this, never the repository.
   */
  async hoursOfUsers(userIds: number[], period: { from: string; to: string }): Promise<VolunteerHoursOfUser[]> {
    const now = this.clock.now();
    const volunteers = await this.reports.volunteersOfUsers([...new Set(userIds)]);
    const out: VolunteerHoursOfUser[] = [];
    for (const v of volunteers) {
      const entries = await this.hours.counted({ stationIds: [v.station_id], volunteerId: v.id, ...period }, now);
      const minutes = entries.reduce((n, e) => n + e.minutes, 0);
      out.push({
        userId: v.user_id,
        volunteer: { id: v.id, number: v.number, stationId: v.station_id },
        minutes,
        hours: hoursOf(minutes),
        entries: entries.map(recordEntryOf),
      });
    }
    return out;
  }

  jobs(): Job[] {
    return [...this.series.jobs(), ...this.rosters.jobs()];
  }

  // Volunteers and teams.
  register(...args: Parameters<VolunteerTeamsService["register"]>) {
    return this.roster.register(...args);
  }
  volunteers(...args: Parameters<VolunteerTeamsService["volunteers"]>) {
    return this.roster.volunteers(...args);
  }
  teams(...args: Parameters<VolunteerTeamsService["teams"]>) {
    return this.roster.teams(...args);
  }
  teamMembers(...args: Parameters<VolunteerTeamsService["teamMembers"]>) {
    return this.roster.teamMembers(...args);
  }
  requestMembership(...args: Parameters<VolunteerTeamsService["requestMembership"]>) {
    return this.roster.requestMembership(...args);
  }
  decideMembership(...args: Parameters<VolunteerTeamsService["decideMembership"]>) {
    return this.roster.decideMembership(...args);
  }
  leaveMembership(...args: Parameters<VolunteerTeamsService["leaveMembership"]>) {
    return this.roster.leaveMembership(...args);
  }

  // Series and occurrences.
  createSeries(...args: Parameters<VolunteerSeriesService["createSeries"]>) {
    return this.series.createSeries(...args);
  }
  seriesList(...args: Parameters<VolunteerSeriesService["seriesList"]>) {
    return this.series.seriesList(...args);
  }
  generate(...args: Parameters<VolunteerSeriesService["generate"]>) {
    return this.series.generate(...args);
  }
  occurrences(...args: Parameters<VolunteerSeriesService["occurrences"]>) {
    return this.series.occurrences(...args);
  }
  occurrence(...args: Parameters<VolunteerSeriesService["occurrence"]>) {
    return this.series.occurrence(...args);
  }
  close(...args: Parameters<VolunteerSeriesService["close"]>) {
    return this.series.close(...args);
  }

  // Sign-ups.
  signUp(...args: Parameters<VolunteerSignupsService["signUp"]>) {
    return this.signups.signUp(...args);
  }
  withdraw(...args: Parameters<VolunteerSignupsService["withdraw"]>) {
    return this.signups.withdraw(...args);
  }

  // Check-in and check-out.
  code(...args: Parameters<VolunteerAttendanceService["code"]>) {
    return this.attendance.code(...args);
  }
  presence(...args: Parameters<VolunteerAttendanceService["presence"]>) {
    return this.attendance.presence(...args);
  }

  // Certification of hours.
  certify(...args: Parameters<VolunteerCertificationService["certify"]>) {
    return this.certification.certify(...args);
  }
  correct(...args: Parameters<VolunteerCertificationService["correct"]>) {
    return this.certification.correct(...args);
  }
  object(...args: Parameters<VolunteerCertificationService["object"]>) {
    return this.certification.object(...args);
  }

  // The volunteer's phone.
  mine(...args: Parameters<VolunteerPhoneService["mine"]>) {
    return this.phone.mine(...args);
  }
  myHours(...args: Parameters<VolunteerPhoneService["records"]>) {
    return this.phone.records(...args);
  }
  myTeams(...args: Parameters<VolunteerPhoneService["teams"]>) {
    return this.phone.teams(...args);
  }
}
