import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`alliance units (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let contact: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    contact = await t.login("wuye");
  });
  afterAll(() => t.close());

  it("registers a unit with a masked contact mobile and edits it at the right version", async () => {
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/alliance-units",
      payload: { name: "测试物业", kind: "property_company", contactName: "测试", contactMobile: "13600001111" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "测试物业", status: "active", contactMobile: "136****1111", userCount: 0, version: 1 });
    const found = await t.as(staff, { method: "GET", url: "/api/alliance-units?q=13600001111" });
    expect(found.json().items.map((u: { id: number }) => u.id)).toEqual([res.json().id]);
    const edited = await t.as(staff, {
      method: "PATCH",
      url: `/api/alliance-units/${res.json().id}`,
      payload: { status: "inactive", version: 1 },
    });
    expect(edited.json()).toMatchObject({ status: "inactive", contactMobile: "136****1111", version: 2 });
    const stale = await t.as(staff, { method: "PATCH", url: `/api/alliance-units/${res.json().id}`, payload: { name: "x", version: 1 } });
    expect(stale.statusCode).toBe(409);
  });

  it("shows an alliance contact their own unit only", async () => {
    const all = await t.as(staff, { method: "GET", url: "/api/alliance-units?pageSize=200" });
    expect(all.json().total).toBeGreaterThan(1);
    const mine = await t.as(contact, { method: "GET", url: "/api/alliance-units?pageSize=200" });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBe(1);
    const own = mine.json().items[0];
    expect(own.userCount).toBeGreaterThanOrEqual(1);
    expect((await t.as(contact, { method: "GET", url: `/api/alliance-units/${own.id}` })).statusCode).toBe(200);
    const another = all.json().items.find((u: { id: number }) => u.id !== own.id);
    expect((await t.as(contact, { method: "GET", url: `/api/alliance-units/${another.id}` })).statusCode).toBe(404);
    expect((await t.as(contact, { method: "GET", url: "/api/alliance-units/export" })).statusCode).toBe(403);
  });

  it("exports the list", async () => {
    const xlsx = await t.as(staff, { method: "GET", url: "/api/alliance-units/export" });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});
