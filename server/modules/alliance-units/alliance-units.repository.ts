import { type Kysely, sql, type Transaction } from "kysely";
import { pageRows } from "../../db/paging.ts";
import type { AllianceUnitTable, DB } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface AllianceUnitFilter {
  stationIds: number[] | null;
  /** Unit-scoped accounts see their own unit only; null for everyone else. */
  unitId: number | null;
  q?: string;
  /** Exact look-up by a whole contact mobile (blind index). */
  contactMobileHash?: string;
  kind?: AllianceUnitTable["kind"];
  status?: AllianceUnitTable["status"];
}

export type AllianceUnitValues = Omit<AllianceUnitTable, "id" | "version">;

const sortColumns = { name: "a.name", kind: "a.kind", createdAt: "a.created_at" } as const;

const listColumns = [
  "a.id",
  "a.station_id",
  "o.name as station_name",
  "a.name",
  "a.kind",
  "a.contact_name",
  "a.contact_mobile_enc",
  "a.address",
  "a.offers",
  "a.status",
  "a.created_at",
  "a.updated_at",
  "a.version",
] as const;

export class AllianceUnitsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filtered(db: Db, f: AllianceUnitFilter) {
    let q = db.selectFrom("alliance_units as a").innerJoin("org_units as o", "o.id", "a.station_id");
    if (f.stationIds !== null) q = f.stationIds.length ? q.where("a.station_id", "in", f.stationIds) : q.where(sql<boolean>`1 = 0`);
    if (f.unitId !== null) q = q.where("a.id", "=", f.unitId);
    if (f.kind) q = q.where("a.kind", "=", f.kind);
    if (f.status) q = q.where("a.status", "=", f.status);
    if (f.contactMobileHash) {
      q = q.where("a.contact_mobile_hash", "=", f.contactMobileHash);
    } else if (f.q) {
      const text = f.q;
      q = q.where((eb) =>
        eb.or([containsText(eb, "a.name", text), containsText(eb, "a.contact_name", text), containsText(eb, "a.offers", text)]),
      );
    }
    return q;
  }

  /** The accounts attached to each unit, counted in the same query. */
  private withUserCount<T extends ReturnType<AllianceUnitsRepository["filtered"]>>(q: T) {
    return q.select(listColumns).select((eb) =>
      eb
        .selectFrom("users as u")
        .select((eb2) => eb2.fn.countAll<number>().as("n"))
        .whereRef("u.alliance_unit_id", "=", "a.id")
        .as("user_count"),
    );
  }

  /** One page and the total in a single query (a window count), with a count fallback past the last page. */
  async list(f: AllianceUnitFilter, page: { limit: number; offset: number; sort?: string; order: "asc" | "desc" }) {
    const sortColumn = sortColumns[page.sort as keyof typeof sortColumns] ?? "a.id";
    return pageRows(this.withUserCount(this.filtered(this.db, f)).orderBy(sortColumn, page.order).orderBy("a.id", page.order), page, () =>
      this.count(f),
    );
  }

  /** Rows for an export, in pages. */
  async *iterate(f: AllianceUnitFilter, batch = 1000) {
    let after = 0;
    for (;;) {
      const rows = await this.withUserCount(this.filtered(this.db, f)).where("a.id", ">", after).orderBy("a.id").limit(batch).execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  async count(f: AllianceUnitFilter): Promise<number> {
    const r = await this.filtered(this.db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  findById(id: number, db: Db = this.db) {
    return this.withUserCount(this.filtered(db, { stationIds: null, unitId: id })).executeTakeFirst();
  }

  async insert(db: Db, values: AllianceUnitValues) {
    const row = await db.insertInto("alliance_units").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async update(db: Db, id: number, version: number, values: Partial<AllianceUnitValues>) {
    const r = await db
      .updateTable("alliance_units")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Active units by kind over the given stations. */
  async countsFor(stationIds: number[] | null) {
    let q = this.db
      .selectFrom("alliance_units")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "=", "active");
    if (stationIds !== null) q = stationIds.length ? q.where("station_id", "in", stationIds) : q.where(sql<boolean>`1 = 0`);
    return q.groupBy("kind").orderBy("kind").execute();
  }
}

export type AllianceUnitRow = NonNullable<Awaited<ReturnType<AllianceUnitsRepository["findById"]>>>;
