import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { signCheckInToken } from "../../platform/checkin.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp, testClock } from "../../test/helpers.ts";
import { MeetingsRepository } from "./meetings.repository.ts";

const DAY = 86_400_000;
const clock = testClock();
/** The station date `offsetDays` from the test clock's today. */
const stationDay = (offsetDays = 0) => addDays(stationDate(clock.now()), offsetDays);

describe(`meetings, check-in and action items (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let wuye: Session;
  let scjg: Session;
  let merchant: Session;
  let stationId: number;
  let wuyeUnit: number;
  let scjgUnit: number;
  let thirdUnit: number;
  let otherStationUnit: number;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    [staff, wuye, scjg, merchant] = await Promise.all([t.login("staff"), t.login("wuye"), t.login("scjg"), t.login("shanghu")]);
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    const unitOf = async (username: string) =>
      (await db.selectFrom("users").select("alliance_unit_id").where("username", "=", username).executeTakeFirstOrThrow())
        .alliance_unit_id!;
    wuyeUnit = await unitOf("wuye");
    scjgUnit = await unitOf("scjg");
    thirdUnit = (
      await db
        .selectFrom("alliance_units")
        .select("id")
        .where("station_id", "=", stationId)
        .where("id", "not in", [wuyeUnit, scjgUnit])
        .executeTakeFirstOrThrow()
    ).id;
    otherStationUnit =
      (await db.selectFrom("alliance_units").select("id").where("station_id", "!=", stationId).executeTakeFirst())?.id ?? 999_999;
  });
  afterAll(() => t.close());

  const schedule = (payload: Record<string, unknown>) =>
    t.as(staff, {
      method: "POST",
      url: "/api/meetings",
      payload: { kind: "joint", title: "联席会议", startsAt: t.clock.now().toISOString(), invitedUnitIds: [wuyeUnit], ...payload },
    });

  it("schedules a meeting whose agenda starts with the station's open needs, and refuses bad input", async () => {
    const need = await t.as(merchant, {
      method: "POST",
      url: "/api/needs",
      payload: { title: "希望延长大门开放时间", description: "早市需要早开门", kind: "facility" },
    });
    expect(need.statusCode).toBe(201);
    const res = await schedule({ title: "第四季度联席会议", place: "服务站二楼会议室", invitedUnitIds: [wuyeUnit, scjgUnit] });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ kind: "joint", status: "scheduled", minutes: null, attendance: [], resolutions: [], version: 1 });
    expect(m.invitedUnits.map((u: { id: number }) => u.id).sort()).toEqual([wuyeUnit, scjgUnit].sort());
    expect(m.agenda).toContainEqual(expect.objectContaining({ source: "need", refId: need.json().id, title: "希望延长大门开放时间" }));
    expect(m).not.toHaveProperty("checkinSecret");

    const past = await schedule({ startsAt: new Date(t.clock.now().getTime() - 2 * DAY).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ id: "meeting.starts_in_past", fields: [{ field: "startsAt" }] });
    const stranger = await schedule({ invitedUnitIds: [wuyeUnit, otherStationUnit] });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.fields).toEqual([{ field: "invitedUnitIds.1", message: expect.any(String) }]);
    const bad = await schedule({ kind: "party", title: "", startsAt: "tomorrow" });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad).sort()).toEqual(["kind", "startsAt", "title"]);
  });

  it("adds and removes agenda items, version-checked; unit accounts see only meetings they are invited to", async () => {
    const m = (await schedule({ kind: "council", title: "商圈理事会", invitedUnitIds: [scjgUnit] })).json();
    const [a, b] = await Promise.all([
      t.as(staff, { method: "POST", url: `/api/meetings/${m.id}/agenda`, payload: { title: "物业费公示", note: "按季度", version: 1 } }),
      t.as(staff, { method: "POST", url: `/api/meetings/${m.id}/agenda`, payload: { title: "道路维修", version: 1 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const added = (a.statusCode === 200 ? a : b).json();
    const item = added.agenda.find((i: { source: string }) => i.source === "custom");
    expect(item).toMatchObject({ refId: null });
    const removed = await t.as(staff, { method: "DELETE", url: `/api/meetings/${m.id}/agenda/${item.id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().agenda.some((i: { id: number }) => i.id === item.id)).toBe(false);
    expect((await t.as(staff, { method: "DELETE", url: `/api/meetings/${m.id}/agenda/${item.id}` })).statusCode).toBe(404);

    expect((await t.as(wuye, { method: "GET", url: `/api/meetings/${m.id}` })).statusCode).toBe(404);
    expect((await t.as(scjg, { method: "GET", url: `/api/meetings/${m.id}` })).statusCode).toBe(200);
    const wuyeList = (await t.as(wuye, { method: "GET", url: "/api/meetings?pageSize=200" })).json();
    expect(wuyeList.items.map((x: { id: number }) => x.id)).not.toContain(m.id);
    const councils = (
      await t.as(staff, { method: "GET", url: `/api/meetings?kind=council&from=${stationDay()}&to=${stationDay()}` })
    ).json();
    expect(councils.items.map((x: { id: number }) => x.id)).toContain(m.id);
    expect(councils.items.every((x: { kind: string }) => x.kind === "council")).toBe(true);
    expect((await t.as(await t.login("youyi"), { method: "GET", url: `/api/meetings/${m.id}` })).statusCode).toBe(404);
  });

  it("gives the problems module the next joint meeting, and a new joint meeting collects overdue problems", async () => {
    const db = t.database.db;
    // Start from no upcoming meeting: the demo's scheduled joint meeting would otherwise be the earliest.
    await db.updateTable("meetings").set({ status: "cancelled" }).where("status", "=", "scheduled").execute();
    const now = t.clock.now().toISOString();
    const problemId = (
      await db
        .insertInto("problems")
        .values({
          station_id: stationId,
          code: "WT-TEST-0001",
          title: "市场南门早上开门太晚",
          description: "早市商户进货不便",
          category_code: "facility",
          source: "council",
          place: "南门",
          stall_id: null,
          reporter_user_id: null,
          reporter_name: null,
          reporter_phone_enc: null,
          status: "assigned",
          unit_id: wuyeUnit,
          due_at: new Date(t.clock.now().getTime() - DAY).toISOString(),
          escalated_meeting_id: null,
          rating: null,
          rating_comment: null,
          resolution: null,
          resolved_at: null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    // Scheduling a joint meeting runs the escalation at once: the problem lands on the only upcoming one.
    const later = (await schedule({ title: "下周联席会议", startsAt: new Date(t.clock.now().getTime() + 7 * DAY).toISOString() })).json();
    const got = (await t.as(staff, { method: "GET", url: `/api/meetings/${later.id}` })).json();
    const item = got.agenda.find((i: { source: string; refId: number }) => i.source === "problem" && i.refId === problemId);
    expect(item?.title).toBe("WT-TEST-0001 市场南门早上开门太晚");
    const escalated = await db.selectFrom("problems").select("escalated_meeting_id").where("id", "=", problemId).executeTakeFirstOrThrow();
    expect(escalated.escalated_meeting_id).toBe(later.id);
    // A council meeting sooner does not take escalations; an earlier joint meeting does.
    await schedule({ kind: "council", title: "理事会", startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() });
    const sooner = (await schedule({ title: "明天联席会议", startsAt: new Date(t.clock.now().getTime() + DAY).toISOString() })).json();

    // Directly: agendaFor names the earliest upcoming joint meeting; addProblem appends once.
    const { MeetingsService } = await import("./meetings.service.ts");
    const target = new MeetingsService(db, { openNeedsOf: async () => [] }, t.clock).escalationTarget();
    await db.transaction().execute(async (trx) => {
      const next = await target.agendaFor(trx, stationId, t.clock.now());
      expect(next).toEqual({ meetingId: sooner.id });
      await target.addProblem(trx, next!.meetingId, { id: 987654, code: "WT-X", title: "测试" });
      await target.addProblem(trx, next!.meetingId, { id: 987654, code: "WT-X", title: "测试" });
      const agenda = await new MeetingsRepository(db).agenda([next!.meetingId], trx);
      expect(agenda.filter((i) => i.ref_id === 987654)).toHaveLength(1);
    });
  });

  it("checks people in by a rotating signed code, once each", async () => {
    const m = (await schedule({ title: "签到测试会", invitedUnitIds: [wuyeUnit] })).json();
    const code = await t.as(staff, { method: "GET", url: `/api/meetings/${m.id}/checkin-code` });
    expect(code.statusCode).toBe(200);
    const { token, url, qrSvg, expiresAt } = code.json();
    expect(url).toContain(`/m/checkin?token=${encodeURIComponent(token)}`);
    expect(qrSvg).toMatch(/^<svg/);
    expect(Date.parse(expiresAt) - t.clock.now().getTime()).toBeGreaterThan(100_000);
    expect(Date.parse(expiresAt) - t.clock.now().getTime()).toBeLessThanOrEqual(120_000);

    const scan = (s: Session, tk = token) => t.as(s, { method: "POST", url: "/api/meetings/checkin", payload: { token: tk } });
    const [first, second] = await Promise.all([scan(wuye), scan(wuye)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(first.json()).toMatchObject({ meetingId: m.id, unitId: wuyeUnit, method: "qr" });
    const third = await scan(wuye);
    expect(third.statusCode).toBe(200);
    expect(third.json().created).toBe(false);
    expect((await scan(merchant)).statusCode).toBe(201);
    const notInvited = await scan(scjg);
    expect(notInvited.statusCode).toBe(409);
    expect(notInvited.json().error.id).toBe("meeting.not_invited");

    const [payload, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ m: m.id, e: 9_999_999_999 })).toString("base64url")}.${sig}`;
    const f = await scan(staff, forged);
    expect(f.statusCode).toBe(400);
    expect(f.json().error).toMatchObject({ id: "meeting.checkin_invalid", fields: [{ field: "token" }] });
    expect((await scan(staff, `${payload}.${"A".repeat(43)}`)).json().error.id).toBe("meeting.checkin_invalid");
    const secret = (await t.database.db.selectFrom("meetings").select("checkin_secret").where("id", "=", m.id).executeTakeFirstOrThrow())
      .checkin_secret;
    const expired = await scan(staff, signCheckInToken(secret, m.id, new Date(t.clock.now().getTime() - 1000)));
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.id).toBe("meeting.checkin_expired");

    const tomorrow = (await schedule({ title: "明日会议", startsAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString() })).json();
    const tomorrowCode = (await t.as(staff, { method: "GET", url: `/api/meetings/${tomorrow.id}/checkin-code` })).json();
    const closed = await scan(staff, tomorrowCode.token);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.id).toBe("meeting.checkin_closed");

    const manual = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/attendance`,
      payload: { name: "纸质签到 张三", unitId: thirdUnit },
    });
    expect(manual.statusCode).toBe(201);
    expect(manual.json()).toMatchObject({ method: "staff", unitId: thirdUnit, userId: null });
    const repeat = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/attendance`,
      payload: { name: "纸质签到 张三", unitId: thirdUnit },
    });
    expect(repeat.statusCode).toBe(200);
    const after = (await t.as(staff, { method: "GET", url: `/api/meetings/${m.id}` })).json();
    expect(after.attendance).toHaveLength(3);
    expect(after.invitedUnits).toEqual([expect.objectContaining({ id: wuyeUnit, attended: true })]);
  });

  it("holds a meeting with minutes, then follows its two resolutions to done", async () => {
    const m = (await schedule({ title: "决议跟踪会", invitedUnitIds: [wuyeUnit, scjgUnit] })).json();
    const early = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/resolutions`,
      payload: { text: "南门提前开放", ownerUnitId: wuyeUnit, dueDate: stationDay(14) },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.id).toBe("meeting.not_held");
    const short = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/actions`,
      payload: { action: "hold", minutes: "太短", version: 1 },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].field).toBe("minutes");
    const held = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/actions`,
      payload: { action: "hold", minutes: "会议研究了南门开放时间和道路维修两项议题，形成决议如下。", version: 1 },
    });
    expect(held.json()).toMatchObject({ status: "held", version: 2 });
    const cancel = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/actions`,
      payload: { action: "cancel", reason: "重复", version: 2 },
    });
    expect(cancel.json().error.id).toBe("meeting.transition");
    const agenda = await t.as(staff, { method: "POST", url: `/api/meetings/${m.id}/agenda`, payload: { title: "会后补充", version: 2 } });
    expect(agenda.json().error.id).toBe("meeting.transition");

    const resolve = (payload: object) => t.as(staff, { method: "POST", url: `/api/meetings/${m.id}/resolutions`, payload });
    const pastDue = await resolve({ text: "南门提前开放", ownerUnitId: wuyeUnit, dueDate: stationDay(-1) });
    expect(pastDue.json().error).toMatchObject({ id: "action_item.due_in_past", fields: [{ field: "dueDate" }] });
    expect((await resolve({ text: "外站单位", ownerUnitId: otherStationUnit, dueDate: stationDay(3) })).statusCode).toBe(404);
    const r1 = await resolve({ text: "南门每天 6:30 开放", ownerUnitId: wuyeUnit, dueDate: stationDay(14) });
    const r2 = await resolve({ text: "修复东侧道路坑洼", ownerUnitId: scjgUnit, dueDate: stationDay(30) });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({
      status: "open",
      overdue: false,
      ownerUnitId: wuyeUnit,
      meetingTitle: "决议跟踪会",
      doneAt: null,
      version: 1,
    });
    const meeting = (await t.as(staff, { method: "GET", url: `/api/meetings/${m.id}` })).json();
    expect(meeting.resolutions.map((r: { id: number }) => r.id)).toEqual([r1.json().id, r2.json().id]);

    const mine = (await t.as(wuye, { method: "GET", url: "/api/action-items?pageSize=200" })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: { ownerUnitId: number }) => i.ownerUnitId === wuyeUnit)).toBe(true);
    // A unit asking for another unit's items still sees only its own.
    const asked = (await t.as(wuye, { method: "GET", url: `/api/action-items?unitId=${scjgUnit}` })).json();
    expect(asked.items.every((i: { ownerUnitId: number }) => i.ownerUnitId === wuyeUnit)).toBe(true);

    const patch = (s: Session, id: number, payload: object) => t.as(s, { method: "PATCH", url: `/api/action-items/${id}`, payload });
    expect((await patch(scjg, r1.json().id, { status: "done", version: 1 })).statusCode).toBe(404);
    const [x, y] = await Promise.all([
      patch(wuye, r1.json().id, { status: "done", note: "已调整开门时间", version: 1 }),
      patch(wuye, r1.json().id, { status: "cancelled", version: 1 }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const done = await patch(wuye, r1.json().id, { status: "open", version: 1 });
    expect(done.statusCode).toBe(409);
    const d1 = (await t.as(staff, { method: "GET", url: `/api/action-items/${r1.json().id}` })).json();
    expect(["done", "cancelled"]).toContain(d1.status);
    const d2 = await patch(scjg, r2.json().id, { status: "done", note: "道路已修复", version: 1 });
    expect(d2.json()).toMatchObject({ status: "done", note: "道路已修复", version: 2 });
    expect(d2.json().doneAt).toBeTruthy();
    const again = await patch(staff, r2.json().id, { status: "cancelled", version: 2 });
    expect(again.json().error).toMatchObject({ id: "action_item.transition", fields: [{ field: "status" }] });

    const audit = await t.as(await t.login("zhanzhang"), {
      method: "GET",
      url: `/api/audit?objectType=action_item&objectId=${r2.json().id}`,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["action_item.created", "action_item.done"]),
    );
  });

  it("filters action items by status, unit and overdue", async () => {
    const db = t.database.db;
    const repo = new MeetingsRepository(db);
    const m = (await schedule({ title: "逾期测试会" })).json();
    await db.updateTable("meetings").set({ status: "held" }).where("id", "=", m.id).execute();
    const now = t.clock.now().toISOString();
    const [lateId] = await repo.insertActionItems(db, [
      {
        meeting_id: m.id,
        station_id: stationId,
        text: "逾期事项",
        owner_unit_id: thirdUnit,
        due_date: stationDay(-3),
        status: "open",
        note: null,
        done_at: null,
        created_at: now,
        updated_at: now,
      },
    ]);
    const overdue = (await t.as(staff, { method: "GET", url: `/api/action-items?overdue=true&pageSize=200` })).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toContain(lateId);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const notOverdue = (await t.as(staff, { method: "GET", url: `/api/action-items?overdue=false&pageSize=200` })).json();
    expect(notOverdue.items.map((i: { id: number }) => i.id)).not.toContain(lateId);
    const byUnit = (await t.as(staff, { method: "GET", url: `/api/action-items?unitId=${thirdUnit}&status=open` })).json();
    expect(byUnit.total).toBe(1);
  });

  it("cancels a scheduled meeting with a reason; nobody checks in to it", async () => {
    const m = (await schedule({ title: "取消的会议" })).json();
    const c = await t.as(staff, {
      method: "POST",
      url: `/api/meetings/${m.id}/actions`,
      payload: { action: "cancel", reason: "主持人出差", version: 1 },
    });
    expect(c.json().status).toBe("cancelled");
    const code = await t.as(staff, { method: "GET", url: `/api/meetings/${m.id}/checkin-code` });
    expect(code.statusCode).toBe(409);
  });
});
