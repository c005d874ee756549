// Text and money input on every route. NUL bytes and lone surrogates are refused with 400 naming the field,
// before anything is written: left in, PostgreSQL answered 500 on a NUL while SQLite stored it, and both stored
// a lone surrogate as U+FFFD. Money fields are bounded where the domain bounds them, with messages naming the
// bounds (an offer of 0 or of 10 million yuan is refused; a budget past PostgreSQL's 32-bit column answered 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "./helpers.ts";

const BAD_TEXT = "含有不允许的字符（空字符或残缺的 Unicode 字符）";

describe(`text and money input (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  let unitId: number;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    unitId = (
      await db.selectFrom("alliance_units").select("id").where("station_id", "=", stationId).orderBy("id").executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const count = async (table: "problems" | "offers" | "projects" | "audit_log") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const report = (title: string, description = "早上七点前大门未开") =>
    t.as(staff, { method: "POST", url: "/api/problems", payload: { title, description, categoryCode: "other", stationId } });

  it.each([
    ["a NUL byte", "大门\u0000开放"],
    ["a lone high surrogate", "大门\ud800开放"],
    ["a lone low surrogate", "大门开放\udc00"],
  ])("refuses %s in a text field, naming it, and writes nothing", async (_what, title) => {
    const before = { problems: await count("problems"), audit: await count("audit_log") };
    const res = await report(title, "描述\u0000");
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ id: "request.invalid" });
    expect(res.json().error.fields).toEqual([
      { field: "title", message: BAD_TEXT },
      { field: "description", message: BAD_TEXT },
    ]);
    expect({ problems: await count("problems"), audit: await count("audit_log") }).toEqual(before);
  });

  it("names a nested field, a query parameter, and answers in English", async () => {
    const nested = await t.as(staff, {
      method: "POST",
      url: "/api/projects",
      payload: {
        name: "项目",
        ownerUnitId: unitId,
        budgetFen: 100,
        fundingSources: [{ source: "x\ud83d", amountFen: 100 }],
        startDate: "2026-03-01",
      },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.fields).toEqual([{ field: "fundingSources.0.source", message: BAD_TEXT }]);
    const query = await t.as(staff, { method: "GET", url: "/api/merchants?q=%00", headers: { "accept-language": "en" } });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.fields).toEqual([
      { field: "q", message: "Contains characters that are not allowed (a NUL byte or a broken Unicode character)" },
    ]);
  });

  it("keeps whole characters beyond the BMP (a surrogate pair) as they were typed", async () => {
    const res = await report("大门开放时间 😀𠀀");
    expect(res.statusCode).toBe(201);
    const row = await t.database.db.selectFrom("problems").select("title").where("id", "=", res.json().id).executeTakeFirstOrThrow();
    expect(row.title).toBe("大门开放时间 😀𠀀");
  });

  const offer = (amountFen: number) =>
    t.as(staff, {
      method: "POST",
      url: "/api/offers",
      payload: { title: "专项资金", description: "扶持资金", kind: "money", unitId, amountFen },
    });

  it("bounds an offer of money between 1 yuan and 1 million yuan", async () => {
    const before = await count("offers");
    for (const amountFen of [0, 99, 1_000_000_000, 100_000_001, 150.5]) {
      const res = await offer(amountFen);
      expect(res.statusCode, String(amountFen)).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: "amountFen", message: "资助金额应在 1 元至 100 万元之间" }]);
    }
    expect(await count("offers")).toBe(before);
    expect((await offer(100)).statusCode).toBe(201);
    expect((await offer(100_000_000)).statusCode).toBe(201);
  });

  it("bounds a project's budget and funding sources; a budget past the column's range is a 400, not a 500", async () => {
    const before = await count("projects");
    const project = (budgetFen: number, sourceFen = 100) =>
      t.as(staff, {
        method: "POST",
        url: "/api/projects",
        payload: {
          name: "园区企业定向消费",
          ownerUnitId: unitId,
          budgetFen,
          fundingSources: [{ source: "工会经费", amountFen: sourceFen }],
          startDate: "2026-03-01",
        },
      });
    const huge = await project(2 ** 31);
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.fields).toEqual([{ field: "budgetFen", message: "预算应在 0 元至 1000 万元之间" }]);
    expect((await project(-1)).json().error.fields).toEqual([{ field: "budgetFen", message: "预算应在 0 元至 1000 万元之间" }]);
    const source = await project(100, 0);
    expect(source.json().error.fields).toEqual([{ field: "fundingSources.0.amountFen", message: "资金来源金额应在 1 元至 1000 万元之间" }]);
    expect(await count("projects")).toBe(before);
    expect((await project(1_000_000_000, 1_000_000_000)).statusCode).toBe(201);
  });

  it("bounds a service item's fee with a message naming the bounds", async () => {
    const zhanzhang = await t.login("zhanzhang");
    const res = await t.as(zhanzhang, {
      method: "POST",
      url: "/api/services/items",
      payload: { name: "开具证明", timeLimitDays: 1, handling: "on_site", feeFen: 100_000_001 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ field: "feeFen", message: "收费应在 0 元至 100 万元之间" });
  });
});
