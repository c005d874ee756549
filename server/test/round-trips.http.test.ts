// Statements per write on PostgreSQL (issue 16): each statement is a round trip to the database and most of a
// write's cost there, so the busiest writes are held to a count (server/test/statements.ts). The redemption's
// count is held in server/modules/caring/caring.http.test.ts, where its shop and card are made.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCreditCode } from "../../demo/identifiers.ts";
import { deferWrite } from "../db/before-commit.ts";
import { createTestApp, type Session, type TestApp } from "./helpers.ts";
import { statementsOf } from "./statements.ts";

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)("statements per write on PostgreSQL", () => {
  let t: TestApp;
  let merchant: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp();
    merchant = await t.login("shanghu");
    staff = await t.login("staff");
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  /** The statements one request sends (after a first, warming request of the same kind), and its answer. */
  const sentBy = async (send: (i: number) => Promise<{ statusCode: number; body: string }>) => {
    expect((await send(0)).statusCode).toBe(201);
    const { statements, roundTrips, result: res } = await statementsOf(() => send(1));
    expect(res.statusCode, res.body).toBe(201);
    return { statements, roundTrips, answer: JSON.parse(res.body) };
  };

  it("a problem's submission: at most four statements in two round trips, and what it wrote reads back as answered", async () => {
    const { statements, roundTrips, answer } = await sentBy((i) =>
      t.as(merchant, {
        method: "POST",
        url: "/api/problems",
        payload: {
          title: `北门水龙头漏水${i}`,
          description: "今天早上发现北门的水龙头漏水，希望尽快维修。",
          categoryCode: "facility",
          place: "北门",
        },
      }),
    );
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(4);
    // BEGIN goes with the first statement, COMMIT with the last (server/db/before-commit.ts).
    expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(2);
    const read = await t.as(merchant, { method: "GET", url: `/api/problems/${answer.id}` });
    expect(read.json()).toEqual(answer);
    // The notification went with the commit's statement, in the reporter's language.
    const [note] = (await t.as(merchant, { method: "GET", url: "/api/notifications?page=1&pageSize=1" })).json().items;
    expect(note.link).toBe(`/m/problems/${answer.id}`);
    expect(note.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a merchant's registration: at most four statements in two round trips, and what it wrote reads back as answered", async () => {
    const { statements, roundTrips, answer } = await sentBy((i) =>
      t.as(staff, {
        method: "POST",
        url: "/api/merchants",
        payload: {
          name: `语句计数商户${i}`,
          category: "catering",
          operatorName: "计数员",
          mobile: `1390000${String(4000 + i).padStart(4, "0")}`,
          creditCode: makeCreditCode(900_000 + i),
          isPartyMember: false,
        },
      }),
    );
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(4);
    expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(2);
    const read = await t.as(staff, { method: "GET", url: `/api/merchants/${answer.id}` });
    expect(read.json()).toEqual(answer);
  });

  it("a deferred insert lands with its transaction, is dropped with its rollback, and fails the commit it rides", async () => {
    const db = t.database.db;
    const user = await db.selectFrom("users").select("id").where("username", "=", "shanghu").executeTakeFirstOrThrow();
    const row = (title: string, userId = user.id) =>
      db
        .insertInto("notifications")
        .values({
          user_id: userId,
          kind: "test.deferred",
          title,
          body: "",
          link: null,
          read_at: null,
          created_at: new Date().toISOString(),
        })
        .compile();
    const titled = async (title: string) => (await db.selectFrom("notifications").select("id").where("title", "=", title).execute()).length;
    await db.transaction().execute(async (trx) => {
      await deferWrite(trx, row("延后写入-提交"), "postgres");
      // Not yet written: it goes with the commit.
      expect((await trx.selectFrom("notifications").select("id").where("title", "=", "延后写入-提交").execute()).length).toBe(0);
    });
    expect(await titled("延后写入-提交")).toBe(1);
    await expect(
      db.transaction().execute(async (trx) => {
        await deferWrite(trx, row("延后写入-回滚"), "postgres");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await titled("延后写入-回滚")).toBe(0);
    // A deferred insert that fails (no such user) fails the commit: the transaction's other writes are undone.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("notifications")
          .values({
            user_id: user.id,
            kind: "test.deferred",
            title: "延后写入-同伴",
            body: "",
            link: null,
            read_at: null,
            created_at: new Date().toISOString(),
          })
          .execute();
        await deferWrite(trx, row("延后写入-失败", 987_654_321), "postgres");
      }),
    ).rejects.toMatchObject({ code: "23503" });
    expect(await titled("延后写入-同伴")).toBe(0);
  });

  it("a transaction's BEGIN rides with its first statement and its COMMIT with its last; one that sends nothing sends neither", async () => {
    const db = t.database.db;
    const empty = await statementsOf(() => db.transaction().execute(async () => "nothing"));
    expect(empty).toMatchObject({ statements: [], roundTrips: 0, result: "nothing" });
    // One statement: BEGIN, the statement and COMMIT in one round trip.
    const one = await statementsOf(() =>
      db
        .transaction()
        .execute(async (trx) => (await trx.selectFrom("users").select("id").where("username", "=", "staff").executeTakeFirstOrThrow()).id),
    );
    expect(one.statements.map((s) => s.split(" ")[0].toLowerCase())).toEqual(["begin", "select", "commit"]);
    expect(one.roundTrips).toBe(2);
    expect(one.result).toBeGreaterThan(0);
    // The settings of the BEGIN hold when it is sent late.
    const level = await db
      .transaction()
      .setIsolationLevel("serializable")
      .execute(
        async (trx) => (await sql<{ level: string }>`select current_setting('transaction_isolation') as level`.execute(trx)).rows[0].level,
      );
    expect(level).toBe("serializable");
    // A savepoint before any statement opens the transaction first; rolling back to it keeps what came before.
    const title = `流水线保存点-${Date.now()}`;
    const user = await db.selectFrom("users").select("id").where("username", "=", "shanghu").executeTakeFirstOrThrow();
    const note = (suffix: string) => ({
      user_id: user.id,
      kind: "test.pipeline",
      title: title + suffix,
      body: "",
      link: null,
      read_at: null,
      created_at: new Date().toISOString(),
    });
    const trx = await db.startTransaction().execute();
    const sp = await trx.savepoint("first").execute();
    await sp.insertInto("notifications").values(note("-保留")).execute();
    const sp2 = await sp.savepoint("second").execute();
    await sp2.insertInto("notifications").values(note("-撤销")).execute();
    await sp2.rollbackToSavepoint("second").execute();
    await trx.commit().execute();
    const titles = (await db.selectFrom("notifications").select("title").where("kind", "=", "test.pipeline").execute()).map((r) => r.title);
    expect(titles).toEqual([`${title}-保留`]);
  });
});
