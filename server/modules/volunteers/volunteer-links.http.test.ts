import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

type Entry = { kind: string; ref: string; minutes: number; date: string };

describe(`volunteer hours from caring-meal deliveries, and in a Party member's record (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let zyz: { id: number; userId: number };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const v = await t.database.db
      .selectFrom("volunteers as v")
      .innerJoin("users as u", "u.id", "v.user_id")
      .select(["v.id", "v.user_id"])
      .where("u.username", "=", "zhiyuanzhe")
      .executeTakeFirstOrThrow();
    zyz = { id: v.id, userId: v.user_id };
  });
  afterAll(() => t.close());

  const preview = async (from: string, to: string) =>
    (await t.as(staff, { method: "GET", url: `/api/volunteers/${zyz.id}/service-hours?from=${from}&to=${to}` })).json() as {
      entries: Entry[];
      totals: { minutes: number };
    };

  it("counts the meals a volunteer confirmed as delivered once seven days behind, half an hour each, a day's in one entry", async () => {
    const today = stationDate(t.clock.now());
    const from = addDays(today, -60);
    const deliveries = await t.database.db
      .selectFrom("meal_deliveries")
      .select(["id", "date", "status", "confirmed_by_user_id"])
      .where("date", ">=", from)
      .execute();
    const mine = deliveries.filter((d) => d.confirmed_by_user_id === zyz.userId);
    const counted = new Set(
      (await preview(from, today)).entries.filter((e) => e.kind === "meal_delivery").flatMap((e) => e.ref.split(",")),
    );
    const final = mine.filter((d) => d.status === "delivered" && d.date <= addDays(today, -7));
    expect(final.length).toBeGreaterThan(0);
    for (const d of final) expect(counted.has(`meal_delivery:${d.id}`)).toBe(true);
    // Not yet final, or confirmed by somebody else (the restaurant): not the volunteer's hours.
    for (const d of deliveries.filter((x) => x.date > addDays(today, -7) || x.confirmed_by_user_id !== zyz.userId)) {
      expect(counted.has(`meal_delivery:${d.id}`)).toBe(false);
    }
    const entries = (await preview(from, today)).entries.filter((e) => e.kind === "meal_delivery");
    expect(new Set(entries.map((e) => e.date)).size).toBe(entries.length);
    for (const e of entries) {
      const n = e.ref.split(",").length;
      expect(e.minutes).toBeGreaterThanOrEqual(30);
      expect(e.minutes).toBeLessThanOrEqual(30 * n);
    }
    // A delivery corrected to missed drops out.
    const one = final[0];
    await t.database.db.updateTable("meal_deliveries").set({ status: "missed" }).where("id", "=", one.id).execute();
    const after = new Set((await preview(from, today)).entries.flatMap((e) => e.ref.split(",")));
    expect(after.has(`meal_delivery:${one.id}`)).toBe(false);
    await t.database.db.updateTable("meal_deliveries").set({ status: "delivered" }).where("id", "=", one.id).execute();
  });

  it("shows the volunteer their counted meal deliveries on the phone, by month, with their service record's minutes", async () => {
    const today = stationDate(t.clock.now());
    const entries = (await preview("2000-01-01", today)).entries.filter((e) => e.kind === "meal_delivery");
    expect(entries.length).toBeGreaterThan(0);
    const phone = await t.login("zhiyuanzhe");
    const mine = (await t.as(phone, { method: "GET", url: "/api/me/volunteering/hours" })).json() as {
      minutes: { final: number; publicised: number };
      meals: { month: string; days: number; minutes: number }[];
      records: { occurrence: { certification: string }; signup: { minutes: number | null } }[];
    };
    const months = [...new Set(entries.map((e) => e.date.slice(0, 7)))].sort().reverse();
    expect(mine.meals.map((m) => m.month)).toEqual(months);
    for (const m of mine.meals) {
      const theirs = entries.filter((e) => e.date.startsWith(m.month));
      expect(m.days).toBe(theirs.length);
      expect(m.minutes).toBe(theirs.reduce((n, e) => n + e.minutes, 0));
    }
    // Final minutes: the final activities' and the meals'.
    const activities = mine.records.filter((r) => r.occurrence.certification === "final").reduce((n, r) => n + (r.signup.minutes ?? 0), 0);
    expect(mine.minutes.final).toBe(activities + mine.meals.reduce((n, m) => n + m.minutes, 0));
    // The phone's home says the same certified hours as 我的服务记录.
    const home = (await t.as(phone, { method: "GET", url: "/api/me/volunteering" })).json() as { certifiedMinutes: number };
    expect(home.certifiedMinutes).toBe(mine.minutes.final + mine.minutes.publicised);
  });

  it("offers a nominee's final volunteer hours as evidence in an award round, to staff only", async () => {
    const db = t.database.db;
    // zhiyuanzhe's account is also a resident's: nominate that resident for a civilised-resident round.
    const resident = await db
      .selectFrom("residents")
      .select("id")
      .where(
        "station_id",
        "=",
        (await db.selectFrom("volunteers").select("station_id").where("id", "=", zyz.id).executeTakeFirstOrThrow()).station_id,
      )
      .where("id", "not in", db.selectFrom("users").select("resident_id").where("resident_id", "is not", null))
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db.updateTable("users").set({ resident_id: resident.id }).where("id", "=", zyz.userId).execute();
    const rounds = (await t.as(staff, { method: "GET", url: "/api/caring/rounds?status=nominating" })).json().items as { id: number }[];
    let roundId = rounds[0]?.id;
    if (!roundId) {
      const created = await t.as(staff, {
        method: "POST",
        url: "/api/caring/rounds",
        payload: { category: "civilised_resident", month: stationDate(t.clock.now()).slice(0, 7) },
      });
      expect(created.statusCode).toBe(201);
      roundId = created.json().id;
    }
    const nominated = await t.as(staff, {
      method: "POST",
      url: `/api/caring/rounds/${roundId}/nominations`,
      payload: { residentId: resident.id, reason: "坚持参加每月16日、28日志愿服务" },
    });
    expect(nominated.statusCode).toBe(201);
    const round = (await t.as(staff, { method: "GET", url: `/api/caring/rounds/${roundId}` })).json() as {
      nominations: { residentId: number; volunteerHours: number | null }[];
    };
    const today = stationDate(t.clock.now());
    const expected = (await preview(`${today.slice(0, 4)}-01-01`, today)).totals.minutes;
    const mine = round.nominations.find((n) => n.residentId === resident.id);
    expect(expected).toBeGreaterThan(0);
    expect(mine?.volunteerHours).toBeCloseTo(expected / 60, 1);
    // Nominees without a volunteer account show none.
    expect(round.nominations.filter((n) => n.residentId !== resident.id).every((n) => n.volunteerHours === null)).toBe(true);
    // On the phone (names masked), no evidence is shown.
    const jumin = await t.login("jumin");
    const open = (await t.as(jumin, { method: "GET", url: "/api/me/rounds" })).json() as {
      nominations?: { volunteerHours: number | null }[];
    }[];
    if (Array.isArray(open)) for (const r of open) for (const n of r.nominations ?? []) expect(n.volunteerHours).toBeNull();
    await db.updateTable("users").set({ resident_id: null }).where("id", "=", zyz.userId).execute();
  });

  it("reads a Party member's final volunteer hours through the volunteer service", async () => {
    const db = t.database.db;
    const shuji = await t.login("shuji");
    const listed = (await t.as(shuji, { method: "GET", url: "/api/party/members?pageSize=2" })).json().items as {
      id: number;
      userId: number | null;
    }[];
    const [member, other] = listed.map((m) => ({ id: m.id, user_id: m.userId }));
    await db.updateTable("members").set({ user_id: zyz.userId }).where("id", "=", member.id).execute();
    await db.updateTable("members").set({ user_id: null }).where("id", "=", other.id).execute();
    const today = stationDate(t.clock.now());
    const res = await t.as(shuji, { method: "GET", url: `/api/party/members/${member.id}/volunteer-hours` });
    expect(res.statusCode).toBe(200);
    // This year by default (on 1 January that may be nothing yet); any period asked.
    expect(res.json()).toMatchObject({ memberId: member.id, volunteer: { id: zyz.id }, from: `${today.slice(0, 4)}-01-01`, to: today });
    const from = addDays(today, -365);
    const body = (
      await t.as(shuji, { method: "GET", url: `/api/party/members/${member.id}/volunteer-hours?from=${from}&to=${today}` })
    ).json();
    expect(body.minutes).toBe((await preview(from, today)).totals.minutes);
    expect(body.minutes).toBeGreaterThan(0);
    expect(body.entries.length).toBe((await preview(from, today)).entries.length);
    const none = (await t.as(shuji, { method: "GET", url: `/api/party/members/${other.id}/volunteer-hours` })).json();
    expect(none).toMatchObject({ volunteer: null, minutes: 0, entries: [] });
    const youyi = await t.login("youyi");
    expect((await t.as(youyi, { method: "GET", url: `/api/party/members/${member.id}/volunteer-hours` })).statusCode).toBe(404);
    await db.updateTable("members").set({ user_id: member.user_id }).where("id", "=", member.id).execute();
    await db.updateTable("members").set({ user_id: other.user_id }).where("id", "=", other.id).execute();
  });
});
