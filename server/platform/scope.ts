// Data scope: which stations a signed-in account reaches. A district or street account sees every station
// below it (roll-ups included); a station account its own station; unit and self accounts the station they
// belong to, narrowed further by each module to their unit's or their own records.
import type { Kysely } from "kysely";
import { type Action, accessMap, can, type Role } from "../../contracts/access.ts";
import type { DB } from "../db/tables.ts";
import { denied, notFound } from "./errors.ts";

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  orgPath: string;
  allianceUnitId: number | null;
  merchantId: number | null;
  residentId: number | null;
  locale: "zh-CN" | "en";
  sessionId: string;
  csrfToken: string;
  /** Station ids in reach; null means every station (platform admin). */
  stationIds: number[] | null;
}

export async function stationsUnder(db: Kysely<DB>, orgPath: string): Promise<number[]> {
  const rows = await db.selectFrom("org_units").select("id").where("kind", "=", "station").where("path", "like", `${orgPath}%`).execute();
  return rows.map((r) => r.id);
}

export function reachesStation(user: SessionUser, stationId: number): boolean {
  return user.stationIds === null || user.stationIds.includes(stationId);
}

/** Throws 404 (not 403) for a record outside the caller's stations, so nothing leaks about its existence. */
export function assertStation(user: SessionUser, stationId: number): void {
  if (!reachesStation(user, stationId)) throw notFound();
}

export function assertCan(user: SessionUser, action: Action): void {
  if (!can(user.role, action)) throw denied();
}

/**
 * The station a new record goes to: the one asked for if in reach, else the caller's only station.
 * Accounts reaching several stations must name one.
 */
export function targetStation(user: SessionUser, requested: number | undefined): number {
  if (requested !== undefined) {
    if (!reachesStation(user, requested)) throw notFound();
    return requested;
  }
  if (user.stationIds && user.stationIds.length === 1) return user.stationIds[0];
  throw denied();
}

/** Station filter for lists: the requested station if in reach, else all stations in reach. */
export function stationFilter(user: SessionUser, requested: number | undefined): number[] | null {
  if (requested !== undefined) {
    if (!reachesStation(user, requested)) return [];
    return [requested];
  }
  return user.stationIds;
}

export function scopeKind(user: SessionUser) {
  return accessMap[user.role].scope;
}
