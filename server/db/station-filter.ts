// A query's station scope as one SQL condition: every station (null), the given ones, or none (an empty list). The
// scope comes from the caller's reach (platform/scope.ts, stationFilter).
import { sql } from "kysely";

export const inStations = (stationIds: number[] | null, column: string) =>
  stationIds === null
    ? sql<boolean>`1 = 1`
    : stationIds.length
      ? sql<boolean>`${sql.ref(column)} in (${sql.join(stationIds)})`
      : sql<boolean>`1 = 0`;
