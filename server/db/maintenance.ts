// The few database-wide statements the app, the server start and the CLI need outside any module: a readiness
// ping, "is anything loaded yet", and wiping a PostgreSQL schema before a reseed.
import { type Kysely, sql } from "kysely";
import type { DB } from "./tables.ts";

/** Throws when the database does not answer. */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** True while no org unit exists: nothing (demo or real) has been loaded yet. */
export async function isEmptyDatabase(db: Kysely<DB>): Promise<boolean> {
  return !(await db.selectFrom("org_units").select("id").limit(1).executeTakeFirst());
}

/** Drops and recreates PostgreSQL's public schema (every table and migration record). */
export async function wipePostgresSchema(db: Kysely<DB>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
