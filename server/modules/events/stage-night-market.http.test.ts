// The stage and the night market share the market's evenings: the app's stage refuses a booking in an opening
// window of a night-market season the station runs (services.ts hands the stage the night market's openings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`the stage beside the night market (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  let venueId: number;
  let first: string;
  const post = (url: string, payload: object) => t.as(staff, { method: "POST", url, payload });
  const bookings = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("stage_bookings")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
    first = addDays(stationDate(t.clock.now()), 10);
    const season = await post("/api/night-market-seasons", {
      stationId,
      name: "测试冬季夜市",
      startsOn: first,
      endsOn: addDays(first, 6),
      opensAt: "19:00",
      closesAt: "23:30",
      closedNights: [addDays(first, 2)],
      applicationDeadline: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      allocationRule: "lottery",
      maxPitchesPerOperator: 1,
      checkinBy: "20:00",
      suspendAfter: 2,
      depositFen: 50_000,
    });
    expect(season.statusCode, season.body).toBe(201);
    const opened = await t.as(staff, {
      method: "PATCH",
      url: `/api/night-market-seasons/${season.json().id}`,
      payload: { status: "open", version: season.json().version },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const venue = await post("/api/stage-venues", {
      name: "测试舞台",
      place: "市场东广场",
      openFrom: "08:00",
      openTo: "22:00",
      openWeekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    expect(venue.statusCode, venue.body).toBe(201);
    venueId = venue.json().id;
  });
  afterAll(() => t.close());

  const booking = (date: string, startTime: string, endTime: string) =>
    post("/api/stage-bookings", { venueId, purpose: "performance", title: "晚场演出", date, startTime, endTime });

  it("refuses an evening booking on a market night, naming the season's night, and writes nothing", async () => {
    const before = await bookings();
    const res = await booking(addDays(first, 1), "19:30", "20:30");
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ id: "stage.night_market", fields: [{ field: "startTime" }] });
    expect(res.json().error.message).toContain("测试冬季夜市");
    expect(await bookings()).toBe(before);
  });

  it("takes the afternoon of a market night, an evening on its closed night, and evenings outside the season", async () => {
    expect((await booking(addDays(first, 1), "15:00", "16:30")).statusCode).toBe(201);
    expect((await booking(addDays(first, 2), "19:30", "20:30")).statusCode).toBe(201);
    expect((await booking(addDays(first, 7), "19:30", "20:30")).statusCode).toBe(201);
  });
});
