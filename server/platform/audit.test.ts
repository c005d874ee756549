import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { appendAudit, systemActor, verifyAuditChain } from "./audit.ts";

describe(`audit chain (${dialectName})`, () => {
  let t: TestDatabase;
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
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, checked: 6, problems: [] });
  });

  it("serialises concurrent appends into one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.race", objectType: "thing", objectId: 100 + i }),
          ),
      ),
    );
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(26);
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
    const row = await t.database.db.selectFrom("audit_log").selectAll().where("seq", "=", 4).executeTakeFirstOrThrow();
    await t.database.db.deleteFrom("audit_log").where("seq", "=", 4).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 5, kind: "missing" }));
    await t.database.db.insertInto("audit_log").values(row).execute();
  });

  it("names reordered entries", async () => {
    const a = await t.database.db.selectFrom("audit_log").selectAll().where("seq", "=", 2).executeTakeFirstOrThrow();
    const b = await t.database.db.selectFrom("audit_log").selectAll().where("seq", "=", 5).executeTakeFirstOrThrow();
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
