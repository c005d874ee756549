// Lendable items (便民物品): the inventory with its printed codes, lending to a resident or merchant by scanning
// the label, returning by scanning it again, lost or damaged, and the overdue reminder. An item is never lent
// twice at once: the lend moves the item with `where status = 'available'` (the loser of a race changes nothing),
// and the loans_one_open unique index refuses a second open loan as the second line of defence.
import type { Kysely } from "kysely";
import type { z } from "zod";
import {
  type BorrowerKind,
  type borrowerQuery,
  defaultLoanDays,
  type ItemStatus,
  type itemActionSchema,
  type itemCreateSchema,
  type itemListQuery,
  type itemUpdateSchema,
  type labelsQuery,
  lendKinds,
  type lendSchema,
  type loanCloseSchema,
  type loanListQuery,
  type returnSchema,
} from "../../../contracts/lending.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { renderLabelsPdf } from "./labels.pdf.ts";
import { presentItem, presentLoan, stationStamp } from "./lending.presenter.ts";
import { type ItemRow, LendingRepository } from "./lending.repository.ts";
import {
  closeLoan,
  codeNumber,
  dueAt,
  itemCode,
  kindCodes,
  kindNames,
  type LoanOutcome,
  nextItemStatus,
  normaliseCode,
  staffItemAction,
  stationPrefix,
} from "./loan.workflow.ts";
import { LoansService } from "./loans.service.ts";
import { OverdueReminders } from "./overdue-reminders.ts";

type ItemListQuery = z.output<typeof itemListQuery>;
type CreateInput = z.output<typeof itemCreateSchema>;
type UpdateInput = z.output<typeof itemUpdateSchema>;
type ActionInput = z.output<typeof itemActionSchema>;
type LendInput = z.output<typeof lendSchema>;
type ReturnInput = z.output<typeof returnSchema>;
type CloseInput = z.output<typeof loanCloseSchema>;
type LoanListQuery = z.output<typeof loanListQuery>;
type BorrowerQuery = z.output<typeof borrowerQuery>;
type LabelsQuery = z.output<typeof labelsQuery>;

const itemSorts = { code: "code", kind: "kind", status: "status", updatedAt: "updated_at" } as const;

export class LendingService {
  readonly repo: LendingRepository;
  private readonly db: Kysely<DB>;
  private readonly notifier: Notifier;
  private readonly clock: Clock;
  private readonly loanViews: LoansService;
  private readonly overdue: OverdueReminders;

  constructor(db: Kysely<DB>, vault: Vault, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.repo = new LendingRepository(db);
    this.notifier = notifier;
    this.clock = clock;
    this.loanViews = new LoansService(this.repo, vault, clock);
    this.overdue = new OverdueReminders(db, this.repo, notifier);
  }

  private async presentItems(rows: ItemRow[], now: Date) {
    const loans = await this.repo.openLoansOf(rows.filter((r) => r.status === "lent").map((r) => r.id));
    const byItem = new Map(loans.map((l) => [l.item_id, l]));
    return rows.map((r) => presentItem(r, byItem.get(r.id), now));
  }

  async list(user: SessionUser, query: ItemListQuery) {
    const now = this.clock.now();
    const sortKey = (query.sort ?? "code") as keyof typeof itemSorts;
    const { rows, total, totalCapped } = await this.repo.listItems(
      { stationIds: stationFilter(user, query.stationId), kind: query.kind, status: query.status, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      { column: itemSorts[sortKey] ?? "code", desc: query.order === "desc" },
    );
    return pageAnswer(await this.presentItems(rows, now), { total, totalCapped }, query);
  }

  async get(user: SessionUser, id: number, now: Date = this.clock.now()) {
    const row = await this.repo.findItem(id);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    const [item] = await this.presentItems([row], now);
    return item;
  }

  /** The item a scanned label names, within the caller's stations. */
  private async itemByCode(user: SessionUser, text: string, db: Kysely<DB> = this.db) {
    const row = await this.repo.findItemByCode(normaliseCode(text), db);
    if (!row || !reachesStation(user, row.station_id)) throw fail("lend.unknown_code", [{ field: "code" }]);
    return row;
  }

  async lookup(user: SessionUser, code: string) {
    const row = await this.itemByCode(user, code);
    const [item] = await this.presentItems([row], this.clock.now());
    return item;
  }

  async summary(user: SessionUser, stationId: number | undefined) {
    const now = this.clock.now();
    const stationIds = stationFilter(user, stationId);
    const counts = await this.repo.statusCounts(stationIds);
    const kinds = lendKinds.map((kind) => {
      const of = (status: ItemStatus) => counts.find((c) => c.kind === kind && c.status === status)?.n ?? 0;
      return { kind, available: of("available"), lent: of("lent"), lost: of("lost"), damaged: of("damaged"), retired: of("retired") };
    });
    return { kinds, overdue: await this.repo.countOverdue(stationIds, now.toISOString()) };
  }

  /** Adds `count` items with the station's next codes. Two batches at once meet on the unique code and one retries. */
  async createItems(user: SessionUser, input: CreateInput, actor: Actor) {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    const name = input.name?.trim() || (input.kind === "other" ? "" : kindNames[input.kind]);
    if (!name) throw fail("lend.name_required", [{ field: "name" }]);
    const station = await this.repo.stationName(stationId);
    if (!station) throw notFound();
    const stem = `${stationPrefix(station.name)}-${kindCodes[input.kind]}-`;
    const at = now.toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const ids = await this.db.transaction().execute(async (trx) => {
          const taken = (await this.repo.codesWithStem(stem, trx)).map((c) => codeNumber(c, stem) ?? 0);
          const next = taken.length ? Math.max(...taken) + 1 : 1;
          const codes = Array.from({ length: input.count }, (_, i) => itemCode(stationPrefix(station.name), input.kind, next + i));
          const created = await this.repo.insertItems(
            trx,
            codes.map((code) => ({
              station_id: stationId,
              kind: input.kind,
              code,
              name,
              status: "available",
              loan_days: input.loanDays ?? defaultLoanDays[input.kind],
              note: input.note,
              created_at: at,
              updated_at: at,
            })),
          );
          await appendAudit(trx, actor, {
            at: now,
            action: "lend_item.created",
            objectType: "lend_item",
            objectId: created[0],
            stationId,
            after: { kind: input.kind, count: input.count, codes: [codes[0], codes[codes.length - 1]], name },
          });
          return created;
        });
        const rows = await this.repo.allItems({ stationIds: null, ids });
        return this.presentItems(rows, now);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw fail("lend.codes_busy");
  }

  async updateItem(user: SessionUser, id: number, input: UpdateInput, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.findItem(id, trx);
      if (!before || !reachesStation(user, before.station_id)) throw notFound();
      const values: { name?: string; loan_days?: number; note?: string | null; updated_at: string } = { updated_at: now.toISOString() };
      if (input.name !== undefined) values.name = input.name;
      if (input.loanDays !== undefined) values.loan_days = input.loanDays;
      if (input.note !== undefined) values.note = input.note;
      if (!(await this.repo.updateItem(trx, id, input.version, values))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "lend_item.updated",
        objectType: "lend_item",
        objectId: id,
        stationId: before.station_id,
        before: { name: before.name, loanDays: before.loan_days, note: before.note },
        after: {
          name: values.name ?? before.name,
          loanDays: values.loan_days ?? before.loan_days,
          note: values.note !== undefined ? values.note : before.note,
        },
      });
    });
    return this.get(user, id, now);
  }

  /** Found damaged, repaired, found again, retired: steps on the shelf, never on a lent item. */
  async itemAction(user: SessionUser, id: number, input: ActionInput, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.findItem(id, trx);
      if (!before || !reachesStation(user, before.station_id)) throw notFound();
      if (before.version !== input.version) throw conflict();
      const step = staffItemAction(before.status, input.action);
      if (!step.ok) throw fail(step.refusal);
      if (!(await this.repo.moveItem(trx, id, before.status, step.status, now.toISOString(), input.version))) throw conflict();
      if (input.note) await this.repo.updateItem(trx, id, input.version + 1, { note: input.note });
      await appendAudit(trx, actor, {
        at: now,
        action: `lend_item.${input.action}`,
        objectType: "lend_item",
        objectId: id,
        stationId: before.station_id,
        before: { status: before.status },
        after: { status: step.status, note: input.note },
      });
    });
    return this.get(user, id, now);
  }

  async labelsPdf(user: SessionUser, query: LabelsQuery): Promise<{ pdf: Buffer; count: number }> {
    const ids = query.ids ? query.ids.split(",").map(Number) : undefined;
    let rows = await this.repo.allItems({ stationIds: stationFilter(user, query.stationId), kind: query.kind, ids });
    if (!ids) rows = rows.filter((r) => r.status !== "retired");
    if (rows.length === 0) throw notFound();
    const names = new Map<number, string>();
    for (const stationId of new Set(rows.map((r) => r.station_id))) {
      names.set(stationId, (await this.repo.stationName(stationId))?.name ?? "");
    }
    const labels = rows.map((r) => ({ code: r.code, name: r.name, stationName: names.get(r.station_id) ?? "" }));
    return { pdf: await renderLabelsPdf(labels, "便民物品标签"), count: labels.length };
  }

  private async borrower(user: SessionUser, kind: BorrowerKind, id: number, stationId: number) {
    const row = kind === "resident" ? await this.repo.findResident(id) : await this.repo.findMerchant(id);
    const closed = kind === "merchant" && (row as { status?: string } | undefined)?.status === "closed";
    if (!row || closed || row.station_id !== stationId || !reachesStation(user, row.station_id)) {
      throw fail("lend.bad_borrower", [{ field: "borrowerId" }]);
    }
    return row;
  }

  /** Lends the scanned item: due after the item's loan days. */
  async lend(user: SessionUser, input: LendInput, actor: Actor) {
    const now = this.clock.now();
    const item = await this.itemByCode(user, input.code);
    const step = nextItemStatus(item.status, "lend");
    if (!step.ok) throw fail(step.refusal, [{ field: "code" }]);
    const borrower = await this.borrower(user, input.borrowerKind, input.borrowerId, item.station_id);
    const accounts = await this.repo.accountsOf(input.borrowerKind, borrower.id);
    const at = now.toISOString();
    const due = dueAt(now, item.loan_days).toISOString();
    const outbox = this.notifier.outbox();
    let loanId: number;
    try {
      loanId = await this.db.transaction().execute(async (trx) => {
        // The guard: only one of many simultaneous lends finds the item still available.
        if (!(await this.repo.moveItem(trx, item.id, "available", "lent", at))) throw fail("lend.not_available", [{ field: "code" }]);
        const id = await this.repo.insertLoan(trx, {
          station_id: item.station_id,
          item_id: item.id,
          borrower_kind: input.borrowerKind,
          resident_id: input.borrowerKind === "resident" ? borrower.id : null,
          merchant_id: input.borrowerKind === "merchant" ? borrower.id : null,
          borrower_user_id: accounts[0] ?? null,
          status: "out",
          lent_at: at,
          due_at: due,
          returned_at: null,
          reminded_at: null,
          lent_by_user_id: user.id,
          closed_by_user_id: null,
          note: input.note,
          created_at: at,
          updated_at: at,
        });
        await appendAudit(trx, actor, {
          at: now,
          action: "loan.lent",
          objectType: "loan",
          objectId: id,
          stationId: item.station_id,
          after: { itemId: item.id, code: item.code, borrowerKind: input.borrowerKind, borrowerId: borrower.id, dueAt: due },
        });
        await outbox.addMany(trx, accounts, {
          kind: "loan.lent",
          notice: "loan.lent",
          params: {
            item: item.name,
            code: item.code,
            due: stationStamp(due),
            station: (await this.repo.stationName(item.station_id, trx))?.name ?? "",
          },
          link: "/m/loans",
        });
        return id;
      });
    } catch (error) {
      // Second line of defence: the partial unique index on the item's open loan.
      if (isUniqueViolation(error)) throw fail("lend.not_available", [{ field: "code" }]);
      throw error;
    }
    await outbox.deliver();
    const row = await this.repo.findLoan(loanId);
    if (!row) throw notFound();
    return presentLoan(row, now);
  }

  /** Closes the item's open loan (returned, lost, damaged) and moves the item accordingly, in one transaction. */
  private async close(
    user: SessionUser,
    itemId: number,
    outcome: LoanOutcome,
    note: string | null,
    actor: Actor,
    now: Date,
    expectedLoanId?: number,
  ) {
    const at = now.toISOString();
    const loanId = await this.db.transaction().execute(async (trx) => {
      const item = await this.repo.findItem(itemId, trx);
      if (!item || !reachesStation(user, item.station_id)) throw notFound();
      const loan = await this.repo.openLoanOf(item.id, trx);
      const closing = closeLoan(loan?.status ?? "returned", outcome);
      // Closing a loan by its id: the item's open loan must still be that one (not the next borrower's).
      if (!loan || !closing.ok || (expectedLoanId !== undefined && loan.id !== expectedLoanId))
        throw fail("lend.not_lent", [{ field: "code" }]);
      const step = nextItemStatus(item.status, closing.itemEvent);
      if (!step.ok) throw fail(step.refusal, [{ field: "code" }]);
      if (!(await this.repo.moveItem(trx, item.id, item.status, step.status, at))) throw fail("lend.not_lent", [{ field: "code" }]);
      if (!(await this.repo.closeOpenLoan(trx, item.id, { status: closing.loan, returned_at: at, closed_by_user_id: user.id, note }))) {
        throw fail("lend.not_lent", [{ field: "code" }]);
      }
      await appendAudit(trx, actor, {
        at: now,
        action: `loan.${outcome}`,
        objectType: "loan",
        objectId: loan.id,
        stationId: item.station_id,
        before: { status: "out", itemStatus: item.status },
        after: { status: closing.loan, itemStatus: step.status, code: item.code, note },
      });
      return loan.id;
    });
    const row = await this.repo.findLoan(loanId);
    if (!row) throw notFound();
    return presentLoan(row, now);
  }

  /** Return by scanning the label: an item that is not lent is refused and nothing is written. */
  async returnByCode(user: SessionUser, input: ReturnInput, actor: Actor) {
    const now = this.clock.now();
    const item = await this.itemByCode(user, input.code);
    if (item.status !== "lent") throw fail("lend.not_lent", [{ field: "code" }]);
    return this.close(user, item.id, "returned", input.note, actor, now);
  }

  async closeLoanById(user: SessionUser, loanId: number, input: CloseInput, actor: Actor) {
    const now = this.clock.now();
    const loan = await this.repo.findLoan(loanId);
    if (!loan || !reachesStation(user, loan.station_id)) throw notFound();
    if (loan.status !== "out") throw fail("lend.not_lent");
    return this.close(user, loan.item_id, input.outcome, input.note, actor, now, loan.id);
  }

  loans(user: SessionUser, query: LoanListQuery) {
    return this.loanViews.loans(user, query);
  }

  exportRows(user: SessionUser, query: Partial<LoanListQuery>) {
    return this.loanViews.exportRows(user, query);
  }

  borrowers(user: SessionUser, query: BorrowerQuery) {
    return this.loanViews.borrowers(user, query);
  }

  mine(user: SessionUser) {
    return this.loanViews.mine(user);
  }

  /** Reminds the loans overdue at `now` (the job's run); see overdue-reminders.ts. */
  remindOverdue(now: Date, opts: { stationIds?: number[] | null; actor?: Actor } = {}) {
    return this.overdue.remind(now, opts);
  }

  /** The same, now: staff asking for it. */
  remindNow(opts: { stationIds?: number[] | null; actor?: Actor } = {}) {
    return this.overdue.remind(this.clock.now(), opts);
  }

  jobs(): Job[] {
    return [{ name: "lending.overdue_reminders", everyMs: 30 * 60_000, run: (now) => this.remindOverdue(now, { actor: systemActor }) }];
  }

  /** For other modules (the fair scale): a fair scale of the station. */
  async scaleOfStation(itemId: number, stationId: number) {
    const row = await this.repo.findItem(itemId);
    return row && row.station_id === stationId && row.kind === "scale" ? row : null;
  }
}
