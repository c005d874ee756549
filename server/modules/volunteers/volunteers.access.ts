// Who reaches what in the volunteer service, shared by its parts: the station's managers, the caller's own volunteer
// record, the service's refusals, and an occurrence's state as the workflow's steps read it.
import { can } from "../../../contracts/access.ts";
import type { VolunteersErrorId } from "../../../contracts/errors-volunteers.ts";
import { AppError, type MessageParams, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import type { Db, VolunteersRepository } from "./volunteers.repository.ts";

export const refuse = (id: VolunteersErrorId, params: MessageParams = {}, field?: string) =>
  new AppError(id, field ? [{ field }] : undefined, params);

export type Occ = NonNullable<Awaited<ReturnType<VolunteersRepository["occurrence"]>>>;
export const stateOf = (o: Occ) => ({ status: o.status, signupDeadline: o.signup_deadline, startsAt: o.starts_at, endsAt: o.ends_at });

/**
 * Inside a sign-up's or an assignment's transaction: the occurrence's row taken first (handing out the next arrival
 * number, so simultaneous takers run in turn), then what the workflow decides a place on: the occurrence as it now
 * is, whether the volunteer already holds a live sign-up, and the team's places taken.
 */
export async function takeTurnForPlace(
  repo: VolunteersRepository,
  trx: Db,
  occurrenceId: number,
  volunteerId: number,
  teamId: number,
  at: string,
) {
  const arrival = await repo.takeArrival(trx, occurrenceId, at);
  const occ = await repo.occurrence(occurrenceId, trx);
  if (arrival === null || !occ) throw notFound();
  const live = await repo.liveSignupOf(occurrenceId, volunteerId, trx);
  const team = await repo.teamSignups(occurrenceId, teamId, trx);
  return { arrival, occ, alreadyLive: live !== undefined, signedUpInTeam: team.filter((s) => s.status === "signed_up").length };
}

/** The station's staff with the volunteer permission, within their reach. */
export function manages(user: SessionUser, stationId: number) {
  return can(user.role, "volunteer.manage") && reachesStation(user, stationId);
}

/** The caller's volunteer record; refused when they have not registered. */
export async function volunteerOf(repo: VolunteersRepository, user: SessionUser) {
  const v = await repo.volunteerOfUser(user.id);
  if (!v) throw refuse("volunteer.not_registered");
  return v;
}
