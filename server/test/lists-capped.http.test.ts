import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "./helpers.ts";

// Lists moved to pagedList (server/db/paging.ts): a count above 1,000 is answered as 1,000 with `totalCapped`, and a
// search on a joined name (a stall's merchant, through its id) counts the same rows a page shows.
describe(`lists with a capped count (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
  });
  afterAll(() => t.close());

  it("answers 1,000+ for a user's 1,050 notifications, newest first, and the exact total again below the cap", async () => {
    const db = t.database.db;
    const user = await db.selectFrom("users").select("id").where("username", "=", "staff").executeTakeFirstOrThrow();
    await db.deleteFrom("notifications").where("user_id", "=", user.id).execute();
    const at = t.clock.now().toISOString();
    const rows = Array.from({ length: 1050 }, (_, i) => ({
      user_id: user.id,
      kind: "test",
      title: `通知 ${i + 1}`,
      body: "分页",
      link: null,
      read_at: i < 100 ? at : null,
      created_at: at,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto("notifications")
        .values(rows.slice(i, i + 200))
        .execute();

    const first = (await t.as(staff, { method: "GET", url: "/api/notifications?pageSize=20" })).json();
    expect(first).toMatchObject({ total: 1000, totalCapped: true, page: 1, pageSize: 20 });
    expect(first.items.map((n: { title: string }) => n.title).slice(0, 2)).toEqual(["通知 1050", "通知 1049"]);
    const ids = first.items.map((n: { id: number }) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    // Past the cap the total never falls below the rows already paged past.
    const deep = (await t.as(staff, { method: "GET", url: "/api/notifications?pageSize=20&page=52" })).json();
    expect(deep).toMatchObject({ total: 1040, totalCapped: true });
    expect(deep.items).toHaveLength(20);

    const unread = (await t.as(staff, { method: "GET", url: "/api/notifications?unread=true&pageSize=20" })).json();
    expect(unread).toMatchObject({ total: 950 });
    expect(unread.totalCapped).toBeUndefined();
  });

  it("counts a search on the stall's merchant name among the stalls a page shows", async () => {
    const db = t.database.db;
    const listed = (await t.as(staff, { method: "GET", url: "/api/stalls?pageSize=1" })).json();
    const stationId: number = listed.items[0].stationId;
    const { id: _id, ...merchant } = await db
      .selectFrom("merchants")
      .selectAll()
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    const made = await db
      .insertInto("merchants")
      .values({ ...merchant, name: "分页测试商户", credit_code: "91110000PAGE00001X", version: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const at = t.clock.now().toISOString();
    await db
      .insertInto("stalls")
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          station_id: stationId,
          code: `PG-${String(i + 1).padStart(2, "0")}`,
          area: 4,
          x: i * 10,
          y: 0,
          w: 10,
          h: 10,
          merchant_id: made.id,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();

    const second = (await t.as(staff, { method: "GET", url: `/api/stalls?q=${encodeURIComponent("分页测试")}&pageSize=10&page=2` })).json();
    expect(second).toMatchObject({ total: 25, page: 2 });
    expect(second.totalCapped).toBeUndefined();
    expect(second.items.map((s: { code: string }) => s.code)).toEqual(Array.from({ length: 10 }, (_, i) => `PG-${i + 11}`));
    expect(second.items.every((s: { merchantName: string }) => s.merchantName === "分页测试商户")).toBe(true);
  });
});
