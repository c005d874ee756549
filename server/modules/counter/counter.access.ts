// Who is who at the counter: what an applicant applies as, which station an action happens at, which requests a
// caller reaches (a station's staff, a department those forwarded to it, an applicant their own), who runs it.
import { fail, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, scopeKind } from "../../platform/scope.ts";
import type { RequestReach, RequestRow } from "./counter.repository.ts";

/** Applicants apply as what their account is: a merchant, or a resident (volunteers are residents too). */
export function applicantKind(user: SessionUser): "merchant" | "resident" {
  return user.role === "merchant" ? "merchant" : "resident";
}

/** The station a counter action happens at: the one asked for, or the account's only station. */
export function stationFor(user: SessionUser, requested: number | undefined): number {
  if (requested !== undefined) {
    if (!reachesStation(user, requested)) throw notFound();
    return requested;
  }
  if (user.stationIds && user.stationIds.length === 1) return user.stationIds[0];
  throw fail("service.station_required", [{ field: "stationId" }]);
}

export function reachOf(user: SessionUser): RequestReach {
  const scope = scopeKind(user);
  if (scope === "unit") return { stationIds: user.stationIds, forwardedToUnitId: user.allianceUnitId ?? -1 };
  if (scope === "self") return { stationIds: user.stationIds, applicantUserId: user.id };
  return { stationIds: user.stationIds };
}

export function sees(user: SessionUser, row: RequestRow): boolean {
  if (!reachesStation(user, row.station_id)) return false;
  const scope = scopeKind(user);
  if (scope === "unit") return row.unit_id === user.allianceUnitId && row.forwarded_at !== null;
  if (scope === "self") return row.applicant_user_id === user.id;
  return true;
}

/** Station staff run the counter: check-ins, the queue, walk-ins. District accounts only read. */
export function runsCounter(user: SessionUser): boolean {
  const scope = scopeKind(user);
  return scope === "all" || scope === "org";
}
