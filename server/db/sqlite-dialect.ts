// Kysely's SQLite dialect expects a better-sqlite3-like database; this adapts the built-in node:sqlite to it,
// so no native addon has to compile.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { SqliteDialect } from "kysely";
import { GroupCommitSqliteDialect } from "./group-commit.ts";

type Param = null | number | bigint | string | Uint8Array;

function toParam(value: unknown): Param {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "string") return value;
  if (value instanceof Uint8Array) return value;
  return JSON.stringify(value);
}

function adaptStatement(statement: StatementSync) {
  const reader = statement.columns().length > 0;
  return {
    reader,
    all: (params: ReadonlyArray<unknown>) => statement.all(...params.map(toParam)),
    run: (params: ReadonlyArray<unknown>) => {
      const r = statement.run(...params.map(toParam));
      return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
    },
    iterate: (params: ReadonlyArray<unknown>) => statement.iterate(...params.map(toParam)),
  };
}

export function openSqlite(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  // 64 MB of page cache per connection (the default is 2 MB, allocated as pages are read): a district officer's
  // list reads index pages of two hundred stations, and with the default one request's pages pushed out the next's.
  db.exec("PRAGMA cache_size = -65536");
  return db;
}

/**
 * Statements are prepared once per SQL text and kept (bounded, oldest dropped first). Safe because Kysely's
 * SQLite driver runs one query at a time on its single connection.
 */
export function nodeSqliteDialect(db: DatabaseSync, cacheSize = 500, groupCommit = false): SqliteDialect {
  const cache = new Map<string, ReturnType<typeof adaptStatement>>();
  // Group commit (server/db/group-commit.ts) when asked: concurrent requests share one durable commit.
  const Dialect = groupCommit ? GroupCommitSqliteDialect : SqliteDialect;
  return new Dialect({
    database: {
      prepare: (sql: string) => {
        let statement = cache.get(sql);
        if (!statement) {
          statement = adaptStatement(db.prepare(sql));
          if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
          cache.set(sql, statement);
        }
        return statement;
      },
      close: () => db.close(),
    } as never,
  });
}
