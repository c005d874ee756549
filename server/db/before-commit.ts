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

interface Queued {
  work: CommitWork;
  /** Work runs in this order at the commit (stable): the audit chain sorts its heads so locks come in one order. */
  order: number;
}
const works = new WeakMap<CompiledQuery, Queued>();

class QueuingConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  /** The queued work while a transaction is open; null outside one. */
  queue: Queued[] | null = null;
  /** Queue lengths at each open savepoint, by name. */
  savepoints = new Map<string, number>();
  constructor(inner: DatabaseConnection) {
    this.inner = inner;
  }
  run: RunQuery = (sql, parameters) => this.inner.executeQuery(CompiledQuery.raw(sql, [...parameters])) as never;
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const queued = works.get(compiledQuery);
    if (queued) {
      if (this.queue) this.queue.push(queued);
      else await queued.work(this.run);
      return { rows: [] };
    }
    return this.inner.executeQuery<R>(compiledQuery);
  }
  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
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
    await this.inner.beginTransaction(c.inner, settings);
    c.queue = [];
    c.savepoints.clear();
  }
  async commitTransaction(connection: DatabaseConnection) {
    const c = connection as QueuingConnection;
    const queue = c.queue ?? [];
    c.queue = null;
    queue.sort((a, b) => a.order - b.order);
    for (const { work } of queue) await work(c.run);
    await this.inner.commitTransaction(c.inner);
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    const c = connection as QueuingConnection;
    c.queue = null;
    await this.inner.rollbackTransaction(c.inner);
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    const c = connection as QueuingConnection;
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
  const marker = CompiledQuery.raw("select dandelion_before_commit_needs_the_queuing_dialect()");
  works.set(marker, { work, order });
  await db.executeQuery(marker);
}
