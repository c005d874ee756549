import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type { UnitScore } from "../../../contracts/meetings.ts";
import type { ProblemStatus } from "../../../contracts/problems.ts";
import { createTestApp, dialectName, type Session, type TestApp, testClock } from "../../test/helpers.ts";

const DAY = 86_400_000;
const clock = testClock();
/** The station date `offsetDays` from the test clock's today. */
const stationDay = (offsetDays = 0) => addDays(stationDate(clock.now()), offsetDays);

describe(`unit scorecard (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let wuye: Session;
  let stationId: number;
  let wuyeUnit: number;
  let otherUnit: number;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    [staff, wuye] = await Promise.all([t.login("staff"), t.login("wuye")]);
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    wuyeUnit = (await db.selectFrom("users").select("alliance_unit_id").where("username", "=", "wuye").executeTakeFirstOrThrow())
      .alliance_unit_id!;
    otherUnit = (
      await db
        .selectFrom("alliance_units")
        .select("id")
        .where("station_id", "=", stationId)
        .where("id", "!=", wuyeUnit)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const scoreOf = async (s: Session, unitId: number, query = "") => {
    const res = await t.as(s, { method: "GET", url: `/api/scorecard${query}` });
    expect(res.statusCode).toBe(200);
    return (res.json() as UnitScore[]).find((u) => u.unitId === unitId)!;
  };

  async function problem(values: { status: ProblemStatus; dueAt: string; resolvedAt: string | null; rating: number | null }, n: number) {
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto("problems")
      .values({
        station_id: stationId,
        code: `SC-TEST-${n}`,
        title: `记分测试问题 ${n}`,
        description: "测试",
        category_code: "facility",
        source: "walk_in",
        place: null,
        stall_id: null,
        reporter_user_id: null,
        reporter_name: null,
        reporter_phone_enc: null,
        status: values.status,
        unit_id: wuyeUnit,
        due_at: values.dueAt,
        escalated_meeting_id: null,
        rating: values.rating,
        rating_comment: null,
        resolution: values.resolvedAt ? "已处理" : null,
        resolved_at: values.resolvedAt,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  it("counts a unit's problems, on-time rate, rating, meetings and action items; units see only their own row", async () => {
    const before = await scoreOf(staff, wuyeUnit);
    const soon = new Date(t.clock.now().getTime() + 3 * DAY).toISOString();
    const past = new Date(t.clock.now().getTime() - DAY).toISOString();
    const now = t.clock.now().toISOString();
    await problem({ status: "confirmed", dueAt: soon, resolvedAt: now, rating: 5 }, 1);
    await problem({ status: "confirmed", dueAt: past, resolvedAt: now, rating: 3 }, 2);
    await problem({ status: "assigned", dueAt: soon, resolvedAt: null, rating: null }, 3);

    const schedule = (invitedUnitIds: number[]) =>
      t.as(staff, { method: "POST", url: "/api/meetings", payload: { kind: "council", title: "记分会议", startsAt: now, invitedUnitIds } });
    const attended = (await schedule([wuyeUnit, otherUnit])).json();
    const missed = (await schedule([wuyeUnit])).json();
    const code = (await t.as(staff, { method: "GET", url: `/api/meetings/${attended.id}/checkin-code` })).json();
    expect((await t.as(wuye, { method: "POST", url: "/api/meetings/checkin", payload: { token: code.token } })).statusCode).toBe(201);
    for (const m of [attended, missed]) {
      const held = await t.as(staff, {
        method: "POST",
        url: `/api/meetings/${m.id}/actions`,
        payload: { action: "hold", minutes: "会议按议程进行，形成决议若干。", version: 1 },
      });
      expect(held.statusCode).toBe(200);
    }
    const item = (
      await t.as(staff, {
        method: "POST",
        url: `/api/meetings/${attended.id}/resolutions`,
        payload: { text: "公示物业费收支", ownerUnitId: wuyeUnit, dueDate: stationDay(7) },
      })
    ).json();
    await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${attended.id}/resolutions`,
      payload: { text: "第二项决议", ownerUnitId: wuyeUnit, dueDate: stationDay(7) },
    });
    await t.as(wuye, { method: "PATCH", url: `/api/action-items/${item.id}`, payload: { status: "done", version: 1 } });

    const after = await scoreOf(staff, wuyeUnit);
    expect(after.problemsAssigned - before.problemsAssigned).toBe(3);
    expect(after.problemsResolved - before.problemsResolved).toBe(2);
    expect(after.meetingsInvited - before.meetingsInvited).toBe(2);
    expect(after.meetingsAttended - before.meetingsAttended).toBe(1);
    expect(after.actionItems - before.actionItems).toBe(2);
    expect(after.actionItemsDone - before.actionItemsDone).toBe(1);
    if (before.problemsResolved === 0) {
      expect(after.onTimeRate).toBe(0.5);
      expect(after.averageRating).toBe(4);
    }
    const other = await scoreOf(staff, otherUnit);
    expect(other.meetingsInvited).toBeGreaterThanOrEqual(1);

    const own = await t.as(wuye, { method: "GET", url: "/api/scorecard" });
    expect(own.json().map((u: UnitScore) => u.unitId)).toEqual([wuyeUnit]);
    expect(own.json()[0]).toEqual(after);

    // A period that ends before today holds none of it.
    const old = await scoreOf(staff, wuyeUnit, `?from=2020-01-01&to=2020-12-31`);
    expect(old).toMatchObject({ problemsAssigned: 0, meetingsInvited: 0, actionItems: 0, onTimeRate: null, averageRating: null });
  });

  it("gives one unit's figures month by month, and hides other units and stations", async () => {
    const res = await t.as(staff, { method: "GET", url: `/api/scorecard/units/${wuyeUnit}/history` });
    expect(res.statusCode).toBe(200);
    const months = res.json();
    expect(months).toHaveLength(12);
    expect(months[11].month).toBe(stationDay().slice(0, 7));
    expect(months[11].problemsAssigned).toBeGreaterThanOrEqual(3);
    const ranged = (
      await t.as(staff, { method: "GET", url: `/api/scorecard/units/${wuyeUnit}/history?from=2026-01-15&to=2026-03-10` })
    ).json();
    expect(ranged.map((m: { month: string }) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect((await t.as(wuye, { method: "GET", url: `/api/scorecard/units/${wuyeUnit}/history` })).statusCode).toBe(200);
    expect((await t.as(wuye, { method: "GET", url: `/api/scorecard/units/${otherUnit}/history` })).statusCode).toBe(404);
    expect((await t.as(await t.login("youyi"), { method: "GET", url: `/api/scorecard/units/${wuyeUnit}/history` })).statusCode).toBe(404);
    expect((await t.as(await t.login("shanghu"), { method: "GET", url: "/api/scorecard" })).statusCode).toBe(403);
  });

  it("names each unit's station, so the district's scorecard tells two stations' units of one name apart", async () => {
    const district = await t.login("district");
    const res = await t.as(district, { method: "GET", url: "/api/scorecard" });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as UnitScore[];
    const stations = new Set(rows.map((r) => r.stationName));
    expect(stations).toEqual(new Set(["天源市场党群服务站", "友谊市场党群服务站"]));
    // Units of the same name at two stations come apart by their station.
    const names = rows.map((r) => r.unitName);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    expect(repeated.length).toBeGreaterThan(0);
    for (const name of repeated) {
      const same = rows.filter((r) => r.unitName === name);
      expect(new Set(same.map((r) => r.stationId)).size).toBe(same.length);
    }
    const own = (await t.as(staff, { method: "GET", url: "/api/scorecard" })).json() as UnitScore[];
    expect(own.every((r) => r.stationId === stationId && r.stationName === "天源市场党群服务站")).toBe(true);
  });
});
