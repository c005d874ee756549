import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentSheetColumns } from "../../../contracts/residents.ts";
import { idNumberCheckCharacter } from "../../../contracts/validators.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

const idNumber = (birth: string, sequence: string) => {
  const first17 = `650203${birth.replaceAll("-", "")}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
};

const valid = {
  name: "测试居民",
  idNumber: idNumber("1950-03-04", "123"),
  mobile: "13911112222",
  address: "天源小区 9-9-909",
  grid: "测试网格",
  livesAlone: true,
  consents: ["contact"],
};

async function sheet(rows: (string | null)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("居民");
  ws.addRow(residentSheetColumns.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(file: Buffer) {
  const boundary = "----dandelion-test";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="residents.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`resident register (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let other: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    other = await t.login("youyi");
  });
  afterAll(() => t.close());

  it("creates a resident with derived birth date, gender and age, masked", async () => {
    const res = await t.as(staff, { method: "POST", url: "/api/residents", payload: valid });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "测试居民",
      birthYear: 1950,
      gender: "male",
      isElderly: true,
      livesAlone: true,
      isLiaisonHead: false,
      mobile: "139****2222",
      idNumber: `650203********${valid.idNumber.slice(14)}`,
      masked: true,
      consents: ["contact"],
      version: 1,
    });
    expect(res.json().age).toBeGreaterThanOrEqual(76);
  });

  it("refuses the same ID number twice in a station", async () => {
    const dup = await t.as(staff, { method: "POST", url: "/api/residents", payload: { ...valid, name: "另一人" } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ id: "resident.id_number_taken", fields: [{ field: "idNumber" }] });
  });

  it("finds by a whole mobile or ID number through the blind index, and by substring", async () => {
    for (const q of [valid.mobile, valid.idNumber, "测试网", "9-9-909"]) {
      const res = await t.as(staff, { method: "GET", url: `/api/residents?q=${encodeURIComponent(q)}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((r: { name: string }) => r.name)).toContain("测试居民");
    }
    const elderly = await t.as(staff, { method: "GET", url: "/api/residents?isElderly=true&livesAlone=true&pageSize=200" });
    expect(elderly.json().items.every((r: { isElderly: boolean; livesAlone: boolean }) => r.isElderly && r.livesAlone)).toBe(true);
    const young = await t.as(staff, { method: "GET", url: "/api/residents?isElderly=false&pageSize=200" });
    expect(young.json().items.every((r: { isElderly: boolean }) => !r.isElderly)).toBe(true);
  });

  it("edits only what was sent, checks the version, and hides other stations' residents", async () => {
    const found = (await t.as(staff, { method: "GET", url: `/api/residents?q=${valid.mobile}` })).json().items[0];
    const res = await t.as(staff, { method: "PATCH", url: `/api/residents/${found.id}`, payload: { note: "重点关注", version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ note: "重点关注", livesAlone: true, consents: ["contact"], version: 2 });
    const stale = await t.as(staff, { method: "PATCH", url: `/api/residents/${found.id}`, payload: { note: "x", version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    expect((await t.as(other, { method: "GET", url: `/api/residents/${found.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: "GET", url: `/api/residents/${found.id}/personal` })).statusCode).toBe(404);
  });

  it("unmasks on request and audits the view", async () => {
    const found = (await t.as(staff, { method: "GET", url: `/api/residents?q=${valid.mobile}` })).json().items[0];
    const res = await t.as(staff, { method: "GET", url: `/api/residents/${found.id}/personal` });
    expect(res.json()).toEqual({ idNumber: valid.idNumber, mobile: valid.mobile });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("object_type", "=", "resident")
      .where("object_id", "=", String(found.id))
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["resident.created", "resident.updated", "resident.personal_viewed"]);
    for (const a of audit) {
      expect(`${a.before_json}${a.after_json}`).not.toContain(valid.idNumber);
      expect(`${a.before_json}${a.after_json}`).not.toContain(valid.mobile);
    }
  });

  it("shows a resident their own record and exports masked rows", async () => {
    const me = await t.as(await t.login("jumin"), { method: "GET", url: "/api/me/resident" });
    expect(me.statusCode).toBe(200);
    expect(me.json().masked).toBe(true);
    const xlsx = await t.as(staff, { method: "GET", url: "/api/residents/export" });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const tpl = await t.as(staff, { method: "GET", url: "/api/residents/import-template" });
    expect(tpl.statusCode).toBe(200);
  });

  it("imports: flags bad, repeated and already registered ID numbers; valid rows go in with one audit entry each", async () => {
    const before = (await t.as(staff, { method: "GET", url: "/api/residents?pageSize=1" })).json().total;
    const fresh = idNumber("1990-06-15", "042");
    const file = await sheet([
      ["导入居民", fresh, "13922223333", "天源小区 1-1-101", "第二网格", "是", "否", null],
      ["坏号码", "650203199006150000", null, null, null, null, null, null],
      ["文件内重复", fresh, null, null, null, null, null, null],
      ["已登记", valid.idNumber, null, null, null, null, null, null],
    ]);
    const preview = await t.as(staff, { method: "POST", url: "/api/residents/imports", ...multipart(file) });
    expect(preview.statusCode).toBe(201);
    const p = preview.json();
    expect(p).toMatchObject({ totalRows: 4, validRows: 1 });
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "身份证号" }),
        expect.objectContaining({ row: 4, column: "身份证号" }),
        expect.objectContaining({ row: 5, column: "身份证号" }),
      ]),
    );
    const done = await t.as(staff, { method: "POST", url: `/api/imports/${p.id}/commit`, payload: { mode: "valid_only" } });
    expect(done.statusCode).toBe(200);
    expect((await t.as(staff, { method: "GET", url: "/api/residents?pageSize=1" })).json().total).toBe(before + 1);
    const imported = (await t.as(staff, { method: "GET", url: "/api/residents?q=13922223333" })).json().items[0];
    expect(imported).toMatchObject({ name: "导入居民", gender: "female", birthYear: 1990, isLiaisonHead: true, livesAlone: false });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("object_type", "=", "resident")
      .where("object_id", "=", String(imported.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["resident.imported"]);
    expect(audit[0].after_json).not.toContain(fresh);
  });
});
