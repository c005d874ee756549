// Group commit on SQLite (server/db/group-commit.ts): concurrent transactions share one durable commit, each is
// answered only once its work is committed (seen by another connection), and a failing one is rolled back alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database.ts";

describe("group commit on SQLite", () => {
  let dir: string;
  let database: Database;
  let other: DatabaseSync;
  const seen = (v: string) => other.prepare("select count(*) as n from t where v = ?").get(v) as { n: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dd-gc-"));
    database = openDatabase({ sqliteFile: join(dir, "gc.db"), groupCommit: true });
    await sql`create table t (id integer primary key, v text not null unique)`.execute(database.db);
    other = new DatabaseSync(join(dir, "gc.db"));
  });
  afterAll(async () => {
    other.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers each transaction only when its work is committed, and rolls back a failing one alone", async () => {
    const db = database.db;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        db
          .transaction()
          .execute(async (trx) => {
            await sql`insert into t (v) values (${`a${i}`})`.execute(trx);
            await sql`insert into t (v) values (${`b${i}`})`.execute(trx);
            if (i % 5 === 0) throw new Error(`fail ${i}`);
            // Seen by another connection only after the batch commits, never before this transaction returns.
            return i;
          })
          .then((i) => {
            expect(seen(`a${i}`).n).toBe(1);
            expect(seen(`b${i}`).n).toBe(1);
            return i;
          }),
      ),
    );
    outcomes.forEach((o, i) => {
      if (i % 5 === 0) {
        expect(o.status).toBe("rejected");
        expect(seen(`a${i}`).n).toBe(0);
        expect(seen(`b${i}`).n).toBe(0);
      } else expect(o.status).toBe("fulfilled");
    });
    expect((other.prepare("select count(*) as n from t").get() as { n: number }).n).toBe(48 * 2);
  });

  it("a unique violation fails its own transaction, not the batch", async () => {
    const db = database.db;
    const outcomes = await Promise.allSettled([
      db.transaction().execute((trx) => sql`insert into t (v) values ('u1')`.execute(trx)),
      db.transaction().execute((trx) => sql`insert into t (v) values ('a1')`.execute(trx)),
      db.transaction().execute((trx) => sql`insert into t (v) values ('u2')`.execute(trx)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(seen("u1").n + seen("u2").n).toBe(2);
  });

  it("a write outside a transaction joins the batch and is durable when answered; reads and pragmas work", async () => {
    const db = database.db;
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await sql`insert into t (v) values (${`c${i}`})`.execute(db);
        expect(seen(`c${i}`).n).toBe(1);
      }),
    );
    const rows = await db
      .selectFrom("t" as never)
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(Number((rows as { n: number }).n)).toBe(96 + 2 + 10);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(mode.rows[0].journal_mode).toBe("wal");
  });
});
