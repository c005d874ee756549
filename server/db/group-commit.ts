// Group commit on SQLite (issue 16, item 5; off unless SQLITE_GROUP_COMMIT=true). With `synchronous=FULL` every
// commit waits for the disk, and one commit per request is most of a write's cost. Here concurrent write requests
// share one durable commit:
//   - the first write opens a batch transaction (BEGIN IMMEDIATE); each request's transaction runs in its own
//     SAVEPOINT inside it, one after another on the one connection (as before: SQLite has one writer);
//   - a request whose work fails is rolled back to its savepoint alone (ROLLBACK TO), the others keep theirs;
//   - a request's transaction is answered only after the batch's COMMIT is on disk: Kysely releases the connection
//     after the commit, and the release waits for the batch (the connection is given back first, so the next
//     request's work joins the batch meanwhile);
//   - the batch commits as soon as no request is waiting for the connection (nothing is held back on a timer).
// A write outside a transaction (a one-statement change) joins the batch the same way. A read outside a
// transaction runs on the connection as it is, so it may see a change of the batch before that change is durable
// (a request that saw it answers, and a crash would lose both the change and what the reader saw: the change itself
// was never acknowledged). If the batch's COMMIT fails, every request in it fails.
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SqliteDialect, type TransactionSettings } from "kysely";

interface Batch {
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

class Mutex {
  #locked = false;
  #queue: (() => void)[] = [];
  get waiting() {
    return this.#queue.length;
  }
  async lock() {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#queue.push(resolve));
  }
  unlock() {
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
  }
}

const READ = /^\s*(select|with\b(?![\s\S]*\b(insert|update|delete)\b))/i;

class GroupConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly driver: GroupCommitDriver;
  savepoint: string | null = null;
  /** The batch this acquisition wrote in (waited for at release). */
  wrote: Batch | null = null;
  constructor(inner: DatabaseConnection, driver: GroupCommitDriver) {
    this.inner = inner;
    this.driver = driver;
  }
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.savepoint === null && !READ.test(compiledQuery.sql)) {
      if (/^\s*pragma/i.test(compiledQuery.sql)) {
        // A pragma may not run inside a transaction: the open batch commits first.
        await this.driver.commitBatch();
        return this.inner.executeQuery<R>(compiledQuery);
      }
      this.wrote = await this.driver.openBatch();
    }
    return this.inner.executeQuery<R>(compiledQuery);
  }
  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

class GroupCommitDriver implements Driver {
  readonly inner: Driver;
  readonly mutex = new Mutex();
  batch: Batch | null = null;
  connection: GroupConnection | null = null;
  serial = 0;
  commitScheduled = false;
  constructor(inner: Driver) {
    this.inner = inner;
  }
  async init() {
    await this.inner.init();
    this.connection = new GroupConnection(await this.inner.acquireConnection(), this);
    await this.inner.releaseConnection(this.connection.inner);
  }
  private raw(sql: string) {
    return (this.connection as GroupConnection).inner.executeQuery(CompiledQuery.raw(sql));
  }
  /** The open batch, opened if there is none (called with the connection held). */
  async openBatch(): Promise<Batch> {
    if (!this.batch) {
      await this.raw("begin immediate");
      this.batch = { waiters: [] };
    }
    return this.batch;
  }
  /** Commits the open batch (called with the connection held) and answers everyone waiting for it. */
  async commitBatch() {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      await this.raw("commit");
    } catch (error) {
      try {
        await this.raw("rollback");
      } catch {}
      for (const w of batch.waiters) w.reject(error);
      return;
    }
    for (const w of batch.waiters) w.resolve();
  }
  private scheduleCommit() {
    if (this.commitScheduled || !this.batch) return;
    this.commitScheduled = true;
    setImmediate(async () => {
      this.commitScheduled = false;
      // Someone is about to use the connection: let them join the batch; the last one out commits.
      if (this.mutex.waiting > 0) return;
      await this.mutex.lock();
      try {
        await this.commitBatch();
      } finally {
        this.mutex.unlock();
      }
    });
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    const c = this.connection as GroupConnection;
    c.wrote = null;
    c.savepoint = null;
    return c;
  }
  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
    const c = connection as GroupConnection;
    c.wrote = await this.openBatch();
    c.savepoint = `gc_${++this.serial}`;
    await this.raw(`savepoint ${c.savepoint}`);
  }
  async commitTransaction(connection: DatabaseConnection) {
    const c = connection as GroupConnection;
    const name = c.savepoint;
    c.savepoint = null;
    if (!name) return;
    try {
      await this.raw(`release ${name}`);
    } catch (error) {
      this.failBatch(error);
      throw error;
    }
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    const c = connection as GroupConnection;
    const name = c.savepoint;
    c.savepoint = null;
    // Nothing of this request stays in the batch, so it has nothing to wait for.
    c.wrote = null;
    if (!name) return;
    try {
      await this.raw(`rollback to ${name}`);
      await this.raw(`release ${name}`);
    } catch (error) {
      // SQLite ended the whole transaction (an error that rolls everything back): the batch is gone.
      this.failBatch(error);
      throw error;
    }
  }
  /** The batch is lost: everyone waiting for it fails. */
  failBatch(error: unknown) {
    const batch = this.batch;
    this.batch = null;
    for (const w of batch?.waiters ?? []) w.reject(error);
  }
  async releaseConnection(connection: DatabaseConnection) {
    const c = connection as GroupConnection;
    const batch = c.wrote;
    c.wrote = null;
    let durable: Promise<void> | null = null;
    if (batch && batch === this.batch) durable = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.mutex.unlock();
    this.scheduleCommit();
    if (durable) await durable;
  }
  async destroy() {
    await this.mutex.lock();
    try {
      await this.commitBatch();
    } finally {
      this.mutex.unlock();
    }
    await this.inner.destroy();
  }
}

/** SQLite's dialect with group commit (see above). */
export class GroupCommitSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new GroupCommitDriver(super.createDriver());
  }
}
