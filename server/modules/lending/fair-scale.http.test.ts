import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Reweigh = {
  id: number;
  outcome: string;
  shortGrams: number;
  overchargeFen: number;
  problemId: number | null;
  findingId: number | null;
};

describe(`the fair scale over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let jumin: Session;
  let shanghu: Session;
  let youyi: Session;
  let district: Session;
  let stationId: number;
  let stall: { id: number; code: string; merchant_id: number };
  let merchantName: string;

  const count = async (table: "reweighs" | "merchant_findings" | "problems" | "audit_log") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const record = (s: Session, payload: object) => t.as(s, { method: "POST", url: "/api/fair-scale/reweighs", payload });
  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });

  beforeAll(async () => {
    t = await createTestApp();
    [staff, jumin, shanghu, youyi, district] = await Promise.all(["staff", "jumin", "shanghu", "youyi", "district"].map((u) => t.login(u)));
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    const shanghuMerchant = (await db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow())
      .merchant_id;
    stall = (await db
      .selectFrom("stalls")
      .select(["id", "code", "merchant_id"])
      .where("station_id", "=", stationId)
      .where("merchant_id", "is not", null)
      .where("merchant_id", "!=", shanghuMerchant ?? 0)
      .orderBy("code", "desc")
      .executeTakeFirstOrThrow()) as { id: number; code: string; merchant_id: number };
    merchantName = (await db.selectFrom("merchants").select("name").where("id", "=", stall.merchant_id).executeTakeFirstOrThrow()).name;
  });
  afterAll(() => t.close());

  const base = () => ({ stallId: stall.id, goods: "羊肉", claimedGrams: 1000, actualGrams: 1000, unitPriceFen: 4200 });

  it("refuses a weight or price that is not a positive number, naming the field, writing nothing", async () => {
    const before = [await count("reweighs"), await count("merchant_findings"), await count("audit_log")];
    const cases: [object, string][] = [
      [{ claimedGrams: -5 }, "claimedGrams"],
      [{ actualGrams: 0 }, "actualGrams"],
      [{ actualGrams: "abc" }, "actualGrams"],
      [{ claimedGrams: 12.5 }, "claimedGrams"],
      [{ unitPriceFen: 0 }, "unitPriceFen"],
      [{ unitPriceFen: -300 }, "unitPriceFen"],
      [{ goods: "" }, "goods"],
    ];
    for (const [patch, field] of cases) {
      const res = await record(staff, { ...base(), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.id).toBe("request.invalid");
      expect(fieldsNamed(res)).toContain(field);
    }
    const missing = await record(staff, { stallId: stall.id, goods: "苹果", claimedGrams: 500, unitPriceFen: 450 });
    expect(missing.json().error.fields).toEqual([{ field: "actualGrams", message: "必填" }]);
    expect([await count("reweighs"), await count("merchant_findings"), await count("audit_log")]).toEqual(before);
  });

  it("a fair re-weigh leaves no finding; within the tolerance is fair", async () => {
    const findings = await count("merchant_findings");
    const fair = await record(staff, { ...base(), actualGrams: 992, shopperName: "王阿姨" });
    expect(fair.statusCode).toBe(201);
    expect(fair.json()).toMatchObject({
      outcome: "fair",
      shortGrams: 8,
      toleranceGrams: 10,
      findingId: null,
      problemId: null,
      shopperName: "王阿姨",
    });
    expect(await count("merchant_findings")).toBe(findings);
  });

  it("a short re-weigh by staff with redress: a finding on the merchant's record and a problem in the loop", async () => {
    const problems = await count("problems");
    const res = await record(staff, { ...base(), actualGrams: 950, wantsRedress: true, shopperName: "李师傅" });
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({ outcome: "short", shortGrams: 50, overchargeFen: 420, merchantId: stall.merchant_id, stallCode: stall.code });
    expect(w.findingId).not.toBeNull();
    expect(w.problemId).not.toBeNull();
    expect(await count("problems")).toBe(problems + 1);
    const problem = await t.database.db.selectFrom("problems").selectAll().where("id", "=", w.problemId).executeTakeFirstOrThrow();
    expect(problem).toMatchObject({
      category_code: "market_order",
      source: "walk_in",
      stall_id: stall.id,
      status: "submitted",
      reporter_name: "李师傅",
    });
    expect(problem.description).toContain("羊肉");
    expect(problem.description).toContain("50 克");
    // The problem is in the governance loop for the staff.
    const viaLoop = await get(staff, `/api/problems/${w.problemId}`);
    expect(viaLoop.statusCode).toBe(200);
    expect(viaLoop.json().title).toContain(stall.code);

    // The merchant's record shows the finding.
    const record_ = (await get(staff, `/api/fair-scale/findings?merchantId=${stall.merchant_id}`)).json();
    expect(record_.items[0]).toMatchObject({ reweighId: w.id, shortGrams: 50, overchargeFen: 420, problemId: w.problemId });
    expect(record_.items[0].summary).toContain("羊肉");
    expect(record_.items[0].summary).toContain("短 50 克");
    expect(record_.total).toBeGreaterThanOrEqual(1);
    expect(record_.lastYear).toBe(
      record_.items.filter((f: { createdAt: string }) => f.createdAt >= new Date(t.clock.now().getTime() - 365 * 86_400_000).toISOString())
        .length,
    );
    // Short without redress: a finding, no problem.
    const quiet = (await record(staff, { ...base(), goods: "牛肉", actualGrams: 900 })).json();
    expect(quiet.findingId).not.toBeNull();
    expect(quiet.problemId).toBeNull();
    expect(await count("problems")).toBe(problems + 1);
  });

  it("a shopper on the phone records their own re-weigh and asks for redress", async () => {
    const stalls = (await get(jumin, "/api/fair-scale/stalls")).json();
    expect(stalls.find((s: { id: number }) => s.id === stall.id)).toMatchObject({ code: stall.code, merchantName });
    const shopperName = await record(jumin, { ...base(), shopperName: "冒名" });
    expect(shopperName.statusCode).toBe(400);
    expect(shopperName.json().error.fields[0].field).toBe("shopperName");
    const res = await record(jumin, {
      ...base(),
      goods: "葡萄干",
      claimedGrams: 500,
      actualGrams: 470,
      unitPriceFen: 2000,
      wantsRedress: true,
    });
    expect(res.statusCode).toBe(201);
    const w = res.json() as Reweigh;
    expect(w).toMatchObject({ outcome: "short", shortGrams: 30, overchargeFen: 120 });
    const juminUser = await t.database.db
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("username", "=", "jumin")
      .executeTakeFirstOrThrow();
    const problem = await t.database.db.selectFrom("problems").selectAll().where("id", "=", w.problemId).executeTakeFirstOrThrow();
    expect(problem).toMatchObject({ source: "resident", reporter_user_id: juminUser.id });
    // jumin follows it as their own problem, and sees the re-weigh in their list.
    expect((await get(jumin, `/api/problems/${w.problemId}`)).statusCode).toBe(200);
    const mine = (await get(jumin, "/api/fair-scale/mine")).json();
    expect(mine[0]).toMatchObject({ id: w.id, shopperName: juminUser.display_name });
    // But not the merchant's record, nor the list.
    expect((await get(jumin, `/api/fair-scale/findings?merchantId=${stall.merchant_id}`)).statusCode).toBe(403);
    expect((await get(jumin, "/api/fair-scale/reweighs")).statusCode).toBe(403);
    // The merchant hears of the finding.
    const notes = await t.database.db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select("n.body")
      .where("u.merchant_id", "=", stall.merchant_id)
      .where("n.kind", "=", "reweigh.short")
      .execute();
    if (notes.length > 0) expect(notes.some((n) => n.body.includes("葡萄干"))).toBe(true);
  });

  it("refuses a stall of another station, and a merchant re-weighing at their own stall", async () => {
    const db = t.database.db;
    const foreignStall = await db
      .selectFrom("stalls")
      .select("id")
      .where("station_id", "!=", stationId)
      .where("merchant_id", "is not", null)
      .executeTakeFirstOrThrow();
    const wrong = await record(staff, { ...base(), stallId: foreignStall.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ id: "reweigh.bad_stall", fields: [{ field: "stallId" }] });
    const own = (await db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow())
      .merchant_id;
    const ownStall = await db.selectFrom("stalls").select("id").where("merchant_id", "=", own).executeTakeFirstOrThrow();
    const self = await record(shanghu, { ...base(), stallId: ownStall.id });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.id).toBe("reweigh.own_stall");
    // Another stall is fine for a merchant shopping in the market.
    expect((await record(shanghu, { ...base(), actualGrams: 1001 })).statusCode).toBe(201);
    const scaleOfOther = await record(staff, { ...base(), scaleItemId: 999_999 });
    expect(scaleOfOther.json().error).toMatchObject({ id: "reweigh.bad_scale", fields: [{ field: "scaleItemId" }] });
  });

  it("lists, filters and exports; scopes hold across stations", async () => {
    const short = (await get(staff, `/api/fair-scale/reweighs?outcome=short&merchantId=${stall.merchant_id}`)).json();
    expect(short.items.length).toBeGreaterThanOrEqual(3);
    expect(short.items.every((w: Reweigh) => w.outcome === "short")).toBe(true);
    const today = stationDate(t.clock.now());
    const todays = (await get(staff, `/api/fair-scale/reweighs?from=${today}&to=${today}&pageSize=100`)).json();
    expect(todays.total).toBeGreaterThanOrEqual(5);
    const xlsx = await get(staff, "/api/fair-scale/reweighs/export?outcome=short");
    expect(xlsx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    // The district reads; the other station sees nothing of Tianyuan's and not its merchants' records.
    expect((await get(district, `/api/fair-scale/findings?merchantId=${stall.merchant_id}`)).statusCode).toBe(200);
    expect((await get(youyi, `/api/fair-scale/findings?merchantId=${stall.merchant_id}`)).statusCode).toBe(404);
    // 友谊's list holds its own re-weighs only, none at Tianyuan's stalls.
    const youyiStation = (
      await t.database.db.selectFrom("users").select("org_unit_id").where("username", "=", "youyi").executeTakeFirstOrThrow()
    ).org_unit_id;
    const theirs = (await get(youyi, "/api/fair-scale/reweighs?pageSize=100")).json();
    expect(theirs.total).toBeGreaterThan(0);
    expect(
      theirs.items.every(
        (w: { stationId: number; merchantId: number }) => w.stationId === youyiStation && w.merchantId !== stall.merchant_id,
      ),
    ).toBe(true);
    expect((await record(youyi, base())).json().error.id).toBe("reweigh.bad_stall");
    const ours = (await get(staff, "/api/fair-scale/reweighs")).json().total;
    expect((await get(district, "/api/fair-scale/reweighs")).json().total).toBe(ours + theirs.total);
    expect((await record(district, base())).statusCode).toBe(403);
  });

  it("refuses a re-weigh filter date that is not on the calendar, naming the field, instead of failing", async () => {
    for (const url of ["/api/fair-scale/reweighs?from=2026-13-01", "/api/fair-scale/reweighs/export?to=2026-02-30"]) {
      const res = await get(staff, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields[0].field).toMatch(/(from|to)$/);
    }
  });
});
