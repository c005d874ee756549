// Who sees a problem and who acts on it: staff within their stations, the assigned unit, the reporter. Pure
// functions of the caller and the row; the list filter a caller's query turns into (its overdue cut-off at `now`).
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDayBounds } from "../../../contracts/calendar.ts";
import type { ProblemStatus, problemListQuery } from "../../../contracts/problems.ts";
import { reachesStation, type SessionUser, scopeKind, stationFilter } from "../../platform/scope.ts";
import type { ProblemFilter } from "./problems.repository.ts";
import type { ProblemParty } from "./problems.workflow.ts";

type ListQuery = z.output<typeof problemListQuery>;

/** The row fields access depends on. */
export type ProblemReach = { station_id: number; unit_id: number | null; reporter_user_id: number | null };

/** Whether the caller sees the problem at all (otherwise it is "not found" to them). */
export function seesProblem(user: SessionUser, row: ProblemReach): boolean {
  if (row.reporter_user_id === user.id) return true;
  switch (scopeKind(user)) {
    case "all":
    case "org":
      return reachesStation(user, row.station_id);
    case "unit":
      return user.allianceUnitId !== null && row.unit_id === user.allianceUnitId;
    default:
      return false;
  }
}

/** The parties the caller acts as on this problem (the workflow decides which steps each may take). */
export function partiesOf(user: SessionUser, row: ProblemReach): ProblemParty[] {
  const parties: ProblemParty[] = [];
  if (can(user.role, "problem.manage") && reachesStation(user, row.station_id)) parties.push("staff");
  if (can(user.role, "problem.work") && user.allianceUnitId !== null && row.unit_id === user.allianceUnitId) parties.push("unit");
  if (row.reporter_user_id === user.id) parties.push("reporter");
  return parties;
}

/**
 * The statuses in which the next step is the caller's (待我处理): staff accept, assign or reassign; a unit
 * starts and resolves; a reporter confirms or reopens. The scope filters then narrow it to their problems.
 */
export function waitingFor(user: SessionUser): readonly ProblemStatus[] {
  if (can(user.role, "problem.manage")) return ["submitted", "accepted", "reopened"];
  if (scopeKind(user) === "unit") return ["assigned", "in_progress", "reopened"];
  return ["resolved"];
}

/** The repository filter for a caller's list query; `overdue` means past due at `now`. */
export function problemFilterOf(user: SessionUser, query: Partial<ListQuery>, now: Date): ProblemFilter {
  const f: ProblemFilter = {
    stationIds: stationFilter(user, query.stationId),
    q: query.q || undefined,
    status: query.status,
    categoryCode: query.categoryCode,
    source: query.source,
    unitId: query.unitId,
    overdueAt: query.overdue === "true" ? now.toISOString() : undefined,
    from: query.from ? stationDayBounds(query.from)[0] : undefined,
    to: query.to ? stationDayBounds(query.to)[1] : undefined,
  };
  const kind = scopeKind(user);
  if (kind === "unit") f.unitScope = user.allianceUnitId;
  if (kind === "self" || query.mine === "true") f.reporterUserId = user.id;
  if (query.actionable === "true") f.statusIn = waitingFor(user);
  return f;
}
