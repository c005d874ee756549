// An import job as the API shows it: its counts, its errors and a sample of the rows read.
import type { Selectable } from "kysely";
import type { ImportPreview } from "../../../contracts/imports.ts";
import type { ImportJobTable } from "../../db/tables.ts";

const SAMPLE_ROWS = 200;

/** One row of the sheet as stored with the job: its cells and, when it passed the checks, the parsed data. */
export interface StoredRow {
  row: number;
  values: Record<string, string>;
  data: unknown | null;
}

type ImportJobRow = Selectable<ImportJobTable>;

export function presentImport(job: ImportJobRow): ImportPreview {
  const rows = JSON.parse(job.rows_json) as StoredRow[];
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.file_name,
    status: job.status,
    totalRows: job.total_rows,
    validRows: job.valid_rows,
    importedRows: job.imported_rows,
    errors: JSON.parse(job.errors_json),
    sample: rows.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, values: r.values })),
  };
}
