import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCreditCode } from "../../demo/identifiers.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../test/helpers.ts";

describe(`Idempotency-Key (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
  });
  afterAll(() => t.close());

  const create = (key: string, serial: number) =>
    t.as(staff, {
      method: "POST",
      url: "/api/merchants",
      headers: { "idempotency-key": key },
      payload: {
        name: `幂等商户${serial}`,
        category: "other",
        operatorName: "测试",
        mobile: "13700001111",
        creditCode: makeCreditCode(serial),
      },
    });
  const total = async () => (await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total;

  it("creates once for many simultaneous requests with one key, and replays the answer", async () => {
    const before = await total();
    const answers = await Promise.all(Array.from({ length: 10 }, () => create("same-key", 777_001)));
    expect(await total()).toBe(before + 1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(a.json().error.id).toBe("request.in_progress");
    const later = await create("same-key", 777_001);
    expect(later.statusCode).toBe(201);
    expect(later.headers["idempotent-replayed"]).toBe("true");
    expect(later.json().id).toBe(created[0].json().id);
  });

  it("releases the key after a refused request, so a corrected retry goes through", async () => {
    const bad = await t.as(staff, {
      method: "POST",
      url: "/api/merchants",
      headers: { "idempotency-key": "retry-key" },
      payload: { name: "x", category: "other", operatorName: "测试", mobile: "123", creditCode: makeCreditCode(777_002) },
    });
    expect(bad.statusCode).toBe(400);
    const good = await create("retry-key", 777_002);
    expect(good.statusCode).toBe(201);
    expect(good.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("refuses a key reused for another operation", async () => {
    const stall = { code: "Z99", area: 10, x: 0, y: 0, w: 10, h: 10 };
    const res = await t.as(staff, { method: "POST", url: "/api/stalls", headers: { "idempotency-key": "same-key" }, payload: stall });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.id).toBe("request.idempotency_mismatch");
  });

  it("keeps keys per account", async () => {
    const other = await t.login("zhanzhang");
    const res = await t.as(other, {
      method: "POST",
      url: "/api/merchants",
      headers: { "idempotency-key": "same-key" },
      payload: { name: "另一账号", category: "other", operatorName: "测试", mobile: "13700001112", creditCode: makeCreditCode(777_003) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers["idempotent-replayed"]).toBeUndefined();
  });
});
