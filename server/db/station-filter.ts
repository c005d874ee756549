// A query's station scope as one SQL condition: every station (null), the given ones, or none (an empty list). The
// scope comes from the caller's reach (platform/scope.ts, stationFilter).
//
// The ids are written into the statement as integer literals, not as one parameter each: a district officer's
// scope is a couple of hundred stations, and building, compiling and binding two hundred parameters (twice, for a
// list's page and its count) cost more than the list's statements. The ids come from the registry, are checked to
// be integers here, and a user's scope gives the same text on every request, so the statement is still prepared
// once (server/db/database.ts) — docs/performance.md, "The district officer's list".
import { sql } from "kysely";

export const inStations = (stationIds: readonly number[] | null, column: string) =>
  stationIds === null
    ? sql<boolean>`1 = 1`
    : stationIds.length
      ? sql<boolean>`${sql.ref(column)} in (${sql.raw(integerList(stationIds))})`
      : sql<boolean>`1 = 0`;

/** `1,2,3` for a statement's text; anything but a safe integer is refused (it would be SQL). */
export function integerList(ids: readonly number[]): string {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`inStations: ${String(id)} is not an integer id`);
  return ids.join(",");
}
