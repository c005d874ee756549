// The demo's counter: its catalogue, a year of requests and the shifts they booked. No other suite depends on
// these counts: the counter's HTTP suite makes the records it asserts on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

type Req = { id: number; status: string; queueNo: number | null; version: number; dueDate: string | null; overdue: boolean };

describe(`the Tianyuan demo's counter (${dialectName})`, () => {
  let t: TestApp;
  let jumin: Session;
  let shanghu: Session;
  let stationId: number;
  let items: Record<string, { id: number; unit_id: number; version: number }>;
  let today: string;

  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [jumin, shanghu] = await Promise.all(["jumin", "shanghu"].map((u) => t.login(u)));
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    items = Object.fromEntries(
      (await db.selectFrom("service_items").select(["id", "code", "unit_id", "version"]).where("station_id", "=", stationId).execute()).map(
        (i) => [i.code, i],
      ),
    );
  });
  afterAll(() => t.close());

  it("the demo: 32 items across five departments, a year of requests, shifts booked exactly by their live bookings", async () => {
    const db = t.database.db;
    expect(Object.keys(items)).toHaveLength(32);
    expect(new Set(Object.values(items).map((i) => i.unit_id)).size).toBe(5);
    const requests = await db
      .selectFrom("service_requests")
      .select(["shift_id", "channel", "status", "date", "applicant_user_id"])
      .execute();
    expect(requests.length).toBeGreaterThan(200);
    expect(requests.filter((r) => r.status === "booked" && r.date < today)).toHaveLength(0);
    const shifts = await db.selectFrom("duty_shifts").select(["id", "booked", "capacity"]).where("station_id", "=", stationId).execute();
    for (const s of shifts) {
      const live = requests.filter((r) => r.shift_id === s.id && r.channel === "booking" && r.status !== "cancelled").length;
      expect(s.booked).toBe(live);
      expect(s.booked).toBeLessThanOrEqual(s.capacity);
    }
    const ratings = Number(
      (
        await db
          .selectFrom("service_ratings")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(ratings).toBeGreaterThan(requests.filter((r) => r.status === "done").length / 2);

    const mine = (await get(jumin, "/api/me/service-requests?pageSize=50")).json().items as (Req & { rating: unknown })[];
    expect(mine.some((r) => r.status === "done" && r.rating === null)).toBe(true);
    expect(mine.some((r) => r.status === "done" && r.rating !== null)).toBe(true);
    const juminId = (await db.selectFrom("users").select("id").where("username", "=", "jumin").executeTakeFirstOrThrow()).id;
    expect(mine.length).toBe(requests.filter((r) => r.applicant_user_id === juminId).length);
    // The upcoming booking needs a future shift of a department offering residents' items.
    const futureShifts = await db
      .selectFrom("duty_shifts")
      .select("unit_id")
      .where("station_id", "=", stationId)
      .where("date", ">", today)
      .where("date", "<=", addDays(today, 30))
      .execute();
    if (futureShifts.length > 0) expect(mine.some((r) => r.status === "booked")).toBe(true);
    expect((await get(shanghu, "/api/me/service-requests")).json().total).toBeGreaterThanOrEqual(3);
  });

  it("keeps 10 items of the market bureau, with food among them, and offers more than its 32 items across the two audiences", async () => {
    const staff = await t.login("staff");
    const bureauId = (
      await t.database.db.selectFrom("alliance_units").select("id").where("name", "=", "区市场监督管理局").executeTakeFirstOrThrow()
    ).id;
    expect((await get(staff, `/api/services/items?q=${encodeURIComponent("食品")}`)).json().total).toBeGreaterThanOrEqual(3);
    expect((await get(staff, `/api/services/items?unitId=${bureauId}&pageSize=50`)).json().total).toBe(10);
    const forResident = (await get(jumin, "/api/services/items?pageSize=50")).json();
    const forMerchant = (await get(shanghu, "/api/services/items?pageSize=50")).json();
    expect(forResident.total + forMerchant.total).toBeGreaterThan(32);
    // 友谊 keeps a smaller catalogue of its own.
    const theirs = (await get(await t.login("youyi"), "/api/services/items")).json().total;
    expect(theirs).toBeGreaterThan(0);
    expect(theirs).toBeLessThan(32);
  });
});
