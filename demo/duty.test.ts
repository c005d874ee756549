// The demo's duty roster and Red Shield post: a year of shifts within the desks, the bureau on Tuesdays with its
// officer. No other suite depends on these counts: the duty suites make the shifts they assert on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate, weekdayOf } from "../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

type Shift = { id: number; unitId: number; date: string; officerName: string | null };

describe(`the Tianyuan demo's duty roster (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  const units: Record<string, number> = {};
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    staff = await t.login("staff");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    for (const u of await db.selectFrom("alliance_units").select(["id", "name"]).where("station_id", "=", stationId).execute())
      units[u.name] = u.id;
  });
  afterAll(() => t.close());

  const roster = async (s: Session, month: string) => (await t.as(s, { method: "GET", url: `/api/duty/roster?month=${month}` })).json();

  it("the demo roster: never more than the desks a day, each department once a day, the bureau with its officer", async () => {
    const view = await roster(staff, today.slice(0, 7));
    expect(view.desks).toBe(3);
    expect(view.today).toBe(today);
    expect(view.units.length).toBeGreaterThan(5);
    const all = await t.database.db
      .selectFrom("duty_shifts")
      .select(["date", "unit_id", "booked", "capacity"])
      .where("station_id", "=", stationId)
      .execute();
    expect(all.length).toBeGreaterThan(300);
    const perDay = new Map<string, number[]>();
    for (const s of all) perDay.set(s.date, [...(perDay.get(s.date) ?? []), s.unit_id]);
    for (const [, list] of perDay) {
      expect(list.length).toBeLessThanOrEqual(3);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(all.every((s) => s.booked <= s.capacity && s.capacity >= 6 && s.capacity <= 12)).toBe(true);
    const bureau = (view.shifts as Shift[]).filter((s) => s.unitId === units.区市场监督管理局);
    expect(bureau.length).toBeGreaterThan(2);
    expect(bureau.every((s) => weekdayOf(s.date) === 2 && s.officerName === "市场监管局 赵德明")).toBe(true);
    // The month view lists only the month asked for.
    expect((view.shifts as Shift[]).every((s) => s.date.startsWith(today.slice(0, 7)))).toBe(true);
  });

  it("books the market bureau on more than five days ahead", async () => {
    const mine = (await t.as(await t.login("scjg"), { method: "GET", url: "/api/duty/my-shifts" })).json();
    expect(mine.items.length).toBeGreaterThan(5);
  });
});
