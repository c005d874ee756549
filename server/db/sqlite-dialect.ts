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

/**
 * Makes a row's object from the array node:sqlite answers (`setReturnArrays`): one object literal of the
 * statement's columns, compiled once per statement, so every row has the same shape from its creation. node:sqlite
 * builds objects without a prototype, which V8 keeps as hash tables (slow to build and to read): a fifth of a list
 * page's rows statement (20 problems × 29 columns: 69 µs against 54 µs this way, the same values). These rows are
 * plain objects, as PostgreSQL's driver answers them. A repeated column name keeps its last value, as there.
 */
export function rowFactory(names: readonly string[]): RowFactory {
  // The names are data: JSON-quoted, and `__proto__` computed so that it stays an own property.
  const fields = names.map((name, i) => `${name === "__proto__" ? '["__proto__"]' : JSON.stringify(name)}: r[${i}]`);
  const make = new Function("r", `return { ${fields.join(", ")} };`) as RowFactory;
  make.width = names.length;
  return make;
}

/** Makes one row's object from its array; `width` is how many columns it was made for. */
export type RowFactory = ((row: readonly unknown[]) => Record<string, unknown>) & { width?: number };

type ArrayRows = StatementSync & { setReturnArrays?: (enabled: boolean) => void };

function adaptStatement(statement: StatementSync) {
  const reader = statement.columns().length > 0;
  const s = statement as ArrayRows;
  // Rows as arrays made into objects by the statement's factory (Node 24); on older versions node:sqlite's objects.
  const arrays = reader && typeof s.setReturnArrays === "function";
  const factoryOf = () => rowFactory(statement.columns().map((c) => c.name));
  let make = arrays ? factoryOf() : null;
  if (arrays) s.setReturnArrays?.(true);
  /** A row's object; a row of another width than the factory's (SQLite prepared the statement again after a schema change) remakes it. */
  const objectOf = (row: unknown[]) => {
    if (row.length !== make?.width) make = factoryOf();
    return make(row);
  };
  return {
    reader,
    all: arrays
      ? (params: ReadonlyArray<unknown>) => (statement.all(...params.map(toParam)) as unknown as unknown[][]).map(objectOf)
      : (params: ReadonlyArray<unknown>) => statement.all(...params.map(toParam)),
    run: (params: ReadonlyArray<unknown>) => {
      const r = statement.run(...params.map(toParam));
      return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
    },
    iterate: arrays
      ? function* (params: ReadonlyArray<unknown>) {
          for (const row of statement.iterate(...params.map(toParam))) yield objectOf(row as unknown as unknown[]);
        }
      : (params: ReadonlyArray<unknown>) => statement.iterate(...params.map(toParam)),
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

/** A statement that changes the schema (after which kept statements are prepared again). */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\s/i;

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
        // A schema change: kept statements are dropped, so that each is prepared again with its columns as they are
        // now (SQLite would prepare them again by itself, but a row's factory is made from the columns at prepare).
        if (SCHEMA_CHANGE.test(sql)) cache.clear();
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
