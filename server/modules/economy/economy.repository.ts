// The merchant economy's queries: policies, relief applications (one live per merchant and policy, held by a
// partial unique index), monthly operating confirmations, and the funding ledger whose running totals are raised by
// conditional updates (`total + x <= bound`): the row count decides, so simultaneous spenders never overdraw.
// It reads the registry (merchants, their stalls and status history, the accounts of merchants, projects) for
// eligibility, names and coverage; it writes only the economy's tables. Only this file builds queries.
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { ExpenditureStatus, PolicyKind, PolicyStatus, PurchaseStatus, ReliefStatus } from "../../../contracts/economy.ts";
import { inStations } from "../../db/station-filter.ts";
import type {
  DB,
  EconomyEnterpriseTable,
  EconomyPolicyTable,
  EconomyPurchaseTable,
  FundingAllocationTable,
  FundingExpenditureTable,
  FundingSourceTable,
  MerchantOperatingMonthTable,
  ProjectFigureTable,
  ReliefApplicationTable,
} from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

const n = (v: unknown) => Number(v ?? 0);

export type PolicyRow = Selectable<EconomyPolicyTable>;
export type ReliefRow = Selectable<ReliefApplicationTable> & { policy_title: string; policy_kind: PolicyKind; merchant_name: string };
export type PolicyValues = Omit<EconomyPolicyTable, "id" | "version">;
export type ReliefValues = Omit<ReliefApplicationTable, "id" | "version">;
export type ReliefChange = Partial<Omit<ReliefApplicationTable, "id" | "version" | "station_id" | "policy_id" | "merchant_id">> & {
  updated_at: string;
};

export interface MerchantFactRow {
  id: number;
  station_id: number;
  name: string;
  category: DB["merchants"]["category"];
  status: DB["merchants"]["status"];
  created_at: string;
  licence_valid_from: string | null;
  licence_valid_to: string | null;
  has_stall: number;
}

export class EconomyRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  // Policies -------------------------------------------------------------------------------------------------------

  async insertPolicy(db: Db, v: PolicyValues): Promise<number> {
    return (await db.insertInto("economy_policies").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async policy(id: number, db: Db = this.db): Promise<PolicyRow | undefined> {
    return (await db.selectFrom("economy_policies").selectAll().where("id", "=", id).executeTakeFirst()) as PolicyRow | undefined;
  }

  async policies(
    stationIds: number[] | null,
    q: { kind?: PolicyKind; status?: PolicyStatus; q?: string; page: number; pageSize: number },
  ): Promise<{ rows: PolicyRow[]; total: number }> {
    const base = this.db
      .selectFrom("economy_policies")
      .where(inStations(stationIds, "station_id"))
      .$if(q.kind !== undefined, (b) => b.where("kind", "=", q.kind as PolicyKind))
      .$if(q.status !== undefined, (b) => b.where("status", "=", q.status as PolicyStatus))
      .$if(!!q.q, (b) => b.where("title", "like", `%${q.q}%`));
    const rows = await base
      .selectAll()
      .orderBy("opens_on", "desc")
      .orderBy("id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return { rows: rows as PolicyRow[], total: n(total.n) };
  }

  async openPolicies(stationId: number, db: Db = this.db): Promise<PolicyRow[]> {
    return (await db
      .selectFrom("economy_policies")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("status", "=", "open")
      .orderBy("deadline")
      .execute()) as PolicyRow[];
  }

  /** Moves a policy from the version read; 0 rows when someone else moved it first. */
  async updatePolicy(db: Db, id: number, version: number, set: Partial<PolicyValues>): Promise<number> {
    const r = await db
      .updateTable("economy_policies")
      .set({ ...set, version: version + 1 })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Open policies whose opening notice has not gone out, and those whose reminder is due (by `reminderFrom`). */
  async policiesToAnnounce(today: string, reminderTo: string, db: Db = this.db) {
    const opened = await db
      .selectFrom("economy_policies")
      .selectAll()
      .where("status", "=", "open")
      .where("opens_on", "<=", today)
      .where("deadline", ">=", today)
      .where("opened_notified_at", "is", null)
      .execute();
    const reminders = await db
      .selectFrom("economy_policies")
      .selectAll()
      .where("status", "=", "open")
      .where("deadline", ">=", today)
      .where("deadline", "<=", reminderTo)
      .where("opened_notified_at", "is not", null)
      .where("reminded_at", "is", null)
      .execute();
    return { opened: opened as PolicyRow[], reminders: reminders as PolicyRow[] };
  }

  /** Marks a notice as sent exactly once: 0 rows when another run marked it first. */
  async markNotice(db: Db, id: number, column: "opened_notified_at" | "reminded_at", at: string): Promise<number> {
    const r = await db
      .updateTable("economy_policies")
      .set({ [column]: at })
      .where("id", "=", id)
      .where(column, "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // The registry, read ----------------------------------------------------------------------------------------------

  private merchantFactsQuery(db: Db) {
    return db
      .selectFrom("merchants as m")
      .select([
        "m.id",
        "m.station_id",
        "m.name",
        "m.category",
        "m.status",
        "m.created_at",
        "m.licence_valid_from",
        "m.licence_valid_to",
        sql<number>`case when exists (select 1 from stalls s where s.merchant_id = m.id) then 1 else 0 end`.as("has_stall"),
      ]);
  }

  async merchantFacts(stationId: number, db: Db = this.db): Promise<MerchantFactRow[]> {
    return (await this.merchantFactsQuery(db).where("m.station_id", "=", stationId).orderBy("m.id").execute()) as MerchantFactRow[];
  }

  async merchantFact(id: number, db: Db = this.db): Promise<MerchantFactRow | undefined> {
    return (await this.merchantFactsQuery(db).where("m.id", "=", id).executeTakeFirst()) as MerchantFactRow | undefined;
  }

  /** The active accounts of merchants (to tell them). */
  async merchantUsers(merchantIds: number[], db: Db = this.db): Promise<{ id: number; merchant_id: number }[]> {
    if (merchantIds.length === 0) return [];
    const out: { id: number; merchant_id: number }[] = [];
    for (let i = 0; i < merchantIds.length; i += 500) {
      const rows = await db
        .selectFrom("users")
        .select(["id", "merchant_id"])
        .where("merchant_id", "in", merchantIds.slice(i, i + 500))
        .where("status", "=", "active")
        .execute();
      for (const r of rows) if (r.merchant_id !== null) out.push({ id: r.id, merchant_id: r.merchant_id });
    }
    return out;
  }

  async statusHistory(stationId: number, db: Db = this.db) {
    return db
      .selectFrom("merchant_status_changes as c")
      .innerJoin("merchants as m", "m.id", "c.merchant_id")
      .select(["c.merchant_id", "c.to_status", "c.reason", "c.at"])
      .where("m.station_id", "=", stationId)
      .orderBy("c.merchant_id")
      .orderBy("c.at")
      .orderBy("c.id")
      .execute();
  }

  async projectStation(projectId: number, db: Db = this.db): Promise<{ id: number; station_id: number; name: string } | undefined> {
    return db.selectFrom("projects").select(["id", "station_id", "name"]).where("id", "=", projectId).executeTakeFirst();
  }

  /** The station's counter services on offer (the counter module's catalogue; read only). */
  async activeServiceItems(stationId: number): Promise<number> {
    const row = await this.db
      .selectFrom("service_items")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("station_id", "=", stationId)
      .where("active", "=", 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async stationName(stationId: number, db: Db = this.db): Promise<string | null> {
    const row = await db
      .selectFrom("org_units")
      .select("name")
      .where("id", "=", stationId)
      .where("kind", "=", "station")
      .executeTakeFirst();
    return row?.name ?? null;
  }

  // Relief -------------------------------------------------------------------------------------------------------------

  async insertRelief(db: Db, v: ReliefValues): Promise<number> {
    return (await db.insertInto("relief_applications").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  private reliefQuery(db: Db) {
    return db
      .selectFrom("relief_applications as r")
      .innerJoin("economy_policies as p", "p.id", "r.policy_id")
      .innerJoin("merchants as m", "m.id", "r.merchant_id")
      .selectAll("r")
      .select(["p.title as policy_title", "p.kind as policy_kind", "m.name as merchant_name"]);
  }

  async relief(id: number, db: Db = this.db): Promise<ReliefRow | undefined> {
    return (await this.reliefQuery(db).where("r.id", "=", id).executeTakeFirst()) as ReliefRow | undefined;
  }

  async reliefs(
    stationIds: number[] | null,
    q: {
      policyId?: number;
      merchantId?: number;
      status?: ReliefStatus;
      q?: string;
      page: number;
      pageSize: number;
      sort?: string;
      order: "asc" | "desc";
    },
  ): Promise<{ rows: ReliefRow[]; total: number }> {
    const filtered = <T extends ReturnType<EconomyRepository["reliefQuery"]>>(b: T) =>
      b
        .where(inStations(stationIds, "r.station_id"))
        .$if(q.policyId !== undefined, (x) => x.where("r.policy_id", "=", q.policyId as number))
        .$if(q.merchantId !== undefined, (x) => x.where("r.merchant_id", "=", q.merchantId as number))
        .$if(q.status !== undefined, (x) => x.where("r.status", "=", q.status as ReliefStatus))
        .$if(!!q.q, (x) => x.where("m.name", "like", `%${q.q}%`)) as T;
    const column = q.sort === "status" ? "r.status" : "r.applied_at";
    const rows = await filtered(this.reliefQuery(this.db))
      .orderBy(column, q.order)
      .orderBy("r.id", q.order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await filtered(this.reliefQuery(this.db))
      .clearSelect()
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return { rows: rows as ReliefRow[], total: n((total as { n: unknown }).n) };
  }

  async reliefsOfMerchant(merchantId: number, db: Db = this.db): Promise<ReliefRow[]> {
    return (await this.reliefQuery(db).where("r.merchant_id", "=", merchantId).orderBy("r.applied_at", "desc").execute()) as ReliefRow[];
  }

  async reliefsOfPolicy(policyId: number, db: Db = this.db) {
    return db
      .selectFrom("relief_applications")
      .select(["merchant_id", "status", "approved_fen", "disbursed_fen", "loan_subsidy_fen", "applied_at"])
      .where("policy_id", "=", policyId)
      .orderBy("applied_at")
      .execute();
  }

  async setReliefDocuments(db: Db, id: number, fileIds: string[]) {
    await db
      .updateTable("relief_applications")
      .set({ document_ids: JSON.stringify(fileIds) })
      .where("id", "=", id)
      .execute();
  }

  /** Moves an application from the version read; 0 rows when someone else moved it first. */
  async updateRelief(db: Db, id: number, version: number, set: ReliefChange): Promise<number> {
    const r = await db
      .updateTable("relief_applications")
      .set({ ...set, version: version + 1 })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Money each merchant of a station received between two dates (disbursed on, inclusive). */
  async reliefReceived(stationId: number, from: string, to: string, db: Db = this.db) {
    const rows = await db
      .selectFrom("relief_applications")
      .select(["merchant_id", (eb) => eb.fn.sum<string | number>("disbursed_fen").as("fen"), (eb) => eb.fn.countAll().as("n")])
      .where("station_id", "=", stationId)
      .where("status", "in", ["disbursed", "closed"])
      .where("disbursed_on", ">=", from)
      .where("disbursed_on", "<=", to)
      .groupBy("merchant_id")
      .execute();
    return rows.map((r) => ({ merchantId: r.merchant_id, fen: n(r.fen), count: n(r.n) }));
  }

  // Survival ---------------------------------------------------------------------------------------------------------

  async confirmations(stationId: number, from: string, to: string, db: Db = this.db) {
    return db
      .selectFrom("merchant_operating_months")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("month", ">=", from)
      .where("month", "<=", to)
      .execute();
  }

  /** The month's confirmation, replacing an earlier one for the same month. */
  async upsertConfirmation(db: Db, v: Omit<MerchantOperatingMonthTable, "id">) {
    const existing = await db
      .selectFrom("merchant_operating_months")
      .selectAll()
      .where("merchant_id", "=", v.merchant_id)
      .where("month", "=", v.month)
      .executeTakeFirst();
    if (existing) {
      await db.updateTable("merchant_operating_months").set(v).where("id", "=", existing.id).execute();
      return { id: existing.id, before: existing };
    }
    const row = await db.insertInto("merchant_operating_months").values(v).returning("id").executeTakeFirstOrThrow();
    return { id: row.id, before: null };
  }

  // The funding ledger -----------------------------------------------------------------------------------------------------

  async insertSource(db: Db, v: Omit<FundingSourceTable, "id" | "allocated_fen" | "version">): Promise<number> {
    return (await db.insertInto("funding_sources").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async source(id: number, db: Db = this.db) {
    return db.selectFrom("funding_sources").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async sources(stationIds: number[] | null, db: Db = this.db) {
    const rows = await db
      .selectFrom("funding_sources as s")
      .selectAll("s")
      .select((eb) =>
        eb
          .selectFrom("funding_allocations as a")
          .select(sql<string | number>`coalesce(sum(a.spent_fen), 0)`.as("x"))
          .whereRef("a.source_id", "=", "s.id")
          .as("spent_fen"),
      )
      .where(inStations(stationIds, "s.station_id"))
      .orderBy("s.received_on")
      .orderBy("s.id")
      .execute();
    return rows.map((r) => ({ ...r, spent_fen: n(r.spent_fen) }));
  }

  /**
   * A source's edit from `version`: 0 rows when someone changed it since, or when the money received would fall
   * below what it has allocated (the condition re-checked on the row as it is written).
   */
  async updateSource(
    db: Db,
    id: number,
    version: number,
    set: Pick<FundingSourceTable, "name" | "kind" | "received_fen" | "received_on" | "note" | "updated_at">,
  ): Promise<number> {
    const r = await db
      .updateTable("funding_sources")
      .set({ ...set, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("allocated_fen", "<=", set.received_fen)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Takes `amountFen` of a source's unallocated money; 0 rows (nothing taken) when too little is left. */
  async takeFromSource(db: Db, sourceId: number, amountFen: number, at: string): Promise<number> {
    const r = await db
      .updateTable("funding_sources")
      .set({ allocated_fen: sql`allocated_fen + ${amountFen}`, updated_at: at })
      .where("id", "=", sourceId)
      .where(sql<boolean>`allocated_fen + ${amountFen} <= received_fen`)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async insertAllocations(db: Db, values: Omit<FundingAllocationTable, "id" | "spent_fen">[]): Promise<number[]> {
    const rows = await db.insertInto("funding_allocations").values(values).returning("id").execute();
    return rows.map((r) => r.id);
  }

  private allocationQuery(db: Db) {
    return db
      .selectFrom("funding_allocations as a")
      .innerJoin("funding_sources as s", "s.id", "a.source_id")
      .leftJoin("projects as p", "p.id", "a.project_id")
      .selectAll("a")
      .select(["s.name as source_name", "p.name as project_name"]);
  }

  async allocation(id: number, db: Db = this.db) {
    return this.allocationQuery(db).where("a.id", "=", id).executeTakeFirst();
  }

  async allocations(stationIds: number[] | null, filter: { projectId?: number; sourceId?: number } = {}, db: Db = this.db) {
    return this.allocationQuery(db)
      .where(inStations(stationIds, "a.station_id"))
      .$if(filter.projectId !== undefined, (b) => b.where("a.project_id", "=", filter.projectId as number))
      .$if(filter.sourceId !== undefined, (b) => b.where("a.source_id", "=", filter.sourceId as number))
      .orderBy("a.allocated_on")
      .orderBy("a.id")
      .execute();
  }

  /** Spends `amountFen` of an allocation; 0 rows (nothing spent) when its balance is too small. */
  async spendFromAllocation(db: Db, allocationId: number, amountFen: number): Promise<number> {
    const r = await db
      .updateTable("funding_allocations")
      .set({ spent_fen: sql`spent_fen + ${amountFen}` })
      .where("id", "=", allocationId)
      .where(sql<boolean>`spent_fen + ${amountFen} <= amount_fen`)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Gives a rejected expenditure's amount back to its allocation. */
  async releaseToAllocation(db: Db, allocationId: number, amountFen: number): Promise<void> {
    await db
      .updateTable("funding_allocations")
      .set({ spent_fen: sql`spent_fen - ${amountFen}` })
      .where("id", "=", allocationId)
      .execute();
  }

  async insertExpenditure(db: Db, v: Omit<FundingExpenditureTable, "id">): Promise<number> {
    return (await db.insertInto("funding_expenditures").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async setReceipts(db: Db, id: number, fileIds: string[]) {
    await db
      .updateTable("funding_expenditures")
      .set({ receipt_ids: JSON.stringify(fileIds) })
      .where("id", "=", id)
      .execute();
  }

  async expenditure(id: number, db: Db = this.db) {
    return db.selectFrom("funding_expenditures").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async expenditures(
    stationIds: number[] | null,
    q: { allocationId?: number; status?: ExpenditureStatus; q?: string; page: number; pageSize: number },
  ) {
    const base = this.db
      .selectFrom("funding_expenditures")
      .where(inStations(stationIds, "station_id"))
      .$if(q.allocationId !== undefined, (b) => b.where("allocation_id", "=", q.allocationId as number))
      .$if(q.status !== undefined, (b) => b.where("status", "=", q.status as ExpenditureStatus))
      .$if(!!q.q, (b) => b.where((eb) => eb.or([eb("payee", "like", `%${q.q}%`), eb("purpose", "like", `%${q.q}%`)])));
    const rows = await base
      .selectAll()
      .orderBy("spent_on", "desc")
      .orderBy("id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return { rows, total: n(total.n) };
  }

  /** Decides a requested expenditure exactly once: 0 rows when it was already decided. */
  async decideExpenditure(db: Db, id: number, status: ExpenditureStatus, userId: number, at: string, note: string | null) {
    const r = await db
      .updateTable("funding_expenditures")
      .set({ status, decided_by_user_id: userId, decided_at: at, decision_note: note })
      .where("id", "=", id)
      .where("status", "=", "requested")
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Approved spending per allocation (the public page shows only what was approved). */
  async approvedSpending(stationId: number, db: Db = this.db) {
    const rows = await db
      .selectFrom("funding_expenditures")
      .select(["allocation_id", (eb) => eb.fn.sum<string | number>("amount_fen").as("fen")])
      .where("station_id", "=", stationId)
      .where("status", "=", "approved")
      .groupBy("allocation_id")
      .execute();
    return new Map(rows.map((r) => [r.allocation_id, n(r.fen)]));
  }

  async allExpenditures(stationIds: number[] | null, db: Db = this.db) {
    return db
      .selectFrom("funding_expenditures")
      .selectAll()
      .where(inStations(stationIds, "station_id"))
      .orderBy("spent_on")
      .orderBy("id")
      .execute();
  }

  // Directed consumption ---------------------------------------------------------------------------------------------------

  async insertEnterprise(db: Db, v: Omit<EconomyEnterpriseTable, "id" | "version">): Promise<number> {
    return (await db.insertInto("economy_enterprises").values(v).returning("id").executeTakeFirstOrThrow()).id;
  }

  async enterprise(id: number, db: Db = this.db) {
    return db.selectFrom("economy_enterprises").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async enterpriseNames(stationId: number, db: Db = this.db) {
    return db.selectFrom("economy_enterprises").select(["id", "name"]).where("station_id", "=", stationId).execute();
  }

  async merchantNames(stationId: number, db: Db = this.db) {
    return db.selectFrom("merchants").select(["id", "name"]).where("station_id", "=", stationId).execute();
  }

  async enterprises(stationIds: number[] | null, q: { q?: string; page: number; pageSize: number; sort?: string }) {
    const base = this.db
      .selectFrom("economy_enterprises as e")
      .where(inStations(stationIds, "e.station_id"))
      .$if(!!q.q, (b) => b.where("e.name", "like", `%${q.q}%`));
    const rows = await base
      .leftJoin("alliance_units as u", "u.id", "e.mobilised_by_unit_id")
      .selectAll("e")
      .select([
        "u.name as unit_name",
        (eb) =>
          eb
            .selectFrom("economy_pledges as p")
            .select(sql<string | number>`coalesce(sum(p.amount_fen), 0)`.as("x"))
            .whereRef("p.enterprise_id", "=", "e.id")
            .as("pledged_fen"),
        (eb) =>
          eb
            .selectFrom("economy_purchases as c")
            .select(sql<string | number>`coalesce(sum(c.amount_fen), 0)`.as("x"))
            .whereRef("c.enterprise_id", "=", "e.id")
            .where("c.status", "=", "confirmed")
            .as("confirmed_fen"),
        (eb) =>
          eb
            .selectFrom("economy_purchases as c")
            .select(sql<string | number>`coalesce(sum(c.amount_fen), 0)`.as("x"))
            .whereRef("c.enterprise_id", "=", "e.id")
            .where("c.status", "=", "pending")
            .as("pending_fen"),
      ])
      .orderBy(q.sort === "confirmed" ? sql`confirmed_fen` : sql`e.name`, q.sort === "confirmed" ? "desc" : "asc")
      .orderBy("e.id")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return {
      rows: rows.map((r) => ({ ...r, pledged_fen: n(r.pledged_fen), confirmed_fen: n(r.confirmed_fen), pending_fen: n(r.pending_fen) })),
      total: n(total.n),
    };
  }

  async updateEnterprise(
    db: Db,
    id: number,
    version: number,
    set: Pick<EconomyEnterpriseTable, "name" | "contact_name" | "contact_title" | "mobilised_by_unit_id" | "updated_at">,
  ): Promise<number> {
    const r = await db
      .updateTable("economy_enterprises")
      .set({ ...set, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async pledges(enterpriseId: number, db: Db = this.db) {
    return db
      .selectFrom("economy_pledges")
      .select(["period", "amount_fen"])
      .where("enterprise_id", "=", enterpriseId)
      .orderBy("period", "desc")
      .execute();
  }

  async setPledge(db: Db, enterpriseId: number, period: string, amountFen: number) {
    const existing = await db
      .selectFrom("economy_pledges")
      .selectAll()
      .where("enterprise_id", "=", enterpriseId)
      .where("period", "=", period)
      .executeTakeFirst();
    if (existing) {
      await db.updateTable("economy_pledges").set({ amount_fen: amountFen }).where("id", "=", existing.id).execute();
      return existing.amount_fen;
    }
    await db.insertInto("economy_pledges").values({ enterprise_id: enterpriseId, period, amount_fen: amountFen }).execute();
    return null;
  }

  async insertPurchases(db: Db, values: Omit<EconomyPurchaseTable, "id">[]): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < values.length; i += 200) {
      const rows = await db
        .insertInto("economy_purchases")
        .values(values.slice(i, i + 200))
        .returning("id")
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  /** Of these receipt numbers, those the station already recorded. */
  async takenInvoices(stationId: number, invoices: string[], db: Db = this.db): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < invoices.length; i += 500) {
      const rows = await db
        .selectFrom("economy_purchases")
        .select("invoice_no")
        .where("station_id", "=", stationId)
        .where("invoice_no", "in", invoices.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.invoice_no);
    }
    return out;
  }

  private purchaseQuery(db: Db) {
    return db
      .selectFrom("economy_purchases as p")
      .innerJoin("economy_enterprises as e", "e.id", "p.enterprise_id")
      .innerJoin("merchants as m", "m.id", "p.merchant_id")
      .selectAll("p")
      .select(["e.name as enterprise_name", "m.name as merchant_name"]);
  }

  async purchase(id: number, db: Db = this.db) {
    return this.purchaseQuery(db).where("p.id", "=", id).executeTakeFirst();
  }

  async purchases(
    stationIds: number[] | null,
    q: {
      enterpriseId?: number;
      merchantId?: number;
      status?: PurchaseStatus;
      from?: string;
      to?: string;
      q?: string;
      page: number;
      pageSize: number;
    },
  ) {
    const filtered = <T extends ReturnType<EconomyRepository["purchaseQuery"]>>(b: T) =>
      b
        .where(inStations(stationIds, "p.station_id"))
        .$if(q.enterpriseId !== undefined, (x) => x.where("p.enterprise_id", "=", q.enterpriseId as number))
        .$if(q.merchantId !== undefined, (x) => x.where("p.merchant_id", "=", q.merchantId as number))
        .$if(q.status !== undefined, (x) => x.where("p.status", "=", q.status as PurchaseStatus))
        .$if(q.from !== undefined, (x) => x.where("p.purchased_on", ">=", q.from as string))
        .$if(q.to !== undefined, (x) => x.where("p.purchased_on", "<=", q.to as string))
        .$if(!!q.q, (x) =>
          x.where((eb) =>
            eb.or([eb("p.invoice_no", "like", `%${q.q}%`), eb("m.name", "like", `%${q.q}%`), eb("e.name", "like", `%${q.q}%`)]),
          ),
        ) as T;
    const rows = await filtered(this.purchaseQuery(this.db))
      .orderBy("p.purchased_on", "desc")
      .orderBy("p.id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await filtered(this.purchaseQuery(this.db))
      .clearSelect()
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return { rows, total: n((total as { n: unknown }).n) };
  }

  /** Confirms or disputes a pending purchase exactly once: 0 rows when it was not pending. */
  async settlePurchase(db: Db, id: number, status: "confirmed" | "disputed", userId: number, at: string) {
    const r = await db
      .updateTable("economy_purchases")
      .set({ status, confirmed_at: at, confirmed_by_user_id: userId })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Per enterprise of a station: the month's pledge and the purchases confirmed in it. */
  async monthFigures(stationId: number, month: string, from: string, to: string, db: Db = this.db) {
    const rows = await db
      .selectFrom("economy_enterprises as e")
      .select([
        "e.id",
        "e.name",
        (eb) =>
          eb
            .selectFrom("economy_pledges as p")
            .select("p.amount_fen")
            .whereRef("p.enterprise_id", "=", "e.id")
            .where("p.period", "=", month)
            .as("pledged_fen"),
        (eb) =>
          eb
            .selectFrom("economy_purchases as c")
            .select(sql<string | number>`coalesce(sum(c.amount_fen), 0)`.as("x"))
            .whereRef("c.enterprise_id", "=", "e.id")
            .where("c.status", "=", "confirmed")
            .where("c.purchased_on", ">=", from)
            .where("c.purchased_on", "<=", to)
            .as("confirmed_fen"),
      ])
      .where("e.station_id", "=", stationId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      pledgedFen: r.pledged_fen === null ? null : n(r.pledged_fen),
      confirmedFen: n(r.confirmed_fen),
    }));
  }

  async merchantTotals(stationId: number, from: string, to: string, db: Db = this.db) {
    const rows = await db
      .selectFrom("economy_purchases as p")
      .innerJoin("merchants as m", "m.id", "p.merchant_id")
      .select([
        "p.merchant_id",
        "m.name",
        sql<string | number>`sum(case when p.status = 'confirmed' then p.amount_fen else 0 end)`.as("confirmed_fen"),
        sql<string | number>`sum(case when p.status = 'pending' then p.amount_fen else 0 end)`.as("pending_fen"),
        (eb) => eb.fn.countAll().as("n"),
      ])
      .where("p.station_id", "=", stationId)
      .where("p.purchased_on", ">=", from)
      .where("p.purchased_on", "<=", to)
      .groupBy(["p.merchant_id", "m.name"])
      .execute();
    return rows.map((r) => ({
      merchantId: r.merchant_id,
      name: r.name,
      confirmedFen: n(r.confirmed_fen),
      pendingFen: n(r.pending_fen),
      purchases: n(r.n),
    }));
  }

  async purchasesOfMerchant(merchantId: number, db: Db = this.db) {
    return this.purchaseQuery(db)
      .where("p.merchant_id", "=", merchantId)
      .orderBy("p.purchased_on", "desc")
      .orderBy("p.id", "desc")
      .limit(200)
      .execute();
  }

  async merchantPurchaseSums(merchantId: number, db: Db = this.db) {
    const row = await db
      .selectFrom("economy_purchases")
      .select([
        sql<string | number>`coalesce(sum(case when status = 'confirmed' then amount_fen else 0 end), 0)`.as("confirmed_fen"),
        sql<string | number>`coalesce(sum(case when status = 'pending' then amount_fen else 0 end), 0)`.as("pending_fen"),
      ])
      .where("merchant_id", "=", merchantId)
      .executeTakeFirstOrThrow();
    return { confirmedFen: n(row.confirmed_fen), pendingFen: n(row.pending_fen) };
  }

  // A project's linked figures ---------------------------------------------------------------------------------------------

  async projectFigureLinks(projectId: number, db: Db = this.db) {
    return db.selectFrom("project_figures").selectAll().where("project_id", "=", projectId).orderBy("position").execute();
  }

  async replaceProjectFigureLinks(db: Db, projectId: number, values: Omit<ProjectFigureTable, "id">[]) {
    await db.deleteFrom("project_figures").where("project_id", "=", projectId).execute();
    if (values.length) await db.insertInto("project_figures").values(values).execute();
  }

  async confirmedConsumption(stationId: number, db: Db = this.db) {
    const row = await db
      .selectFrom("economy_purchases")
      .select([
        sql<string | number>`coalesce(sum(amount_fen), 0)`.as("fen"),
        sql<string | number>`count(distinct enterprise_id)`.as("enterprises"),
      ])
      .where("station_id", "=", stationId)
      .where("status", "=", "confirmed")
      .executeTakeFirstOrThrow();
    return { fen: n(row.fen), enterprises: n(row.enterprises) };
  }
}
