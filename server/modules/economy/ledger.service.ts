// The funding ledger: sources with the money received (the company, district finance, the hotel, …), allocations
// from a source to projects or activities (one line split across several by share), expenditures against an
// allocation with their receipt photos and an approval. A source never allocates more than it received and an
// allocation never spends more than it holds: the running totals are raised by conditional updates whose row count
// decides, so twenty simultaneous expenditures against a nearly spent allocation leave it at zero, never below.
// A requested expenditure holds its amount; a rejection gives it back. One transaction per change, audited.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  allocationCreateSchema,
  expenditureCreateSchema,
  expenditureDecisionSchema,
  expenditureListQuery,
  FundingSummary,
  fundingSourceCreateSchema,
  fundingSourceUpdateSchema,
} from "../../../contracts/economy.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, conflict, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { manages, refuse } from "./economy.access.ts";
import { presentAllocation, presentExpenditure, presentSource } from "./economy.presenter.ts";
import type { EconomyRepository } from "./economy.repository.ts";
import { available, splitByShares, yuan } from "./economy.workflow.ts";

export class LedgerService {
  private readonly db: Kysely<DB>;
  private readonly repo: EconomyRepository;
  private readonly clock: Clock;
  private readonly files: FilesService | null;

  constructor(db: Kysely<DB>, repo: EconomyRepository, clock: Clock, files: FilesService | null) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
    this.files = files;
    files?.allowReaders("expenditure", async (user, id) => {
      const e = await this.repo.expenditure(id);
      return !!e && manages(user, e.station_id, "economy.read");
    });
  }

  async sources(user: SessionUser, stationId?: number) {
    return (await this.repo.sources(stationFilter(user, stationId))).map(presentSource);
  }

  async createSource(user: SessionUser, input: z.output<typeof fundingSourceCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertSource(trx, {
        station_id: stationId,
        name: input.name,
        kind: input.kind,
        received_fen: input.receivedFen,
        received_on: input.receivedOn,
        note: input.note,
        created_at: at,
        updated_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "funding.source_recorded",
        objectType: "funding_source",
        objectId: id,
        stationId,
        after: input,
      });
      return id;
    });
    const row = (await this.repo.sources([stationId])).find((s) => s.id === id);
    if (!row) throw notFound();
    return presentSource(row);
  }

  /** A source's edit (version-checked); the money received never drops below what the source has allocated. */
  async updateSource(user: SessionUser, id: number, input: z.output<typeof fundingSourceUpdateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.source(id, trx);
      if (!before || !manages(user, before.station_id)) throw notFound();
      const written = await this.repo.updateSource(trx, id, input.version, {
        name: input.name,
        kind: input.kind,
        received_fen: input.receivedFen,
        received_on: input.receivedOn,
        note: input.note,
        updated_at: at,
      });
      if (written === 0) {
        const fresh = await this.repo.source(id, trx);
        if (fresh && fresh.version === input.version && fresh.allocated_fen > input.receivedFen)
          throw new AppError("economy.received_below_allocated", [{ field: "receivedFen" }], { allocated: yuan(fresh.allocated_fen) });
        throw conflict();
      }
      const { version: _v, ...after } = input;
      await appendAudit(trx, actor, {
        at: now,
        action: "funding.source_updated",
        objectType: "funding_source",
        objectId: id,
        stationId: before.station_id,
        before: {
          name: before.name,
          kind: before.kind,
          receivedFen: before.received_fen,
          receivedOn: before.received_on,
          note: before.note,
        },
        after,
      });
      return before.station_id;
    });
    const row = (await this.repo.sources([stationId])).find((s) => s.id === id);
    if (!row) throw notFound();
    return presentSource(row);
  }

  async allocations(user: SessionUser, filter: { stationId?: number; projectId?: number; sourceId?: number }) {
    return (await this.repo.allocations(stationFilter(user, filter.stationId), filter)).map(presentAllocation);
  }

  /** One line from a source, split by share across projects or activities; refused whole when the source is short. */
  async allocate(user: SessionUser, input: z.output<typeof allocationCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const ids = await this.db.transaction().execute(async (trx) => {
      const source = await this.repo.source(input.sourceId, trx);
      if (!source || !manages(user, source.station_id)) throw refuse("economy.bad_source", {}, "sourceId");
      for (const [i, t] of input.targets.entries()) {
        if (t.projectId === null) continue;
        const project = await this.repo.projectStation(t.projectId, trx);
        if (!project || project.station_id !== source.station_id) throw refuse("economy.bad_project", {}, `targets.${i}.projectId`);
      }
      if ((await this.repo.takeFromSource(trx, source.id, input.amountFen, at)) === 0) {
        const fresh = await this.repo.source(source.id, trx);
        throw new AppError("economy.source_exhausted", [{ field: "amountFen" }], {
          available: yuan(available(fresh?.received_fen ?? 0, fresh?.allocated_fen ?? 0)),
        });
      }
      const parts = splitByShares(
        input.amountFen,
        input.targets.map((t) => t.shareBp),
      );
      const splitKey = randomUUID();
      const ids = await this.repo.insertAllocations(
        trx,
        input.targets.map((t, i) => ({
          station_id: source.station_id,
          source_id: source.id,
          project_id: t.projectId,
          activity: t.activity,
          amount_fen: parts[i],
          share_bp: t.shareBp,
          split_key: splitKey,
          allocated_on: input.allocatedOn,
          note: input.note,
          created_by_user_id: user.id,
          created_at: at,
        })),
      );
      await appendAudit(trx, actor, {
        at: now,
        action: "funding.allocated",
        objectType: "funding_source",
        objectId: source.id,
        stationId: source.station_id,
        before: { allocatedFen: source.allocated_fen },
        after: { amountFen: input.amountFen, allocations: ids.map((id, i) => ({ id, amountFen: parts[i], ...input.targets[i] })) },
      });
      return ids;
    });
    const all = await this.repo.allocations(null, { sourceId: input.sourceId });
    return all.filter((a) => ids.includes(a.id)).map(presentAllocation);
  }

  async expenditures(user: SessionUser, query: z.output<typeof expenditureListQuery>) {
    const { rows, total } = await this.repo.expenditures(stationFilter(user, query.stationId), query);
    return { items: rows.map(presentExpenditure), total, page: query.page, pageSize: query.pageSize };
  }

  /** An expenditure against an allocation: it holds its amount at once, or is refused whole when the balance is short. */
  async spend(user: SessionUser, input: z.output<typeof expenditureCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const a = await this.repo.allocation(input.allocationId, trx);
      if (!a || !manages(user, a.station_id)) throw refuse("economy.bad_allocation", {}, "allocationId");
      if ((await this.repo.spendFromAllocation(trx, a.id, input.amountFen)) === 0) {
        const fresh = await this.repo.allocation(a.id, trx);
        throw new AppError("economy.allocation_exhausted", [{ field: "amountFen" }], {
          available: yuan(available(fresh?.amount_fen ?? 0, fresh?.spent_fen ?? 0)),
        });
      }
      const id = await this.repo.insertExpenditure(trx, {
        station_id: a.station_id,
        allocation_id: a.id,
        amount_fen: input.amountFen,
        spent_on: input.spentOn,
        payee: input.payee,
        purpose: input.purpose,
        receipt_ids: "[]",
        status: "requested",
        requested_by_user_id: user.id,
        requested_at: at,
        decided_by_user_id: null,
        decided_at: null,
        decision_note: null,
      });
      if (input.receiptIds.length > 0) {
        if (!this.files) throw refuse("economy.bad_file", {}, "receiptIds");
        const receipts = await this.files.attach(trx, input.receiptIds, user.id, `expenditure:${id}`, "receiptIds");
        await this.repo.setReceipts(trx, id, receipts);
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "funding.expenditure_requested",
        objectType: "funding_expenditure",
        objectId: id,
        stationId: a.station_id,
        after: { ...input, balanceBeforeFen: a.amount_fen - a.spent_fen },
      });
      return id;
    });
    const row = await this.repo.expenditure(id);
    if (!row) throw notFound();
    return presentExpenditure(row);
  }

  async decide(user: SessionUser, id: number, input: z.output<typeof expenditureDecisionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      const e = await this.repo.expenditure(id, trx);
      if (!e || !manages(user, e.station_id)) throw notFound();
      const status = input.decision === "approve" ? "approved" : "rejected";
      if ((await this.repo.decideExpenditure(trx, id, status, user.id, at, input.note)) === 0) throw refuse("economy.expenditure_decided");
      if (status === "rejected") await this.repo.releaseToAllocation(trx, e.allocation_id, e.amount_fen);
      await appendAudit(trx, actor, {
        at: now,
        action: `funding.expenditure_${status}`,
        objectType: "funding_expenditure",
        objectId: id,
        stationId: e.station_id,
        before: { status: e.status },
        after: { status, note: input.note },
      });
    });
    const row = await this.repo.expenditure(id);
    if (!row) throw notFound();
    return presentExpenditure(row);
  }

  /** The public page: money in by source, money out by project or activity (approved spending only). */
  async summary(stationId: number): Promise<FundingSummary> {
    const name = await this.repo.stationName(stationId);
    if (name === null) throw notFound();
    const sources = await this.repo.sources([stationId]);
    const allocations = await this.repo.allocations([stationId]);
    const approved = await this.repo.approvedSpending(stationId);
    const spentBySource = new Map<number, number>();
    const uses = new Map<string, { allocatedFen: number; spentFen: number }>();
    for (const a of allocations) {
      const spent = approved.get(a.id) ?? 0;
      spentBySource.set(a.source_id, (spentBySource.get(a.source_id) ?? 0) + spent);
      const target = a.project_name ?? a.activity ?? "";
      const u = uses.get(target) ?? { allocatedFen: 0, spentFen: 0 };
      u.allocatedFen += a.amount_fen;
      u.spentFen += spent;
      uses.set(target, u);
    }
    const out = sources.map((s) => ({
      name: s.name,
      kind: s.kind,
      receivedFen: s.received_fen,
      allocatedFen: s.allocated_fen,
      spentFen: spentBySource.get(s.id) ?? 0,
    }));
    return {
      stationName: name,
      receivedFen: out.reduce((x, s) => x + s.receivedFen, 0),
      allocatedFen: out.reduce((x, s) => x + s.allocatedFen, 0),
      spentFen: out.reduce((x, s) => x + s.spentFen, 0),
      sources: out,
      uses: [...uses.entries()].map(([target, u]) => ({ target, ...u })),
    };
  }

  /** A project's funding as the ledger holds it (in place of the figures typed onto the project). */
  async projectFunding(user: SessionUser, projectId: number) {
    const project = await this.repo.projectStation(projectId);
    if (!project || !reachesStation(user, project.station_id)) throw notFound();
    const allocations = await this.repo.allocations([project.station_id], { projectId });
    const bySource = new Map<number, { sourceId: number; name: string; allocatedFen: number; spentFen: number }>();
    for (const a of allocations) {
      const s = bySource.get(a.source_id) ?? { sourceId: a.source_id, name: a.source_name, allocatedFen: 0, spentFen: 0 };
      s.allocatedFen += a.amount_fen;
      s.spentFen += a.spent_fen;
      bySource.set(a.source_id, s);
    }
    const list = [...bySource.values()];
    return {
      projectId,
      allocatedFen: list.reduce((x, s) => x + s.allocatedFen, 0),
      spentFen: list.reduce((x, s) => x + s.spentFen, 0),
      bySource: list,
    };
  }
}
