// The fair scale: the only place that queries reweighs and merchant_findings (and reads the stalls and merchants
// a re-weigh names).
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { ReweighOutcome } from "../../../contracts/lending.ts";
import { type PageWindow, pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, MerchantFindingTable, ReweighTable } from "../../db/tables.ts";
import { containsText, linkedContainsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type ReweighValues = Omit<ReweighTable, "id">;
export type FindingValues = Omit<MerchantFindingTable, "id">;

export interface ReweighFilter {
  stationIds: number[] | null;
  outcome?: ReweighOutcome;
  merchantId?: number;
  shopperUserId?: number;
  q?: string;
  from?: string;
  to?: string;
}

/** The filter as one condition on the re-weighs table (alias `w`), alone or joined. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the re-weighs table alone or joined (alias w)
function reweighCondition(eb: ExpressionBuilder<any, any>, f: ReweighFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "w.station_id"));
  if (f.outcome) all.push(eb("w.outcome", "=", f.outcome));
  if (f.merchantId) all.push(eb("w.merchant_id", "=", f.merchantId));
  if (f.shopperUserId) all.push(eb("w.shopper_user_id", "=", f.shopperUserId));
  if (f.from) all.push(eb("w.created_at", ">=", f.from));
  if (f.to) all.push(eb("w.created_at", "<", f.to));
  if (f.q && withText) all.push(reweighText(eb, f.q));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

/** The goods, the merchant's name or the stall's code contains the text (the merchant and the stall by their ids). */
// biome-ignore lint/suspicious/noExplicitAny: applies to the re-weighs table (alias w)
function reweighText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or([
    containsText(eb, "w.goods", text),
    linkedContainsText(eb, "w.merchant_id", "merchants", "name", text),
    linkedContainsText(eb, "w.stall_id", "stalls", "code", text),
  ]);
}

export class FairScaleRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private reweighs(db: Db) {
    return db
      .selectFrom("reweighs as w")
      .innerJoin("merchants as m", "m.id", "w.merchant_id")
      .leftJoin("stalls as s", "s.id", "w.stall_id")
      .leftJoin("users as u", "u.id", "w.recorded_by_user_id")
      .leftJoin("problems as p", "p.id", "w.problem_id")
      .leftJoin("merchant_findings as f", "f.reweigh_id", "w.id")
      .selectAll("w")
      .select([
        "m.name as merchant_name",
        "s.code as stall_code",
        "u.display_name as recorded_by",
        "p.code as problem_code",
        "f.id as finding_id",
      ]);
  }

  private filtered(db: Db, f: ReweighFilter) {
    return this.reweighs(db).where((eb) => reweighCondition(eb, f));
  }

  /**
   * The page's ids from the re-weighs table alone (the merchant's name and the stall's code through their ids), its
   * rows for those ids, a capped count (server/db/paging.ts).
   */
  list(f: ReweighFilter, page: PageWindow) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("reweighs as w").where((eb) => reweighCondition(eb, f, false)),
      text: text ? { columns: ["w.goods", "w.merchant_id", "w.stall_id"], condition: (eb) => reweighText(eb, text) } : undefined,
      id: "w.id",
      order: [
        ["w.created_at", "desc"],
        ["w.id", "desc"],
      ],
      rows: (ids) => this.reweighs(this.db).where("w.id", "in", ids).execute(),
      page,
    });
  }

  async *iterate(f: ReweighFilter, batch = 500) {
    for (let offset = 0; ; offset += batch) {
      const rows = await this.filtered(this.db, f)
        .orderBy("w.created_at", "desc")
        .orderBy("w.id", "desc")
        .limit(batch)
        .offset(offset)
        .execute();
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
    }
  }

  recent(f: ReweighFilter, limit: number) {
    return this.filtered(this.db, f).orderBy("w.created_at", "desc").orderBy("w.id", "desc").limit(limit).execute();
  }

  find(id: number, db: Db = this.db) {
    return this.reweighs(db).where("w.id", "=", id).executeTakeFirst();
  }

  async insert(db: Db, values: ReweighValues): Promise<number> {
    const row = await db.insertInto("reweighs").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async linkProblem(db: Db, id: number, problemId: number) {
    await db.updateTable("reweighs").set({ problem_id: problemId }).where("id", "=", id).execute();
  }

  async insertFinding(db: Db, values: FindingValues): Promise<number> {
    const row = await db.insertInto("merchant_findings").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  findings(merchantId: number) {
    return this.db
      .selectFrom("merchant_findings as f")
      .leftJoin("reweighs as w", "w.id", "f.reweigh_id")
      .select([
        "f.id",
        "f.merchant_id",
        "f.source",
        "f.reweigh_id",
        "f.summary",
        "f.created_at",
        "w.short_grams",
        "w.overcharge_fen",
        "w.problem_id",
      ])
      .where("f.merchant_id", "=", merchantId)
      .orderBy("f.created_at", "desc")
      .orderBy("f.id", "desc")
      .execute();
  }

  async countReweighs(merchantId: number): Promise<number> {
    const row = await this.db
      .selectFrom("reweighs")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("merchant_id", "=", merchantId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** What the figures count: one slim row per re-weigh since `from`. */
  since(stationIds: number[] | null, from: string) {
    let q = this.db
      .selectFrom("reweighs")
      .select(["created_at", "outcome", "overcharge_fen", "merchant_id"])
      .where("created_at", ">=", from);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    return q.execute();
  }

  async findingCounts(stationIds: number[] | null, from: string, limit: number) {
    let q = this.db
      .selectFrom("merchant_findings as f")
      .innerJoin("merchants as m", "m.id", "f.merchant_id")
      .select(["f.merchant_id", "m.name", (eb) => eb.fn.countAll().as("n")])
      .where("f.created_at", ">=", from)
      .groupBy(["f.merchant_id", "m.name"]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "f.station_id"));
    const rows = await q.execute();
    return rows
      .map((r) => ({ merchantId: r.merchant_id, merchantName: r.name, findings: Number(r.n) }))
      .sort((a, b) => b.findings - a.findings || a.merchantName.localeCompare(b.merchantName, "zh-CN"))
      .slice(0, limit);
  }

  /** The station's stalls that have a trading merchant (a re-weigh names one). */
  stalls(stationIds: number[] | null) {
    let q = this.db
      .selectFrom("stalls as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["s.id", "s.code", "s.station_id", "m.id as merchant_id", "m.name as merchant_name"])
      .where("m.status", "!=", "closed");
    if (stationIds !== null) q = q.where(inStations(stationIds, "s.station_id"));
    return q.orderBy("s.code").execute();
  }

  stall(id: number, db: Db = this.db) {
    return db
      .selectFrom("stalls as s")
      .leftJoin("merchants as m", "m.id", "s.merchant_id")
      .innerJoin("org_units as o", "o.id", "s.station_id")
      .select([
        "s.id",
        "s.code",
        "s.station_id",
        "o.name as station_name",
        "s.merchant_id",
        "m.name as merchant_name",
        "m.status as merchant_status",
      ])
      .where("s.id", "=", id)
      .executeTakeFirst();
  }

  merchant(id: number) {
    return this.db.selectFrom("merchants").select(["id", "station_id", "name"]).where("id", "=", id).executeTakeFirst();
  }

  async merchantAccounts(merchantId: number, db: Db = this.db): Promise<number[]> {
    const rows = await db.selectFrom("users").select("id").where("merchant_id", "=", merchantId).where("status", "=", "active").execute();
    return rows.map((r) => r.id);
  }
}

export type ReweighRow = NonNullable<Awaited<ReturnType<FairScaleRepository["find"]>>>;
export type FindingRow = Awaited<ReturnType<FairScaleRepository["findings"]>>[number];
export type ScaleStallRow = Awaited<ReturnType<FairScaleRepository["stalls"]>>[number];
