// Excel in and out with exceljs: a template with the contract's columns, reading rows keyed by column,
// and writing a list as a sheet. exceljs is loaded on first use: it is the heaviest module and most
// processes never touch a spreadsheet.
import type ExcelJS from "exceljs";
import { fail } from "./errors.ts";

const excel = async () => (await import("exceljs")).default;

export interface SheetColumn {
  key: string;
  header: string;
}

export async function writeSheet(
  title: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<Record<string, unknown>[]> | Record<string, unknown>[][],
): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  book.creator = "Dandelion";
  const sheet = book.addWorksheet(title);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of rows) for (const row of batch) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ReadRow {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  values: Record<string, string>;
}

export async function readSheet(data: Buffer, columns: readonly SheetColumn[], maxRows = 20_000): Promise<ReadRow[]> {
  const book = new (await excel()).Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fail("import.bad_file");
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw fail("import.bad_file");
  const header = sheet.getRow(1);
  const found: string[] = [];
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    found[col - 1] = cellText(cell.value);
  });
  const problems = columns
    .map((c, i) => (found[i] === c.header ? null : { field: `column ${i + 1}`, message: `${c.header} ≠ ${found[i] ?? "∅"}` }))
    .filter((p) => p !== null);
  if (problems.length > 0 || found.length > columns.length) throw fail("import.wrong_columns", problems);
  const out: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    columns.forEach((c, i) => {
      const text = cellText(row.getCell(i + 1).value);
      values[c.key] = text;
      if (text !== "") any = true;
    });
    if (any) out.push({ row: rowNumber, values });
  });
  if (out.length > maxRows) throw fail("import.bad_file", [{ field: "file", message: `> ${maxRows} rows` }]);
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    if ("result" in value) return String(value.result ?? "").trim();
    return "";
  }
  return String(value).trim();
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓"]);
export const sheetBool = (v: string) => YES.has(v.trim().toLowerCase());
export const boolCell = (v: boolean) => (v ? "是" : "否");
