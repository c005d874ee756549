// Spreadsheet import for the registry: read and check every row (preview), then import all rows, only the
// valid ones, or nothing.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Locale } from "../../../contracts/errors.ts";
import type { ImportKind, ImportPreview } from "../../../contracts/imports.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { assertStation, type SessionUser, targetStation } from "../../platform/scope.ts";
import { readSheet } from "../../platform/sheets.ts";
import type { Importer, RowIssue } from "./importer.ts";
import { ImportsRepository } from "./imports.repository.ts";
import { type ImportStatus, nextImportStatus } from "./imports.workflow.ts";

const SAMPLE_ROWS = 200;

interface StoredRow {
  row: number;
  values: Record<string, string>;
  data: unknown | null;
}

export class ImportsService {
  readonly repo: ImportsRepository;
  private readonly db: Kysely<DB>;
  private readonly importers: Record<ImportKind, Importer>;

  constructor(db: Kysely<DB>, importers: Record<ImportKind, Importer>) {
    this.db = db;
    this.repo = new ImportsRepository(db);
    this.importers = importers as Record<ImportKind, Importer>;
  }

  async preview(
    user: SessionUser,
    kind: ImportKind,
    file: { name: string; data: Buffer },
    stationId: number | undefined,
    locale: Locale,
  ): Promise<ImportPreview> {
    const station = targetStation(user, stationId);
    const importer = this.importers[kind];
    const rows = await readSheet(file.data, importer.columns);
    if (rows.length === 0) throw fail("import.bad_file", [{ field: "file", message: locale === "en" ? "no data rows" : "没有数据行" }]);
    const errors: { row: number; column: string; message: string }[] = [];
    const stored: StoredRow[] = [];
    const good: { index: number; data: unknown }[] = [];
    for (const r of rows) {
      const checked = importer.checkRow(r.values, locale);
      if ("issues" in checked) {
        for (const i of checked.issues) errors.push({ row: r.row, ...i });
        stored.push({ ...r, data: null });
      } else {
        good.push({ index: stored.length, data: checked.data });
        stored.push({ ...r, data: checked.data });
      }
    }
    const cross = await importer.checkAgainstExisting(
      good.map((g) => g.data),
      station,
      locale,
    );
    for (const [i, issues] of cross) {
      const target = stored[good[i].index];
      target.data = null;
      for (const issue of issues as RowIssue[]) errors.push({ row: target.row, ...issue });
    }
    errors.sort((a, b) => a.row - b.row);
    const id = randomUUID();
    const validRows = stored.filter((s) => s.data !== null).length;
    await this.repo.insert({
      id,
      kind,
      station_id: station,
      user_id: user.id,
      file_name: file.name.slice(0, 200),
      status: "previewed",
      total_rows: stored.length,
      valid_rows: validRows,
      rows_json: JSON.stringify(stored),
      errors_json: JSON.stringify(errors),
      created_at: new Date().toISOString(),
      finished_at: null,
    });
    return this.get(user, id);
  }

  async get(user: SessionUser, id: string): Promise<ImportPreview> {
    const job = await this.repo.find(id);
    if (!job || job.user_id !== user.id) throw fail("import.not_found");
    assertStation(user, job.station_id);
    const rows = JSON.parse(job.rows_json) as StoredRow[];
    return {
      id: job.id,
      kind: job.kind as ImportKind,
      fileName: job.file_name,
      status: job.status as ImportStatus,
      totalRows: job.total_rows,
      validRows: job.valid_rows,
      importedRows: job.imported_rows,
      errors: JSON.parse(job.errors_json),
      sample: rows.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, values: r.values })),
    };
  }

  async commit(user: SessionUser, id: string, mode: "all" | "valid_only", actor: Actor): Promise<ImportPreview> {
    await this.db.transaction().execute(async (trx) => {
      const job = await this.repo.findLocked(trx, id);
      if (!job || job.user_id !== user.id) throw fail("import.not_found");
      const rows = (JSON.parse(job.rows_json) as StoredRow[]).filter((r) => r.data !== null);
      const step = nextImportStatus(job.status as ImportStatus, {
        type: "commit",
        mode,
        validRows: rows.length,
        invalidRows: job.total_rows - rows.length,
      });
      if (!step.ok) throw fail(step.refusal);
      const imported = await this.importers[job.kind as ImportKind].insert(
        trx,
        rows.map((r) => r.data),
        job.station_id,
        actor,
      );
      if (!(await this.repo.finish(trx, id, step.status, imported))) throw fail("import.already_done");
      await appendAudit(trx, actor, {
        action: "import.committed",
        objectType: "import",
        objectId: id,
        stationId: job.station_id,
        after: { kind: job.kind, fileName: job.file_name, mode, imported, skipped: job.total_rows - imported },
      });
    });
    return this.get(user, id);
  }

  async discard(user: SessionUser, id: string, actor: Actor): Promise<ImportPreview> {
    await this.db.transaction().execute(async (trx) => {
      const job = await this.repo.findLocked(trx, id);
      if (!job || job.user_id !== user.id) throw fail("import.not_found");
      const step = nextImportStatus(job.status as ImportStatus, { type: "discard" });
      if (!step.ok) throw fail(step.refusal);
      if (!(await this.repo.finish(trx, id, step.status, 0))) throw fail("import.already_done");
      await appendAudit(trx, actor, {
        action: "import.discarded",
        objectType: "import",
        objectId: id,
        stationId: job.station_id,
        after: { kind: job.kind, fileName: job.file_name },
      });
    });
    return this.get(user, id);
  }
}
