// Work that a transaction runs on its own connection just before its COMMIT, on PostgreSQL. The audit chain uses
// it: an entry is taken in the middle of a service's transaction but its chain head is locked and moved only as
// the transaction's last statement, so the head's row lock is held for one statement and the commit, not for
// every round trip the service makes after it (docs/performance.md, "Audit without a global lock").
//
// Kysely has no commit hook, so the PostgreSQL dialect is wrapped: its driver keeps, per connection in a
// transaction, a queue of work; `beforeCommit` puts work on the queue by sending a marker query through the
// transaction (the wrapped connection recognises it and sends nothing); the driver's commit runs the queue in
// order on the same connection, then commits. A failure of that work fails the commit, and Kysely rolls the
// transaction back. A rollback (or a rollback to a savepoint) drops the work queued since.
//
// Statements go the same way, and those the commit runs are sent together: `deferWrite` queues an insert or update
// whose answer nobody waits for (a notification; a redemption's sale and its presentation's mark),
// `beforeCommitStatement` a statement (the audit chain's append), and the commit joins the deferred writes and the
// first such statement into one statement of data-modifying CTEs
// (`with deferred_0 as (insert …), head as (…) insert …`): one round trip where there were several (issue 16:
// each statement is a round trip, and round trips are most of a write's cost on PostgreSQL). All parts of one
// statement see the same snapshot, which holds the transaction's earlier writes; an insert is deferred only when
// nothing later in the transaction reads what it writes.
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/** Runs a statement on the transaction's connection (the work's only way to the database). */
export type RunQuery = <R = Record<string, unknown>>(sql: string, parameters: readonly unknown[]) => Promise<QueryResult<R>>;
export type CommitWork = (run: RunQuery) => Promise<void>;

/**
 * A statement the commit may join with others: its CTEs by name and its main statement, parameters numbered
 * $1… over both. Names must not collide with another part's (`deferred_N` are taken).
 */
export interface JoinableStatement {
  ctes: readonly (readonly [name: string, sql: string])[];
  body: string;
  parameters: readonly unknown[];
}

interface Queued {
  work: CommitWork;
  /** Work runs in this order at the commit (stable): the audit chain sorts its heads so locks come in one order. */
  order: number;
  /** The work is this statement (it may take the deferred writes along). */
  statement?: JoinableStatement;
  /** A deferred write: runs in the commit's first statement. */
  deferred?: boolean;
}

/**
 * Renumbers a statement's parameters ($1 → $(1 + offset)) outside quoted literals and identifiers, so parts
 * compiled on their own can share one statement.
 */
export function shiftParameters(text: string, offset: number): string {
  if (offset === 0) return text;
  // The same few statements are joined at every commit: each text and offset is renumbered once.
  const key = `${offset}\u0000${text}`;
  let out = shifted.get(key);
  if (out === undefined) {
    out = renumbered(text, offset);
    if (shifted.size >= SHIFTED_KEPT) shifted.clear();
    shifted.set(key, out);
  }
  return out;
}

const SHIFTED_KEPT = 2_000;
const shifted = new Map<string, string>();

function renumbered(text: string, offset: number): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = closingQuote(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === "$" && /[0-9]/.test(text[i + 1] ?? "") && !/[A-Za-z0-9_]/.test(text[i - 1] ?? "")) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j])) j++;
      out += `$${Number(text.slice(i + 1, j)) + offset}`;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the literal or identifier opened at `start` (a doubled quote stays inside it). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

/** One statement of the deferred writes and (when there is one) a joinable statement, in that order. */
export function joinStatements(writes: readonly CompiledQuery[], last?: JoinableStatement): { sql: string; parameters: unknown[] } {
  const ctes: string[] = [];
  const parameters: unknown[] = [];
  let body = "";
  writes.forEach((q, i) => {
    const text = shiftParameters(q.sql, parameters.length);
    if (i < writes.length - 1 || last) ctes.push(`deferred_${i} as (${text})`);
    else body = text;
    parameters.push(...q.parameters);
  });
  if (last) {
    for (const [name, text] of last.ctes) ctes.push(`${name} as (${shiftParameters(text, parameters.length)})`);
    body = shiftParameters(last.body, parameters.length);
    parameters.push(...last.parameters);
  }
  return { sql: ctes.length ? `with ${ctes.join(", ")} ${body}` : body, parameters };
}

const works = new WeakMap<CompiledQuery, Queued>();

class QueuingConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  /** The queued work while a transaction is open; null outside one. */
  queue: Queued[] | null = null;
  /** Queue lengths at each open savepoint, by name. */
  savepoints = new Map<string, number>();
  /** The transaction's BEGIN, not sent yet: it goes with the transaction's first statement. */
  pendingBegin: CompiledQuery | null = null;
  constructor(inner: DatabaseConnection) {
    this.inner = inner;
  }
  run: RunQuery = (sql, parameters) => this.send(CompiledQuery.raw(sql, [...parameters])) as never;
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const queued = works.get(compiledQuery);
    if (queued) {
      if (this.queue) this.queue.push(queued);
      else await queued.work(this.run);
      return { rows: [] };
    }
    return this.send<R>(compiledQuery);
  }
  /**
   * A statement, after the pending BEGIN if there is one: both are written before either answer is read (the
   * pool's connections pipeline), so the BEGIN costs no round trip of its own.
   */
  send<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const begin = this.pendingBegin;
    if (!begin) return this.inner.executeQuery<R>(query);
    this.pendingBegin = null;
    return settleInOrder(this.inner.executeQuery(begin), this.inner.executeQuery<R>(query));
  }
  /** Sends the pending BEGIN on its own (before a savepoint, which the inner driver sends itself). */
  async beginNow(): Promise<void> {
    const begin = this.pendingBegin;
    this.pendingBegin = null;
    if (begin) await this.inner.executeQuery(begin);
  }
  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

/**
 * Two statements written one after the other: the second's answer, once both are answered; the first's failure
 * if it failed, else the second's. Both are awaited, so neither rejection goes unhandled.
 */
async function settleInOrder<R>(first: Promise<unknown>, second: Promise<R>): Promise<R> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
  return b.value;
}

/** The statement that opens a transaction with these settings (as Kysely's PostgreSQL driver writes it). */
function beginStatement(settings: TransactionSettings): CompiledQuery {
  let text = "begin";
  if (settings.isolationLevel || settings.accessMode) {
    text = "start transaction";
    if (settings.isolationLevel) text += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) text += ` ${settings.accessMode}`;
  }
  return CompiledQuery.raw(text);
}

class QueuingDriver implements Driver {
  readonly inner: Driver;
  readonly wrapped = new WeakMap<DatabaseConnection, QueuingConnection>();
  constructor(inner: Driver) {
    this.inner = inner;
  }
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let w = this.wrapped.get(connection);
    if (!w) {
      w = new QueuingConnection(connection);
      this.wrapped.set(connection, w);
    }
    return w;
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const c = connection as QueuingConnection;
    // Sent with the first statement (QueuingConnection.send); a transaction that sends none sends no BEGIN either.
    c.pendingBegin = beginStatement(settings);
    c.queue = [];
    c.savepoints.clear();
  }
  async commitTransaction(connection: DatabaseConnection) {
    const c = connection as QueuingConnection;
    const queue = c.queue ?? [];
    c.queue = null;
    queue.sort((a, b) => a.order - b.order);
    const writes = queue.filter((q) => q.deferred).map((q) => deferredWrites.get(q) as CompiledQuery);
    const rest = queue.filter((q) => !q.deferred);
    const carrier = writes.length ? rest.find((q) => q.statement) : undefined;
    // What the commit runs, in order; `single` when it is one statement, which the COMMIT may follow unawaited.
    const steps: { single: boolean; run: () => Promise<unknown> }[] = [];
    if (writes.length && !carrier) {
      const joined = joinStatements(writes);
      steps.push({ single: true, run: () => c.run(joined.sql, joined.parameters) });
    }
    for (const q of rest) {
      if (q === carrier && q.statement) {
        const joined = joinStatements(writes, q.statement);
        steps.push({ single: true, run: () => c.run(joined.sql, joined.parameters) });
      } else steps.push({ single: q.statement !== undefined, run: () => q.work(c.run) });
    }
    if (c.pendingBegin && steps.length === 0) {
      // Nothing was sent, nothing is to be: no BEGIN, no COMMIT.
      c.pendingBegin = null;
      return;
    }
    const last = steps.pop();
    for (const step of steps) await step.run();
    if (last?.single) {
      // The last statement and the COMMIT are written together (one round trip). If the statement fails,
      // PostgreSQL answers the COMMIT with ROLLBACK: nothing is committed, and the statement's error is the one
      // reported (Kysely then rolls back, which finds no transaction left).
      await settleInOrder(last.run(), this.inner.commitTransaction(c.inner));
      return;
    }
    if (last) await last.run();
    await c.beginNow();
    await this.inner.commitTransaction(c.inner);
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    const c = connection as QueuingConnection;
    c.queue = null;
    if (c.pendingBegin) {
      // Nothing was sent: there is nothing to roll back.
      c.pendingBegin = null;
      return;
    }
    await this.inner.rollbackTransaction(c.inner);
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    const c = connection as QueuingConnection;
    await c.beginNow();
    await this.inner.savepoint?.(c.inner, name, compile);
    c.savepoints.set(name, c.queue?.length ?? 0);
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    const c = connection as QueuingConnection;
    await this.inner.rollbackToSavepoint?.(c.inner, name, compile);
    const at = c.savepoints.get(name);
    if (c.queue && at !== undefined) c.queue.length = at;
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    const c = connection as QueuingConnection;
    await this.inner.releaseSavepoint?.(c.inner, name, compile);
    c.savepoints.delete(name);
  }
  async releaseConnection(connection: DatabaseConnection) {
    const c = connection as QueuingConnection;
    c.queue = null;
    c.pendingBegin = null;
    await this.inner.releaseConnection(c.inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** PostgreSQL's dialect with the before-commit queue. */
export class QueuingPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new QueuingDriver(super.createDriver());
  }
}

/**
 * Queues `work` to run just before the commit of the transaction `db` is (on PostgreSQL through the queuing
 * dialect). Outside a transaction the work runs at once on the connection. Through a connection without the queue
 * the marker reaches PostgreSQL, which refuses it (an unknown function), so the work is never silently lost.
 */
// biome-ignore lint/suspicious/noExplicitAny: any database handle
export async function beforeCommit(db: Kysely<any>, work: CommitWork, order = 0): Promise<void> {
  await queue(db, { work, order });
}

// biome-ignore lint/suspicious/noExplicitAny: any database handle
async function queue(db: Kysely<any>, queued: Queued): Promise<void> {
  const marker = CompiledQuery.raw("select dandelion_before_commit_needs_the_queuing_dialect()");
  works.set(marker, queued);
  await db.executeQuery(marker);
}

/** As `beforeCommit`, for work that is one statement: the commit sends the deferred writes with it. */
// biome-ignore lint/suspicious/noExplicitAny: any database handle
export async function beforeCommitStatement(db: Kysely<any>, statement: JoinableStatement, order = 0): Promise<void> {
  const { sql: text } = joinStatements([], statement);
  await queue(db, { work: (run) => run(text, statement.parameters).then(() => undefined), order, statement });
}

const deferredWrites = new WeakMap<Queued, CompiledQuery>();

/**
 * Runs an insert or update whose answer the caller does not need: on PostgreSQL inside a transaction it goes with
 * the commit's first statement (see above); elsewhere (SQLite, where a statement is no round trip, or outside a
 * transaction) at once. Only for a write that nothing later in the transaction reads, whose outcome the caller
 * already knows (an update of a row the transaction holds locked, say), and that no other deferred write of the
 * transaction touches (the parts of one statement cannot change the same row twice). Its failure fails the
 * commit, and the transaction rolls back.
 */
// biome-ignore lint/suspicious/noExplicitAny: any database handle
export async function deferWrite(db: Kysely<any>, query: CompiledQuery, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect !== "postgres" || !db.isTransaction || !/^\s*(insert|update)\b/i.test(query.sql) || /\breturning\b/i.test(query.sql)) {
    await db.executeQuery(query);
    return;
  }
  const queued: Queued = { work: (run) => run(query.sql, query.parameters).then(() => undefined), order: 0, deferred: true };
  deferredWrites.set(queued, query);
  await queue(db, queued);
}
