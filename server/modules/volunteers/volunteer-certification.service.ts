// Certification of hours: the organiser certifies an occurrence once after it ended, the hours then stay on public
// notice for 7 days, during which a volunteer may object and the organiser correct one volunteer's hours.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { VolunteersErrorId } from "../../../contracts/errors-volunteers.ts";
import type { correctionSchema, objectionCreateSchema } from "../../../contracts/volunteers.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { VolunteerSeriesService } from "./volunteer-series.service.ts";
import { manages, refuse, stateOf, volunteerOf } from "./volunteers.access.ts";
import { presentObjection } from "./volunteers.presenter.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { certifyStep, correctStep, objectStep, publicUntilOf } from "./volunteers.workflow.ts";

export class VolunteerCertificationService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly series: VolunteerSeriesService;
  private readonly clock: Clock;

  /** The occurrence a change answers with is read through `series` (as the console shows it). */
  constructor(db: Kysely<DB>, repo: VolunteersRepository, series: VolunteerSeriesService, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.series = series;
    this.clock = clock;
  }

  /**
   * The organiser certifies the occurrence's hours once, after it ended: who signed up and never checked in is a
   * no-show, who checked in without checking out has no hours; the hours then stay on public notice for 7 days.
   */
  async certify(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(id);
    if (!row || !manages(user, row.station_id)) throw notFound();
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
    return this.series.occurrence(user, id);
  }

  /** A correction of one volunteer's certified hours during the public notice: with a reason, audited, answering an objection. */
  async correct(user: SessionUser, id: number, input: z.output<typeof correctionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(id);
    if (!row || !manages(user, row.station_id)) throw notFound();
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
    return this.series.occurrence(user, id);
  }

  /** A volunteer objects to their certified hours during the public notice. */
  async object(user: SessionUser, id: number, input: z.output<typeof objectionCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await volunteerOf(this.repo, user);
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
}
