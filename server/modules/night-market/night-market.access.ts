// Who reaches what in the night market, shared by its parts: the station's managers, the caller's operator record
// and the module's refusals.
import { can } from "../../../contracts/access.ts";
import type { NightMarketErrorId } from "../../../contracts/errors-night-market.ts";
import { AppError, type MessageParams, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import type { NightMarketRepository } from "./night-market.repository.ts";
import { isRefusal, type Refusal } from "./night-market.workflow.ts";

export const refuse = (id: NightMarketErrorId, params: MessageParams = {}, field?: string) =>
  new AppError(id, field ? [{ field }] : undefined, params);

/** Throws the workflow's refusal as the catalogue's error; passes anything else through. */
export function orRefuse<T>(v: T | Refusal): T {
  if (isRefusal(v)) throw refuse(v.refused, v.params ?? {}, v.field);
  return v;
}

export function manages(user: SessionUser, stationId: number) {
  return can(user.role, "nightmarket.manage") && reachesStation(user, stationId);
}

/** The season, when the caller manages its station (a season elsewhere is not found). */
export async function managedSeason(repo: NightMarketRepository, user: SessionUser, seasonId: number) {
  const s = await repo.season(seasonId);
  if (!s || !manages(user, s.station_id)) throw notFound();
  return s;
}

/** The caller's operator record at a station, refused when they have never applied there. */
export async function operatorOf(repo: NightMarketRepository, user: SessionUser, stationId: number) {
  const op = await repo.operatorOfUser(stationId, user.id);
  if (!op) throw refuse("night_market.not_operator");
  return op;
}

/** The station a phone user belongs to: their only station. */
export function homeStation(user: SessionUser): number | null {
  return user.stationIds && user.stationIds.length > 0 ? user.stationIds[0] : null;
}
