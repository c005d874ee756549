// What a reporter and a unit are told about a problem, through the API: in the language each chose with the
// language switch (PUT /api/auth/locale), "submitted" at submission and "accepted" only on acceptance, and the
// resolution quoted without doubling the writer's full stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

interface Notice {
  kind: string;
  title: string;
  body: string;
}

const expected = {
  "zh-CN": {
    submitted: { title: "问题已提交", body: "已提交天源市场党群服务站，编号" },
    accepted: { title: "问题已受理", body: "已由天源市场党群服务站受理" },
    unit: { title: "新的交办问题", body: "天源市场党群服务站将问题「" },
    resolved: { title: "问题已办结，请评价", body: "已办结：已疏通排水沟并铺设防滑垫。请确认并评价。" },
  },
  en: {
    submitted: { title: "Report received", body: "was received by 天源市场党群服务站 under number" },
    accepted: { title: "Report accepted", body: "天源市场党群服务站 has accepted your report" },
    unit: { title: "New problem assigned to you", body: "天源市场党群服务站 has assigned the problem" },
    resolved: {
      title: "Report resolved: please rate it",
      body: "has been resolved: 已疏通排水沟并铺设防滑垫. Please confirm and rate it.",
    },
  },
} as const;

describe(`problem notices follow the recipient's language (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let merchant: Session;
  let wuye: Session;
  let wuyeUnitId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [staff, merchant, wuye] = await Promise.all(["staff", "shanghu", "wuye"].map((u) => t.login(u)));
    wuyeUnitId = (
      await t.database.db.selectFrom("users").select("alliance_unit_id").where("username", "=", "wuye").executeTakeFirstOrThrow()
    ).alliance_unit_id as number;
  });
  afterAll(() => t.close());

  const latest = async (s: Session): Promise<Notice> => (await t.as(s, { method: "GET", url: "/api/notifications" })).json().items[0];
  const act = async (s: Session, id: number, payload: Record<string, unknown>) => {
    const res = await t.as(s, { method: "POST", url: `/api/problems/${id}/actions`, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { version: number };
  };

  it.each(["zh-CN", "en"] as const)("reporter and unit reading %s", async (locale) => {
    for (const s of [merchant, wuye]) {
      expect((await t.as(s, { method: "PUT", url: "/api/auth/locale", payload: { locale } })).statusCode).toBe(200);
    }
    const want = expected[locale];
    const res = await t.as(merchant, {
      method: "POST",
      url: "/api/problems",
      payload: { title: `通道积水 ${locale}`, description: "下雨后摊位前通道积水", categoryCode: "facility" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as { id: number; version: number };

    const submitted = await latest(merchant);
    expect(submitted).toMatchObject({ kind: "problem.submitted", title: want.submitted.title });
    expect(submitted.body).toContain(want.submitted.body);

    const accepted = await act(staff, p.id, { action: "accept", version: p.version });
    expect(await latest(merchant)).toMatchObject({ kind: "problem.accept", title: want.accepted.title });
    expect((await latest(merchant)).body).toContain(want.accepted.body);

    const assigned = await act(staff, p.id, { action: "assign", unitId: wuyeUnitId, version: accepted.version });
    const unit = await latest(wuye);
    expect(unit).toMatchObject({ kind: "problem.assigned_to_unit", title: want.unit.title });
    expect(unit.body).toContain(want.unit.body);

    await act(wuye, p.id, { action: "resolve", note: "已疏通排水沟并铺设防滑垫。", photoIds: [], version: assigned.version });
    const resolved = await latest(merchant);
    expect(resolved).toMatchObject({ kind: "problem.resolve", title: want.resolved.title });
    expect(resolved.body).toContain(want.resolved.body);
    expect(resolved.body).not.toContain("。。");
  });
});
