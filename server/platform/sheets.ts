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

/**
 * What an import template shows besides its headers: one filled-in example row (row 2, in grey italics, its note
 * saying so), skipped on import as long as it is left exactly as written; and the columns whose cells take one of
 * a few values, offered as drop-down lists (Excel data validation) on the rows below the header.
 */
export interface SheetTemplate {
  example: Record<string, string>;
  lists?: Record<string, readonly string[]>;
}

/** What the example row's note column says (in the data's language, as the headers are). */
export const EXAMPLE_NOTE = "示例行：原样保留时不导入，可改写或删除";

/** The row error that names the values a column takes. */
export function allowedValuesMessage(header: string, values: readonly string[], locale: "zh-CN" | "en"): string {
  return locale === "en" ? `${header} must be one of: ${values.join(", ")}` : `${header}须为以下之一：${values.join("、")}`;
}

/** How many rows of a template carry the drop-down lists. */
export const TEMPLATE_ROWS = 2000;

/** An import template: headers, the example row and the drop-down lists. */
export async function writeTemplate(title: string, columns: readonly SheetColumn[], template: SheetTemplate): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  book.creator = "Dandelion";
  const sheet = book.addWorksheet(title);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 3, (template.example[c.key] ?? "").length * 2),
  }));
  sheet.getRow(1).font = { bold: true };
  const example = sheet.addRow(template.example);
  example.font = { italic: true, color: { argb: "FF8C8C8C" } };
  for (const [key, values] of Object.entries(template.lists ?? {})) {
    const index = columns.findIndex((c) => c.key === key);
    if (index < 0) continue;
    const letter = sheet.getColumn(index + 1).letter;
    const header = columns[index]?.header ?? key;
    // exceljs keeps range validations on the sheet (its typings list only the per-cell one).
    (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}2:${letter}${TEMPLATE_ROWS + 1}`,
      {
        type: "list",
        allowBlank: true,
        formulae: [`"${values.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: header,
        error: `${header}：${values.join("、")}`,
        showInputMessage: true,
        promptTitle: header,
        prompt: values.join("、"),
      },
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ReadRow {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  values: Record<string, string>;
}

/** The rows of a sheet keyed by column; a row equal to the template's example row is left out. */
export async function readSheet(
  data: Buffer,
  columns: readonly SheetColumn[],
  opts: { maxRows?: number; example?: Record<string, string> } = {},
): Promise<ReadRow[]> {
  const maxRows = opts.maxRows ?? 20_000;
  const example = opts.example;
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
    const isExample = example !== undefined && columns.every((c) => values[c.key] === (example[c.key] ?? ""));
    if (any && !isExample) out.push({ row: rowNumber, values });
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
const NO = new Set(["否", "n", "no", "false", "0", "×", "✗", ""]);
export const sheetBool = (v: string) => YES.has(v.trim().toLowerCase());
/** Whether a yes/no cell holds something that is neither (an empty cell reads as no). */
export const notSheetBool = (v: string | undefined) => !YES.has((v ?? "").trim().toLowerCase()) && !NO.has((v ?? "").trim().toLowerCase());
/** The values a yes/no column takes, as its drop-down list offers them. */
export const sheetBoolValues = ["是", "否"] as const;
export const boolCell = (v: boolean) => (v ? "是" : "否");
