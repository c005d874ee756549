// Calendar feeds over HTTP: a secret address per account, renewed and revoked; the feed is RFC 5545 text listing the
// account's duty shifts, Red Shield sessions, meetings, volunteer activities and its teams' stage bookings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`calendar feeds (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const read = (path: string) => t.as(null, { method: "GET", url: path });

  it("gives staff a secret address listing the station's shifts, sessions and meetings as RFC 5545 text", async () => {
    expect((await t.as(staff, { method: "GET", url: "/api/me/calendar-feed" })).json()).toEqual({
      path: null,
      createdAt: null,
      lastReadAt: null,
    });
    const created = (await t.as(staff, { method: "POST", url: "/api/me/calendar-feed" })).json();
    expect(created.path).toMatch(/^\/api\/public\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const res = await read(created.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = res.body;
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) {
      expect(line.includes("\n")).toBe(false);
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
    const today = stationDate(t.clock.now());
    const db = t.database.db;
    const shift = await db
      .selectFrom("duty_shifts")
      .select("id")
      .where("station_id", "=", stationId)
      .where("date", ">=", today)
      .where("date", "<=", addDays(today, 90))
      .executeTakeFirst();
    if (shift) expect(text).toContain(`UID:duty-shift-${shift.id}@dandelion`);
    const session = await db
      .selectFrom("red_shield_sessions")
      .select("id")
      .where("station_id", "=", stationId)
      .where("date", ">=", today)
      .where("date", "<=", addDays(today, 90))
      .executeTakeFirst();
    if (session) expect(text).toContain(`UID:red-shield-session-${session.id}@dandelion`);
    expect(shift ?? session).toBeDefined();
    const events = text.split("BEGIN:VEVENT").length - 1;
    expect(events).toBeGreaterThan(0);
    expect(text.match(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/g)).toHaveLength(events);
    expect(text.match(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/g)).toHaveLength(events);
    expect((await t.as(staff, { method: "GET", url: "/api/me/calendar-feed" })).json().lastReadAt).not.toBeNull();
  });

  it("lists a volunteer's activities, and stops answering an address that was renewed or revoked", async () => {
    const zyz = await t.login("zhiyuanzhe");
    const first = (await t.as(zyz, { method: "POST", url: "/api/me/calendar-feed" })).json().path;
    const signup = await t.database.db
      .selectFrom("volunteer_signups as s")
      .innerJoin("volunteers as v", "v.id", "s.volunteer_id")
      .innerJoin("volunteer_occurrences as o", "o.id", "s.occurrence_id")
      .innerJoin("users as u", "u.id", "v.user_id")
      .select(["s.id"])
      .where("u.username", "=", "zhiyuanzhe")
      .where("s.status", "=", "signed_up")
      .where("o.starts_at", ">=", new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString())
      .executeTakeFirst();
    const text = (await read(first)).body;
    if (signup) expect(text).toContain(`UID:volunteer-signup-${signup.id}@dandelion`);
    const second = (await t.as(zyz, { method: "POST", url: "/api/me/calendar-feed" })).json().path;
    expect(second).not.toBe(first);
    expect((await read(first)).statusCode).toBe(404);
    expect((await read(second)).statusCode).toBe(200);
    expect((await t.as(zyz, { method: "DELETE", url: "/api/me/calendar-feed" })).json().path).toBeNull();
    expect((await read(second)).statusCode).toBe(404);
    expect((await read("/api/public/calendar/not-a-token.ics")).statusCode).toBe(404);
    expect((await read(`/api/public/calendar/${"A".repeat(32)}.ics`)).statusCode).toBe(404);
  });

  it("lists the stage's bookings of a member's team, an approved one confirmed and a request tentative", async () => {
    const jumin = await t.login("jumin");
    const path = (await t.as(jumin, { method: "POST", url: "/api/me/calendar-feed" })).json().path;
    const from = new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString();
    const to = new Date(t.clock.now().getTime() + 90 * 86_400_000).toISOString();
    const bookings = await t.database.db
      .selectFrom("stage_bookings as b")
      .innerJoin("cultural_teams as c", "c.id", "b.team_id")
      .innerJoin("cultural_team_members as m", "m.team_id", "c.id")
      .innerJoin("users as u", "u.resident_id", "m.resident_id")
      .select(["b.id", "b.status"])
      .where("u.username", "=", "jumin")
      .where("b.status", "in", ["requested", "approved"])
      .where("b.starts_at", ">=", from)
      .where("b.starts_at", "<", to)
      .execute();
    expect(bookings.some((b) => b.status === "approved")).toBe(true);
    const text = (await read(path)).body;
    for (const b of bookings) expect(text).toContain(`UID:stage-booking-${b.id}@dandelion`);
    const approved = bookings.find((b) => b.status === "approved");
    const block = text.slice(text.indexOf(`UID:stage-booking-${approved?.id}@`)).split("END:VEVENT")[0];
    expect(block).toContain("STATUS:CONFIRMED");
    expect(block).toContain("百姓大舞台");
  });
});
