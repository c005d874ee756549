// A page's ids as one parameter, so the statement reading the page's rows has a fixed shape and can be compiled
// once (`prepared`, server/db/prepared.ts) whatever the page holds: Kysely's `where id in (…)` has one parameter
// per id, and building and compiling a list's joined, wide statement anew on every request costs more than running
// it. SQLite reads the ids from a JSON array (`json_each`), PostgreSQL from an integer array; both walk the primary
// key for each id.
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Dialect } from "./database.ts";

/** The ids as the one parameter `inIdList` takes: a JSON array on SQLite, an array literal on PostgreSQL. */
export function idList(dialect: Dialect, ids: readonly number[]): string {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`idList: ${id} is not an integer id`);
  return dialect === "postgres" ? `{${ids.join(",")}}` : JSON.stringify(ids);
}

/** `column in (the ids)` with the ids as one parameter made by `idList`. */
export function inIdList(dialect: Dialect, column: string, ids: unknown): RawBuilder<SqlBool> {
  return dialect === "postgres"
    ? sql<SqlBool>`${sql.ref(column)} = any(cast(${ids} as integer[]))`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${ids}))`;
}
