// The three lists beyond problems: needs raised by merchants, residents or staff; offers published by alliance
// units; matching a need to an offer; projects that take needs in and carry budget, funding, progress and
// outcome figures. Every write runs in one transaction, is version-checked and audited.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { statusChangeSchema } from "../../../contracts/common.ts";
import type {
  matchSchema,
  Need,
  needCreateSchema,
  needListQuery,
  Offer,
  offerCreateSchema,
  offerListQuery,
  Project,
  projectActionSchema,
  projectCreateSchema,
  projectListQuery,
} from "../../../contracts/lists.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { unitScopeOf } from "../alliance-units/alliance-units.service.ts";
import { presentNeed, presentOffer, presentProject, presentProjectUpdate, projectAuditView } from "./lists.presenter.ts";
import { ListsRepository, type NeedRow, type OfferRow, type ProjectRow } from "./lists.repository.ts";
import { needJoinsProject, nextNeedStatus, nextOfferStatus, nextProjectStatus } from "./lists.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type PageQuery = { page: number; pageSize: number; sort?: string; order: "asc" | "desc"; q?: string; stationId?: number };

const projectAuditActions = {
  start: "project.started",
  progress: "project.progressed",
  outcomes: "project.outcomes_recorded",
  complete: "project.completed",
  cancel: "project.cancelled",
} as const;

const pageOf = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize, sort: q.sort, order: q.order });

export class ListsService {
  readonly repo: ListsRepository;
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock) {
    this.db = db;
    this.repo = new ListsRepository(db);
    this.clock = clock;
  }

  async listNeeds(user: SessionUser, query: z.output<typeof needListQuery>) {
    const { rows, total, totalCapped } = await this.repo.listNeeds(
      { stationIds: stationFilter(user, query.stationId), status: query.status, kind: query.kind, q: query.q || undefined },
      pageOf(query),
    );
    return pageAnswer(rows.map(presentNeed), { total, totalCapped }, query);
  }

  /** The needs the signed-in merchant or resident raised. */
  async myNeeds(user: SessionUser, query: z.output<typeof needListQuery>) {
    const { rows, total, totalCapped } = await this.repo.listNeeds(
      { stationIds: user.stationIds, raisedByUserId: user.id, status: query.status, kind: query.kind },
      pageOf(query),
    );
    return pageAnswer(rows.map(presentNeed), { total, totalCapped }, query);
  }

  private async visibleNeed(user: SessionUser, id: number, db: Db = this.db): Promise<NeedRow> {
    const row = await this.repo.findNeed(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async getNeed(user: SessionUser, id: number): Promise<Need> {
    return presentNeed(await this.visibleNeed(user, id));
  }

  async raiseNeed(user: SessionUser, input: z.output<typeof needCreateSchema>, actor: Actor): Promise<Need> {
    const stationId = targetStation(user, input.stationId);
    const now = this.clock.now();
    const stamp = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.repo.insertNeed(trx, {
        station_id: stationId,
        title: input.title,
        description: input.description,
        kind: input.kind,
        status: "open",
        raised_by_user_id: user.id,
        raised_by_name: user.displayName,
        offer_id: null,
        project_id: null,
        created_at: stamp,
        updated_at: stamp,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "need.raised",
        objectType: "need",
        objectId: newId,
        stationId,
        after: { title: input.title, kind: input.kind },
      });
      return newId;
    });
    const row = await this.repo.findNeed(id);
    return presentNeed(row!);
  }

  async matchNeed(user: SessionUser, id: number, input: z.output<typeof matchSchema>, actor: Actor): Promise<Need> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const need = await this.visibleNeed(user, id, trx);
      const offer = await this.repo.findOffer(input.offerId, trx);
      if (!offer || offer.station_id !== need.station_id) throw fail("record.not_found", [{ field: "offerId" }]);
      if (offer.status !== "active") throw fail("offer.inactive", [{ field: "offerId" }]);
      const step = nextNeedStatus(need.status, "match");
      if (!step.ok) throw fail(step.refusal, [{ field: "status" }]);
      const ok = await this.repo.updateNeed(trx, id, input.version, {
        status: step.status,
        offer_id: offer.id,
        updated_at: now.toISOString(),
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "need.matched",
        objectType: "need",
        objectId: id,
        stationId: need.station_id,
        before: { status: need.status, offerId: need.offer_id },
        after: { status: step.status, offerId: offer.id, offerTitle: offer.title },
      });
    });
    return this.getNeed(user, id);
  }

  async closeNeed(user: SessionUser, id: number, input: z.output<typeof statusChangeSchema>, actor: Actor): Promise<Need> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const need = await this.visibleNeed(user, id, trx);
      const step = nextNeedStatus(need.status, "close");
      if (!step.ok) throw fail(step.refusal, [{ field: "status" }]);
      if (!(await this.repo.updateNeed(trx, id, input.version, { status: step.status, updated_at: now.toISOString() }))) {
        throw conflict();
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "need.closed",
        objectType: "need",
        objectId: id,
        stationId: need.station_id,
        before: { status: need.status },
        after: { status: step.status, reason: input.reason },
      });
    });
    return this.getNeed(user, id);
  }

  /** Open needs of a station, for a new meeting's agenda (called inside the meeting's transaction). */
  openNeedsOf(trx: Db, stationId: number) {
    return this.repo.openNeeds(trx, stationId);
  }

  async listOffers(user: SessionUser, query: z.output<typeof offerListQuery>) {
    const { rows, total, totalCapped } = await this.repo.listOffers(
      {
        stationIds: stationFilter(user, query.stationId),
        status: query.status,
        kind: query.kind,
        unitId: query.unitId,
        q: query.q || undefined,
      },
      pageOf(query),
    );
    return pageAnswer(rows.map(presentOffer), { total, totalCapped }, query);
  }

  private async visibleOffer(user: SessionUser, id: number, db: Db = this.db): Promise<OfferRow> {
    const row = await this.repo.findOffer(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async getOffer(user: SessionUser, id: number): Promise<Offer> {
    return presentOffer(await this.visibleOffer(user, id));
  }

  /** Unit accounts publish for their own unit only; station staff for any unit of their station. */
  private assertWritesFor(user: SessionUser, unitId: number, field?: string) {
    const own = unitScopeOf(user);
    if (own !== null && own !== unitId) throw field ? fail("record.not_found", [{ field }]) : notFound();
  }

  async createOffer(user: SessionUser, input: z.output<typeof offerCreateSchema>, actor: Actor): Promise<Offer> {
    this.assertWritesFor(user, input.unitId, "unitId");
    const [unit] = await this.repo.units([input.unitId]);
    if (!unit || !reachesStation(user, unit.station_id)) throw fail("record.not_found", [{ field: "unitId" }]);
    const now = this.clock.now();
    const stamp = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.repo.insertOffer(trx, {
        station_id: unit.station_id,
        unit_id: unit.id,
        title: input.title,
        description: input.description,
        kind: input.kind,
        amount_fen: input.amountFen,
        status: "active",
        created_at: stamp,
        updated_at: stamp,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "offer.published",
        objectType: "offer",
        objectId: newId,
        stationId: unit.station_id,
        after: { title: input.title, kind: input.kind, unitId: unit.id, amountFen: input.amountFen },
      });
      return newId;
    });
    return this.getOffer(user, id);
  }

  async changeOffer(
    user: SessionUser,
    id: number,
    event: "withdraw" | "reactivate",
    input: z.output<typeof statusChangeSchema>,
    actor: Actor,
  ): Promise<Offer> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const offer = await this.visibleOffer(user, id, trx);
      this.assertWritesFor(user, offer.unit_id);
      const step = nextOfferStatus(offer.status, event);
      if (!step.ok) throw fail(step.refusal, [{ field: "status" }]);
      if (!(await this.repo.updateOffer(trx, id, input.version, { status: step.status, updated_at: now.toISOString() }))) {
        throw conflict();
      }
      await appendAudit(trx, actor, {
        at: now,
        action: event === "withdraw" ? "offer.withdrawn" : "offer.reactivated",
        objectType: "offer",
        objectId: id,
        stationId: offer.station_id,
        before: { status: offer.status },
        after: { status: step.status, reason: input.reason },
      });
    });
    return this.getOffer(user, id);
  }

  async listProjects(user: SessionUser, query: z.output<typeof projectListQuery>) {
    const { rows, total, totalCapped } = await this.repo.listProjects(
      { stationIds: stationFilter(user, query.stationId), status: query.status, unitId: query.unitId, q: query.q || undefined },
      pageOf(query),
    );
    return pageAnswer(await this.presentProjects(rows), { total, totalCapped }, query);
  }

  private async presentProjects(rows: ProjectRow[], db: Db = this.db): Promise<Project[]> {
    const ids = rows.map((r) => r.id);
    const [units, needs, updates] = await Promise.all([
      this.repo.projectUnits(ids, db),
      this.repo.needsOfProjects(ids, db),
      this.repo.projectUpdates(ids, db),
    ]);
    return rows.map((r) =>
      presentProject(r, {
        participants: units.filter((u) => u.project_id === r.id).map((u) => ({ id: u.id, name: u.name })),
        needs: needs.filter((n) => n.project_id === r.id).map((n) => ({ id: n.id, title: n.title })),
        updates: updates.filter((u) => u.project_id === r.id).map(presentProjectUpdate),
      }),
    );
  }

  private async visibleProject(user: SessionUser, id: number, db: Db = this.db): Promise<ProjectRow> {
    const row = await this.repo.findProject(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async getProject(user: SessionUser, id: number, db: Db = this.db): Promise<Project> {
    const [p] = await this.presentProjects([await this.visibleProject(user, id, db)], db);
    return p;
  }

  async createProject(user: SessionUser, input: z.output<typeof projectCreateSchema>, actor: Actor): Promise<Project> {
    const stationId = targetStation(user, input.stationId);
    const unitIds = [...new Set([input.ownerUnitId, ...input.participantUnitIds])];
    const units = await this.repo.units(unitIds);
    const inStation = (uid: number) => units.some((u) => u.id === uid && u.station_id === stationId);
    if (!inStation(input.ownerUnitId)) throw fail("record.not_found", [{ field: "ownerUnitId" }]);
    const strangers = input.participantUnitIds.map((uid, i) => ({ uid, i })).filter(({ uid }) => !inStation(uid));
    if (strangers.length)
      throw fail(
        "record.not_found",
        strangers.map(({ i }) => ({ field: `participantUnitIds.${i}` })),
      );
    const needIds = [...new Set(input.needIds)];
    const now = this.clock.now();
    const stamp = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const needs = await this.repo.needsByIds(needIds, trx);
      for (const [i, nid] of input.needIds.entries()) {
        const need = needs.find((n) => n.id === nid);
        if (!need || need.station_id !== stationId) throw fail("record.not_found", [{ field: `needIds.${i}` }]);
        if (!needJoinsProject(need.status)) throw fail("project.need_unavailable", [{ field: `needIds.${i}` }]);
      }
      const newId = await this.repo.insertProject(
        trx,
        {
          station_id: stationId,
          name: input.name,
          description: input.description,
          owner_unit_id: input.ownerUnitId,
          budget_fen: input.budgetFen,
          funding_json: JSON.stringify(input.fundingSources),
          start_date: input.startDate,
          end_date: input.endDate,
          status: "planned",
          outcomes_json: "[]",
          cancel_reason: null,
          created_at: stamp,
          updated_at: stamp,
        },
        input.participantUnitIds.filter((uid) => uid !== input.ownerUnitId),
      );
      const moved = await this.repo.moveNeeds(trx, needIds, ["open", "matched"], {
        status: "in_project",
        project_id: newId,
        updated_at: stamp,
      });
      if (moved !== needIds.length) throw conflict();
      const created = await this.getProject(user, newId, trx);
      await appendAudit(trx, actor, {
        at: now,
        action: "project.created",
        objectType: "project",
        objectId: newId,
        stationId,
        after: projectAuditView(created),
      });
      return newId;
    });
    return this.getProject(user, id);
  }

  async actOnProject(user: SessionUser, id: number, input: z.output<typeof projectActionSchema>, actor: Actor): Promise<Project> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleProject(user, id, trx);
      const step = nextProjectStatus(row.status, input.action);
      if (!step.ok) throw fail(step.refusal, [{ field: "action" }]);
      const stamp = now.toISOString();
      const values: Parameters<ListsRepository["updateProject"]>[3] = { status: step.status, updated_at: stamp };
      let detail: Record<string, unknown> = {};
      switch (input.action) {
        case "progress":
          values.percent = input.percent;
          detail = { note: input.note, percent: input.percent };
          break;
        case "outcomes":
          values.outcomes_json = JSON.stringify(input.outcomes);
          detail = { outcomes: input.outcomes };
          break;
        case "complete":
          values.outcomes_json = JSON.stringify(input.outcomes);
          values.percent = 100;
          detail = { outcomes: input.outcomes };
          break;
        case "cancel":
          values.cancel_reason = input.reason;
          detail = { reason: input.reason };
          break;
        case "start":
          break;
      }
      if (!(await this.repo.updateProject(trx, id, input.version, values))) throw conflict();
      if (input.action === "progress") {
        await this.repo.insertProjectUpdate(trx, {
          project_id: id,
          note: input.note,
          percent: input.percent,
          actor_user_id: actor.userId,
          actor_name: actor.name,
          at: stamp,
        });
      }
      if (input.action === "complete" || input.action === "cancel") await this.settleNeeds(trx, id, input.action, stamp);
      await appendAudit(trx, actor, {
        at: now,
        action: projectAuditActions[input.action],
        objectType: "project",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status, percent: row.percent },
        after: { status: step.status, ...detail },
      });
    });
    return this.getProject(user, id);
  }

  /** A completed project closes its needs; a cancelled one hands them back (matched if they had an offer, else open). */
  private async settleNeeds(trx: Db, projectId: number, action: "complete" | "cancel", now: string) {
    const needs = await this.repo.needsOfProjects([projectId], trx);
    const rows = await this.repo.needsByIds(
      needs.map((n) => n.id),
      trx,
    );
    for (const need of rows) {
      const step = nextNeedStatus(need.status, action === "complete" ? "close" : "release", need.offer_id !== null);
      if (!step.ok) continue;
      await this.repo.updateNeed(trx, need.id, need.version, {
        status: step.status,
        project_id: action === "cancel" ? null : projectId,
        updated_at: now,
      });
    }
  }
}
