// The reports' queries: reports narrowed by the reader's org path, their versions, the stored documents.
import type { Insertable, Kysely, Transaction } from "kysely";
import type { ReportKind } from "../../../contracts/reports.ts";
import type { DB, ReportTable, ReportVersionTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type ReportRow = NonNullable<Awaited<ReturnType<ReportsRepository["find"]>>>;

const versionColumns = [
  "number",
  "paragraphs",
  "figures",
  "charts",
  "docx_sha256",
  "docx_size",
  "duration_ms",
  "generated_by_name",
  "generated_at",
] as const;

export class ReportsRepository {
  private readonly db: Kysely<DB>;

  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** `path`: only reports of units at or under it (null: every report). */
  async list(f: { path: string | null; kind?: ReportKind; q?: string }, page: { limit: number; offset: number }) {
    let q = this.db.selectFrom("reports");
    if (f.path !== null) q = q.where("unit_path", "like", `${f.path}%`);
    if (f.kind) q = q.where("kind", "=", f.kind);
    if (f.q) q = q.where((eb) => eb.or([eb("title", "like", `%${f.q}%`), eb("unit_name", "like", `%${f.q}%`)]));
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy("updated_at", "desc").orderBy("id", "desc").limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async find(id: number, db: Db = this.db) {
    return db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async unit(id: number) {
    return this.db.selectFrom("org_units").select(["id", "name", "path", "kind", "parent_id"]).where("id", "=", id).executeTakeFirst();
  }

  async unitName(id: number | null) {
    if (id === null) return null;
    const row = await this.db.selectFrom("org_units").select("name").where("id", "=", id).executeTakeFirst();
    return row?.name ?? null;
  }

  async insert(trx: Db, row: Insertable<ReportTable>) {
    const r = await trx.insertInto("reports").values(row).returning("id").executeTakeFirstOrThrow();
    return r.id;
  }

  /** The draft's new paragraphs, when the version is still the one the edit was based on; false otherwise. */
  async updateDraft(trx: Db, id: number, version: number, paragraphs: string, at: string) {
    const r = await trx
      .updateTable("reports")
      .set((eb) => ({ paragraphs, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Takes the next version number: true when no one else took it first. */
  async takeVersion(trx: Db, id: number, generated: number, at: string) {
    const r = await trx
      .updateTable("reports")
      .set({ generated_count: generated + 1, last_generated_at: at, updated_at: at })
      .where("id", "=", id)
      .where("generated_count", "=", generated)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertVersion(trx: Db, row: Insertable<ReportVersionTable>) {
    await trx.insertInto("report_versions").values(row).execute();
  }

  async versions(reportId: number) {
    return this.db
      .selectFrom("report_versions")
      .select(versionColumns)
      .where("report_id", "=", reportId)
      .orderBy("number", "desc")
      .execute();
  }

  async version(reportId: number, number: number) {
    return this.db
      .selectFrom("report_versions")
      .select(versionColumns)
      .where("report_id", "=", reportId)
      .where("number", "=", number)
      .executeTakeFirst();
  }

  async docx(reportId: number, number: number) {
    return this.db
      .selectFrom("report_versions")
      .select(["docx", "docx_sha256"])
      .where("report_id", "=", reportId)
      .where("number", "=", number)
      .executeTakeFirst();
  }
}
