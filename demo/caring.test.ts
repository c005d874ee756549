// The demo's caring scheme: its restaurants, recipients on weekly plans and a year of meals, cards and
// redemptions. No other suite depends on these counts: the caring suites make the records they assert on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../contracts/calendar.ts";
import { ageOn } from "../server/modules/caring/meals.presenter.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

describe(`the Tianyuan demo's caring scheme (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let canting: Session;
  let restaurants: { id: number; name: string }[];
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [staff, canting] = await Promise.all(["staff", "canting"].map((u) => t.login(u)));
    const tianyuan = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    restaurants = await t.database.db
      .selectFrom("caring_shops as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["s.id", "m.name"])
      .where("s.station_id", "=", tianyuan.id)
      .where("s.category", "=", "restaurant")
      .where("s.status", "=", "certified")
      .orderBy("s.id")
      .execute();
  });
  afterAll(() => t.close());

  it("the demo: five caring restaurants with elderly recipients living alone on weekly plans", async () => {
    expect(restaurants).toHaveLength(5);
    const list = (await t.as(staff, { method: "GET", url: "/api/caring/meals/recipients" })).json();
    expect(list.length).toBe(20);
    expect(new Set(list.map((r: { providerShopId: number }) => r.providerShopId)).size).toBe(5);
    const residents = await t.database.db
      .selectFrom("residents")
      .select(["id", "birth_date", "lives_alone"])
      .where(
        "id",
        "in",
        list.map((r: { residentId: number }) => r.residentId),
      )
      .execute();
    expect(residents.every((r) => r.lives_alone === 1 && r.birth_date !== null && ageOn(r.birth_date, today) >= 60)).toBe(true);
    const active = (await t.as(staff, { method: "GET", url: "/api/caring/meals/recipients?active=true" })).json();
    expect(active.length).toBe(19);
    expect((await t.as(canting, { method: "GET", url: "/api/caring/meals/recipients" })).statusCode).toBe(403);
  });

  it("the demo's figures: a year of meals nearly all delivered, 19 active recipients at 5 restaurants, cards in use; Youyi's own shops and cards, no meals", async () => {
    const f = (await t.as(staff, { method: "GET", url: "/api/caring/figures" })).json();
    expect(f.mealsDelivered).toBeGreaterThan(200);
    expect(f.mealCoverage).toBeGreaterThan(0.85);
    expect(f.mealCoverage).toBeLessThanOrEqual(1);
    // 19 of the 20 are active.
    expect(f.recipients).toBe(19);
    expect(f.caringRestaurants).toBe(5);
    expect(f.cardsIssued).toBeGreaterThan(30);
    expect(f.activeHolders).toBeGreaterThan(20);
    expect(f.activeHolders).toBeLessThanOrEqual(f.cardsIssued);
    expect(f.redemptionsByShopMonth.length).toBeGreaterThan(20);
    const youyi = await t.login("youyi");
    const theirs = (await t.as(youyi, { method: "GET", url: "/api/caring/figures" })).json();
    expect(theirs).toMatchObject({ mealsDelivered: 0, mealCoverage: null, caringRestaurants: 1 });
    expect(theirs.cardsIssued).toBeGreaterThan(0);
    const district = await t.login("district");
    expect((await t.as(district, { method: "GET", url: "/api/caring/figures" })).json().caringRestaurants).toBe(
      5 + theirs.caringRestaurants,
    );
  });
});
