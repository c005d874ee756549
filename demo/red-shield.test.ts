// The demo's Red Shield post: the bureau on the 2nd and 4th Wednesday, a year of sessions held with
// consultations on every topic, shanghu's history and booking. No other suite depends on these counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../contracts/calendar.ts";
import { expandRule } from "../contracts/schedule.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

type Upcoming = { id: number; date: string; slots: { slot: string; free: boolean }[]; myBooking: { id: number; slot: string } | null };
type Mine = {
  today: string;
  upcoming: Upcoming[];
  bookings: { id: number; status: string; date: string }[];
  history: { merchantId: number }[];
};

describe(`the Tianyuan demo's Red Shield post (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let shanghu: Session;
  let stationId: number;
  let shanghuMerchant: number;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [staff, shanghu] = await Promise.all(["staff", "shanghu"].map((u) => t.login(u)));
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    shanghuMerchant =
      (await db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow()).merchant_id ?? 0;
  });
  afterAll(() => t.close());

  const mine = async (s: Session) => (await t.as(s, { method: "GET", url: "/api/me/red-shield" })).json() as Mine;

  it("the demo: the 2nd and 4th Wednesday, past sessions held with consultations, shanghu's history and booking", async () => {
    const plan = (await t.as(staff, { method: "GET", url: "/api/red-shield/plan" })).json();
    expect(plan.plan).toMatchObject({
      unitName: "区市场监督管理局",
      rule: { kind: "monthly_nth", nth: [2, 4], weekday: 3 },
      slotMinutes: 20,
    });
    const sessions = await t.database.db
      .selectFrom("red_shield_sessions")
      .select(["date", "status"])
      .where("station_id", "=", stationId)
      .execute();
    const expected = expandRule(plan.plan.rule, addDays(today, -365), addDays(today, 61));
    expect(sessions.map((s) => s.date).sort()).toEqual(expected);
    expect(sessions.filter((s) => s.date < today).every((s) => s.status === "held" || s.status === "cancelled")).toBe(true);
    expect(sessions.filter((s) => s.date >= today).every((s) => s.status === "scheduled")).toBe(true);

    const me = await mine(shanghu);
    expect(me.history.length).toBeGreaterThanOrEqual(1);
    expect(me.history.every((c) => c.merchantId === shanghuMerchant)).toBe(true);
    expect(me.upcoming.filter((u) => u.myBooking !== null)).toHaveLength(1);
    expect(me.upcoming.every((u) => u.slots.length === 6)).toBe(true);

    const past = (await t.as(staff, { method: "GET", url: "/api/red-shield/sessions?when=past&pageSize=50" })).json();
    expect(past.total).toBe(sessions.filter((s) => s.date < today).length);
    const held = past.items.filter((s: { status: string }) => s.status === "held");
    expect(held.reduce((n: number, s: { consultations: number }) => n + s.consultations, 0)).toBeGreaterThan(held.length);
  });

  it("records consultations on all seven topics", async () => {
    const figures = (await t.as(staff, { method: "GET", url: `/api/red-shield/figures?from=${addDays(today, -400)}&to=${today}` })).json();
    expect(figures.byTopic).toHaveLength(7);
  });
});
