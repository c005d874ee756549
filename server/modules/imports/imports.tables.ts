// The imports module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { ImportKind, ImportPreview } from "../../../contracts/imports.ts";

export interface ImportJobTable {
  id: string;
  kind: ImportKind;
  station_id: number;
  user_id: number;
  file_name: string;
  status: ImportPreview["status"];
  total_rows: number;
  valid_rows: number;
  imported_rows: Generated<number>;
  rows_json: string;
  errors_json: string;
  created_at: string;
  finished_at: string | null;
}

export interface ImportsTables {
  import_jobs: ImportJobTable;
}
