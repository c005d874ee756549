// The reports module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
import type { Generated } from "kysely";
import type { ReportKind } from "../../../contracts/reports.ts";

export interface ReportTable {
  id: Generated<number>;
  kind: ReportKind;
  scope: string;
  unit_id: number;
  unit_path: string;
  unit_name: string;
  period: string;
  period_from: string;
  period_to: string;
  title: string;
  /** JSON: the draft's paragraphs. */
  paragraphs: string;
  version: Generated<number>;
  generated_count: Generated<number>;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
  last_generated_at: string | null;
}

export interface ReportVersionTable {
  id: Generated<number>;
  report_id: number;
  number: number;
  paragraphs: string;
  figures: string;
  charts: string;
  docx: Uint8Array;
  docx_sha256: string;
  docx_size: number;
  duration_ms: number;
  generated_by_user_id: number | null;
  generated_by_name: string | null;
  generated_at: string;
}

export interface ReportsTables {
  reports: ReportTable;
  report_versions: ReportVersionTable;
}
