import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FilesService } from "../../platform/files.ts";
import { Notifier } from "../../platform/notify.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";
import { ProblemsService } from "./problems.service.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);

function multipart(file: Buffer, name = "photo.png", type = "image/png") {
  const boundary = "----dandelion-photo";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const silent = { info: () => {}, warn: () => {} };

describe(`problems (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let merchant: Session;
  let resident: Session;
  let wuye: Session;
  let scjg: Session;
  let other: Session;
  let stationId: number;
  let wuyeUnitId: number;
  let otherUnitId: number;
  let stallId: number;

  const count = async (table: "problems" | "files" | "problem_events" | "notifications" | "audit_log") => {
    const r = await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const counts = async () => ({
    problems: await count("problems"),
    files: await count("files"),
    events: await count("problem_events"),
    notifications: await count("notifications"),
    audit: await count("audit_log"),
  });
  const upload = async (s: Session, file = PNG) => {
    const res = await t.as(s, { method: "POST", url: "/api/files", ...multipart(file) });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const report = (s: Session, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.as(s, {
      method: "POST",
      url: "/api/problems",
      payload: { title: "大门开放时间太短", description: "早上七点前大门未开，进货不便", categoryCode: "market_order", ...payload },
      headers,
    });
  const act = (s: Session, id: number, payload: Record<string, unknown>) =>
    t.as(s, { method: "POST", url: `/api/problems/${id}/actions`, payload });

  beforeAll(async () => {
    t = await createTestApp();
    [staff, merchant, resident, wuye, scjg, other] = await Promise.all(
      ["staff", "shanghu", "jumin", "wuye", "scjg", "youyi"].map((u) => t.login(u)),
    );
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    wuyeUnitId = (await db.selectFrom("users").select("alliance_unit_id").where("username", "=", "wuye").executeTakeFirstOrThrow())
      .alliance_unit_id as number;
    otherUnitId = (await db.selectFrom("users").select("alliance_unit_id").where("username", "=", "scjg").executeTakeFirstOrThrow())
      .alliance_unit_id as number;
    stallId = (await db.selectFrom("stalls").select("id").where("station_id", "=", stationId).orderBy("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it("lists the default categories with their time limits; the platform admin changes one, no station role may", async () => {
    const res = await t.as(merchant, { method: "GET", url: "/api/problem-categories" });
    expect(res.statusCode).toBe(200);
    const cats = res.json() as { id: number; code: string; name: string; timeLimitDays: number }[];
    expect(cats.map((c) => c.code)).toEqual([
      "facility",
      "sanitation",
      "market_order",
      "dispute",
      "policy",
      "safety",
      "property",
      "traffic",
      "other",
    ]);
    expect(cats.find((c) => c.code === "safety")?.timeLimitDays).toBe(2);
    const traffic = cats.find((c) => c.code === "traffic");
    // Categories belong to no station: one station's admin or staff changing them would change every station's
    // overdue rules, so only the platform admin may.
    const before = traffic?.timeLimitDays;
    for (const session of [staff, merchant, await t.login("zhanzhang"), other]) {
      const refused = await t.as(session, {
        method: "PATCH",
        url: `/api/problem-categories/${traffic?.id}`,
        payload: { name: "改名", timeLimitDays: 1, active: false },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.id).toBe("access.denied");
    }
    const unchanged = (await t.as(staff, { method: "GET", url: "/api/problem-categories" })).json() as typeof cats;
    expect(unchanged.find((c) => c.code === "traffic")).toMatchObject({ name: traffic?.name, timeLimitDays: before, active: true });
    const admin = await t.login("admin");
    const patched = await t.as(admin, { method: "PATCH", url: `/api/problem-categories/${traffic?.id}`, payload: { timeLimitDays: 12 } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ code: "traffic", timeLimitDays: 12, active: true });
  });

  it("a merchant reports with a photo: coded, timeline started, notified, audited; the photo is private to those who may see", async () => {
    const photoId = await upload(merchant);
    const res = await report(merchant, { stallId, place: "北门", photoIds: [photoId] });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.code).toMatch(/^P\d{8}-\d{5,}$/);
    expect(p).toMatchObject({ status: "submitted", source: "merchant", stationId, stallId, version: 1, overdue: false, nextActions: [] });
    expect(p.photos).toEqual([{ id: photoId, url: `/api/files/${photoId}` }]);
    expect(p.events).toMatchObject([{ action: "submit", toStatus: "submitted", note: null }]);
    const notes = (await t.as(merchant, { method: "GET", url: "/api/notifications?unread=true" })).json();
    expect(notes.items[0]).toMatchObject({ kind: "problem.submitted", title: "问题已提交", link: `/m/problems/${p.id}` });

    const image = await t.as(merchant, { method: "GET", url: `/api/files/${photoId}` });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.rawPayload.equals(PNG)).toBe(true);
    expect((await t.as(staff, { method: "GET", url: `/api/files/${photoId}` })).statusCode).toBe(200);
    expect((await t.as(other, { method: "GET", url: `/api/files/${photoId}` })).statusCode).toBe(404);
    expect((await t.as(wuye, { method: "GET", url: `/api/files/${photoId}` })).statusCode).toBe(404);
    // An uploaded photo cannot be attached twice.
    const again = await report(merchant, { photoIds: [photoId] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ id: "file.not_found", fields: [{ field: "photoIds" }] });

    // The answer is built from what was written, not read back: it is what reading the problem gives.
    const { events: _answered, ...answer } = p;
    const { events: _read, ...read } = (await t.as(merchant, { method: "GET", url: `/api/problems/${p.id}` })).json();
    expect(answer).toEqual(read);
    expect(answer.stationName).toBeTruthy();
    expect(answer.stallCode).toBeTruthy();
    const plain = (await report(merchant, { title: "南门地面湿滑" })).json();
    const { events: _e, ...plainRead } = (await t.as(merchant, { method: "GET", url: `/api/problems/${plain.id}` })).json();
    const { events: _f, ...plainAnswer } = plain;
    expect(plainAnswer).toEqual(plainRead);
    expect(plainAnswer.stallCode).toBeNull();

    const staffView = (await t.as(staff, { method: "GET", url: `/api/problems/${p.id}` })).json();
    expect(staffView.nextActions).toEqual(["accept", "reject", "assign", "note"]);
    expect(staffView.reporterName).toBeTruthy();
    const audit = await t.as(staff, { method: "GET", url: `/api/audit?objectType=problem&objectId=${p.id}` });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain("problem.created");
  });

  it("runs the whole loop: accept, assign, start, resolve with a photo, confirm; public board and unit stats follow", async () => {
    const db = t.database.db;
    const service = new ProblemsService(db, t.vault, new FilesService(db, t.clock), new Notifier({ send() {} }, silent, t.clock), t.clock);
    const statsBefore = (await service.unitStats([stationId])).find((s) => s.unitId === wuyeUnitId) ?? {
      assigned: 0,
      resolved: 0,
      onTime: 0,
      ratingSum: 0,
      ratingCount: 0,
    };
    const p = (await report(merchant, { title: "北侧道路坑洼", categoryCode: "facility", place: "北侧道路" })).json();
    const accepted = await act(staff, p.id, { action: "accept", version: p.version });
    expect(accepted.statusCode).toBe(200);
    // The unit sees nothing until the problem is theirs.
    expect((await t.as(wuye, { method: "GET", url: `/api/problems/${p.id}` })).statusCode).toBe(404);
    const assigned = await act(staff, p.id, { action: "assign", unitId: wuyeUnitId, version: accepted.json().version });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: "assigned", unitId: wuyeUnitId, overdue: false });
    // Due at the end of the 7th day in UTC+8.
    const due = new Date(assigned.json().dueAt);
    expect(due.getTime() - t.clock.now().getTime()).toBeGreaterThan(6 * 86_400_000);
    expect(due.getTime() - t.clock.now().getTime()).toBeLessThan(8 * 86_400_000);
    const unitList = (await t.as(wuye, { method: "GET", url: "/api/problems" })).json();
    expect(unitList.items.every((i: { unitId: number }) => i.unitId === wuyeUnitId)).toBe(true);
    const ours = unitList.items.find((i: { id: number }) => i.id === p.id);
    expect(ours.nextActions).toEqual(["start", "resolve", "note"]);
    expect(ours.reporterName).toMatch(/\*/);
    expect((await t.as(wuye, { method: "GET", url: "/api/notifications" })).json().items[0].kind).toBe("problem.assigned_to_unit");
    expect((await t.as(scjg, { method: "GET", url: `/api/problems/${p.id}` })).statusCode).toBe(404);

    const started = await act(wuye, p.id, { action: "start", version: assigned.json().version });
    expect(started.json().status).toBe("in_progress");
    const photoId = await upload(wuye, JPEG);
    const resolved = await act(wuye, p.id, {
      action: "resolve",
      note: "已安排施工队修补路面",
      photoIds: [photoId],
      version: started.json().version,
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: "resolved", resolution: "已安排施工队修补路面" });
    expect(resolved.json().events.at(-1)).toMatchObject({ action: "resolve", photos: [{ id: photoId }] });
    // The reporter now sees the unit's photo too.
    expect((await t.as(merchant, { method: "GET", url: `/api/files/${photoId}` })).statusCode).toBe(200);

    const mine = (await t.as(merchant, { method: "GET", url: `/api/problems/${p.id}` })).json();
    expect(mine.nextActions).toEqual(["confirm", "reopen"]);
    const confirmed = await act(merchant, p.id, { action: "confirm", rating: 5, comment: "很满意", version: mine.version });
    expect(confirmed.json()).toMatchObject({ status: "confirmed", rating: 5, ratingComment: "很满意", nextActions: [] });
    expect(confirmed.json().events.map((e: { action: string }) => e.action)).toEqual([
      "submit",
      "accept",
      "assign",
      "start",
      "resolve",
      "confirm",
    ]);
    const kinds = (await t.as(merchant, { method: "GET", url: "/api/notifications?pageSize=50" }))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["problem.accept", "problem.assign", "problem.start", "problem.resolve"]));

    const board = await t.as(null, { method: "GET", url: `/api/public/problems?stationId=${stationId}` });
    expect(board.statusCode).toBe(200);
    const item = board.json().items.find((i: { id: number }) => i.id === p.id);
    expect(item).toMatchObject({ title: "北侧道路坑洼", resolution: "已安排施工队修补路面", rating: 5, unitName: expect.any(String) });
    expect(JSON.stringify(board.json())).not.toMatch(/reporter/);
    expect((await t.as(null, { method: "GET", url: "/api/public/problems" })).statusCode).toBe(400);

    const stats = await service.unitStats([stationId]);
    expect(stats.find((s) => s.unitId === wuyeUnitId)).toEqual({
      unitId: wuyeUnitId,
      assigned: statsBefore.assigned + 1,
      resolved: statsBefore.resolved + 1,
      onTime: statsBefore.onTime + 1,
      ratingSum: statsBefore.ratingSum + 5,
      ratingCount: statsBefore.ratingCount + 1,
    });
  });

  it("reporters see only their own; units only their unit's; other stations nothing", async () => {
    const p = (await report(merchant, { title: "消防通道堆放杂物", categoryCode: "safety" })).json();
    expect((await t.as(resident, { method: "GET", url: `/api/problems/${p.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: "GET", url: `/api/problems/${p.id}` })).statusCode).toBe(404);
    const own = (await t.as(merchant, { method: "GET", url: "/api/problems?pageSize=100" })).json();
    expect(own.total).toBeGreaterThanOrEqual(3);
    expect(own.items.every((i: { reporterName: string | null; source: string }) => i.source === "merchant")).toBe(true);
    const ids = async (s: Session) =>
      (await t.as(s, { method: "GET", url: "/api/problems?pageSize=200" })).json().items as {
        id: number;
        unitId: number;
        stationId: number;
      }[];
    expect((await ids(resident)).map((i) => i.id)).not.toContain(p.id);
    expect((await ids(other)).every((i) => i.stationId !== stationId)).toBe(true);
    expect((await ids(scjg)).every((i) => i.unitId === otherUnitId)).toBe(true);
    const searched = (await t.as(staff, { method: "GET", url: `/api/problems?q=${encodeURIComponent("杂物")}&pageSize=200` })).json();
    expect(searched.items.map((i: { id: number }) => i.id)).toContain(p.id);
    expect(
      searched.items.every((i: { title: string; description: string; code: string }) =>
        `${i.title}${i.description}${i.code}`.includes("杂物"),
      ),
    ).toBe(true);
    const byCode = (await t.as(staff, { method: "GET", url: `/api/problems?q=${p.code}` })).json();
    expect(byCode.total).toBe(1);
    const filtered = (
      await t.as(staff, { method: "GET", url: "/api/problems?categoryCode=safety&status=submitted&sort=createdAt&order=desc" })
    ).json();
    expect(filtered.items.every((i: { categoryCode: string }) => i.categoryCode === "safety")).toBe(true);
    // A merchant may not act on a step that is not theirs.
    const refused = await act(merchant, p.id, { action: "accept", version: p.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.id).toBe("problem.not_your_step");
  });

  it("lists newest first by default, so a new report is on the first page; a chosen column sorts ascending", async () => {
    const p = (await report(merchant, { title: "新报的问题排在最前" })).json();
    const first = (await t.as(staff, { method: "GET", url: "/api/problems?pageSize=5" })).json();
    expect(first.items[0].id).toBe(p.id);
    const created = first.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const ascending = (await t.as(staff, { method: "GET", url: "/api/problems?pageSize=200&sort=createdAt" })).json();
    expect(ascending.items.at(-1).id === p.id || ascending.total > 200).toBe(true);
    if (ascending.total > 1) expect(ascending.items[0].id).not.toBe(p.id);
  });

  it("staff enter a walk-in with the reporter's phone, stored encrypted and shown masked", async () => {
    const bad = await report(staff, { source: "walk_in", reporterName: "王大妈", reporterPhone: "12345" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: "reporterPhone" })]);
    const res = await report(staff, { source: "phone", reporterName: "王大妈", reporterPhone: "13912345678", title: "夜间噪音扰民" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: "phone", reporterName: "王大妈", reporterPhone: "139****5678" });
    const row = await t.database.db
      .selectFrom("problems")
      .select("reporter_phone_enc")
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_phone_enc).not.toContain("13912345678");
    expect(t.vault.decrypt(row.reporter_phone_enc as string)).toBe("13912345678");
    // Merchants cannot pretend to be a council finding.
    const forged = await report(merchant, { source: "council" });
    expect(forged.statusCode).toBe(400);
  });

  it("lists what waits for the caller: staff new reports, units their work, reporters what to confirm", async () => {
    const waiting = async (s: Session) =>
      (await t.as(s, { method: "GET", url: "/api/problems?actionable=true&pageSize=200" })).json().items as {
        status: string;
        nextActions: string[];
      }[];
    const forStaff = await waiting(staff);
    expect(forStaff.length).toBeGreaterThan(0);
    expect(forStaff.every((p) => ["submitted", "accepted", "reopened"].includes(p.status))).toBe(true);
    const forUnit = await waiting(wuye);
    expect(forUnit.every((p) => p.nextActions.some((a) => ["start", "resolve"].includes(a)))).toBe(true);
    const forMerchant = await waiting(merchant);
    expect(forMerchant.every((p) => p.status === "resolved" && p.nextActions.includes("confirm"))).toBe(true);
  });

  it("honours Idempotency-Key: the same key answers the first problem again, even when sent at once", async () => {
    const before = await count("problems");
    const first = await report(resident, { title: "楼道灯不亮" }, { "idempotency-key": "k-1" });
    const second = await report(resident, { title: "楼道灯不亮" }, { "idempotency-key": "k-1" });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json().id).toBe(first.json().id);
    expect(await count("problems")).toBe(before + 1);
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => report(resident, { title: "并发提交" }, { "idempotency-key": "k-race" })),
    );
    expect(await count("problems")).toBe(before + 2);
    expect(racing.filter((r) => r.statusCode === 201 && !r.headers["idempotent-replayed"])).toHaveLength(1);
    expect(racing.every((r) => r.statusCode === 201 || r.json().error.id === "request.in_progress")).toBe(true);
    const otherKey = await report(resident, { title: "楼道灯不亮" }, { "idempotency-key": "k-2" });
    expect(otherKey.json().id).not.toBe(first.json().id);
  });

  it("suggests similar open problems at the same place before a report", async () => {
    const res = await t.as(merchant, { method: "GET", url: `/api/problems/similar?place=${encodeURIComponent("北门")}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().length).toBeGreaterThan(0);
    expect(res.json().every((p: { place: string }) => p.place.includes("北门"))).toBe(true);
    const byStall = (await t.as(staff, { method: "GET", url: `/api/problems/similar?stallId=${stallId}` })).json();
    expect(byStall.every((p: { stallId: number }) => p.stallId === stallId)).toBe(true);
    expect((await t.as(wuye, { method: "GET", url: "/api/problems/similar?place=x" })).statusCode).toBe(403);
  });

  it("refuses bad input with a clear 4xx naming the field or rule, writing nothing", async () => {
    const p = (await report(merchant, { title: "摊位漏雨" })).json();
    const before = await counts();

    const unknown = await report(merchant, { categoryCode: "weather" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ id: "problem.bad_category", fields: [{ field: "categoryCode" }] });

    const badStall = await report(merchant, { stallId: 999999 });
    expect(badStall.json().error).toMatchObject({ id: "problem.bad_stall", fields: [{ field: "stallId" }] });

    const past = await act(staff, p.id, { action: "assign", unitId: wuyeUnitId, dueDate: "2020-01-01", version: p.version });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ id: "problem.due_in_past", fields: [{ field: "dueDate" }] });

    const notNow = await act(staff, p.id, { action: "confirm", rating: 5, version: p.version });
    expect(notNow.statusCode).toBe(409);
    expect(notNow.json().error).toMatchObject({ id: "problem.transition", fields: [{ field: "action" }] });

    for (const rating of [0, 6]) {
      const res = await act(merchant, p.id, { action: "confirm", rating, version: p.version });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: "rating" })]);
    }

    const text = await t.as(merchant, { method: "POST", url: "/api/files", ...multipart(Buffer.from("hello, not an image"), "x.png") });
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ id: "file.not_image", fields: [{ field: "file" }] });

    const huge = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const big = await t.as(merchant, { method: "POST", url: "/api/files", ...multipart(huge) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ id: "file.too_large", fields: [{ field: "file" }] });

    const stale = await act(staff, p.id, { action: "accept", version: p.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");

    const tooMany = await report(merchant, { photoIds: Array.from({ length: 7 }, () => crypto.randomUUID()) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].field).toMatch(/^photoIds/);

    const strange = await report(merchant, { photoIds: [crypto.randomUUID()] });
    expect(strange.json().error).toMatchObject({ id: "file.not_found", fields: [{ field: "photoIds" }] });

    expect(await counts()).toEqual(before);
  });

  it("two people acting at once with the same version: one wins, the other gets a conflict", async () => {
    const p = (await report(merchant, { title: "公平秤不准" })).json();
    const [a, b] = await Promise.all([
      act(staff, p.id, { action: "accept", version: p.version }),
      act(staff, p.id, { action: "reject", reason: "重复反映", version: p.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await t.as(staff, { method: "GET", url: `/api/problems/${p.id}` })).json();
    expect(after.version).toBe(2);
    expect(after.events).toHaveLength(2);
  });

  it("escalates overdue problems once: staff told, the next joint meeting's agenda gets it", async () => {
    const p = (await report(merchant, { title: "市场大门开放时间", categoryCode: "market_order" })).json();
    const assigned = (await act(staff, p.id, { action: "assign", unitId: otherUnitId, version: p.version })).json();
    const db = t.database.db;
    // The demo's upcoming joint meeting would take the escalation first; this test brings its own.
    await db.updateTable("meetings").set({ status: "cancelled" }).where("status", "=", "scheduled").execute();
    const yesterday = new Date(t.clock.now().getTime() - 86_400_000).toISOString();
    await db.updateTable("problems").set({ due_at: yesterday }).where("id", "=", p.id).execute();
    const overdue = (await t.as(staff, { method: "GET", url: "/api/problems?overdue=true" })).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toContain(p.id);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);

    const manual = await t.as(staff, { method: "POST", url: "/api/problems/escalate", payload: {} });
    expect(manual.statusCode).toBe(200);
    expect(manual.json().flagged).toBeGreaterThanOrEqual(1);
    const staffNotes = (await t.as(staff, { method: "GET", url: "/api/notifications?pageSize=200" })).json().items;
    expect(staffNotes.find((n: { kind: string; body: string }) => n.kind === "problem.overdue" && n.body.includes(p.code))).toBeDefined();
    const again = await t.as(staff, { method: "POST", url: "/api/problems/escalate", payload: {} });
    expect(again.json()).toMatchObject({ flagged: 0 });
    expect((await t.as(merchant, { method: "POST", url: "/api/problems/escalate", payload: {} })).statusCode).toBe(403);

    const now = t.clock.now().toISOString();
    const meeting = await db
      .insertInto("meetings")
      .values({
        station_id: stationId,
        kind: "joint",
        title: "联席会议",
        starts_at: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
        place: null,
        status: "scheduled",
        minutes: null,
        cancel_reason: null,
        checkin_secret: "s",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const added: { meetingId: number; code: string }[] = [];
    const service = new ProblemsService(db, t.vault, new FilesService(db, t.clock), new Notifier({ send() {} }, silent, t.clock), t.clock, {
      agendaFor: async (_trx, sid) => (sid === stationId ? { meetingId: meeting.id } : null),
      addProblem: async (_trx, meetingId, problem) => {
        added.push({ meetingId, code: problem.code });
      },
    });
    const run = await service.escalateOverdue(t.clock.now());
    expect(run.flagged).toBe(0);
    expect(run.escalated).toBeGreaterThanOrEqual(1);
    expect(added).toContainEqual({ meetingId: meeting.id, code: p.code });
    const detail = (await t.as(staff, { method: "GET", url: `/api/problems/${p.id}` })).json();
    expect(detail.escalatedMeetingId).toBe(meeting.id);
    expect(detail.version).toBe(assigned.version);
    expect(detail.events.map((e: { action: string }) => e.action)).toContain("overdue");
    expect((await service.escalateOverdue(t.clock.now())).escalated).toBe(0);
  });

  it("notifications: unread count, mark one and all read, another's is not found", async () => {
    const count1 = (await t.as(merchant, { method: "GET", url: "/api/notifications/unread-count" })).json().unread;
    expect(count1).toBeGreaterThan(1);
    const first = (await t.as(merchant, { method: "GET", url: "/api/notifications?pageSize=1" })).json().items[0];
    expect((await t.as(merchant, { method: "POST", url: `/api/notifications/${first.id}/read`, payload: {} })).statusCode).toBe(200);
    expect((await t.as(merchant, { method: "GET", url: "/api/notifications/unread-count" })).json().unread).toBe(count1 - 1);
    expect((await t.as(resident, { method: "POST", url: `/api/notifications/${first.id}/read`, payload: {} })).statusCode).toBe(404);
    expect((await t.as(merchant, { method: "POST", url: "/api/notifications/read-all", payload: {} })).statusCode).toBe(200);
    expect((await t.as(merchant, { method: "GET", url: "/api/notifications/unread-count" })).json().unread).toBe(0);
    expect((await t.as(merchant, { method: "GET", url: "/api/notifications?unread=true" })).json().total).toBe(0);
  });
  it("sweeps uploads nobody attached, and keeps attached photos", async () => {
    const loose = await upload(resident);
    const kept = await upload(resident);
    expect((await report(resident, { title: "垃圾桶满溢", photoIds: [kept] })).statusCode).toBe(201);
    const removed = await new FilesService(t.database.db, t.clock).sweepUnattached(new Date(t.clock.now().getTime() + 1000));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await t.as(resident, { method: "GET", url: `/api/files/${loose}` })).statusCode).toBe(404);
    expect((await t.as(resident, { method: "GET", url: `/api/files/${kept}` })).statusCode).toBe(200);
  });
});
