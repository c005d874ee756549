import { createHash } from "node:crypto";
import { Migrator, type Selectable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, migrationsForTests } from "../db/migrate.ts";
import type { AuditLogTable as Table } from "../db/tables.ts";

type AuditLogTable = Selectable<Table>;

import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { appendAudit, SHARDS, systemActor, verifyAuditChain } from "./audit.ts";

describe(`audit chains (${dialectName})`, () => {
  let t: TestDatabase;
  const entry = (seq: number) => t.database.db.selectFrom("audit_log").selectAll().where("seq", "=", seq).executeTakeFirstOrThrow();
  /** The entry after `row` in its chain, if any. */
  const nextInChain = (row: AuditLogTable) =>
    t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("chain", "=", row.chain)
      .where("chain_seq", "=", (row.chain_seq ?? 0) + 1)
      .executeTakeFirst();

  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    for (let i = 1; i <= 6; i++) {
      await t.database.db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.write", objectType: "thing", objectId: i, after: { n: i } }),
        );
    }
  });
  afterAll(() => t.drop());

  it("verifies an untouched chain", async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, checked: 6, problems: [] });
  });

  it("keeps every chain unbroken under concurrent appends, from one station, many stations and the platform", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.race", objectType: "thing", objectId: 100 + i }),
          ),
      ),
    );
    // Transactions writing to two stations in either order (the heads are locked in one order: no deadlock).
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.database.db.transaction().execute(async (trx) => {
          const [a, b] = i % 2 ? [1, 2] : [2, 1];
          await appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.two", objectType: "thing", objectId: i, stationId: a });
          await appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.two", objectType: "thing", objectId: i, stationId: b });
          await appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.two", objectType: "thing", objectId: i, stationId: a });
        }),
      ),
    );
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(26 + 90);
    // A station's entries of one transaction stay together, in order, in one chain.
    const rows = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "test.two")
      .where("object_id", "=", "3")
      .execute();
    const station1 = rows.filter((r) => r.station_id === 1).sort((x, y) => (x.chain_seq ?? 0) - (y.chain_seq ?? 0));
    expect(station1).toHaveLength(2);
    expect(station1[0].chain).toBe(station1[1].chain);
    expect(station1[1].chain_seq).toBe((station1[0].chain_seq ?? 0) + 1);
    expect(Math.floor(station1[0].chain / SHARDS)).toBe(1);
    // A rolled-back transaction leaves no entry and no moved head.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.rolled_back", objectType: "thing", stationId: 1 });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "test.rolled_back").execute()).toEqual([]);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("names an edited entry", async () => {
    await t.database.db.updateTable("audit_log").set({ after_json: '{"n":99}' }).where("seq", "=", 3).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: "edited" }));
    await t.database.db.updateTable("audit_log").set({ after_json: '{"n":3}' }).where("seq", "=", 3).execute();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("names a deleted entry", async () => {
    // An entry with a successor in its chain (on PostgreSQL consecutive entries may sit in different shards).
    const rows = await t.database.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    let row: AuditLogTable | undefined;
    let next: AuditLogTable | undefined;
    for (const r of rows.slice(1)) {
      next = await nextInChain(r);
      if (next) {
        row = r;
        break;
      }
    }
    if (!row || !next) throw new Error("no entry with a successor");
    await t.database.db.deleteFrom("audit_log").where("seq", "=", row.seq).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: next.seq, kind: "missing" }));
    await t.database.db.insertInto("audit_log").values(row).execute();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("names reordered entries", async () => {
    const a = await entry(2);
    const b = await entry(5);
    const swap = async (x: typeof a, y: typeof a) => {
      const { seq: _s, ...rest } = y;
      await t.database.db.updateTable("audit_log").set(rest).where("seq", "=", x.seq).execute();
    };
    await swap(a, b);
    await swap(b, a);
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 5]));
    await swap(a, a);
    await swap(b, b);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("names an entry moved to another place in its chain", async () => {
    const a = await entry(1);
    const next = await nextInChain(a);
    if (!next) throw new Error("entry 1 has no successor");
    // Swap the two entries' places (chain_seq) and nothing else.
    await t.database.db.updateTable("audit_log").set({ chain_seq: -1 }).where("seq", "=", a.seq).execute();
    await t.database.db.updateTable("audit_log").set({ chain_seq: a.chain_seq }).where("seq", "=", next.seq).execute();
    await t.database.db.updateTable("audit_log").set({ chain_seq: next.chain_seq }).where("seq", "=", a.seq).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([a.seq, next.seq]));
    await t.database.db.updateTable("audit_log").set({ chain_seq: -1 }).where("seq", "=", a.seq).execute();
    await t.database.db.updateTable("audit_log").set({ chain_seq: next.chain_seq }).where("seq", "=", next.seq).execute();
    await t.database.db.updateTable("audit_log").set({ chain_seq: a.chain_seq }).where("seq", "=", a.seq).execute();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("notices a removed tail", async () => {
    const max = await t.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("seq").as("m"))
      .executeTakeFirstOrThrow();
    await t.database.db.deleteFrom("audit_log").where("seq", "=", Number(max.m)).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: "head_mismatch" }));
  });
});

describe(`migration 18 keeps the single chain written before it (${dialectName})`, () => {
  let t: TestDatabase;
  const ZERO = "0".repeat(64);
  // The append of migration 17's audit.ts (one chain behind audit_head id 1), kept here to write the old log.
  // biome-ignore lint/suspicious/noExplicitAny: the pre-18 schema is not in the typed tables
  async function oldAppend(db: any, n: number, at: string) {
    const head = await db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirstOrThrow();
    const e = {
      seq: head.seq + 1,
      at,
      actor_user_id: null,
      actor_name: "system",
      actor_role: null,
      station_id: n % 2 ? 7 : null,
      action: "old.write",
      object_type: "thing",
      object_id: String(n),
      before_json: null,
      after_json: JSON.stringify({ n }),
      ip: null,
      prev_hash: head.hash,
    };
    const hash = createHash("sha256")
      .update(
        JSON.stringify([
          e.seq,
          e.at,
          e.actor_user_id,
          e.actor_name,
          e.actor_role,
          e.station_id,
          e.action,
          e.object_type,
          e.object_id,
          e.before_json,
          e.after_json,
          e.ip,
          e.prev_hash,
        ]),
      )
      .digest("hex");
    await db
      .insertInto("audit_log")
      .values({ ...e, hash })
      .execute();
    await db.updateTable("audit_head").set({ seq: e.seq, hash }).where("id", "=", 1).execute();
  }

  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    // Back to migration 17, write an old chain, then forward again.
    const migrator = new Migrator({ db: t.database.db, provider: { getMigrations: async () => migrationsForTests() } });
    const down = await migrator.migrateTo("2026-12-02-17-event-versions");
    if (down.error) throw down.error;
    const head = await t.database.db
      // biome-ignore lint/suspicious/noExplicitAny: the pre-18 schema
      .selectFrom("audit_head" as any)
      .select(["seq", "hash"])
      .executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: 0, hash: ZERO });
    for (let n = 1; n <= 5; n++) await oldAppend(t.database.db, n, t.clock.now().toISOString());
    await migrateToLatest(t.database.db);
  });
  afterAll(() => t.drop());

  it("verifies the old entries as chain 0 and goes on appending after them", async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, checked: 5, problems: [] });
    for (let i = 0; i < 2 * SHARDS; i++)
      await t.database.db
        .transaction()
        .execute((trx) => appendAudit(trx, systemActor, { at: t.clock.now(), action: "new.write", objectType: "thing", objectId: i }));
    await t.database.db
      .transaction()
      .execute((trx) => appendAudit(trx, systemActor, { at: t.clock.now(), action: "new.write", objectType: "thing", stationId: 7 }));
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(5 + 2 * SHARDS + 1);
    // Chain 0 holds the old entries first, then new ones after them; ids go on from the old ones.
    const chain0 = await t.database.db.selectFrom("audit_log").selectAll().where("chain", "=", 0).orderBy("chain_seq").execute();
    expect(chain0.slice(0, 5).map((e) => [e.seq, e.chain_seq, e.format])).toEqual([1, 2, 3, 4, 5].map((s) => [s, s, 1]));
    expect(chain0[5]).toMatchObject({ chain_seq: 6, format: 2, prev_hash: chain0[4].hash });
    expect(chain0[5].seq).toBeGreaterThan(5);
  });

  it("still names an edited old entry", async () => {
    await t.database.db.updateTable("audit_log").set({ actor_name: "someone else" }).where("seq", "=", 2).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 2, kind: "edited", chain: 0 }));
    await t.database.db.updateTable("audit_log").set({ actor_name: "system" }).where("seq", "=", 2).execute();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
