import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { systemClock } from "./clock.ts";
import { logGateway, Notifier, type OutboundMessage } from "./notify.ts";

describe(`notifications (${dialectName})`, () => {
  let t: TestDatabase;
  let userId: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    userId = (await t.database.db.selectFrom("users").select("id").where("username", "=", "shanghu").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.drop());

  const silent = { info: () => {}, warn: () => {} };

  it("writes the in-app row with the transaction and sends outbound copies only after commit", async () => {
    const sent: OutboundMessage[] = [];
    const notifier = new Notifier({ send: (m) => void sent.push(m) }, silent, systemClock);
    const outbox = notifier.outbox();
    await t.database.db.transaction().execute(async (trx) => {
      await outbox.add(trx, {
        userId,
        kind: "problem.overdue",
        notice: "problem.overdue",
        params: { title: "积水", code: "TY-1", station: "天源" },
        link: "/m/x",
      });
      expect(sent).toHaveLength(0);
    });
    await outbox.deliver();
    const body = "天源的问题「积水」（TY-1）已超过办结期限，将提交联席会议研究。";
    expect(sent).toEqual([{ userId, channel: "sms", text: `问题已超期：${body}`, kind: "problem.overdue" }]);
    const row = await t.database.db
      .selectFrom("notifications")
      .selectAll()
      .where("kind", "=", "problem.overdue")
      .where("link", "=", "/m/x")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: userId, title: "问题已超期", body, link: "/m/x", read_at: null });
  });

  it("a rolled-back transaction leaves no notification and sends nothing", async () => {
    const sent: OutboundMessage[] = [];
    const outbox = new Notifier({ send: (m) => void sent.push(m) }, silent, systemClock).outbox();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await outbox.add(trx, { userId, kind: "problem.overdue", notice: "problem.overdue", link: "/m/rolled-back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const rows = await t.database.db.selectFrom("notifications").select("id").where("link", "=", "/m/rolled-back").execute();
    expect(rows).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it("the default gateway logs user id and kind only, and a failing gateway is logged, not thrown", async () => {
    const lines: object[] = [];
    const log = { info: (o: object) => void lines.push(o), warn: (o: object) => void lines.push(o) };
    await logGateway(log).send({ userId: 7, channel: "sms", text: "王大妈 13912345678 反映的问题", kind: "problem.assign" });
    expect(lines).toEqual([{ userId: 7, kind: "problem.assign", channel: "sms" }]);
    expect(JSON.stringify(lines)).not.toContain("139");
    const failing = new Notifier(
      {
        send() {
          throw new Error("gateway down");
        },
      },
      log,
      systemClock,
    );
    await expect(failing.send({ userId: 7, channel: "wechat", text: "x" })).resolves.toBeUndefined();
    expect(lines.at(-1)).toMatchObject({ userId: 7, err: "gateway down" });
  });
});
