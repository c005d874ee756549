// Opens the database the configuration names: a SQLite file by default, PostgreSQL when DATABASE_URL is set.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import type { Writable } from "node:stream";
import { Kysely, PostgresAdapter } from "kysely";
import { QueuingPostgresDialect } from "./before-commit.ts";
import { nodeSqliteDialect, openSqlite } from "./sqlite-dialect.ts";
import type { DB } from "./tables.ts";

const require = createRequire(import.meta.url);
let pgModule: typeof import("pg") | null = null;
/** The PostgreSQL driver, loaded on first use: a SQLite installation never pays for it. */
function pgDriver(): typeof import("pg") {
  if (!pgModule) {
    pgModule = require("pg") as typeof import("pg");
    // COUNT(*) and SUM over integers come back from pg as int8 strings; our figures stay well inside 2^53.
    pgModule.types.setTypeParser(20, (v) => Number(v));
    pgModule.types.setTypeParser(1700, (v) => Number(v));
  }
  return pgModule;
}

export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw SQLite handle, for the online backup; absent on PostgreSQL. */
  sqlite?: DatabaseSync;
  close(): Promise<void>;
}

/** `groupCommit`: SQLite only, concurrent requests share one durable commit (server/db/group-commit.ts). */
export function openDatabase(opts: { databaseUrl?: string; sqliteFile: string; poolSize?: number; groupCommit?: boolean }): Database {
  if (opts.databaseUrl) {
    // Pipelined connections: a statement may be written before the previous one is answered. Kysely still awaits
    // each statement; the queuing dialect writes a transaction's BEGIN with its first statement and its COMMIT
    // with its last (server/db/before-commit.ts), so a short write transaction costs two round trips, not four.
    const pool = new (pgDriver().Pool)({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, pipeline: true } as never);
    // An idle connection the server drops (restart, failover, an administrator ending it) emits 'error' on the
    // pool; unhandled, that would end the process. The pool replaces the connection on the next query.
    pool.on("error", (error) => {
      console.warn(`PostgreSQL: an idle connection failed (${(error as { code?: string }).code ?? error.message}); it will be replaced`);
    });
    // The queuing dialect runs work just before each COMMIT (the audit chain's head: server/db/before-commit.ts); selects
    // run as named prepared statements (namedStatements).
    const db = new Kysely<DB>({ dialect: new QueuingPostgresDialect({ pool: namedStatements(pool) }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  if (opts.sqliteFile !== ":memory:") mkdirSync(dirname(opts.sqliteFile), { recursive: true });
  const sqlite = openSqlite(opts.sqliteFile);
  const db = new Kysely<DB>({ dialect: nodeSqliteDialect(sqlite, 500, opts.groupCommit ?? false) });
  return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
}

/** Named statements a PostgreSQL connection keeps at most (each holds a parsed statement and, later, a plan). */
export const NAMED_STATEMENTS_PER_CONNECTION = 500;

type PgPool = InstanceType<ReturnType<typeof pgDriver>["Pool"]>;

/**
 * Every statement the app compiles (`select`, `with`, `insert`, `update`, `delete`) runs as a named prepared
 * statement (named by its text), so a connection parses it once and, after PostgreSQL's first executions, reuses its
 * plan: a list is not planned on every request (issue 16: 0.9 ms of planning beside 1 ms of execution), and a write
 * is not parsed again. A connection names at most NAMED_STATEMENTS_PER_CONNECTION texts; others run unnamed.
 * BEGIN, COMMIT and the like go as they are.
 */
function namedStatements(pool: PgPool) {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `k${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
      if (names.size < 20_000) names.set(text, name);
    }
    return name;
  };
  const named = new WeakMap<object, Set<string>>();
  return {
    connect: async () => {
      const client = await pool.connect();
      if (!named.has(client)) {
        const own = new Set<string>();
        named.set(client, own);
        const send = client.query.bind(client) as (...args: unknown[]) => unknown;
        // Statements written in the same tick (a BEGIN with the first statement, the last with the COMMIT) leave
        // in one write: the socket is corked until the tick ends. A write to PostgreSQL is a system call that, on
        // one machine, also runs the receiving end's network stack — a third of a redemption's CPU in the profile.
        const stream = (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
        let corked = false;
        const uncork = () => {
          corked = false;
          stream?.uncork();
        };
        const query = (text: unknown, values?: unknown) => {
          if (stream && !corked && typeof stream.cork === "function") {
            corked = true;
            stream.cork();
            process.nextTick(uncork);
          }
          return send(text, values);
        };
        (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
          if (typeof text !== "string" || !/^\s*(select|with|insert|update|delete)\b/i.test(text)) return query(text, values);
          const name = nameOf(text);
          if (!own.has(name)) {
            if (own.size >= NAMED_STATEMENTS_PER_CONNECTION) return query(text, values);
            own.add(name);
          }
          return query({ name, text, values });
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any database handle
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * True for a foreign-key violation on either database: a delete of a row something still refers to (or a write
 * naming a row that is gone). On PostgreSQL the transaction is aborted by it, so answer outside the transaction.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23503" || /FOREIGN KEY constraint failed/.test(e?.message ?? "");
}

/** True for a unique-constraint violation on either database (the race a pre-check cannot close). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errcode?: number; message?: string };
  return e?.code === "23505" || /UNIQUE constraint failed/.test(e?.message ?? "");
}
