// Fixed-shape statements compiled once per kind of database and run again with new values. Building and
// compiling a Kysely query costs more than SQLite's own work for a one-row statement, so the statements every
// write runs (the audit chain) and those of the busiest endpoints are compiled once. They are still written with
// Kysely's builder and typed as usual.
import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from "kysely";
import { type Dialect, dialectOf } from "./database.ts";
import type { DB } from "./tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

const MARK = "\u0000prepared:";

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** For each parameter of the statement, the value it takes by name, or null for a constant of the statement. */
  slots: (string | null)[];
  /** How many values each call passes (the names are those of the first call). */
  count: number;
}

/**
 * Makes a statement that is built and compiled on its first use on each kind of database, then reused with the
 * values it is given by name. It answers Kysely's result: `rows`, and `numAffectedRows` for a change.
 *
 * `build` receives markers in place of the values, so it must give the same statement whatever they are: no
 * branching on them, no lists whose length follows them, every value used as a value (compared, inserted or
 * set), never as a name. It may branch on the dialect. Every call passes the same names (a call with more or
 * fewer is refused); a name that does not reach the statement as a parameter is refused on first use.
 */
export function prepared<V extends object, Row>(
  build: (db: Kysely<DB>, values: V, dialect: Dialect) => Compilable<Row>,
): (db: Db, values: V) => Promise<QueryResult<Row>> {
  const compile = preparedQuery(build);
  return async (db, values) => db.executeQuery<Row>(compile(db, values));
}

/** As `prepared`, answering the compiled statement with its values instead of running it (for `deferWrite`). */
export function preparedQuery<V extends object, Row>(
  build: (db: Kysely<DB>, values: V, dialect: Dialect) => Compilable<Row>,
): (db: Db, values: V) => CompiledQuery<Row> {
  const compiled = new Map<Dialect, Compiled<Row>>();
  return (db, values) => {
    const dialect = dialectOf(db);
    let entry = compiled.get(dialect);
    if (!entry) {
      const names = Object.keys(values);
      const markers = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as V;
      const query = build(db, markers, dialect).compile();
      const slots = query.parameters.map((p) => (typeof p === "string" && p.startsWith(MARK) ? p.slice(MARK.length) : null));
      const missing = names.find((name) => !slots.includes(name));
      if (missing) throw new Error(`prepared statement: "${missing}" is not a parameter of ${query.sql}`);
      entry = { query, slots, count: names.length };
      compiled.set(dialect, entry);
    }
    const { query, slots, count } = entry;
    if (Object.keys(values).length !== count)
      throw new Error(`prepared statement: called with other values than on first use (${query.sql})`);
    const parameters = slots.map((slot, i) => (slot === null ? query.parameters[i] : (values as Record<string, unknown>)[slot]));
    return { ...query, parameters };
  };
}
