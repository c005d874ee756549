// The import templates a station downloads: an example row (left out of the import while it stays unchanged),
// the enumerated columns as drop-down lists, and row errors that name the values a column takes.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCreditCode, makeIdNumber } from "../../../demo/identifiers.ts";
import { seeded } from "../../../demo/random.ts";
import { EXAMPLE_NOTE } from "../../platform/sheets.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

function multipart(file: Buffer, name: string) {
  const boundary = "----dandelion-template";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const CATEGORIES = ["超市", "餐饮", "副食", "果蔬", "药店", "其他"];

describe(`import templates (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
  });
  afterAll(() => t.close());

  const template = async (url: string) => {
    const res = await t.as(staff, { method: "GET", url });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book;
  };
  const total = async (url: string) => (await t.as(staff, { method: "GET", url: `${url}?pageSize=1` })).json().total as number;

  it("the merchants' template has an example row and drop-down lists; a wrong category is refused naming the categories", async () => {
    const book = await template("/api/merchants/import-template");
    const ws = book.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.getRow(1).getCell(2).value).toBe("经营类别");
    // Row 2 is the example, saying so.
    expect(ws.getRow(2).getCell(1).value).toBe("天源鲜果店（示例）");
    expect(ws.getRow(2).getCell(2).value).toBe("果蔬");
    expect(ws.getRow(2).getCell(9).value).toBe(EXAMPLE_NOTE);
    // 经营类别 and 党员 are drop-down lists, on the example row and far below it.
    for (const address of ["B2", "B3", "B500"]) {
      expect(ws.getCell(address).dataValidation).toMatchObject({ type: "list", formulae: [`"${CATEGORIES.join(",")}"`] });
    }
    expect(ws.getCell("H10").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ws.getCell("A10").dataValidation).toBeUndefined();

    // Filled in below the example: one good row, one with a category outside the list.
    const before = await total("/api/merchants");
    ws.getRow(3).values = ["模板导入超市", "超市", "张三", "13700000101", makeCreditCode(920101), "2024-01-01", "2034-01-01", "否", null];
    ws.getRow(4).values = ["模板导入面包房", "面包", "李四", "13700000102", makeCreditCode(920102), null, null, "也许", null];
    const file = Buffer.from(await book.xlsx.writeBuffer());
    for (const [locale, category, party] of [
      ["zh-CN", `经营类别须为以下之一：${CATEGORIES.join("、")}`, "党员须为以下之一：是、否"],
      ["en", `经营类别 must be one of: ${CATEGORIES.join(", ")}`, "党员 must be one of: 是, 否"],
    ] as const) {
      const preview = await t.as(staff, {
        method: "POST",
        url: "/api/merchants/imports",
        ...multipart(file, "merchants.xlsx"),
        headers: { ...multipart(file, "merchants.xlsx").headers, "accept-language": locale },
      });
      expect(preview.statusCode, preview.body).toBe(201);
      const p = preview.json();
      // The example row is not a row of the import.
      expect(p).toMatchObject({ totalRows: 2, validRows: 1 });
      expect(p.errors).toEqual([
        { row: 4, column: "经营类别", message: category },
        { row: 4, column: "党员", message: party },
      ]);
      if (locale === "en") {
        const commit = await t.as(staff, { method: "POST", url: `/api/imports/${p.id}/commit`, payload: { mode: "valid_only" } });
        expect(commit.statusCode, commit.body).toBe(200);
      }
    }
    expect(await total("/api/merchants")).toBe(before + 1);
    const names = (await t.as(staff, { method: "GET", url: "/api/merchants?q=%E7%A4%BA%E4%BE%8B" })).json().items;
    expect(names).toEqual([]);
  });

  it("a template with only its example row imports nothing", async () => {
    const book = await template("/api/merchants/import-template");
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...multipart(file, "merchants.xlsx") });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe("import.bad_file");
  });

  it("an edited example row is a row like any other", async () => {
    const book = await template("/api/merchants/import-template");
    const ws = book.worksheets[0];
    if (!ws) throw new Error("no sheet");
    ws.getRow(2).getCell(1).value = "模板示例改写店";
    ws.getRow(2).getCell(5).value = makeCreditCode(920103);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...multipart(file, "merchants.xlsx") });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ totalRows: 1, validRows: 1 });
  });

  it("the residents' template has an example row and yes/no lists; other values are refused naming 是、否", async () => {
    const book = await template("/api/residents/import-template");
    const ws = book.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.getRow(2).getCell(1).value).toBe("李四（示例）");
    expect(ws.getRow(2).getCell(8).value).toBe(EXAMPLE_NOTE);
    expect(ws.getCell("F3").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ws.getCell("G3").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    const r = seeded(77);
    ws.getRow(3).values = ["模板居民甲", makeIdNumber(r, 1960, 9101), "13700000201", "天源社区3号楼", "第一网格", "是", "否", null];
    ws.getRow(4).values = ["模板居民乙", makeIdNumber(r, 1961, 9102), "13700000202", "天源社区3号楼", "第一网格", "否", "有时", null];
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const preview = await t.as(staff, { method: "POST", url: "/api/residents/imports", ...multipart(file, "residents.xlsx") });
    expect(preview.statusCode, preview.body).toBe(201);
    expect(preview.json()).toMatchObject({ totalRows: 2, validRows: 1 });
    expect(preview.json().errors).toEqual([{ row: 4, column: "独居", message: "独居须为以下之一：是、否" }]);
  });
});
