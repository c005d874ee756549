import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

describe(`needs, offers and projects (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let merchant: Session;
  let wuye: Session;
  let units: { id: number; name: string }[];
  let wuyeUnitId: number;
  let otherStationUnitId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [staff, merchant, wuye] = await Promise.all([t.login("staff"), t.login("shanghu"), t.login("wuye")]);
    const db = t.database.db;
    const station = await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow();
    units = await db.selectFrom("alliance_units").select(["id", "name"]).where("station_id", "=", station.id).orderBy("id").execute();
    wuyeUnitId = (await db.selectFrom("users").select("alliance_unit_id").where("username", "=", "wuye").executeTakeFirstOrThrow())
      .alliance_unit_id!;
    const other = await db.selectFrom("alliance_units").select("id").where("station_id", "!=", station.id).executeTakeFirst();
    otherStationUnitId = other?.id ?? 999_999;
  });
  afterAll(() => t.close());

  const raise = (s: Session, title: string) =>
    t.as(s, { method: "POST", url: "/api/needs", payload: { title, description: `${title}的说明`, kind: "customers" } });
  const publish = (s: Session, unitId: number, title = "场地资源") =>
    t.as(s, { method: "POST", url: "/api/offers", payload: { title, description: "会议室与活动场地", kind: "resource", unitId } });

  it("lets a merchant raise a need on /m/ and see it among their own, but not read the station's list", async () => {
    const res = await raise(merchant, "希望引入园区企业定向消费");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "open", kind: "customers", offerId: null, projectId: null, version: 1 });
    expect(res.json().raisedBy).toBeTruthy();
    const mine = await t.as(merchant, { method: "GET", url: "/api/me/needs" });
    expect(mine.json().items.map((n: { id: number }) => n.id)).toContain(res.json().id);
    expect((await t.as(merchant, { method: "GET", url: "/api/needs" })).statusCode).toBe(403);
    const staffView = await t.as(staff, { method: "GET", url: `/api/needs?status=open&q=${encodeURIComponent("定向消费")}` });
    expect(staffView.json().total).toBeGreaterThanOrEqual(1);
    expect(staffView.json().items.every((n: { status: string }) => n.status === "open")).toBe(true);
  });

  it("lets a unit publish offers for its own unit only; staff publish for any unit of the station", async () => {
    const own = await publish(wuye, wuyeUnitId);
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ unitId: wuyeUnitId, status: "active", amountFen: null });
    const otherUnit = units.find((u) => u.id !== wuyeUnitId)!;
    const foreign = await publish(wuye, otherUnit.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.fields[0].field).toBe("unitId");
    const byStaff = await t.as(staff, {
      method: "POST",
      url: "/api/offers",
      payload: { title: "专项资金", description: "街道专项扶持资金", kind: "money", unitId: otherUnit.id, amountFen: 10_000_000 },
    });
    expect(byStaff.statusCode).toBe(201);
    expect(byStaff.json().amountFen).toBe(10_000_000);
    expect((await publish(staff, otherStationUnitId)).statusCode).toBe(404);
    const list = await t.as(wuye, { method: "GET", url: `/api/offers?unitId=${otherUnit.id}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { id: number }) => o.id)).toContain(byStaff.json().id);
    // A unit may not withdraw another unit's offer; it does not exist for them as a write target.
    const w = await t.as(wuye, { method: "POST", url: `/api/offers/${byStaff.json().id}/withdraw`, payload: { version: 1 } });
    expect(w.statusCode).toBe(404);
  });

  it("matches a need to an active offer, version-checked, and refuses a withdrawn offer", async () => {
    const need = (await raise(staff, "商户需要客流")).json();
    const offer = (await publish(wuye, wuyeUnitId, "物业场地")).json();
    const [a, b] = await Promise.all([
      t.as(staff, { method: "POST", url: `/api/needs/${need.id}/match`, payload: { offerId: offer.id, version: 1 } }),
      t.as(staff, { method: "POST", url: `/api/needs/${need.id}/match`, payload: { offerId: offer.id, version: 1 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const matched = (await t.as(staff, { method: "GET", url: `/api/needs/${need.id}` })).json();
    expect(matched).toMatchObject({ status: "matched", offerId: offer.id, offerTitle: "物业场地", version: 2 });

    const withdrawn = await t.as(wuye, {
      method: "POST",
      url: `/api/offers/${offer.id}/withdraw`,
      payload: { reason: "场地装修", version: 1 },
    });
    expect(withdrawn.json().status).toBe("withdrawn");
    const again = await t.as(wuye, { method: "POST", url: `/api/offers/${offer.id}/withdraw`, payload: { version: 2 } });
    expect(again.json().error.id).toBe("offer.transition");
    const need2 = (await raise(staff, "另一个需求")).json();
    const refused = await t.as(staff, { method: "POST", url: `/api/needs/${need2.id}/match`, payload: { offerId: offer.id, version: 1 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ id: "offer.inactive", fields: [{ field: "offerId" }] });

    const audit = await t.as(await t.login("zhanzhang"), { method: "GET", url: `/api/audit?objectType=need&objectId=${need.id}` });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["need.raised", "need.matched"]));
  });

  it("closes needs and refuses to close twice", async () => {
    const need = (await raise(staff, "要关闭的需求")).json();
    const closed = await t.as(staff, { method: "POST", url: `/api/needs/${need.id}/close`, payload: { reason: "已自行解决", version: 1 } });
    expect(closed.json().status).toBe("closed");
    const twice = await t.as(staff, { method: "POST", url: `/api/needs/${need.id}/close`, payload: { version: 2 } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe("need.transition");
  });

  it("runs a project from planned to completed; its needs go in_project then closed", async () => {
    const n1 = (await raise(merchant, "需要企业员工来市场消费")).json();
    const n2 = (await raise(staff, "扩大客源")).json();
    const closed = (await raise(staff, "已关闭")).json();
    await t.as(staff, { method: "POST", url: `/api/needs/${closed.id}/close`, payload: { version: 1 } });
    const owner = units[0];
    const body = {
      name: "园区企业定向消费",
      description: "组织园区企业到天源市场定向消费",
      ownerUnitId: owner.id,
      participantUnitIds: [wuyeUnitId],
      budgetFen: 370_500_000,
      fundingSources: [{ source: "企业工会经费", amountFen: 370_500_000 }],
      startDate: "2026-03-01",
      endDate: "2026-12-31",
      needIds: [n1.id, n2.id],
    };
    const bad = await t.as(staff, { method: "POST", url: "/api/projects", payload: { ...body, needIds: [n1.id, closed.id] } });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({ id: "project.need_unavailable", fields: [{ field: "needIds.1" }] });
    expect((await t.as(staff, { method: "GET", url: `/api/needs/${n1.id}` })).json().status).toBe("open");

    const res = await t.as(staff, { method: "POST", url: "/api/projects", payload: body });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: "planned", percent: 0, budgetFen: 370_500_000, ownerUnitName: owner.name, version: 1 });
    expect(p.participants).toEqual([{ id: wuyeUnitId, name: expect.any(String) }]);
    expect(p.needs.map((n: { id: number }) => n.id)).toEqual([n1.id, n2.id]);
    expect((await t.as(staff, { method: "GET", url: `/api/needs/${n1.id}` })).json()).toMatchObject({
      status: "in_project",
      projectId: p.id,
    });

    const act = (payload: object) => t.as(staff, { method: "POST", url: `/api/projects/${p.id}/actions`, payload });
    const early = await act({ action: "progress", note: "尚未开始", percent: 10, version: 1 });
    expect(early.json().error.id).toBe("project.transition");
    expect((await act({ action: "start", version: 1 })).json().status).toBe("active");
    const prog = await act({ action: "progress", note: "已组织 40 家企业", percent: 45, version: 2 });
    expect(prog.json()).toMatchObject({ percent: 45, updates: [{ note: "已组织 40 家企业", percent: 45 }] });
    const outcomes = [
      { label: "参与企业", value: 89, unit: "家" },
      { label: "消费金额", value: 370_500_000, unit: "fen" },
    ];
    const done = await act({ action: "complete", outcomes, version: 3 });
    expect(done.json()).toMatchObject({ status: "completed", percent: 100, outcomes });
    expect((await t.as(staff, { method: "GET", url: `/api/needs/${n2.id}` })).json().status).toBe("closed");
    expect((await act({ action: "cancel", reason: "晚了", version: 4 })).json().error.id).toBe("project.transition");
    expect((await act({ action: "start", version: 1 })).statusCode).toBe(409);

    const byUnit = await t.as(wuye, { method: "GET", url: `/api/projects?unitId=${wuyeUnitId}&status=completed` });
    expect(byUnit.statusCode).toBe(200);
    expect(byUnit.json().items.map((x: { id: number }) => x.id)).toContain(p.id);
    expect(
      (await t.as(wuye, { method: "POST", url: `/api/projects/${p.id}/actions`, payload: { action: "start", version: 1 } })).statusCode,
    ).toBe(403);
  });

  it("hands a cancelled project's needs back", async () => {
    const need = (await raise(staff, "取消项目的需求")).json();
    const p = (
      await t.as(staff, {
        method: "POST",
        url: "/api/projects",
        payload: { name: "会取消的项目", ownerUnitId: units[0].id, budgetFen: 0, startDate: "2026-05-01", needIds: [need.id] },
      })
    ).json();
    const res = await t.as(staff, {
      method: "POST",
      url: `/api/projects/${p.id}/actions`,
      payload: { action: "cancel", reason: "资金未到位", version: 1 },
    });
    expect(res.json().status).toBe("cancelled");
    expect((await t.as(staff, { method: "GET", url: `/api/needs/${need.id}` })).json()).toMatchObject({ status: "open", projectId: null });
  });

  it("names bad fields and writes nothing", async () => {
    const before = (await t.as(staff, { method: "GET", url: "/api/projects" })).json().total;
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/projects",
      payload: { name: "", ownerUnitId: units[0].id, budgetFen: -1, startDate: "2026-05-01", endDate: "2026-04-01", extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = fieldsNamed(res);
    expect(fields).toEqual(expect.arrayContaining(["name", "budgetFen", "extra"]));
    const stranger = await t.as(staff, {
      method: "POST",
      url: "/api/projects",
      payload: { name: "外站单位", ownerUnitId: otherStationUnitId, budgetFen: 0, startDate: "2026-05-01" },
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.fields[0].field).toBe("ownerUnitId");
    const badNeed = await t.as(merchant, { method: "POST", url: "/api/needs", payload: { title: "x", description: "", kind: "money" } });
    expect(badNeed.statusCode).toBe(400);
    expect(fieldsNamed(badNeed).sort()).toEqual(["description", "kind", "title"]);
    expect((await t.as(staff, { method: "GET", url: "/api/projects" })).json().total).toBe(before);
  });

  it("keeps other stations out", async () => {
    const need = (await raise(staff, "本站需求")).json();
    const youyi = await t.login("youyi");
    expect((await t.as(youyi, { method: "GET", url: `/api/needs/${need.id}` })).statusCode).toBe(404);
    const list = await t.as(youyi, { method: "GET", url: "/api/needs?pageSize=200" });
    expect(list.json().items.map((n: { id: number }) => n.id)).not.toContain(need.id);
  });
});
