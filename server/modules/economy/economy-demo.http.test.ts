// The report's money figures, computed from the demo's records (never typed): loans, relief, survival, directed
// consumption and funding. The demo is written from the suite's clock, so the periods are taken from it too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shiftMonth, stationMonth } from "../../../contracts/calendar.ts";
import { economyFigures } from "../../../demo/economy.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`the report's figures from the demo's records (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  const policies: Record<string, { id: number }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
    const list = (await t.as(staff, { method: "GET", url: "/api/policies?pageSize=50" })).json();
    for (const p of list.items) if (p.status === "closed") policies[p.kind] = p;
  });
  afterAll(() => t.close());

  it("has the market's 129 merchants", async () => {
    const n = await t.database.db
      .selectFrom("merchants")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(129);
  });

  it("gives 47 interest-subsidised loans totalling 2.09 M yuan, with the eligible merchants not reached beside them", async () => {
    const c = (await t.as(staff, { method: "GET", url: `/api/policies/${policies.loan_subsidy.id}/coverage` })).json();
    expect(c.reached).toBe(economyFigures.loans.count);
    expect(c.disbursedFen).toBe(economyFigures.loans.principalFen);
    expect(c.subsidyFen).toBeGreaterThan(0);
    expect(c.notReached.length).toBe(c.eligible - c.reached);
    expect(c.eligible).toBe(129);
  });

  it("gives 109 merchants rent and heating relief totalling 284 k yuan", async () => {
    const rent = (await t.as(staff, { method: "GET", url: `/api/policies/${policies.rent_relief.id}/coverage` })).json();
    const heating = (await t.as(staff, { method: "GET", url: `/api/policies/${policies.heating_relief.id}/coverage` })).json();
    expect(rent.disbursedFen + heating.disbursedFen).toBe(economyFigures.relief.totalFen);
    const reached = new Set<number>();
    for (const p of [rent, heating]) {
      const notReached = new Set(p.notReached.map((m: { merchantId: number }) => m.merchantId));
      const all = await t.database.db.selectFrom("merchants").select("id").where("station_id", "=", stationId).execute();
      for (const m of all) if (!notReached.has(m.id)) reached.add(m.id);
    }
    expect(reached.size).toBe(economyFigures.relief.merchants);
    expect(rent.notReached.some((m: { applicationStatus: string | null }) => m.applicationStatus === "rejected")).toBe(true);
  });

  it("finds none of the 129 closed because of the epidemic over the past year, with the relief beside each", async () => {
    const to = stationMonth(t.clock.now());
    const s = (await t.as(staff, { method: "GET", url: `/api/economy/survival?from=${shiftMonth(to, -11)}&to=${to}` })).json();
    expect(s.merchants).toBe(129);
    expect(s.closedByEpidemic).toBe(0);
    expect(s.closed).toBe(0);
    expect(s.reliefFen).toBe(economyFigures.loans.principalFen + economyFigures.relief.totalFen);
    expect(s.rows.filter((r: { reliefCount: number }) => r.reliefCount > 0).length).toBeGreaterThanOrEqual(109);
  });

  it("has 89 enterprises whose confirmed purchases total 3.705 M yuan", async () => {
    const db = t.database.db;
    const e = await db
      .selectFrom("economy_enterprises")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    expect(Number(e.n)).toBe(economyFigures.consumption.enterprises);
    const sum = await db
      .selectFrom("economy_purchases")
      .select((eb) => eb.fn.sum<number>("amount_fen").as("s"))
      .where("station_id", "=", stationId)
      .where("status", "=", "confirmed")
      .executeTakeFirstOrThrow();
    expect(Number(sum.s)).toBe(economyFigures.consumption.confirmedFen);
  });

  it("shows the four funding sources on the public page, spent within what each received", async () => {
    const page = (await t.app.inject({ method: "GET", url: `/api/public/funding?stationId=${stationId}` })).json();
    const byName = Object.fromEntries(page.sources.map((s: { name: string; receivedFen: number; spentFen: number }) => [s.name, s]));
    expect(byName.克拉玛依石化公司.receivedFen).toBe(economyFigures.funding.companyFen);
    expect(byName.克拉玛依区财政局.receivedFen).toBe(economyFigures.funding.districtFen);
    expect(byName.翼龙宾馆.receivedFen).toBe(economyFigures.funding.hotelFen);
    expect(byName.天源市场龙头商户.receivedFen).toBe(economyFigures.funding.nightMarketFen);
    for (const s of page.sources) expect(s.spentFen).toBeLessThanOrEqual(s.receivedFen);
    const projects = await t.database.db
      .selectFrom("projects")
      .select(["id", "name"])
      .where("station_id", "=", stationId)
      .where("name", "=", "百姓大舞台")
      .executeTakeFirstOrThrow();
    const funding = (await t.as(staff, { method: "GET", url: `/api/projects/${projects.id}/funding` })).json();
    expect(funding.allocatedFen).toBe(economyFigures.funding.hotelFen);
  });

  it("reads the projects' outcome figures from the records they link to, not from typed numbers", async () => {
    const project = async (name: string) =>
      (
        await t.database.db
          .selectFrom("projects")
          .select("id")
          .where("station_id", "=", stationId)
          .where("name", "=", name)
          .executeTakeFirstOrThrow()
      ).id;
    const figures = async (name: string) =>
      (await t.as(staff, { method: "GET", url: `/api/projects/${await project(name)}/figures` })).json();
    const loans = await figures("“两免一贴”创业担保贴息贷款");
    expect(loans.figures.map((f: { value: number }) => f.value)).toEqual([economyFigures.loans.count, economyFigures.loans.principalFen]);
    const relief = await figures("房租、暖气费减免");
    expect(relief.figures[0].value).toBe(economyFigures.relief.merchants);
    expect(relief.figures[1].value + relief.figures[2].value).toBe(economyFigures.relief.totalFen);
    const consumption = await figures("园区企业定向消费");
    expect(consumption.figures.map((f: { value: number }) => f.value)).toEqual([
      economyFigures.consumption.enterprises,
      economyFigures.consumption.confirmedFen,
    ]);
    const night = await figures("天源夜市");
    expect(night.funding.allocatedFen).toBe(economyFigures.funding.nightMarketFen);
    expect(night.figures[0].value).toBe(economyFigures.funding.nightMarketFen);
    // What the night market, the promotions, the stage and the counter produced: from their own records.
    const byFigure = (f: { figures: { figure: string; value: number; unit: string }[] }) =>
      Object.fromEntries(f.figures.map((x) => [x.figure, x]));
    const nightly = byFigure(night);
    expect(nightly.night_visitors.value).toBeGreaterThan(1400);
    expect(nightly.night_visitors.value).toBeLessThan(1600);
    expect(nightly.night_visitors.unit).toBe("visits");
    expect(nightly.night_turnover.value).toBeGreaterThanOrEqual(8_000_000);
    expect(nightly.night_turnover.value).toBeLessThanOrEqual(10_000_000);
    expect(nightly.night_jobs).toMatchObject({ value: 14, unit: "people" });
    const promotions = byFigure(await figures("节日主题促销"));
    expect(promotions.promotion_visits).toMatchObject({ value: 3500, unit: "visits" });
    expect(Math.abs(promotions.promotion_takings.value - 17_500_000)).toBeLessThan(100_000);
    expect(byFigure(await figures("百姓大舞台")).stage_teams).toMatchObject({ value: 2, unit: "teams" });
    expect(byFigure(await figures("党群服务站建设")).counter_items).toMatchObject({ value: 32, unit: "items" });
    // None of those is typed onto its project any more.
    const typed = await t.database.db
      .selectFrom("projects")
      .select(["name", "outcomes_json"])
      .where("station_id", "=", stationId)
      .where("name", "in", ["天源夜市", "节日主题促销", "百姓大舞台", "党群服务站建设"])
      .execute();
    expect(typed.map((p) => [p.name, JSON.parse(p.outcomes_json)])).toEqual(typed.map((p) => [p.name, []]));

    // Relinked by the station: a policy of another station is refused by field, nothing written.
    const id = await project("园区企业定向消费");
    const youyiPolicy = await t.database.db
      .insertInto("economy_policies")
      .values({
        station_id: (
          await t.database.db.selectFrom("org_units").select("id").where("name", "=", "友谊市场党群服务站").executeTakeFirstOrThrow()
        ).id,
        kind: "station",
        title: "友谊站政策",
        beneficiaries: "x",
        conditions: "x",
        amounts: "x",
        where_to_apply: "x",
        contact: "x",
        opens_on: "2026-01-01",
        deadline: "2026-12-31",
        cap_fen: 100,
        eligibility: "{}",
        status: "draft",
        opened_notified_at: null,
        reminded_at: null,
        created_by_user_id: null,
        created_at: t.clock.now().toISOString(),
        updated_at: t.clock.now().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const bad = await t.as(staff, {
      method: "PUT",
      url: `/api/projects/${id}/figures`,
      payload: { figures: [{ figure: "policy_reached", policyId: youyiPolicy.id, label: "x" }] },
    });
    expect(bad.json().error).toMatchObject({ id: "economy.bad_policy", fields: [{ field: "figures.0.policyId" }] });
    expect((await figures("园区企业定向消费")).figures.length).toBe(2);
    const ok = await t.as(staff, {
      method: "PUT",
      url: `/api/projects/${id}/figures`,
      payload: { figures: [{ figure: "consumption_confirmed", label: "已确认消费" }] },
    });
    expect(ok.json().figures).toEqual([expect.objectContaining({ label: "已确认消费", value: economyFigures.consumption.confirmedFen })]);
  });

  it("gathers a merchant's file from the registry and every module that keeps records about merchants, and prints it", async () => {
    const user = await t.database.db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow();
    const id = user.merchant_id as number;
    const res = await t.as(staff, { method: "GET", url: `/api/merchants/${id}/file` });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.merchant.id).toBe(id);
    expect(f.stalls.length).toBeGreaterThan(0);
    expect(f.statusHistory.length).toBeGreaterThan(0);
    expect(f.consumption.pendingFen).toBeGreaterThan(0);
    // The events it took part in and its night-market season, from those modules' records.
    const events = await t.database.db.selectFrom("events").select(["id", "merchant_ids"]).execute();
    const takingPart = events.filter((e) => (JSON.parse(e.merchant_ids) as number[]).includes(id)).map((e) => e.id);
    expect(f.events.map((e: { id: number }) => e.id).sort()).toEqual(takingPart.sort());
    expect(f.nightMarket.length).toBeGreaterThan(0);
    expect(f.nightMarket[0]).toMatchObject({ applicationStatus: "approved" });
    const db = t.database.db;
    const operators = (await db.selectFrom("night_market_operators").select("id").where("merchant_id", "=", id).execute()).map((o) => o.id);
    const traded = await db
      .selectFrom("night_market_pitch_nights")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("operator_id", "in", operators)
      .where("status", "=", "checked_in")
      .executeTakeFirstOrThrow();
    expect(f.nightMarket.reduce((n: number, s: { nights: number }) => n + s.nights, 0)).toBe(Number(traded.n));
    // A merchant who traded at the night market: its nights and takings as the night market recorded them.
    const trader = await db
      .selectFrom("night_market_takings as k")
      .innerJoin("night_market_operators as o", "o.id", "k.operator_id")
      .select(["o.merchant_id", (eb) => eb.fn.sum<number>("k.amount_fen").as("fen")])
      .where("o.merchant_id", "is not", null)
      .groupBy("o.merchant_id")
      .orderBy("o.merchant_id")
      .executeTakeFirstOrThrow();
    const traderFile = (await t.as(staff, { method: "GET", url: `/api/merchants/${trader.merchant_id}/file` })).json();
    expect(traderFile.nightMarket[0].nights).toBeGreaterThan(0);
    expect(traderFile.nightMarket.reduce((n: number, s: { takingsFen: number }) => n + s.takingsFen, 0)).toBe(Number(trader.fen));
    const paid = f.relief.filter((r: { status: string }) => ["disbursed", "closed"].includes(r.status));
    expect(f.reliefFen).toBe(paid.reduce((s: number, r: { disbursedFen: number }) => s + r.disbursedFen, 0));
    const pdf = await t.as(staff, { method: "GET", url: `/api/merchants/${id}/file.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const youyi = await t.login("youyi");
    expect((await t.as(youyi, { method: "GET", url: `/api/merchants/${id}/file` })).statusCode).toBe(404);
  });

  it("draws the market's stalls with what the map colours them by, and a stall moved through the stalls module shows moved", async () => {
    const map = (await t.as(staff, { method: "GET", url: "/api/economy/map" })).json();
    const stalls = await t.database.db.selectFrom("stalls").select(["id", "merchant_id"]).where("station_id", "=", stationId).execute();
    expect(map.stalls.length).toBe(stalls.length);
    const withRelief = map.stalls.filter((s: { reliefFen: number }) => s.reliefFen > 0).length;
    expect(withRelief).toBeGreaterThanOrEqual(economyFigures.relief.merchants);
    expect(map.stalls.reduce((n: number, s: { reliefFen: number }) => n + s.reliefFen, 0)).toBe(
      economyFigures.loans.principalFen + economyFigures.relief.totalFen,
    );
    const a = map.stalls[0];
    const moved = await t.as(staff, {
      method: "PATCH",
      url: `/api/stalls/${a.id}`,
      payload: { x: a.x + 5, y: a.y + 5, w: a.w + 10, h: a.h, version: a.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const again = (await t.as(staff, { method: "GET", url: "/api/economy/map" })).json().stalls.find((s: { id: number }) => s.id === a.id);
    expect(again).toMatchObject({ x: a.x + 5, y: a.y + 5, w: a.w + 10 });
    const district = await t.login("district");
    expect((await t.as(district, { method: "GET", url: "/api/economy/map" })).json().error.fields[0].field).toBe("stationId");
  });
});
