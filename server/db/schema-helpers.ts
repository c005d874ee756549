// The few places where SQLite and PostgreSQL DDL differ. Migrations call these and nothing dialect-specific.
import type { CreateTableBuilder, Kysely } from "kysely";
import { dialectOf } from "./database.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export function withId(db: Kysely<any>, table: CreateTableBuilder<string, never>) {
  return dialectOf(db) === "postgres"
    ? table.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

/** Column type for raw bytes: BLOB on SQLite, BYTEA on PostgreSQL. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export function bytesType(db: Kysely<any>) {
  return dialectOf(db) === "postgres" ? "bytea" : "blob";
}
