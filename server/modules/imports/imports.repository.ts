import type { Kysely, Transaction } from "kysely";
import { dialectOf } from "../../db/database.ts";
import type { DB, ImportJobTable } from "../../db/tables.ts";

type Db = Kysely<DB> | Transaction<DB>;

export class ImportsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  insert(v: Omit<ImportJobTable, "imported_rows">) {
    return this.db.insertInto("import_jobs").values(v).execute();
  }

  find(id: string, db: Db = this.db) {
    return db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Reads the job and, on PostgreSQL, holds its row until the transaction ends (SQLite serialises anyway). */
  findLocked(trx: Transaction<DB>, id: string) {
    const q = trx.selectFrom("import_jobs").selectAll().where("id", "=", id);
    return (dialectOf(trx) === "postgres" ? q.forUpdate() : q).executeTakeFirst();
  }

  /** Moves a previewed import to its final state once; false when someone else already did. */
  async finish(db: Db, id: string, status: ImportJobTable["status"], imported: number, finishedAt: string) {
    const r = await db
      .updateTable("import_jobs")
      .set({ status, imported_rows: imported, finished_at: finishedAt, rows_json: "[]" })
      .where("id", "=", id)
      .where("status", "=", "previewed")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  purgeBefore(iso: string) {
    return this.db.deleteFrom("import_jobs").where("created_at", "<", iso).where("status", "!=", "imported").execute();
  }
}
