// Directed consumption: the park enterprises (their contacts, the alliance unit that mobilised them) with pledges
// per month; purchase records entered one by one or imported from the enterprise's spreadsheet (its columns mapped,
// receipt numbers checked for repeats in the file and the station, merchant and enterprise names matched exactly or
// approximately, every rejected row named); a purchase counts once the merchant confirms it on the phone. The monthly
// ranking of enterprises against their pledges (通报) and the totals per merchant read confirmed purchases only.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { monthRange } from "../../../contracts/calendar.ts";
import {
  defaultPurchaseHeaders,
  type enterpriseCreateSchema,
  type enterpriseListQuery,
  type enterpriseUpdateSchema,
  type merchantTotalsQuery,
  type PurchaseColumn,
  type PurchaseImport,
  type pledgeSetSchema,
  purchaseColumns,
  type purchaseCreateSchema,
  type purchaseImportQuery,
  type purchaseListQuery,
  type rankingQuery,
} from "../../../contracts/economy.ts";
import type { Locale } from "../../../contracts/errors.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, conflict, fail, notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { readSheetByHeaders } from "../../platform/sheet-headers.ts";
import { manages, refuse } from "./economy.access.ts";
import type { Db, EconomyRepository } from "./economy.repository.ts";
import { yuan } from "./economy.workflow.ts";
import { exactIndex, matchName, purchaseNext, sheetDate, yuanToFen } from "./purchases.match.ts";

type PurchaseRow = NonNullable<Awaited<ReturnType<EconomyRepository["purchase"]>>>;

export const presentPurchase = (p: PurchaseRow) => ({
  id: p.id,
  stationId: p.station_id,
  enterpriseId: p.enterprise_id,
  enterpriseName: p.enterprise_name,
  merchantId: p.merchant_id,
  merchantName: p.merchant_name,
  amountFen: p.amount_fen,
  purchasedOn: p.purchased_on,
  invoiceNo: p.invoice_no,
  status: p.status,
  importId: p.import_id,
  recordedAt: p.recorded_at,
  confirmedAt: p.confirmed_at,
});

const words = {
  "zh-CN": {
    required: "必填",
    unknownMerchant: (v: string) => `没有找到商户“${v}”`,
    unknownEnterprise: (v: string) => `没有找到企业“${v}”`,
    amount: "金额须为大于 0 的数字，最多两位小数（元）",
    date: "日期无效",
    repeated: (v: string) => `票号 ${v} 在文件中重复`,
    taken: (v: string) => `票号 ${v} 已登记过`,
    row: (n: number) => `第 ${n} 行`,
  },
  en: {
    required: "required",
    unknownMerchant: (v: string) => `no merchant “${v}”`,
    unknownEnterprise: (v: string) => `no enterprise “${v}”`,
    amount: "the amount must be a positive number of yuan with at most two decimals",
    date: "not a valid date",
    repeated: (v: string) => `receipt ${v} repeated in the file`,
    taken: (v: string) => `receipt ${v} already recorded`,
    row: (n: number) => `row ${n}`,
  },
};

export class PurchasesService {
  private readonly db: Kysely<DB>;
  private readonly repo: EconomyRepository;
  private readonly clock: Clock;
  private readonly notifier: Notifier | null;

  constructor(db: Kysely<DB>, repo: EconomyRepository, clock: Clock, notifier: Notifier | null) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
    this.notifier = notifier;
  }

  // Enterprises and pledges --------------------------------------------------------------------------------------------

  async enterprises(user: SessionUser, query: z.output<typeof enterpriseListQuery>) {
    const { rows, total } = await this.repo.enterprises(stationFilter(user, query.stationId), query);
    return {
      items: rows.map((e) => ({
        id: e.id,
        stationId: e.station_id,
        name: e.name,
        contactName: e.contact_name,
        contactTitle: e.contact_title,
        mobilisedByUnitId: e.mobilised_by_unit_id,
        mobilisedByUnitName: e.unit_name,
        pledgedFen: e.pledged_fen,
        confirmedFen: e.confirmed_fen,
        pendingFen: e.pending_fen,
        version: e.version,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async createEnterprise(user: SessionUser, input: z.output<typeof enterpriseCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    const id = await this.db.transaction().execute(async (trx) => {
      let id: number;
      try {
        id = await this.repo.insertEnterprise(trx, {
          station_id: stationId,
          name: input.name,
          contact_name: input.contactName,
          contact_title: input.contactTitle,
          mobilised_by_unit_id: input.mobilisedByUnitId,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("economy.enterprise_exists", {}, "name");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "enterprise.created",
        objectType: "enterprise",
        objectId: id,
        stationId,
        after: input,
      });
      return id;
    });
    const row = (await this.enterprises(user, { q: input.name, page: 1, pageSize: 50, order: "asc", stationId })).items.find(
      (e) => e.id === id,
    );
    if (!row) throw notFound();
    return row;
  }

  /** An enterprise's edit (version-checked): its name, contact and the alliance unit that mobilised it. */
  async updateEnterprise(user: SessionUser, id: number, input: z.output<typeof enterpriseUpdateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.enterprise(id, trx);
      if (!before || !manages(user, before.station_id)) throw notFound();
      let written: number;
      try {
        written = await this.repo.updateEnterprise(trx, id, input.version, {
          name: input.name,
          contact_name: input.contactName,
          contact_title: input.contactTitle,
          mobilised_by_unit_id: input.mobilisedByUnitId,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("economy.enterprise_exists", {}, "name");
        throw error;
      }
      if (written === 0) throw conflict();
      const { version: _v, ...after } = input;
      await appendAudit(trx, actor, {
        at: now,
        action: "enterprise.updated",
        objectType: "enterprise",
        objectId: id,
        stationId: before.station_id,
        before: {
          name: before.name,
          contactName: before.contact_name,
          contactTitle: before.contact_title,
          mobilisedByUnitId: before.mobilised_by_unit_id,
        },
        after,
      });
      return before.station_id;
    });
    const row = (await this.enterprises(user, { q: input.name, page: 1, pageSize: 50, order: "asc", stationId })).items.find(
      (e) => e.id === id,
    );
    if (!row) throw notFound();
    return row;
  }

  /** An enterprise's pledges month by month, latest first. */
  async pledges(user: SessionUser, enterpriseId: number) {
    const e = await this.repo.enterprise(enterpriseId);
    if (!e || !manages(user, e.station_id, "economy.read")) throw notFound();
    return (await this.repo.pledges(e.id)).map((p) => ({ period: p.period, amountFen: p.amount_fen }));
  }

  async setPledge(user: SessionUser, enterpriseId: number, input: z.output<typeof pledgeSetSchema>, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const e = await this.repo.enterprise(enterpriseId, trx);
      if (!e || !manages(user, e.station_id)) throw notFound();
      const before = await this.repo.setPledge(trx, e.id, input.period, input.amountFen);
      await appendAudit(trx, actor, {
        at: now,
        action: "enterprise.pledged",
        objectType: "enterprise",
        objectId: e.id,
        stationId: e.station_id,
        before: before === null ? null : { period: input.period, amountFen: before },
        after: input,
      });
    });
    return { ok: true as const };
  }

  // Purchases --------------------------------------------------------------------------------------------------------

  async purchases(user: SessionUser, query: z.output<typeof purchaseListQuery>) {
    const range = query.month ? monthRange(query.month) : null;
    const { rows, total } = await this.repo.purchases(stationFilter(user, query.stationId), {
      ...query,
      from: range?.from,
      to: range?.to,
    });
    return { items: rows.map(presentPurchase), total, page: query.page, pageSize: query.pageSize };
  }

  /** Tells each merchant of new purchases waiting for their confirmation (inside the writing transaction). */
  private async tellMerchants(trx: Db, rows: { merchantId: number; enterprise: string; amountFen: number; on: string; invoice: string }[]) {
    if (!this.notifier || rows.length === 0) return null;
    const outbox = this.notifier.outbox();
    const users = await this.repo.merchantUsers([...new Set(rows.map((r) => r.merchantId))], trx);
    for (const r of rows) {
      for (const u of users.filter((x) => x.merchant_id === r.merchantId)) {
        await outbox.add(trx, {
          userId: u.id,
          kind: "economy.purchase_to_confirm",
          notice: "economy.purchase_to_confirm",
          params: { enterprise: r.enterprise, date: r.on, amount: yuan(r.amountFen), invoice: r.invoice },
          link: "/m/purchases",
        });
      }
    }
    return outbox;
  }

  async createPurchase(user: SessionUser, input: z.output<typeof purchaseCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const { id, outbox } = await this.db.transaction().execute(async (trx) => {
      const e = await this.repo.enterprise(input.enterpriseId, trx);
      if (!e || !manages(user, e.station_id)) throw refuse("economy.bad_enterprise", {}, "enterpriseId");
      const m = await this.repo.merchantFact(input.merchantId, trx);
      if (!m || m.station_id !== e.station_id) throw refuse("economy.no_merchant", {}, "merchantId");
      let ids: number[];
      try {
        ids = await this.repo.insertPurchases(trx, [
          {
            station_id: e.station_id,
            enterprise_id: e.id,
            merchant_id: m.id,
            amount_fen: input.amountFen,
            purchased_on: input.purchasedOn,
            invoice_no: input.invoiceNo,
            status: "pending",
            import_id: null,
            recorded_by_user_id: user.id,
            recorded_at: at,
            confirmed_at: null,
            confirmed_by_user_id: null,
          },
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("economy.invoice_taken", [{ field: "invoiceNo" }], { invoice: input.invoiceNo });
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "purchase.recorded",
        objectType: "purchase",
        objectId: ids[0],
        stationId: e.station_id,
        after: input,
      });
      const outbox = await this.tellMerchants(trx, [
        { merchantId: m.id, enterprise: e.name, amountFen: input.amountFen, on: input.purchasedOn, invoice: input.invoiceNo },
      ]);
      return { id: ids[0], outbox };
    });
    await outbox?.deliver();
    const row = await this.repo.purchase(id);
    if (!row) throw notFound();
    return presentPurchase(row);
  }

  /**
   * An enterprise's spreadsheet: `preview` checks every row and writes nothing; `valid_only` imports the rows that
   * pass; `all` imports every row or, if any is refused, nothing (400 naming the rows).
   */
  async importSheet(
    user: SessionUser,
    data: Buffer,
    query: z.output<typeof purchaseImportQuery>,
    actor: Actor,
    locale: Locale,
  ): Promise<PurchaseImport> {
    const now = this.clock.now();
    const at = now.toISOString();
    const w = words[locale];
    const stationId = targetStation(user, query.stationId);
    if (!manages(user, stationId)) throw notFound();
    let fixed: { id: number; name: string } | null = null;
    if (query.enterpriseId !== undefined) {
      const e = await this.repo.enterprise(query.enterpriseId);
      if (!e || e.station_id !== stationId) throw refuse("economy.bad_enterprise", {}, "enterpriseId");
      fixed = { id: e.id, name: e.name };
    }
    const mapping = {} as Record<PurchaseColumn, string>;
    for (const c of purchaseColumns) {
      if (c === "enterprise" && fixed) continue;
      mapping[c] = query[c] ?? defaultPurchaseHeaders[c];
    }
    const { rows, missing } = await readSheetByHeaders(data, mapping);
    if (missing.length > 0) throw new AppError("economy.import_columns", [{ field: "file" }], { missing: missing.join("、") });
    if (rows.length === 0) throw fail("import.bad_file", [{ field: "file", message: locale === "en" ? "no data rows" : "没有数据行" }]);

    const merchants = await this.repo.merchantNames(stationId);
    const merchantExact = exactIndex(merchants);
    const enterprises = fixed ? [fixed] : await this.repo.enterpriseNames(stationId);
    const enterpriseExact = exactIndex(enterprises);
    const taken = await this.repo.takenInvoices(
      stationId,
      rows.map((r) => r.values.invoice).filter((v) => v !== ""),
    );
    const seen = new Set<string>();
    const rejected: PurchaseImport["rejected"] = [];
    const fuzzy: PurchaseImport["fuzzy"] = [];
    const accepted: {
      row: number;
      enterprise: { id: number; name: string };
      merchantId: number;
      amountFen: number;
      on: string;
      invoice: string;
    }[] = [];
    for (const r of rows) {
      const v = r.values;
      const issues: { column: string; message: string }[] = [];
      let enterprise = fixed;
      if (!fixed) {
        const e = v.enterprise ? matchName(v.enterprise, enterprises, enterpriseExact) : null;
        if (!v.enterprise) issues.push({ column: mapping.enterprise, message: w.required });
        else if (!e) issues.push({ column: mapping.enterprise, message: w.unknownEnterprise(v.enterprise) });
        else {
          enterprise = e.match;
          if (e.fuzzy) fuzzy.push({ row: r.row, column: mapping.enterprise, given: v.enterprise, matched: e.match.name });
        }
      }
      const m = v.merchant ? matchName(v.merchant, merchants, merchantExact) : null;
      if (!v.merchant) issues.push({ column: mapping.merchant, message: w.required });
      else if (!m) issues.push({ column: mapping.merchant, message: w.unknownMerchant(v.merchant) });
      else if (m.fuzzy) fuzzy.push({ row: r.row, column: mapping.merchant, given: v.merchant, matched: m.match.name });
      const amountFen = yuanToFen(v.amount);
      if (amountFen === null) issues.push({ column: mapping.amount, message: v.amount ? w.amount : w.required });
      const on = sheetDate(v.date);
      if (on === null) issues.push({ column: mapping.date, message: v.date ? w.date : w.required });
      if (!v.invoice) issues.push({ column: mapping.invoice, message: w.required });
      else if (seen.has(v.invoice)) issues.push({ column: mapping.invoice, message: w.repeated(v.invoice) });
      else if (taken.has(v.invoice)) issues.push({ column: mapping.invoice, message: w.taken(v.invoice) });
      if (v.invoice) seen.add(v.invoice);
      if (issues.length > 0) {
        for (const i of issues) rejected.push({ row: r.row, ...i });
        continue;
      }
      accepted.push({
        row: r.row,
        enterprise: enterprise as { id: number; name: string },
        merchantId: (m as { match: { id: number } }).match.id,
        amountFen: amountFen as number,
        on: on as string,
        invoice: v.invoice,
      });
    }
    const result = (importId: string | null, imported: number): PurchaseImport => ({
      mode: query.mode,
      importId,
      totalRows: rows.length,
      acceptedRows: accepted.length,
      importedRows: imported,
      rejected,
      fuzzy,
    });
    if (query.mode === "preview") return result(null, 0);
    if (query.mode === "all" && rejected.length > 0) {
      const badRows = [...new Set(rejected.map((x) => x.row))];
      throw new AppError(
        "economy.import_rejected",
        rejected.slice(0, 50).map((x) => ({ field: `rows.${x.row}.${x.column}`, message: x.message })),
        { count: badRows.length, rows: badRows.slice(0, 20).map(w.row).join("、") },
      );
    }
    const importId = randomUUID();
    const outbox = await this.db.transaction().execute(async (trx) => {
      // Receipt numbers recorded since the check (another import racing this one) are refused by the unique index.
      try {
        await this.repo.insertPurchases(
          trx,
          accepted.map((a) => ({
            station_id: stationId,
            enterprise_id: a.enterprise.id,
            merchant_id: a.merchantId,
            amount_fen: a.amountFen,
            purchased_on: a.on,
            invoice_no: a.invoice,
            status: "pending" as const,
            import_id: importId,
            recorded_by_user_id: user.id,
            recorded_at: at,
            confirmed_at: null,
            confirmed_by_user_id: null,
          })),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("economy.invoice_taken", [{ field: "file" }], { invoice: "" });
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "purchase.imported",
        objectType: "purchase_import",
        objectId: importId,
        stationId,
        after: {
          rows: rows.length,
          imported: accepted.length,
          rejectedRows: [...new Set(rejected.map((x) => x.row))],
          fuzzy: fuzzy.length,
          totalFen: accepted.reduce((s, a) => s + a.amountFen, 0),
        },
      });
      return this.tellMerchants(
        trx,
        accepted.map((a) => ({
          merchantId: a.merchantId,
          enterprise: a.enterprise.name,
          amountFen: a.amountFen,
          on: a.on,
          invoice: a.invoice,
        })),
      );
    });
    await outbox?.deliver();
    return result(importId, accepted.length);
  }

  // The merchant's phone ----------------------------------------------------------------------------------------------

  async mine(user: SessionUser) {
    if (user.merchantId === null) return { pendingFen: 0, confirmedFen: 0, items: [] };
    const rows = await this.repo.purchasesOfMerchant(user.merchantId);
    const sums = await this.repo.merchantPurchaseSums(user.merchantId);
    return { ...sums, items: rows.map(presentPurchase) };
  }

  async settle(user: SessionUser, id: number, event: "confirm" | "dispute", actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      const p = await this.repo.purchase(id, trx);
      if (!p || user.merchantId === null || p.merchant_id !== user.merchantId) throw notFound();
      const next = purchaseNext(p.status, event);
      if (!next.ok) throw refuse(next.refusal);
      if ((await this.repo.settlePurchase(trx, id, next.value, user.id, at)) === 0) throw refuse("economy.purchase_transition");
      await appendAudit(trx, actor, {
        at: now,
        action: `purchase.${next.value}`,
        objectType: "purchase",
        objectId: id,
        stationId: p.station_id,
        before: { status: p.status },
        after: { status: next.value },
      });
    });
    const row = await this.repo.purchase(id);
    if (!row) throw notFound();
    return presentPurchase(row);
  }

  // Figures ----------------------------------------------------------------------------------------------------------

  private stationOf(user: SessionUser, requested: number | undefined): number {
    const stations = stationFilter(user, requested);
    if (stations !== null && stations.length === 1) return stations[0];
    if (requested !== undefined) throw notFound();
    throw fail("request.invalid", [{ field: "stationId", key: "v.required" }]);
  }

  /** The month's 通报: enterprises ranked by confirmed purchases, against their pledges. */
  async ranking(user: SessionUser, query: z.output<typeof rankingQuery>) {
    const stationId = this.stationOf(user, query.stationId);
    const { from, to } = monthRange(query.month);
    const figures = await this.repo.monthFigures(stationId, query.month, from, to);
    figures.sort((a, b) => b.confirmedFen - a.confirmedFen || a.name.localeCompare(b.name, "zh-CN") || a.id - b.id);
    let rank = 0;
    let last = -1;
    const rows = figures.map((f, i) => {
      if (f.confirmedFen !== last) rank = i + 1;
      last = f.confirmedFen;
      return {
        rank,
        enterpriseId: f.id,
        name: f.name,
        pledgedFen: f.pledgedFen ?? 0,
        confirmedFen: f.confirmedFen,
        fulfilmentBp: f.pledgedFen ? Math.round((f.confirmedFen * 10_000) / f.pledgedFen) : null,
      };
    });
    return {
      month: query.month,
      pledgedFen: rows.reduce((s, r) => s + r.pledgedFen, 0),
      confirmedFen: rows.reduce((s, r) => s + r.confirmedFen, 0),
      rows,
    };
  }

  async merchantTotals(user: SessionUser, query: z.output<typeof merchantTotalsQuery>) {
    const stationId = this.stationOf(user, query.stationId);
    const rows = await this.repo.merchantTotals(stationId, query.from, query.to);
    return rows.sort((a, b) => b.confirmedFen - a.confirmedFen || a.merchantId - b.merchantId);
  }
}
