// Spreadsheet import for the registry: read and check every row (preview), then import all rows, only the
// valid ones, or nothing.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Locale } from "../../../contracts/errors.ts";
import type { ImportKind, ImportPreview } from "../../../contracts/imports.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail } from "../../platform/errors.ts";
import { assertStation, type SessionUser, targetStation } from "../../platform/scope.ts";
import { readSheet } from "../../platform/sheets.ts";
import type { Importer, RowIssue } from "./importer.ts";
import { presentImport, type StoredRow } from "./imports.presenter.ts";
import { ImportsRepository } from "./imports.repository.ts";
import { nextImportStatus } from "./imports.workflow.ts";

export class ImportsService {
  readonly repo: ImportsRepository;
  private readonly db: Kysely<DB>;
  private readonly importers: Record<ImportKind, Importer>;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, importers: Record<ImportKind, Importer>, clock: Clock) {
    this.db = db;
    this.repo = new ImportsRepository(db);
    this.importers = importers;
    this.clock = clock;
  }

  async preview(
    user: SessionUser,
    kind: ImportKind,
    file: { name: string; data: Buffer },
    stationId: number | undefined,
    locale: Locale,
  ): Promise<ImportPreview> {
    const now = this.clock.now();
    const station = targetStation(user, stationId);
    const importer = this.importers[kind];
    const rows = await readSheet(file.data, importer.columns, { example: importer.template.example });
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
      created_at: now.toISOString(),
      finished_at: null,
    });
    return this.get(user, id);
  }

  async get(user: SessionUser, id: string): Promise<ImportPreview> {
    const job = await this.repo.find(id);
    if (!job || job.user_id !== user.id) throw fail("import.not_found");
    assertStation(user, job.station_id);
    return presentImport(job);
  }

  async commit(user: SessionUser, id: string, mode: "all" | "valid_only", actor: Actor): Promise<ImportPreview> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const job = await this.repo.findLocked(trx, id);
      if (!job || job.user_id !== user.id) throw fail("import.not_found");
      const rows = (JSON.parse(job.rows_json) as StoredRow[]).filter((r) => r.data !== null);
      const step = nextImportStatus(job.status, {
        type: "commit",
        mode,
        validRows: rows.length,
        invalidRows: job.total_rows - rows.length,
      });
      if (!step.ok) throw fail(step.refusal);
      const imported = await this.importers[job.kind].insert(
        trx,
        rows.map((r) => r.data),
        job.station_id,
        actor,
        now,
      );
      if (!(await this.repo.finish(trx, id, step.status, imported, now.toISOString()))) throw fail("import.already_done");
      await appendAudit(trx, actor, {
        at: now,
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
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const job = await this.repo.findLocked(trx, id);
      if (!job || job.user_id !== user.id) throw fail("import.not_found");
      const step = nextImportStatus(job.status, { type: "discard" });
      if (!step.ok) throw fail(step.refusal);
      if (!(await this.repo.finish(trx, id, step.status, 0, now.toISOString()))) throw fail("import.already_done");
      await appendAudit(trx, actor, {
        at: now,
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
