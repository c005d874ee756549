// Who reaches which Red Shield records: the caller's stations, a unit account its own unit's sessions, a merchant
// its own bookings; who manages a session (station staff, or the bureau running it).
import { can } from "../../../contracts/access.ts";
import { reachesStation, type SessionUser, scopeKind, stationFilter } from "../../platform/scope.ts";
import type { RedShieldReach } from "./red-shield.repository.ts";

/** Whose records the caller reads: their stations, a unit account its unit's sessions, a merchant its own. */
export function reachOf(user: SessionUser, stationId?: number): RedShieldReach {
  const kind = scopeKind(user);
  const stationIds = stationFilter(user, stationId);
  if (kind === "unit") return { stationIds, unitId: user.allianceUnitId ?? -1 };
  if (kind === "self") return { stationIds, merchantId: user.merchantId ?? -1 };
  return { stationIds };
}

/** Station staff of the session's station, or the unit running it. */
export function manages(user: SessionUser, session: { station_id: number; unit_id: number }): boolean {
  if (!can(user.role, "redshield.manage") || !reachesStation(user, session.station_id)) return false;
  return scopeKind(user) !== "unit" || session.unit_id === user.allianceUnitId;
}

/** A session the caller may see at all (unit accounts: their unit's only). */
export function sees(user: SessionUser, session: { station_id: number; unit_id: number }): boolean {
  if (!reachesStation(user, session.station_id)) return false;
  return scopeKind(user) !== "unit" || session.unit_id === user.allianceUnitId;
}
