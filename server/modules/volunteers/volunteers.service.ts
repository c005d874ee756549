// The volunteer service: registration and team memberships, series and their occurrences generated ahead, sign-ups
// with the waiting list, check-in and check-out with the organiser's rotating code, and certification of hours with
// its public notice and objections. One transaction per change, with its audit entry; `now` read once per change.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import type { VolunteersErrorId } from "../../../contracts/errors-volunteers.ts";
import { expandRule, type RepeatRule } from "../../../contracts/schedule.ts";
import type {
  activitiesQuery,
  correctionSchema,
  generateSchema,
  membershipDecisionSchema,
  objectionCreateSchema,
  occurrenceListQuery,
  seriesCreateSchema,
  signupCreateSchema,
  volunteerListQuery,
  volunteerRegisterSchema,
} from "../../../contracts/volunteers.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { AppError, type MessageParams, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { checkCode, issueCode } from "./volunteers.checkin.ts";
import {
  presentMembership,
  presentObjection,
  presentOccurrence,
  presentSeries,
  presentSignup,
  presentTeam,
  presentVolunteer,
  teamIdsOf,
} from "./volunteers.presenter.ts";
import { type OccurrenceValues, VolunteersRepository } from "./volunteers.repository.ts";
import {
  CHECKIN_EARLY_MINUTES,
  certifyStep,
  closeStep,
  correctStep,
  objectStep,
  presenceStep,
  promotionOf,
  publicUntilOf,
  serviceMinutes,
  signupDecision,
  withdrawStep,
} from "./volunteers.workflow.ts";

/** How far ahead occurrences are generated (the daily job and a series' creation). */
export const GENERATE_DAYS = 60;
const HOUR_MS = 3_600_000;

const refuse = (id: VolunteersErrorId, params: MessageParams = {}, field?: string) =>
  new AppError(id, field ? [{ field }] : undefined, params);

type Occ = NonNullable<Awaited<ReturnType<VolunteersRepository["occurrence"]>>>;
const stateOf = (o: Occ) => ({ status: o.status, signupDeadline: o.signup_deadline, startsAt: o.starts_at, endsAt: o.ends_at });

export class VolunteersService {
  private readonly db: Kysely<DB>;
  readonly repo: VolunteersRepository;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = new VolunteersRepository(db);
    this.vault = vault;
    this.clock = clock;
  }

  private manages(user: SessionUser, stationId: number) {
    return can(user.role, "volunteer.manage") && reachesStation(user, stationId);
  }

  private async volunteerOf(user: SessionUser) {
    const v = await this.repo.volunteerOfUser(user.id);
    if (!v) throw refuse("volunteer.not_registered");
    return v;
  }

  // ---- volunteers and teams ----------------------------------------------------------------------------------

  async register(user: SessionUser, input: z.output<typeof volunteerRegisterSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    if (!input.consent) throw refuse("volunteer.consent_required", {}, "consent");
    const stationId = (await this.repo.userStation(user.id)) ?? user.stationIds?.[0] ?? null;
    if (stationId === null) throw notFound();
    if (await this.repo.volunteerOfUser(user.id)) throw refuse("volunteer.already_registered");
    const id = await this.db.transaction().execute(async (trx) => {
      const number = await this.repo.takeNumber(trx, stationId, at);
      let volunteerId: number;
      try {
        volunteerId = await this.repo.insertVolunteer(trx, {
          station_id: stationId,
          user_id: user.id,
          number,
          real_name: input.realName,
          skills: JSON.stringify(input.skills),
          political_status: input.politicalStatus,
          consent_at: at,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.already_registered");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer.registered",
        objectType: "volunteer",
        objectId: volunteerId,
        stationId,
        after: { number, politicalStatus: input.politicalStatus, consentAt: at },
      });
      return volunteerId;
    });
    return this.volunteerView(id);
  }

  private async volunteerView(id: number) {
    const row = await this.repo.volunteer(id);
    if (!row) throw notFound();
    return presentVolunteer(row, await this.repo.membershipsOf([id]));
  }

  async volunteers(user: SessionUser, query: z.output<typeof volunteerListQuery>) {
    const { rows, total } = await this.repo.listVolunteers(
      { stationIds: stationFilter(user, query.stationId), teamId: query.teamId, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    const memberships = await this.repo.membershipsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => presentVolunteer(r, memberships)), total, page: query.page, pageSize: query.pageSize };
  }

  async teams(user: SessionUser, stationId?: number) {
    return (await this.repo.teams(stationFilter(user, stationId))).map(presentTeam);
  }

  async teamMembers(user: SessionUser, teamId: number) {
    const team = await this.repo.team(teamId);
    if (!team || !reachesStation(user, team.station_id)) throw notFound();
    return (await this.repo.teamMemberships(teamId)).map(presentMembership);
  }

  async requestMembership(user: SessionUser, teamId: number, actor: Actor) {
    const now = this.clock.now();
    const volunteer = await this.volunteerOf(user);
    const team = await this.repo.team(teamId);
    if (!team || team.station_id !== volunteer.station_id) throw refuse("volunteer.bad_team", {}, "teamId");
    const id = await this.db.transaction().execute(async (trx) => {
      let membershipId: number;
      try {
        membershipId = await this.repo.insertMembership(trx, {
          team_id: teamId,
          volunteer_id: volunteer.id,
          status: "requested",
          requested_at: now.toISOString(),
          decided_at: null,
          decided_by_user_id: null,
          left_at: null,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.membership_exists", {}, "teamId");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_membership.requested",
        objectType: "volunteer_membership",
        objectId: membershipId,
        stationId: team.station_id,
        after: { teamId, volunteerId: volunteer.id },
      });
      return membershipId;
    });
    return this.membershipView(id);
  }

  private async membershipView(id: number) {
    const row = await this.repo.membership(id);
    if (!row) throw notFound();
    return presentMembership(row);
  }

  /** The team's leader (a volunteer) or the station's staff approve or reject a join request. */
  async decideMembership(user: SessionUser, id: number, input: z.output<typeof membershipDecisionSchema>, actor: Actor) {
    const now = this.clock.now();
    const m = await this.repo.membership(id);
    if (!m || !reachesStation(user, m.station_id)) throw notFound();
    if (!this.manages(user, m.station_id)) {
      const me = await this.repo.volunteerOfUser(user.id);
      if (!me || me.id !== m.leader_volunteer_id) throw refuse("volunteer.not_leader");
    }
    const status = input.approve ? ("approved" as const) : ("rejected" as const);
    await this.db.transaction().execute(async (trx) => {
      const ok = await this.repo.setMembershipStatus(trx, id, ["requested"], {
        status,
        decided_at: now.toISOString(),
        decided_by_user_id: user.id,
      });
      if (!ok) throw refuse("volunteer.membership_transition");
      await appendAudit(trx, actor, {
        at: now,
        action: `volunteer_membership.${status}`,
        objectType: "volunteer_membership",
        objectId: id,
        stationId: m.station_id,
        before: { status: m.status },
        after: { status },
      });
    });
    return this.membershipView(id);
  }

  /** A volunteer leaves a team (or withdraws a pending request). */
  async leaveMembership(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const m = await this.repo.membership(id);
    if (!m || m.user_id !== user.id) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setMembershipStatus(trx, id, ["requested", "approved"], { status: "left", left_at: now.toISOString() }))) {
        throw refuse("volunteer.membership_transition");
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_membership.left",
        objectType: "volunteer_membership",
        objectId: id,
        stationId: m.station_id,
        before: { status: m.status },
        after: { status: "left" },
      });
    });
    return this.membershipView(id);
  }

  // ---- series and occurrences ---------------------------------------------------------------------------------

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

  private async occurrenceViews(rows: Occ[], now: Date) {
    const ids = rows.map((r) => r.id);
    const signups = await this.repo.signupsOf(ids);
    const objections = await this.repo.objectionsOf(ids);
    const teams = await this.repo.teamsByIds([...new Set(rows.flatMap((r) => teamIdsOf(r)))]);
    const names = new Map(teams.map((t) => [t.id, t.name]));
    return { signups, objections, views: rows.map((r) => presentOccurrence(r, signups, objections, names, now)) };
  }

  async occurrences(user: SessionUser, query: z.output<typeof occurrenceListQuery>) {
    const now = this.clock.now();
    const month = query.month ?? stationDate(now).slice(0, 7);
    const rows = await this.repo.occurrencesBetween(stationFilter(user, query.stationId), `${month}-01`, `${month}-31`);
    return (await this.occurrenceViews(rows, now)).views;
  }

  async occurrence(user: SessionUser, id: number) {
    const now = this.clock.now();
    const row = await this.repo.occurrence(id);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    const { signups, objections, views } = await this.occurrenceViews([row], now);
    return { ...views[0], signups: signups.map(presentSignup), objections: objections.map(presentObjection) };
  }

  /** Withdraws an occurrence nobody joined, or cancels one people signed up for. */
  async close(user: SessionUser, id: number, kind: "withdraw" | "cancel", reason: string, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(id);
    if (!row || !this.manages(user, row.station_id)) throw notFound();
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
    });
    return this.occurrence(user, id);
  }

  // ---- sign-ups -------------------------------------------------------------------------------------------------

  /**
   * A volunteer joins an occurrence for one of their teams taking part: a place while the team has one, else the
   * waiting list. The occurrence's row is taken first (its arrival counter), so simultaneous sign-ups run in turn and
   * get their arrival order from it; the partial unique index refuses a second live sign-up.
   */
  async signUp(user: SessionUser, occurrenceId: number, input: z.output<typeof signupCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await this.volunteerOf(user);
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || row.station_id !== volunteer.station_id) throw notFound();
    const mine = await this.repo.approvedTeams(volunteer.id);
    const taking = teamIdsOf(row).filter((t) => mine.includes(t));
    const teamId = input.teamId ?? taking[0];
    if (teamId === undefined || !taking.includes(teamId)) throw refuse("volunteer.not_in_team", {}, "teamId");
    const id = await this.db.transaction().execute(async (trx) => {
      const arrival = await this.repo.takeArrival(trx, occurrenceId, at);
      const occ = await this.repo.occurrence(occurrenceId, trx);
      if (arrival === null || !occ) throw notFound();
      const live = await this.repo.liveSignupOf(occurrenceId, volunteer.id, trx);
      const team = await this.repo.teamSignups(occurrenceId, teamId, trx);
      const decision = signupDecision({
        occurrence: stateOf(occ),
        now,
        alreadyLive: live !== undefined,
        places: occ.places_per_team,
        signedUpInTeam: team.filter((s) => s.status === "signed_up").length,
      });
      if (!decision.ok) {
        if (decision.refusal === "signup_closed") throw refuse("volunteer.signup_closed", { deadline: occ.signup_deadline });
        throw refuse(decision.refusal === "already_signed_up" ? "volunteer.already_signed_up" : "volunteer.occurrence_closed");
      }
      let signupId: number;
      try {
        signupId = await this.repo.insertSignup(trx, {
          occurrence_id: occurrenceId,
          volunteer_id: volunteer.id,
          team_id: teamId,
          arrival,
          status: decision.status,
          signed_up_at: at,
          withdrawn_at: null,
          checked_in_at: null,
          checked_out_at: null,
          minutes: null,
          correction_reason: null,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.already_signed_up");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_signup.created",
        objectType: "volunteer_signup",
        objectId: signupId,
        stationId: occ.station_id,
        after: { occurrenceId, volunteerId: volunteer.id, teamId, arrival, status: decision.status },
      });
      return signupId;
    });
    return this.signupView(id);
  }

  private async signupView(id: number) {
    const row = await this.repo.signup(id);
    if (!row) throw notFound();
    return presentSignup(row);
  }

  /** A volunteer withdraws; the team's earliest waiting sign-up takes the place given back (exactly one). */
  async withdraw(user: SessionUser, signupId: number, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const signup = await this.repo.signup(signupId);
    if (!signup || signup.user_id !== user.id) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockOccurrence(trx, signup.occurrence_id, at);
      const occ = await this.repo.occurrence(signup.occurrence_id, trx);
      const current = await this.repo.signup(signupId, trx);
      if (!occ || !current) throw notFound();
      const refusal = withdrawStep(current.status, stateOf(occ), now);
      if (refusal) throw refuse(refusal === "occurrence_closed" ? "volunteer.occurrence_closed" : "volunteer.signup_transition");
      if (
        !(await this.repo.updateSignup(trx, signupId, ["signed_up", "waitlisted"], {
          status: "withdrawn",
          withdrawn_at: at,
          updated_at: at,
        }))
      ) {
        throw refuse("volunteer.signup_transition");
      }
      const promoted = promotionOf(await this.repo.teamSignups(occ.id, current.team_id, trx), occ.places_per_team);
      if (promoted !== null) await this.repo.updateSignup(trx, promoted, ["waitlisted"], { status: "signed_up", updated_at: at });
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_signup.withdrawn",
        objectType: "volunteer_signup",
        objectId: signupId,
        stationId: occ.station_id,
        before: { status: current.status },
        after: { status: "withdrawn", promotedSignupId: promoted },
      });
    });
    return this.signupView(signupId);
  }

  // ---- check-in and check-out -----------------------------------------------------------------------------------

  /** The organiser's current code for the occurrence's screen (it turns every minute). */
  async code(user: SessionUser, id: number, origin: string) {
    const now = this.clock.now();
    const row = await this.repo.occurrence(id);
    if (!row || !this.manages(user, row.station_id)) throw notFound();
    const { code, expiresAt } = issueCode(this.vault, id, now);
    return {
      occurrenceId: id,
      code,
      expiresAt: expiresAt.toISOString(),
      url: `${origin}/m/volunteer-checkin?code=${encodeURIComponent(code)}`,
    };
  }

  async presence(user: SessionUser, occurrenceId: number, kind: "check_in" | "check_out", code: string, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await this.volunteerOf(user);
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || row.station_id !== volunteer.station_id) throw notFound();
    const codeRefusal = checkCode(this.vault, code, occurrenceId, now);
    if (codeRefusal) throw refuse(`volunteer.${codeRefusal}`, {}, "code");
    const id = await this.db.transaction().execute(async (trx) => {
      const signup = await this.repo.liveSignupOf(occurrenceId, volunteer.id, trx);
      const refusal = presenceStep(
        signup ? { status: signup.status, checkedInAt: signup.checked_in_at, checkedOutAt: signup.checked_out_at } : null,
        stateOf(row),
        kind,
        now,
      );
      if (refusal === "checkin_not_open") throw refuse("volunteer.checkin_not_open", { minutes: CHECKIN_EARLY_MINUTES });
      if (refusal || !signup) throw refuse(`volunteer.${refusal ?? "not_signed_up"}`);
      let values: { status?: "attended"; checked_in_at?: string; checked_out_at?: string; minutes?: number; updated_at: string };
      if (kind === "check_in") values = { status: "attended", checked_in_at: at, updated_at: at };
      else {
        const hours = serviceMinutes({ startsAt: row.starts_at, endsAt: row.ends_at }, signup.checked_in_at ?? at, at);
        values = { checked_out_at: at, minutes: hours.minutes, updated_at: at };
      }
      if (!(await this.repo.updateSignup(trx, signup.id, kind === "check_in" ? ["signed_up"] : ["attended"], values))) {
        throw refuse("volunteer.signup_transition");
      }
      await appendAudit(trx, actor, {
        at: now,
        action: kind === "check_in" ? "volunteer_signup.checked_in" : "volunteer_signup.checked_out",
        objectType: "volunteer_signup",
        objectId: signup.id,
        stationId: row.station_id,
        after: values,
      });
      return signup.id;
    });
    return this.signupView(id);
  }

  // ---- certification -------------------------------------------------------------------------------------------

  /**
   * The organiser certifies the occurrence's hours once, after it ended: who signed up and never checked in is a
   * no-show, who checked in without checking out has no hours; the hours then stay on public notice for 7 days.
   */
  async certify(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(id);
    if (!row || !this.manages(user, row.station_id)) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockOccurrence(trx, id, at);
      const occ = await this.repo.occurrence(id, trx);
      if (!occ) throw notFound();
      const refusal = certifyStep(
        { ...stateOf(occ), certifiedAt: occ.certified_at, publicUntil: occ.public_until, openObjections: 0 },
        now,
      );
      if (refusal) throw refuse(`volunteer.${refusal}` as VolunteersErrorId);
      const publicUntil = publicUntilOf(now).toISOString();
      if (!(await this.repo.certifyOccurrence(trx, id, user.id, at, publicUntil))) throw refuse("volunteer.already_certified");
      const signups = await this.repo.signupsOf([id], trx);
      let minutes = 0;
      let noShows = 0;
      for (const s of signups) {
        if (s.status === "signed_up") {
          await this.repo.updateSignup(trx, s.id, ["signed_up"], { status: "no_show", minutes: 0, updated_at: at });
          noShows++;
        } else if (s.status === "attended") {
          if (s.minutes === null) await this.repo.updateSignup(trx, s.id, ["attended"], { minutes: 0, updated_at: at });
          minutes += s.minutes ?? 0;
        }
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_occurrence.certified",
        objectType: "volunteer_occurrence",
        objectId: id,
        stationId: occ.station_id,
        after: { publicUntil, minutes, noShows, attended: signups.filter((s) => s.status === "attended").length },
      });
    });
    return this.occurrence(user, id);
  }

  /** A correction of one volunteer's certified hours during the public notice: with a reason, audited, answering an objection. */
  async correct(user: SessionUser, id: number, input: z.output<typeof correctionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(id);
    if (!row || !this.manages(user, row.station_id)) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockOccurrence(trx, id, at);
      const signup = await this.repo.signup(input.signupId, trx);
      if (!signup || signup.occurrence_id !== id) throw notFound();
      const objections = await this.repo.objectionsOf([id], trx);
      const open = objections.filter((o) => o.status === "open").length;
      const refusal = correctStep(
        { ...stateOf(row), certifiedAt: row.certified_at, publicUntil: row.public_until, openObjections: open },
        input.minutes,
        now,
      );
      if (refusal === "hours_outside_window") {
        throw refuse(
          "volunteer.hours_outside_window",
          { minutes: Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000) },
          "minutes",
        );
      }
      if (refusal) throw refuse(`volunteer.${refusal}` as VolunteersErrorId);
      if (input.objectionId !== undefined) {
        const objection = objections.find((o) => o.id === input.objectionId);
        if (!objection || objection.signup_id !== signup.id) throw refuse("volunteer.objection_transition", {}, "objectionId");
        if (!(await this.repo.resolveObjection(trx, objection.id, input.reason, user.id, at)))
          throw refuse("volunteer.objection_transition");
      }
      await this.repo.updateSignup(trx, signup.id, ["attended", "no_show"], {
        minutes: input.minutes,
        correction_reason: input.reason,
        updated_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_signup.hours_corrected",
        objectType: "volunteer_signup",
        objectId: signup.id,
        stationId: row.station_id,
        before: { minutes: signup.minutes },
        after: { minutes: input.minutes, reason: input.reason, objectionId: input.objectionId ?? null },
      });
    });
    return this.occurrence(user, id);
  }

  /** A volunteer objects to their certified hours during the public notice. */
  async object(user: SessionUser, id: number, input: z.output<typeof objectionCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await this.volunteerOf(user);
    const row = await this.repo.occurrence(id);
    if (!row || row.station_id !== volunteer.station_id) throw notFound();
    const objectionId = await this.db.transaction().execute(async (trx) => {
      await this.repo.lockOccurrence(trx, id, at);
      const signup = await this.repo.liveSignupOf(id, volunteer.id, trx);
      if (!signup) throw refuse("volunteer.not_signed_up");
      const objections = await this.repo.objectionsOf([id], trx);
      const mineOpen = objections.some((o) => o.volunteer_id === volunteer.id && o.status === "open");
      const refusal = objectStep({ certifiedAt: row.certified_at, publicUntil: row.public_until, openObjections: 0 }, mineOpen, now);
      if (refusal) throw refuse(`volunteer.${refusal}` as VolunteersErrorId);
      const oid = await this.repo.insertObjection(trx, {
        occurrence_id: id,
        signup_id: signup.id,
        volunteer_id: volunteer.id,
        reason: input.reason,
        created_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_objection.raised",
        objectType: "volunteer_objection",
        objectId: oid,
        stationId: row.station_id,
        after: { occurrenceId: id, signupId: signup.id, reason: input.reason },
      });
      return oid;
    });
    const o = await this.repo.objection(objectionId);
    if (!o) throw notFound();
    return presentObjection(o);
  }

  // ---- the volunteer's phone -------------------------------------------------------------------------------------

  async mine(user: SessionUser, query: z.output<typeof activitiesQuery>) {
    const now = this.clock.now();
    const v = await this.repo.volunteerOfUser(user.id);
    if (!v) return { volunteer: null, activities: [], certifiedMinutes: 0 };
    const today = stationDate(now);
    const rows = await this.repo.occurrencesBetween([v.station_id], today, addDays(today, query.days));
    const teams = await this.repo.approvedTeams(v.id);
    const mineRows = rows.filter((r) => teamIdsOf(r).some((t) => teams.includes(t)));
    const { signups, views } = await this.occurrenceViews(mineRows, now);
    const own = await this.repo.signupsOfVolunteer(v.id);
    return {
      volunteer: await this.volunteerView(v.id),
      activities: views.map((view) => {
        const s = signups.find((g) => g.occurrence_id === view.id && g.volunteer_id === v.id && g.status !== "withdrawn");
        return { ...view, mySignup: s ? presentSignup(s) : null };
      }),
      certifiedMinutes: own.filter((s) => s.certified_at && s.status === "attended").reduce((n, s) => n + (s.minutes ?? 0), 0),
    };
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
