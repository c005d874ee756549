import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
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

/** The filter as one condition on the alliance units table (alias `a`), alone or joined. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the alliance units table alone or joined (alias a)
function unitCondition(eb: ExpressionBuilder<any, any>, f: AllianceUnitFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "a.station_id"));
  if (f.unitId !== null) all.push(eb("a.id", "=", f.unitId));
  if (f.kind) all.push(eb("a.kind", "=", f.kind));
  if (f.status) all.push(eb("a.status", "=", f.status));
  if (f.contactMobileHash) all.push(eb("a.contact_mobile_hash", "=", f.contactMobileHash));
  else if (f.q && withText) all.push(textCondition(eb, f.q));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

const textColumns = ["a.name", "a.contact_name", "a.offers"] as const;

// biome-ignore lint/suspicious/noExplicitAny: applies to the alliance units table alone or joined (alias a)
function textCondition(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or(textColumns.map((column) => containsText(eb, column, text)));
}

export class AllianceUnitsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filtered(db: Db, f: AllianceUnitFilter) {
    return db
      .selectFrom("alliance_units as a")
      .innerJoin("org_units as o", "o.id", "a.station_id")
      .where((eb) => unitCondition(eb, f));
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

  /** The page's ids from the units table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async list(f: AllianceUnitFilter, page: { limit: number; offset: number; sort?: string; order: "asc" | "desc" }) {
    const sortColumn: string | undefined = sortColumns[page.sort as keyof typeof sortColumns];
    const text = f.q && !f.contactMobileHash ? f.q : undefined;
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("alliance_units as a").where((eb) => unitCondition(eb, f, false)),
      text: text ? { columns: textColumns, condition: (eb) => textCondition(eb, text) } : undefined,
      id: "a.id",
      order: sortColumn
        ? [
            [sortColumn, page.order],
            ["a.id", page.order],
          ]
        : [["a.id", page.order]],
      rows: (ids) =>
        this.withUserCount(this.filtered(this.db, { stationIds: null, unitId: null }))
          .where("a.id", "in", ids)
          .execute(),
      page,
    });
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
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    return q.groupBy("kind").orderBy("kind").execute();
  }
}

export type AllianceUnitRow = NonNullable<Awaited<ReturnType<AllianceUnitsRepository["findById"]>>>;
