// The roster around an occurrence: team leaders (or the station's staff) assign members and substitute a signed-up
// volunteer by another; the day before, those signed up are asked to confirm they come (a job) and confirm on their
// phone, the organiser seeing who has not; afterwards the organiser enters the paper roster (check-in and check-out
// times per volunteer, with the photo of the signed sheet), recorded as entered by them.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { addDays, stationDate, stationHour, stationInstant, stationTime } from "../../../contracts/calendar.ts";
import type { assignmentSchema, paperRosterSchema, substitutionSchema } from "../../../contracts/volunteers.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier, Outbox } from "../../platform/notify.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import type { VolunteerSeriesService } from "./volunteer-series.service.ts";
import { manages, type Occ, refuse, stateOf, takeTurnForPlace, volunteerOf } from "./volunteers.access.ts";
import { teamIdsOf } from "./volunteers.presenter.ts";
import type { Db, VolunteersRepository } from "./volunteers.repository.ts";
import { signupView } from "./volunteers.views.ts";
import {
  assignStep,
  type CertificationRefusal,
  confirmationAskTime,
  confirmationDue,
  confirmStep,
  paperEntryAction,
  paperRosterStep,
  type RosterRefusal,
  serviceMinutes,
  substituteStep,
} from "./volunteers.workflow.ts";

const rosterError = {
  occurrence_closed: "volunteer.occurrence_closed",
  started: "volunteer.started",
  volunteer_signed_up: "volunteer.volunteer_signed_up",
  team_full: "volunteer.team_full",
  signup_transition: "volunteer.signup_transition",
} as const satisfies Record<RosterRefusal, string>;

export class VolunteerRosterService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly series: VolunteerSeriesService;
  private readonly notifier: Notifier | null;
  private readonly files: FilesService | null;
  private readonly clock: Clock;

  constructor(
    db: Kysely<DB>,
    repo: VolunteersRepository,
    series: VolunteerSeriesService,
    deps: { notifier: Notifier | null; files: FilesService | null },
    clock: Clock,
  ) {
    this.db = db;
    this.repo = repo;
    this.series = series;
    this.notifier = deps.notifier;
    this.files = deps.files;
    this.clock = clock;
    // The paper roster's photo is seen by whoever sees the occurrence.
    deps.files?.allowReaders("volunteer_occurrence", async (user, id) => {
      const row = await this.repo.occurrence(id);
      return !!row && can(user.role, "volunteer.read") && reachesStation(user, row.station_id);
    });
  }

  /** The station's staff, or the leader of the team: who assigns and substitutes. Others in reach are refused. */
  private async mayLead(user: SessionUser, stationId: number, teamId: number) {
    if (manages(user, stationId)) return;
    const me = await this.repo.volunteerOfUser(user.id);
    if (!me || me.station_id !== stationId) throw notFound();
    if (!(await this.repo.ledTeams(me.id)).includes(teamId)) throw refuse("volunteer.not_leader");
  }

  /** The team a volunteer serves an occurrence with: the one asked for, else the first of theirs taking part. */
  private async teamOf(volunteerId: number, occ: Occ, asked: number | undefined, field: string) {
    const mine = await this.repo.approvedTeams(volunteerId);
    const taking = teamIdsOf(occ).filter((t) => mine.includes(t));
    const teamId = asked ?? taking[0];
    if (teamId === undefined || !taking.includes(teamId)) throw refuse("volunteer.not_member", {}, field);
    return teamId;
  }

  private async tell(
    outbox: Outbox | null,
    trx: Db,
    userId: number,
    occ: Occ,
    notice: "volunteer.assigned" | "volunteer.substituted",
    by: string,
  ) {
    if (!outbox) return;
    await outbox.add(trx, {
      userId,
      kind: notice,
      notice,
      params: { by, title: occ.title, date: occ.date, time: stationTime(occ.starts_at), place: occ.place },
      link: "/m/volunteering",
    });
  }

  /** A leader puts a member of their team on an occurrence, into a free place, until the start. */
  async assign(user: SessionUser, occurrenceId: number, input: z.output<typeof assignmentSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    const volunteer = await this.repo.volunteer(input.volunteerId);
    if (!volunteer || volunteer.station_id !== row.station_id) throw refuse("volunteer.not_member", {}, "volunteerId");
    const teamId = await this.teamOf(volunteer.id, row, input.teamId, input.teamId !== undefined ? "teamId" : "volunteerId");
    await this.mayLead(user, row.station_id, teamId);
    const outbox = this.notifier?.outbox() ?? null;
    const id = await this.db.transaction().execute(async (trx) => {
      const { arrival, occ, alreadyLive, signedUpInTeam } = await takeTurnForPlace(this.repo, trx, occurrenceId, volunteer.id, teamId, at);
      const refusal = assignStep({ occurrence: stateOf(occ), now, alreadyLive, places: occ.places_per_team, signedUpInTeam });
      if (refusal === "team_full") throw refuse("volunteer.team_full", { places: occ.places_per_team });
      if (refusal) throw refuse(rosterError[refusal], {}, refusal === "volunteer_signed_up" ? "volunteerId" : undefined);
      let signupId: number;
      try {
        signupId = await this.repo.insertSignup(trx, {
          occurrence_id: occurrenceId,
          volunteer_id: volunteer.id,
          team_id: teamId,
          arrival,
          status: "signed_up",
          signed_up_at: at,
          withdrawn_at: null,
          checked_in_at: null,
          checked_out_at: null,
          minutes: null,
          correction_reason: null,
          updated_at: at,
          source: "assigned",
          assigned_by_user_id: user.id,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.volunteer_signed_up", {}, "volunteerId");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_signup.assigned",
        objectType: "volunteer_signup",
        objectId: signupId,
        stationId: occ.station_id,
        after: { occurrenceId, volunteerId: volunteer.id, teamId, arrival, status: "signed_up" },
      });
      await this.tell(outbox, trx, volunteer.user_id, occ, "volunteer.assigned", user.displayName);
      return signupId;
    });
    await outbox?.deliver();
    return signupView(this.repo, id);
  }

  /** A leader replaces a signed-up volunteer by another member of the team, who takes the place, until the start. */
  async substitute(user: SessionUser, signupId: number, input: z.output<typeof substitutionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const signup = await this.repo.signup(signupId);
    const row = signup ? await this.repo.occurrence(signup.occurrence_id) : undefined;
    if (!signup || !row || !reachesStation(user, row.station_id)) throw notFound();
    await this.mayLead(user, row.station_id, signup.team_id);
    const volunteer = await this.repo.volunteer(input.volunteerId);
    if (!volunteer || volunteer.station_id !== row.station_id || !(await this.repo.approvedTeams(volunteer.id)).includes(signup.team_id)) {
      throw refuse("volunteer.not_member", {}, "volunteerId");
    }
    const outbox = this.notifier?.outbox() ?? null;
    const id = await this.db.transaction().execute(async (trx) => {
      const arrival = await this.repo.takeArrival(trx, row.id, at);
      const occ = await this.repo.occurrence(row.id, trx);
      const current = await this.repo.signup(signupId, trx);
      if (arrival === null || !occ || !current) throw notFound();
      const refusal = substituteStep({
        occurrence: stateOf(occ),
        now,
        replaced: current.status,
        substituteLive: (await this.repo.liveSignupOf(occ.id, volunteer.id, trx)) !== undefined,
      });
      if (refusal) throw refuse(rosterError[refusal], {}, refusal === "volunteer_signed_up" ? "volunteerId" : undefined);
      if (!(await this.repo.updateSignup(trx, signupId, ["signed_up"], { status: "withdrawn", withdrawn_at: at, updated_at: at }))) {
        throw refuse("volunteer.signup_transition");
      }
      let newId: number;
      try {
        newId = await this.repo.insertSignup(trx, {
          occurrence_id: occ.id,
          volunteer_id: volunteer.id,
          team_id: current.team_id,
          arrival,
          status: "signed_up",
          signed_up_at: at,
          withdrawn_at: null,
          checked_in_at: null,
          checked_out_at: null,
          minutes: null,
          correction_reason: null,
          updated_at: at,
          source: "substitute",
          assigned_by_user_id: user.id,
          replaces_signup_id: signupId,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.volunteer_signed_up", {}, "volunteerId");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_signup.substituted",
        objectType: "volunteer_signup",
        objectId: newId,
        stationId: occ.station_id,
        before: { signupId, volunteerId: current.volunteer_id, status: current.status },
        after: { signupId: newId, volunteerId: volunteer.id, replacesSignupId: signupId, arrival },
      });
      await this.tell(outbox, trx, current.user_id, occ, "volunteer.substituted", user.displayName);
      await this.tell(outbox, trx, volunteer.user_id, occ, "volunteer.assigned", user.displayName);
      return newId;
    });
    await outbox?.deliver();
    return signupView(this.repo, id);
  }

  /** The volunteer confirms, before the start, that they come. */
  async confirm(user: SessionUser, signupId: number, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await volunteerOf(this.repo, user);
    const signup = await this.repo.signup(signupId);
    if (!signup || signup.volunteer_id !== volunteer.id) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      const occ = await this.repo.occurrence(signup.occurrence_id, trx);
      const current = await this.repo.signup(signupId, trx);
      if (!occ || !current) throw notFound();
      const refusal = confirmStep({ status: current.status, confirmedAt: current.confirmed_at ?? null }, stateOf(occ), now);
      if (refusal) throw refuse(refusal === "occurrence_closed" ? "volunteer.occurrence_closed" : "volunteer.signup_transition");
      if (!(await this.repo.confirmSignup(trx, signupId, at))) throw refuse("volunteer.signup_transition");
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_signup.confirmed",
        objectType: "volunteer_signup",
        objectId: signupId,
        stationId: occ.station_id,
        after: { confirmedAt: at },
      });
    });
    return signupView(this.repo, signupId);
  }

  /**
   * The day before (from CONFIRM_ASK_HOUR station time), every volunteer signed up for tomorrow's open occurrences is
   * asked once to confirm: the sign-up is marked asked in the same transaction as its notice.
   */
  async askConfirmations(now: Date) {
    if (!confirmationAskTime(stationHour(now))) return { asked: 0 };
    const at = now.toISOString();
    const tomorrow = addDays(stationDate(now), 1);
    let asked = 0;
    for (const s of await this.repo.signupsToConfirm(tomorrow)) {
      if (!confirmationDue({ status: s.status, date: s.date }, tomorrow)) continue;
      const outbox = this.notifier?.outbox() ?? null;
      const done = await this.db.transaction().execute(async (trx) => {
        if (!(await this.repo.markAsked(trx, s.id, at))) return false;
        await outbox?.add(trx, {
          userId: s.user_id,
          kind: "volunteer.confirm_attendance",
          notice: "volunteer.confirm_attendance",
          params: { title: s.title, date: s.date, time: stationTime(s.starts_at), place: s.place },
          link: "/m/volunteering",
        });
        await appendAudit(trx, systemActor, {
          at: now,
          action: "volunteer_signup.confirmation_asked",
          objectType: "volunteer_signup",
          objectId: s.id,
          stationId: s.station_id,
          after: { occurrenceId: s.occurrence_id, askedAt: at },
        });
        return true;
      });
      if (done) asked++;
      await outbox?.deliver();
    }
    return { asked };
  }

  jobs(): Job[] {
    return [{ name: "volunteers.confirmations", everyMs: 30 * 60_000, run: (now) => this.askConfirmations(now) }];
  }

  /**
   * The organiser enters the paper roster after the activity, before certifying it: each volunteer's check-in and
   * check-out times (station time on the occurrence's date) with the photo of the signed sheet. A sign-up takes the
   * times (and is attended); a volunteer without one gets a sign-up of the paper roster; hours follow the usual rules
   * (the window clip, the 60 % presence). All recorded as entered by the organiser, in one transaction.
   */
  async paperRoster(user: SessionUser, occurrenceId: number, input: z.output<typeof paperRosterSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || !manages(user, row.station_id)) throw notFound();
    const refusal = paperRosterStep(
      { ...stateOf(row), certifiedAt: row.certified_at, publicUntil: row.public_until, openObjections: 0 },
      now,
    );
    if (refusal) throw refuse(`volunteer.${refusal}` as `volunteer.${CertificationRefusal}`);
    const entries: { volunteerId: number; teamId: number; checkedInAt: string; checkedOutAt: string }[] = [];
    for (const [i, e] of input.entries.entries()) {
      const volunteer = await this.repo.volunteer(e.volunteerId);
      if (!volunteer || volunteer.station_id !== row.station_id) throw refuse("volunteer.not_member", {}, `entries.${i}.volunteerId`);
      const teamId = await this.teamOf(volunteer.id, row, e.teamId, `entries.${i}.${e.teamId !== undefined ? "teamId" : "volunteerId"}`);
      entries.push({
        volunteerId: volunteer.id,
        teamId,
        checkedInAt: stationInstant(row.date, e.checkedIn).toISOString(),
        checkedOutAt: stationInstant(row.date, e.checkedOut).toISOString(),
      });
    }
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockOccurrence(trx, occurrenceId, at);
      const occ = await this.repo.occurrence(occurrenceId, trx);
      if (!occ) throw notFound();
      const again = paperRosterStep(
        { ...stateOf(occ), certifiedAt: occ.certified_at, publicUntil: occ.public_until, openObjections: 0 },
        now,
      );
      if (again) throw refuse(`volunteer.${again}` as `volunteer.${CertificationRefusal}`);
      if (!this.files) throw new Error("the files service is not wired to the volunteer service");
      await this.files.attach(trx, [input.fileId], user.id, `volunteer_occurrence:${occurrenceId}`, "fileId");
      const written: { volunteerId: number; signupId: number; minutes: number; created: boolean }[] = [];
      for (const e of entries) {
        const minutes = serviceMinutes({ startsAt: occ.starts_at, endsAt: occ.ends_at }, e.checkedInAt, e.checkedOutAt).minutes;
        const live = await this.repo.liveSignupOf(occurrenceId, e.volunteerId, trx);
        const times = {
          checked_in_at: e.checkedInAt,
          checked_out_at: e.checkedOutAt,
          minutes,
          entered_by_user_id: user.id,
          updated_at: at,
        };
        if (live && paperEntryAction(live.status) === "update") {
          await this.repo.updateSignup(trx, live.id, ["signed_up", "waitlisted", "attended", "no_show"], { ...times, status: "attended" });
          written.push({ volunteerId: e.volunteerId, signupId: live.id, minutes, created: false });
          continue;
        }
        const arrival = await this.repo.takeArrival(trx, occurrenceId, at);
        if (arrival === null) throw notFound();
        const id = await this.repo.insertSignup(trx, {
          occurrence_id: occurrenceId,
          volunteer_id: e.volunteerId,
          team_id: e.teamId,
          arrival,
          status: "attended",
          signed_up_at: at,
          withdrawn_at: null,
          correction_reason: null,
          source: "paper",
          ...times,
        });
        written.push({ volunteerId: e.volunteerId, signupId: id, minutes, created: true });
      }
      await this.repo.setRoster(trx, occurrenceId, input.fileId, user.id, at);
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_occurrence.paper_roster",
        objectType: "volunteer_occurrence",
        objectId: occurrenceId,
        stationId: occ.station_id,
        after: { fileId: input.fileId, entries: written },
      });
    });
    return this.series.occurrence(user, occurrenceId);
  }
}
