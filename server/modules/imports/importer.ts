// What a registry module offers the import workflow: its sheet columns, a per-row check, and the insert of
// the rows that passed, inside the import's one transaction.
import type { Transaction } from "kysely";
import type { Locale } from "../../../contracts/errors.ts";
import type { DB } from "../../db/tables.ts";
import type { Actor } from "../../platform/audit.ts";
import type { SheetColumn, SheetTemplate } from "../../platform/sheets.ts";

export interface RowIssue {
  column: string;
  message: string;
}

export interface Importer<T = unknown> {
  columns: readonly SheetColumn[];
  /** The downloadable template's example row (skipped on import while unchanged) and drop-down lists. */
  template: SheetTemplate;
  /** Checks one row on its own (format, required fields). */
  checkRow(values: Record<string, string>, locale: Locale): { data: T } | { issues: RowIssue[] };
  /** Checks rows against each other and the database (duplicates); returns issues by index. */
  checkAgainstExisting(rows: T[], stationId: number, locale: Locale): Promise<Map<number, RowIssue[]>>;
  /** Inserts the accepted rows as of `now`, the import's one instant (rows, status history and audit entries). */
  insert(trx: Transaction<DB>, rows: T[], stationId: number, actor: Actor, now: Date): Promise<number>;
}
