// What the volunteer service answers with, read back after a change: a volunteer with their memberships, a sign-up,
// and occurrences with their sign-ups, objections and team names.
import { notFound } from "../../platform/errors.ts";
import type { Occ } from "./volunteers.access.ts";
import { presentOccurrence, presentSignup, presentVolunteer, teamIdsOf } from "./volunteers.presenter.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";

export async function volunteerView(repo: VolunteersRepository, id: number) {
  const row = await repo.volunteer(id);
  if (!row) throw notFound();
  return presentVolunteer(row, await repo.membershipsOf([id]));
}

export async function signupView(repo: VolunteersRepository, id: number) {
  const row = await repo.signup(id);
  if (!row) throw notFound();
  return presentSignup(row);
}

export async function occurrenceViews(repo: VolunteersRepository, rows: Occ[], now: Date) {
  const ids = rows.map((r) => r.id);
  const signups = await repo.signupsOf(ids);
  const objections = await repo.objectionsOf(ids);
  const teams = await repo.teamsByIds([...new Set(rows.flatMap((r) => teamIdsOf(r)))]);
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return { signups, objections, views: rows.map((r) => presentOccurrence(r, signups, objections, names, now)) };
}
