// Reading a sheet whose columns are found by their headers rather than their order: an enterprise's own spreadsheet,
// its columns mapped on upload (`{ amount: "金额（元）" }`). Cells read as text, dates as YYYY-MM-DD, as in sheets.ts.
import type ExcelJS from "exceljs";
import { fail } from "./errors.ts";

const excel = async () => (await import("exceljs")).default;

export interface HeaderRow<K extends string> {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  values: Record<K, string>;
}

/** The rows keyed by field, or `missing` naming the mapped headers the first row does not have. */
export async function readSheetByHeaders<K extends string>(
  data: Buffer,
  mapping: Record<K, string>,
  maxRows = 20_000,
): Promise<{ rows: HeaderRow<K>[]; missing: string[] }> {
  const book = new (await excel()).Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fail("import.bad_file");
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw fail("import.bad_file");
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    columnOf.set(cellText(cell.value).replace(/\s+/g, ""), col);
  });
  const keys = Object.keys(mapping) as K[];
  const missing = keys.filter((k) => !columnOf.has(mapping[k].replace(/\s+/g, ""))).map((k) => mapping[k]);
  if (missing.length > 0) return { rows: [], missing };
  const rows: HeaderRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = {} as Record<K, string>;
    let any = false;
    for (const k of keys) {
      const text = cellText(row.getCell(columnOf.get(mapping[k].replace(/\s+/g, "")) as number).value);
      values[k] = text;
      if (text !== "") any = true;
    }
    if (any) rows.push({ row: rowNumber, values });
  });
  if (rows.length > maxRows) throw fail("import.bad_file", [{ field: "file", message: `> ${maxRows} rows` }]);
  return { rows, missing: [] };
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
