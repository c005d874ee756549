// Sign-ups: a volunteer joins an occurrence for one of their teams (a place, else the waiting list) or withdraws,
// the team's earliest waiting sign-up then taking the place given back.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { signupCreateSchema } from "../../../contracts/volunteers.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { refuse, stateOf, takeTurnForPlace, volunteerOf } from "./volunteers.access.ts";
import { teamIdsOf } from "./volunteers.presenter.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { signupView } from "./volunteers.views.ts";
import { promotionOf, signupDecision, withdrawStep } from "./volunteers.workflow.ts";

export class VolunteerSignupsService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: VolunteersRepository, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
  }

  /**
   * A volunteer joins an occurrence for one of their teams taking part: a place while the team has one, else the
   * waiting list. The occurrence's row is taken first (its arrival counter), so simultaneous sign-ups run in turn and
   * get their arrival order from it; the partial unique index refuses a second live sign-up.
   */
  async signUp(user: SessionUser, occurrenceId: number, input: z.output<typeof signupCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await volunteerOf(this.repo, user);
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || row.station_id !== volunteer.station_id) throw notFound();
    const mine = await this.repo.approvedTeams(volunteer.id);
    const taking = teamIdsOf(row).filter((t) => mine.includes(t));
    const teamId = input.teamId ?? taking[0];
    if (teamId === undefined || !taking.includes(teamId)) throw refuse("volunteer.not_in_team", {}, "teamId");
    const id = await this.db.transaction().execute(async (trx) => {
      const { arrival, occ, alreadyLive, signedUpInTeam } = await takeTurnForPlace(this.repo, trx, occurrenceId, volunteer.id, teamId, at);
      const decision = signupDecision({ occurrence: stateOf(occ), now, alreadyLive, places: occ.places_per_team, signedUpInTeam });
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
    return signupView(this.repo, id);
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
    return signupView(this.repo, signupId);
  }
}
