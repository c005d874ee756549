// Lendable items and loans: the only place that queries lend_items and loans (and reads the borrowers'
// registry records and accounts it needs to name and notify them).
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { BorrowerKind, ItemStatus, LendKind, LoanStatus } from "../../../contracts/lending.ts";
import type { PageWindow } from "../../db/paging.ts";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, LendItemTable, LoanTable } from "../../db/tables.ts";
import { containsText, linkedContainsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type ItemValues = Omit<LendItemTable, "id" | "version">;
export type LoanValues = Omit<LoanTable, "id">;

export interface ItemFilter {
  stationIds: number[] | null;
  kind?: LendKind;
  status?: ItemStatus;
  q?: string;
  ids?: number[];
}

export interface LoanFilter {
  stationIds: number[] | null;
  /** open | overdue | closed | returned | lost | damaged */
  view?: string;
  kind?: LendKind;
  borrowerKind?: BorrowerKind;
  q?: string;
  /** Lent from this instant (inclusive) up to `to` (exclusive). */
  from?: string;
  to?: string;
  residentId?: number | null;
  merchantId?: number | null;
  now: string;
}

const loanColumns = [
  "l.id",
  "l.station_id",
  "l.item_id",
  "l.borrower_kind",
  "l.resident_id",
  "l.merchant_id",
  "l.borrower_user_id",
  "l.status",
  "l.lent_at",
  "l.due_at",
  "l.returned_at",
  "l.reminded_at",
  "l.note",
  "i.code as item_code",
  "i.name as item_name",
  "i.kind",
  "u.display_name as lent_by",
] as const;

// biome-ignore lint/suspicious/noExplicitAny: applies to the items table (alias i)
function itemText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or([containsText(eb, "i.code", text), containsText(eb, "i.name", text)]);
}

/** The loan filter as one condition on the loans table (alias `l`), alone or joined; the item's kind through its id. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the loans table alone or joined (alias l)
function loanCondition(eb: ExpressionBuilder<any, any>, f: LoanFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "l.station_id"));
  switch (f.view) {
    case "open":
      all.push(eb("l.status", "=", "out"), eb("l.due_at", ">=", f.now));
      break;
    case "overdue":
      all.push(eb("l.status", "=", "out"), eb("l.due_at", "<", f.now));
      break;
    case "closed":
      all.push(eb("l.status", "!=", "out"));
      break;
    case "returned":
    case "lost":
    case "damaged":
      all.push(eb("l.status", "=", f.view));
      break;
  }
  if (f.kind) all.push(eb("l.item_id", "in", eb.selectFrom("lend_items as i2").select("i2.id").where("i2.kind", "=", f.kind)));
  if (f.borrowerKind) all.push(eb("l.borrower_kind", "=", f.borrowerKind));
  if (f.from) all.push(eb("l.lent_at", ">=", f.from));
  if (f.to) all.push(eb("l.lent_at", "<", f.to));
  if (f.residentId !== undefined || f.merchantId !== undefined) {
    const rid = f.residentId ?? null;
    const mid = f.merchantId ?? null;
    all.push(
      eb.or([
        rid === null ? sql<boolean>`1 = 0` : eb("l.resident_id", "=", rid),
        mid === null ? sql<boolean>`1 = 0` : eb("l.merchant_id", "=", mid),
      ]),
    );
  }
  if (f.q && withText) all.push(loanText(eb, f.q));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

/** The item's code, the resident's or the merchant's name contains the text (each looked up by its id). */
// biome-ignore lint/suspicious/noExplicitAny: applies to the loans table alone or joined (alias l)
function loanText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or([
    linkedContainsText(eb, "l.item_id", "lend_items", "code", text),
    linkedContainsText(eb, "l.resident_id", "residents", "name", text),
    linkedContainsText(eb, "l.merchant_id", "merchants", "name", text),
  ]);
}

export class LendingRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private items(db: Db, f: ItemFilter, withText = true) {
    let q = db.selectFrom("lend_items as i").selectAll("i");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "i.station_id"));
    if (f.kind) q = q.where("i.kind", "=", f.kind);
    if (f.status) q = q.where("i.status", "=", f.status);
    if (f.ids) q = f.ids.length ? q.where("i.id", "in", f.ids) : q.where(sql<boolean>`1 = 0`);
    const text = f.q;
    if (text && withText) q = q.where((eb) => itemText(eb, text));
    return q;
  }

  /** The page's ids from the items table, its rows for those ids, a capped count (server/db/paging.ts). */
  listItems(f: ItemFilter, page: PageWindow, sort: { column: "code" | "kind" | "status" | "updated_at"; desc: boolean }) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.items(this.db, f, false).clearSelect(),
      text: text ? { columns: ["i.code", "i.name"], condition: (eb) => itemText(eb, text) } : undefined,
      id: "i.id",
      order: [
        [`i.${sort.column}`, sort.desc ? "desc" : "asc"],
        ["i.code", "asc"],
        ["i.id", "asc"],
      ],
      rows: (ids) => this.db.selectFrom("lend_items as i").selectAll("i").where("i.id", "in", ids).execute(),
      page,
    });
  }

  allItems(f: ItemFilter, db: Db = this.db) {
    return this.items(db, f).orderBy("i.kind").orderBy("i.code").execute();
  }

  findItem(id: number, db: Db = this.db) {
    return db.selectFrom("lend_items").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findItemByCode(code: string, db: Db = this.db) {
    return db.selectFrom("lend_items").selectAll().where("code", "=", code).executeTakeFirst();
  }

  /** The codes already given with a stem (`TY-SAN-`), anywhere: codes are unique across stations. */
  async codesWithStem(stem: string, db: Db = this.db): Promise<string[]> {
    const rows = await db.selectFrom("lend_items").select("code").where("code", "like", `${stem}%`).execute();
    return rows.map((r) => r.code);
  }

  async insertItems(db: Db, values: ItemValues[]): Promise<number[]> {
    const rows = await db.insertInto("lend_items").values(values).returning("id").execute();
    return rows.map((r) => r.id);
  }

  /** Moves an item from one status to another only if it is still in the first: the guard against double lending. */
  async moveItem(db: Db, id: number, from: ItemStatus, to: ItemStatus, at: string, version?: number): Promise<boolean> {
    let q = db
      .updateTable("lend_items")
      .set((eb) => ({ status: to, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("status", "=", from);
    if (version !== undefined) q = q.where("version", "=", version);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async updateItem(db: Db, id: number, version: number, values: Partial<ItemValues>): Promise<boolean> {
    const r = await db
      .updateTable("lend_items")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Counts per kind and status. */
  async statusCounts(stationIds: number[] | null, db: Db = this.db) {
    let q = db
      .selectFrom("lend_items")
      .select(["kind", "status", (eb) => eb.fn.countAll().as("n")])
      .groupBy(["kind", "status"]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    const rows = await q.execute();
    return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
  }

  async countOverdue(stationIds: number[] | null, now: string, db: Db = this.db): Promise<number> {
    let q = db
      .selectFrom("loans")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("status", "=", "out")
      .where("due_at", "<", now);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    const row = await q.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private loans(db: Db) {
    return db
      .selectFrom("loans as l")
      .innerJoin("lend_items as i", "i.id", "l.item_id")
      .leftJoin("residents as r", "r.id", "l.resident_id")
      .leftJoin("merchants as m", "m.id", "l.merchant_id")
      .leftJoin("users as u", "u.id", "l.lent_by_user_id")
      .select(loanColumns)
      .select((eb) => eb.fn.coalesce("r.name", "m.name").as("borrower_name"));
  }

  private filteredLoans(db: Db, f: LoanFilter) {
    return this.loans(db).where((eb) => loanCondition(eb, f));
  }

  /** The page's ids from the loans table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  listLoans(f: LoanFilter, page: PageWindow) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("loans as l").where((eb) => loanCondition(eb, f, false)),
      text: text ? { columns: ["l.item_id", "l.resident_id", "l.merchant_id"], condition: (eb) => loanText(eb, text) } : undefined,
      id: "l.id",
      order: [
        ["l.lent_at", "desc"],
        ["l.id", "desc"],
      ],
      rows: (ids) => this.loans(this.db).where("l.id", "in", ids).execute(),
      page,
    });
  }

  async *iterateLoans(f: LoanFilter, batch = 500) {
    for (let offset = 0; ; offset += batch) {
      const rows = await this.filteredLoans(this.db, f)
        .orderBy("l.lent_at", "desc")
        .orderBy("l.id", "desc")
        .limit(batch)
        .offset(offset)
        .execute();
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
    }
  }

  allLoans(f: LoanFilter, limit = 100) {
    return this.filteredLoans(this.db, f).orderBy("l.lent_at", "desc").orderBy("l.id", "desc").limit(limit).execute();
  }

  findLoan(id: number, db: Db = this.db) {
    return this.loans(db).where("l.id", "=", id).executeTakeFirst();
  }

  /** The item's open loan, if any (at most one: loans_one_open). */
  openLoanOf(itemId: number, db: Db = this.db) {
    return this.loans(db).where("l.item_id", "=", itemId).where("l.status", "=", "out").executeTakeFirst();
  }

  openLoansOf(itemIds: number[], db: Db = this.db) {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.loans(db).where("l.item_id", "in", itemIds).where("l.status", "=", "out").execute();
  }

  async insertLoan(db: Db, values: LoanValues): Promise<number> {
    const row = await db.insertInto("loans").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  /** Closes the item's open loan; false when there is none (returned meanwhile). */
  async closeOpenLoan(
    db: Db,
    itemId: number,
    values: { status: LoanStatus; returned_at: string; closed_by_user_id: number | null; note?: string | null },
  ) {
    const set: Partial<LoanValues> = {
      status: values.status,
      returned_at: values.returned_at,
      closed_by_user_id: values.closed_by_user_id,
      updated_at: values.returned_at,
    };
    if (values.note) set.note = values.note;
    const r = await db.updateTable("loans").set(set).where("item_id", "=", itemId).where("status", "=", "out").executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Overdue loans not yet reminded (oldest first). */
  dueReminders(stationIds: number[] | null, now: string, limit = 500) {
    let q = this.loans(this.db).where("l.status", "=", "out").where("l.due_at", "<", now).where("l.reminded_at", "is", null);
    if (stationIds !== null) q = q.where(inStations(stationIds, "l.station_id"));
    return q.orderBy("l.due_at").limit(limit).execute();
  }

  /** Marks a loan reminded unless another node did it first. */
  async markReminded(db: Db, id: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable("loans")
      .set({ reminded_at: at })
      .where("id", "=", id)
      .where("reminded_at", "is", null)
      .where("status", "=", "out")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findResident(id: number, db: Db = this.db) {
    return db.selectFrom("residents").select(["id", "station_id", "name"]).where("id", "=", id).executeTakeFirst();
  }

  findMerchant(id: number, db: Db = this.db) {
    return db.selectFrom("merchants").select(["id", "station_id", "name", "status"]).where("id", "=", id).executeTakeFirst();
  }

  /** Active accounts of a resident or merchant record (who hear about their loans). */
  async accountsOf(kind: BorrowerKind, id: number, db: Db = this.db): Promise<number[]> {
    const rows = await db
      .selectFrom("users")
      .select("id")
      .where(kind === "merchant" ? "merchant_id" : "resident_id", "=", id)
      .where("status", "=", "active")
      .orderBy("id")
      .execute();
    return rows.map((r) => r.id);
  }

  searchResidents(stationIds: number[] | null, q: string | undefined, limit: number) {
    let query = this.db.selectFrom("residents").select(["id", "name", "address", "mobile_enc"]);
    if (stationIds !== null) query = query.where(inStations(stationIds, "station_id"));
    if (q) query = query.where((eb) => containsText(eb, "name", q));
    return query.orderBy("name").orderBy("id").limit(limit).execute();
  }

  searchMerchants(stationIds: number[] | null, q: string | undefined, limit: number) {
    let query = this.db.selectFrom("merchants").select(["id", "name", "operator_name", "mobile_enc"]).where("status", "!=", "closed");
    if (stationIds !== null) query = query.where(inStations(stationIds, "station_id"));
    if (q) query = query.where((eb) => eb.or([containsText(eb, "name", q), containsText(eb, "operator_name", q)]));
    return query.orderBy("name").orderBy("id").limit(limit).execute();
  }

  async openLoanCounts(kind: "resident" | "merchant", ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const column = kind === "resident" ? "resident_id" : "merchant_id";
    const rows = await this.db
      .selectFrom("loans")
      .select([column, (eb) => eb.fn.countAll().as("n")])
      .where(column, "in", ids)
      .where("status", "=", "out")
      .groupBy(column)
      .execute();
    return new Map(rows.map((r) => [Number((r as Record<string, unknown>)[column]), Number(r.n)]));
  }

  stationName(id: number, db: Db = this.db) {
    return db.selectFrom("org_units").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
  }
}

export type LoanRow = NonNullable<Awaited<ReturnType<LendingRepository["findLoan"]>>>;
export type ItemRow = Omit<LendItemTable, "id" | "version"> & { id: number; version: number };
export type ResidentBorrowerRow = Awaited<ReturnType<LendingRepository["searchResidents"]>>[number];
export type MerchantBorrowerRow = Awaited<ReturnType<LendingRepository["searchMerchants"]>>[number];
