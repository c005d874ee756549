import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { merchantSheetColumns } from "../../../contracts/merchants.ts";
import { makeCreditCode } from "../../../demo/identifiers.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";
import { createMerchant, createMerchants } from "./merchants.test-factories.ts";

const valid = {
  name: "天源鲜果屋",
  category: "fruit_vegetable",
  operatorName: "阿依古丽",
  mobile: "13899990001",
  creditCode: makeCreditCode(900001),
};

async function sheet(rows: (string | null)[][], headers: string[] = merchantSheetColumns.map((c) => c.header)) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("商户");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = "merchants.xlsx") {
  const boundary = "----dandelion-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`merchant registry (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
  });
  afterAll(() => t.close());

  it("lists the station's merchants with masked mobiles", async () => {
    const before = (await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total;
    await createMerchants(t, staff, "列表测试商户", 7);
    const res = await t.as(staff, { method: "GET", url: `/api/merchants?pageSize=5&q=${encodeURIComponent("列表测试商户")}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(7);
    expect(res.json().items).toHaveLength(5);
    expect(res.json().items[0].mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect((await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total).toBe(before + 7);
  });

  it("finds merchants by any Chinese substring of the name", async () => {
    for (const name of ["蒲英拉面馆", "老蒲英牛肉面", "蒲公英果屋"]) await createMerchant(t, staff, { name });
    const res = await t.as(staff, { method: "GET", url: `/api/merchants?q=${encodeURIComponent("蒲英")}` });
    const names = res.json().items.map((m: { name: string }) => m.name);
    expect(names.sort()).toEqual(["老蒲英牛肉面", "蒲英拉面馆"].sort());
    expect(res.json().total).toBe(2);
    const three = await t.as(staff, { method: "GET", url: `/api/merchants?q=${encodeURIComponent("英牛肉")}` });
    expect(three.json().items.map((m: { name: string }) => m.name)).toEqual(["老蒲英牛肉面"]);
  });

  it("filters, sorts and pages", async () => {
    const q = encodeURIComponent("排序测试");
    await createMerchants(t, staff, "排序测试药房", 6, { category: "pharmacy" });
    await createMerchants(t, staff, "排序测试杂货", 2, { category: "other" });
    const res = await t.as(staff, { method: "GET", url: `/api/merchants?q=${q}&category=pharmacy&sort=name&order=desc&pageSize=2&page=2` });
    expect(res.json().total).toBe(6);
    expect(res.json().page).toBe(2);
    expect(res.json().items.every((m: { category: string }) => m.category === "pharmacy")).toBe(true);
    expect(res.json().items.map((m: { name: string }) => m.name)).toEqual(["排序测试药房4", "排序测试药房3"]);
    const empty = await t.as(staff, { method: "GET", url: `/api/merchants?q=${q}&page=99` });
    expect(empty.json()).toMatchObject({ items: [], total: 8 });
  });

  it("creates a merchant and refuses a duplicate credit code", async () => {
    const res = await t.as(staff, { method: "POST", url: "/api/merchants", payload: valid });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "天源鲜果屋", status: "open", mobile: "138****0001", version: 1 });
    const dup = await t.as(staff, { method: "POST", url: "/api/merchants", payload: { ...valid, name: "另一家" } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ id: "merchant.credit_code_taken", fields: [{ field: "creditCode" }] });
  });

  it("names every bad field and writes nothing", async () => {
    const before = (await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total;
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/merchants",
      payload: { ...valid, mobile: "12345", creditCode: "91350100M000100Y44", category: "bakery", extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = fieldsNamed(res).sort();
    expect(fields).toEqual(["category", "creditCode", "extra", "mobile"]);
    expect(res.json().error.fields.find((f: { field: string }) => f.field === "creditCode").message).toBe(
      "统一社会信用代码无效（18 位，校验码需正确）",
    );
    expect((await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total).toBe(before);
  });

  it("answers malformed JSON and oversized bodies with a 4xx", async () => {
    const bad = await t.as(staff, {
      method: "POST",
      url: "/api/merchants",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe("request.malformed_json");
    const big = await t.as(staff, {
      method: "POST",
      url: "/api/merchants",
      payload: JSON.stringify({ ...valid, note: "长".repeat(600_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(big.statusCode).toBe(413);
  });

  it("edits with a version check: the second of two concurrent edits gets a conflict", async () => {
    const m = await createMerchant(t, staff, { name: "改名测试商户" });
    const [a, b] = await Promise.all([
      t.as(staff, { method: "PATCH", url: `/api/merchants/${m.id}`, payload: { name: "改名一", version: m.version } }),
      t.as(staff, { method: "PATCH", url: `/api/merchants/${m.id}`, payload: { name: "改名二", version: m.version } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await t.as(staff, { method: "GET", url: `/api/merchants/${m.id}` })).json();
    expect(after.version).toBe(m.version + 1);
    const audit = await t.as(await t.login("zhanzhang"), {
      method: "GET",
      url: `/api/audit?objectType=merchant&objectId=${m.id}&action=merchant.updated`,
    });
    expect(audit.json().total).toBe(1);
    expect(audit.json().items[0].before.name).toBe(m.name);
    expect(["改名一", "改名二"]).toContain(audit.json().items[0].after.name);
  });

  it("leaves fields an edit does not mention untouched", async () => {
    const party = await createMerchant(t, staff, { name: "党员测试商户", isPartyMember: true });
    expect(party.isPartyMember).toBe(true);
    const res = await t.as(staff, {
      method: "PATCH",
      url: `/api/merchants/${party.id}`,
      payload: { note: "党员示范户", version: party.version },
    });
    expect(res.json()).toMatchObject({ isPartyMember: true, note: "党员示范户", name: party.name, mobile: party.mobile });
  });

  it("changes status with history, and a closed merchant stays closed", async () => {
    const m = await createMerchant(t, staff, { name: "状态测试商户" });
    const suspended = await t.as(staff, {
      method: "POST",
      url: `/api/merchants/${m.id}/status`,
      payload: { status: "suspended", reason: "整改", version: m.version },
    });
    expect(suspended.json().status).toBe("suspended");
    const closed = await t.as(staff, {
      method: "POST",
      url: `/api/merchants/${m.id}/status`,
      payload: { status: "closed", version: suspended.json().version },
    });
    expect(closed.json().status).toBe("closed");
    const reopen = await t.as(staff, {
      method: "POST",
      url: `/api/merchants/${m.id}/status`,
      payload: { status: "open", version: closed.json().version },
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.id).toBe("merchant.status_transition");
    const history = (await t.as(staff, { method: "GET", url: `/api/merchants/${m.id}/status-changes` })).json();
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual(["closed", "suspended", "open"]);
    expect(history[1].reason).toBe("整改");
  });

  it("reveals a full mobile only on request, and audits the view", async () => {
    const m = await createMerchant(t, staff, { name: "号码测试商户" });
    const res = await t.as(staff, { method: "GET", url: `/api/merchants/${m.id}/personal` });
    expect(res.json().mobile).toMatch(/^1\d{10}$/);
    expect(res.json().mobile.slice(-4)).toBe(m.mobile.slice(-4));
    const secretary = await t.login("shuji");
    expect((await t.as(secretary, { method: "GET", url: `/api/merchants/${m.id}/personal` })).statusCode).toBe(403);
    const audit = await t.as(await t.login("zhanzhang"), {
      method: "GET",
      url: `/api/audit?action=merchant.personal_viewed&objectId=${m.id}`,
    });
    expect(audit.json().total).toBe(1);
  });

  it("hides another station's merchants (404, not 403)", async () => {
    const other = await t.login("youyi");
    const otherBefore = (await t.as(other, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total;
    const ours = await createMerchant(t, staff, { name: "隔离测试商户" });
    expect((await t.as(other, { method: "GET", url: `/api/merchants/${ours.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: "PATCH", url: `/api/merchants/${ours.id}`, payload: { name: "x", version: 1 } })).statusCode).toBe(
      404,
    );
    expect((await t.as(other, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total).toBe(otherBefore);
    expect((await t.as(other, { method: "GET", url: `/api/merchants?q=${encodeURIComponent("隔离测试商户")}` })).json().total).toBe(0);
    const district = await t.login("district");
    expect((await t.as(district, { method: "GET", url: `/api/merchants?q=${encodeURIComponent("隔离测试商户")}` })).json().total).toBe(1);
  });

  it("exports the current filter as a workbook that opens", async () => {
    await createMerchants(t, staff, "导出测试药房", 3, { category: "pharmacy" });
    await createMerchant(t, staff, { name: "导出测试杂货" });
    const res = await t.as(staff, { method: "GET", url: `/api/merchants/export?category=pharmacy&q=${encodeURIComponent("导出测试")}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("商户名称");
    expect(ws.rowCount).toBe(1 + 3);
  });

  it("imports: preview marks bad rows, importing nothing writes nothing, valid rows go in once", async () => {
    const before = (await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total;
    const file = await sheet([
      ["导入超市", "超市", "张三", "13700000001", makeCreditCode(910001), "2024-01-01", "2034-01-01", "否", null],
      ["导入面馆", "餐饮", "李四", "1370000", makeCreditCode(910002), null, null, "是", null],
      ["导入药房", "面包", "王五", "13700000003", "91350100M000100Y44", null, null, null, null],
      ["重复代码", "果蔬", "赵六", "13700000004", makeCreditCode(910001), null, null, null, null],
    ]);
    const preview = await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...multipart(file) });
    expect(preview.statusCode).toBe(201);
    const p = preview.json();
    expect(p).toMatchObject({ totalRows: 4, validRows: 1, status: "previewed" });
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "手机号" }),
        expect.objectContaining({ row: 4, column: "经营类别" }),
        expect.objectContaining({ row: 4, column: "统一社会信用代码" }),
        expect.objectContaining({ row: 5, column: "统一社会信用代码" }),
      ]),
    );
    const all = await t.as(staff, { method: "POST", url: `/api/imports/${p.id}/commit`, payload: { mode: "all" } });
    expect(all.statusCode).toBe(409);
    expect((await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total).toBe(before);
    const [one, two] = await Promise.all([
      t.as(staff, { method: "POST", url: `/api/imports/${p.id}/commit`, payload: { mode: "valid_only" } }),
      t.as(staff, { method: "POST", url: `/api/imports/${p.id}/commit`, payload: { mode: "valid_only" } }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    expect((await t.as(staff, { method: "GET", url: "/api/merchants?pageSize=1" })).json().total).toBe(before + 1);
  });

  it("refuses a sheet with the wrong columns, naming them", async () => {
    const file = await sheet([["a", "b"]], ["名称", "类别"]);
    const res = await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...multipart(file) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe("import.wrong_columns");
    expect(res.json().error.fields.length).toBeGreaterThan(0);
  });

  it("refuses a file that is not a workbook", async () => {
    const res = await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...multipart(Buffer.from("hello"), "x.xlsx") });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe("import.bad_file");
  });
});
