// The demo's fair scale: about 300 re-weighs over the year, a small share short. No other suite depends on
// these counts: the fair-scale suite makes the re-weighs it asserts on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDayStart } from "../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

describe(`the Tianyuan demo's fair scale (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stall: { id: number };

  const count = async (table: "merchant_findings") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const db = t.database.db;
    const stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    stall = await db.selectFrom("stalls").select("id").where("station_id", "=", stationId).executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  it("the demo: about 300 re-weighs over the year, a small share short, each short one a finding", async () => {
    const figures = (await get(staff, "/api/fair-scale/figures")).json();
    // The figures hold the last twelve calendar months: every demo re-weigh since the first of them.
    const windowStart = stationDayStart(`${figures.months[0].month}-01`).toISOString();
    const station = await t.database.db.selectFrom("stalls").select("station_id").where("id", "=", stall.id).executeTakeFirstOrThrow();
    const inWindow = await t.database.db
      .selectFrom("reweighs")
      .select("id")
      .where("station_id", "=", station.station_id)
      .where("created_at", ">=", windowStart)
      .execute();
    expect(figures.total).toBe(inWindow.length);
    expect(figures.total).toBeGreaterThanOrEqual(250);
    expect(figures.short).toBeGreaterThan(3);
    expect(figures.shortPermille).toBeLessThan(100);
    expect(figures.months).toHaveLength(12);
    expect(figures.months.reduce((s: number, m: { total: number }) => s + m.total, 0)).toBe(figures.total);
    const db = t.database.db;
    const shorts = await db.selectFrom("reweighs").select("id").where("outcome", "=", "short").execute();
    expect(await count("merchant_findings")).toBe(shorts.length);
    expect(figures.merchants[0].findings).toBeGreaterThan(1);
    // One demo shopper asked for redress: the problem exists in the loop.
    const linked = await db.selectFrom("reweighs").select("problem_id").where("problem_id", "is not", null).execute();
    expect(linked).toHaveLength(1);
  });

  it("keeps the re-weighs per station: more than 280 in the district, Youyi's fewer and its own", async () => {
    const district = (await get(await t.login("district"), "/api/fair-scale/reweighs")).json().total;
    expect(district).toBeGreaterThan(280);
    const youyi = (await get(await t.login("youyi"), "/api/fair-scale/reweighs")).json().total;
    expect(youyi).toBeGreaterThan(0);
    expect(youyi).toBeLessThan(district / 5);
  });
});
