import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_ROOT } from "../app.ts";
import { createMerchant } from "../modules/merchants/merchants.test-factories.ts";
import { createTestApp, dialectName, type TestApp } from "./helpers.ts";

describe(`platform endpoints (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers health and readiness", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ url: "/readyz" })).json()).toEqual({ status: "ready", database: dialectName });
  });

  it("publishes an OpenAPI 3.1 contract covering every API route", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    for (const rule of t.app.accessRules) {
      expect(paths).toContain(rule.url.replace(/:(\w+)/g, "{$1}"));
    }
    expect(doc.paths["/api/merchants"].post.requestBody.content["application/json"].schema.properties.creditCode).toBeDefined();
  });

  it("serves the API browser at /docs", async () => {
    const res = await t.app.inject({ url: "/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
  });

  it("answers unknown API routes with a catalogued 404 in the caller's language", async () => {
    const zh = await t.app.inject({ url: "/api/nothing-here" });
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toEqual({ error: { id: "route.not_found", message: "接口不存在" } });
    const en = await t.app.inject({ url: "/api/nothing-here", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(en.json().error.message).toBe("No such endpoint");
  });

  it.runIf(existsSync(join(WEB_ROOT, "index.html")))("serves the console and the mobile app for their client-side routes", async () => {
    const consolePage = await t.app.inject({ url: "/merchants/12" });
    expect(consolePage.statusCode).toBe(200);
    expect(consolePage.headers["content-type"]).toContain("text/html");
    const mobile = await t.app.inject({ url: "/m/profile" });
    expect(mobile.body).toContain("/assets/mobile-");
    expect((await t.app.inject({ url: "/m" })).headers.location).toBe("/m/");
    expect((await t.app.inject({ url: "/assets/missing.js" })).statusCode).toBe(404);
  });

  it("refuses anonymous calls with 401", async () => {
    const res = await t.app.inject({ url: "/api/merchants" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.id).toBe("auth.required");
  });

  it("computes the station's key counts from its records", async () => {
    const s = await t.login("staff");
    const before = (await t.as(s, { url: "/api/home" })).json();
    await createMerchant(t, s, { name: "首页测试党员药房", category: "pharmacy", isPartyMember: true });
    const paused = await createMerchant(t, s, { name: "首页测试停业药房", category: "pharmacy" });
    const suspend = { status: "suspended", version: paused.version };
    expect((await t.as(s, { method: "POST", url: `/api/merchants/${paused.id}/status`, payload: suspend })).statusCode).toBe(200);
    const home = (await t.as(s, { url: "/api/home" })).json();
    const pharmacies = (h: { merchantsByCategory: { category: string; count: number }[] }) =>
      h.merchantsByCategory.find((c) => c.category === "pharmacy")?.count ?? 0;
    expect(home).toMatchObject({
      stations: 1,
      merchants: before.merchants + 2,
      merchantsOpen: before.merchantsOpen + 1,
      partyMemberMerchants: before.partyMemberMerchants + 1,
    });
    expect(pharmacies(home)).toBe(pharmacies(before) + 2);
    expect(home.merchantsByCategory.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(home.merchants);
    expect(home.allianceUnitsByKind.reduce((n: number, k: { count: number }) => n + k.count, 0)).toBe(home.allianceUnits);
    const db = t.database.db;
    const atStation = async (table: "stalls" | "residents") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("station_id", "=", 4)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const occupied = await db
      .selectFrom("stalls")
      .select((eb) => eb.fn.count<number>("merchant_id").as("n"))
      .where("station_id", "=", 4)
      .executeTakeFirstOrThrow();
    expect(home.stalls).toBe(await atStation("stalls"));
    expect(home.stallsOccupied).toBe(Number(occupied.n));
    expect(home.residents).toBe(await atStation("residents"));
    const units = await db
      .selectFrom("alliance_units")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("station_id", "=", 4)
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    expect(home.allianceUnits).toBe(Number(units.n));
    const alone = await db
      .selectFrom("residents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("lives_alone", "=", 1)
      .where("is_elderly", "=", 1)
      .where("station_id", "=", 4)
      .executeTakeFirstOrThrow();
    expect(home.residentsElderlyAlone).toBe(Number(alone.n));
  });

  it("rolls the district up over its stations", async () => {
    const s = await t.login("district");
    const youyi = await t.login("youyi");
    const before = (await t.as(s, { url: "/api/home" })).json();
    const tianyuanBefore = (await t.as(s, { url: "/api/home?stationId=4" })).json();
    const youyiBefore = (await t.as(youyi, { url: "/api/home" })).json();
    expect(before.merchants).toBe(tianyuanBefore.merchants + youyiBefore.merchants);
    await createMerchant(t, youyi, { name: "汇总测试友谊商户" });
    const home = (await t.as(s, { url: "/api/home" })).json();
    expect(home.stations).toBe(2);
    expect(home.merchants).toBe(before.merchants + 1);
    const one = (await t.as(s, { url: "/api/home?stationId=4" })).json();
    expect(one.merchants).toBe(tianyuanBefore.merchants);
  });

  it("shows a station account its branch of the org tree only", async () => {
    const s = await t.login("youyi");
    const units = (await t.as(s, { url: "/api/org-units" })).json();
    expect(units.map((u: { name: string }) => u.name)).toEqual(["克拉玛依区", "银河路街道", "友谊社区", "友谊市场党群服务站"]);
  });
});
