import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCreditCode } from "../../../demo/identifiers.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

const stall = { code: "T-999", area: 12.5, x: 900, y: 900, w: 4, h: 3 };

describe(`stalls (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let other: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    other = await t.login("youyi");
  });
  afterAll(() => t.close());

  it("adds a stall, refuses its code twice, and lets it only to a merchant of the station", async () => {
    const res = await t.as(staff, { method: "POST", url: "/api/stalls", payload: stall });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: "T-999", area: 12.5, merchantId: null, version: 1 });
    const dup = await t.as(staff, { method: "POST", url: "/api/stalls", payload: stall });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ id: "stall.code_taken", fields: [{ field: "code" }] });

    const foreign = await t.as(other, {
      method: "POST",
      url: "/api/merchants",
      payload: { name: "友谊小店", category: "other", operatorName: "某人", mobile: "13700000001", creditCode: makeCreditCode(990001) },
    });
    expect(foreign.statusCode).toBe(201);
    const bad = await t.as(staff, {
      method: "PATCH",
      url: `/api/stalls/${res.json().id}`,
      payload: { merchantId: foreign.json().id, version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ id: "request.invalid", fields: [{ field: "merchantId" }] });

    const merchant = (await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().items[0];
    const let_ = await t.as(staff, {
      method: "PATCH",
      url: `/api/stalls/${res.json().id}`,
      payload: { merchantId: merchant.id, version: 1 },
    });
    expect(let_.statusCode).toBe(200);
    expect(let_.json()).toMatchObject({ merchantId: merchant.id, merchantName: merchant.name, version: 2 });
    // Moving the stall leaves the merchant where it is.
    const moved = await t.as(staff, { method: "PATCH", url: `/api/stalls/${res.json().id}`, payload: { x: 901, version: 2 } });
    expect(moved.json()).toMatchObject({ x: 901, merchantId: merchant.id, version: 3 });
  });

  it("searches by code or merchant name and filters occupied stalls", async () => {
    const byCode = await t.as(staff, { method: "GET", url: "/api/stalls?q=T-999" });
    expect(byCode.json().items.map((s: { code: string }) => s.code)).toEqual(["T-999"]);
    const name = byCode.json().items[0].merchantName as string;
    const byName = await t.as(staff, { method: "GET", url: `/api/stalls?q=${encodeURIComponent(name)}` });
    expect(byName.json().items.map((s: { code: string }) => s.code)).toContain("T-999");
    const vacant = await t.as(staff, { method: "GET", url: "/api/stalls?occupied=false&pageSize=1000" });
    expect(vacant.json().items.every((s: { merchantId: number | null }) => s.merchantId === null)).toBe(true);
    const occupied = await t.as(staff, { method: "GET", url: "/api/stalls?occupied=true&pageSize=1000" });
    expect(occupied.json().items.every((s: { merchantId: number | null }) => s.merchantId !== null)).toBe(true);
    const all = await t.as(staff, { method: "GET", url: "/api/stalls?pageSize=1" });
    expect(all.json().total).toBe(vacant.json().total + occupied.json().total);
  });

  it("removes a stall only at the current version, and hides it from other stations", async () => {
    const s = (await t.as(staff, { method: "GET", url: "/api/stalls?q=T-999" })).json().items[0];
    expect((await t.as(other, { method: "GET", url: `/api/stalls/${s.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: "DELETE", url: `/api/stalls/${s.id}?version=${s.version}` })).statusCode).toBe(404);
    const stale = await t.as(staff, { method: "DELETE", url: `/api/stalls/${s.id}?version=1` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    const gone = await t.as(staff, { method: "DELETE", url: `/api/stalls/${s.id}?version=${s.version}` });
    expect(gone.statusCode).toBe(200);
    expect((await t.as(staff, { method: "GET", url: `/api/stalls/${s.id}` })).statusCode).toBe(404);
    const actions = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "stall")
      .where("object_id", "=", String(s.id))
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["stall.created", "stall.updated", "stall.updated", "stall.deleted"]);
  });
});
