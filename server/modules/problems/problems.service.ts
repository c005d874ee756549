// The problems list (问题清单): report with photos, accept or reject, assign to a unit with a due date, work and
// resolve, confirm with a rating or reopen; overdue problems go onto the next joint meeting's agenda. Every
// step runs in one transaction with its event, its audit entry and its notifications.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDate, stationDayStart } from "../../../contracts/calendar.ts";
import type { Locale } from "../../../contracts/errors.ts";
import type {
  ProblemSource,
  ProblemStatus,
  problemActionSchema,
  problemCategoryUpdateSchema,
  problemCreateSchema,
  problemListQuery,
  similarProblemsQuery,
} from "../../../contracts/problems.ts";
import { isMainlandMobile } from "../../../contracts/validators.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import { type Notifier, type Outbox, staffOfStation, usersOfUnit } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, scopeKind, stationFilter, targetStation } from "../../platform/scope.ts";
import type { EscalationTarget } from "./escalation.ts";
import { auditView, photo, presentCategory, presentProblem } from "./problems.presenter.ts";
import { ensureDefaultCategories, type ProblemFilter, type ProblemRow, ProblemsRepository } from "./problems.repository.ts";
import { availableActions, dueDateFor, nextProblemStatus, type ProblemParty } from "./problems.workflow.ts";

type CreateInput = z.output<typeof problemCreateSchema>;
type ListQuery = z.output<typeof problemListQuery>;
type ActionInput = z.output<typeof problemActionSchema>;
type SimilarQuery = z.output<typeof similarProblemsQuery>;
type Db = Kysely<DB> | Transaction<DB>;

const DAY_MS = 86_400_000;
const localDay = stationDate;
const dayStart = stationDayStart;

/** Everything a problem row needs; demo data and imports call createProblemRecord with it in batches. */
export interface ProblemRecordInput {
  stationId: number;
  title: string;
  description: string;
  categoryCode: string;
  source: ProblemSource;
  place?: string | null;
  stallId?: number | null;
  reporterUserId?: number | null;
  reporterName?: string | null;
  /** Plain mainland mobile; stored encrypted. */
  reporterPhone?: string | null;
  status?: ProblemStatus;
  unitId?: number | null;
  dueAt?: string | null;
  rating?: number | null;
  ratingComment?: string | null;
  resolution?: string | null;
  resolvedAt?: string | null;
  createdAt?: string;
  /** The actor's name on the initial event. */
  actorName?: string | null;
  actorUserId?: number | null;
}

const titles: Record<string, string> = {
  submit: "问题已受理登记",
  accept: "问题已受理",
  reject: "问题未予受理",
  assign: "问题已交办",
  start: "问题正在办理",
  note: "问题办理进展",
  resolve: "问题已办结，请评价",
  confirm: "问题已确认办结",
  reopen: "问题已重新打开",
};

export class ProblemsService {
  readonly repo: ProblemsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly files: FilesService;
  private readonly notifier: Notifier;
  private escalation: EscalationTarget | null;
  private categoriesReady: Promise<void> | null = null;

  constructor(db: Kysely<DB>, vault: Vault, files: FilesService, notifier: Notifier, escalation?: EscalationTarget) {
    this.db = db;
    this.repo = new ProblemsRepository(db);
    this.vault = vault;
    this.files = files;
    this.notifier = notifier;
    this.escalation = escalation ?? null;
    files.allowReaders("problem", (user, id) => this.canSee(user, id));
  }

  /** The meetings module plugs itself in here once it exists (it is built after this service). */
  setEscalationTarget(target: EscalationTarget) {
    this.escalation = target;
  }

  /** The default categories, inserted once into an empty table. */
  ensureCategories(): Promise<void> {
    if (!this.categoriesReady) {
      this.categoriesReady = ensureDefaultCategories(this.db).catch((error) => {
        this.categoriesReady = null;
        throw error;
      });
    }
    return this.categoriesReady;
  }

  // ---- who sees and who acts

  private sees(user: SessionUser, row: { station_id: number; unit_id: number | null; reporter_user_id: number | null }): boolean {
    if (row.reporter_user_id === user.id) return true;
    switch (scopeKind(user)) {
      case "all":
      case "org":
        return reachesStation(user, row.station_id);
      case "unit":
        return user.allianceUnitId !== null && row.unit_id === user.allianceUnitId;
      default:
        return false;
    }
  }

  private partiesOf(user: SessionUser, row: { station_id: number; unit_id: number | null; reporter_user_id: number | null }) {
    const parties: ProblemParty[] = [];
    if (can(user.role, "problem.manage") && reachesStation(user, row.station_id)) parties.push("staff");
    if (can(user.role, "problem.work") && user.allianceUnitId !== null && row.unit_id === user.allianceUnitId) parties.push("unit");
    if (row.reporter_user_id === user.id) parties.push("reporter");
    return parties;
  }

  async canSee(user: SessionUser, id: number): Promise<boolean> {
    const row = await this.repo.findById(id);
    return row !== undefined && this.sees(user, row);
  }

  private async visibleRow(user: SessionUser, id: number, db: Db = this.db): Promise<ProblemRow> {
    const row = await this.repo.findById(id, db);
    if (!row || !this.sees(user, row)) throw notFound();
    return row;
  }

  private present(
    user: SessionUser,
    rows: ProblemRow[],
    files: { problem_id: number; event_id: number | null; file_id: string }[],
    locale: Locale,
  ) {
    const now = new Date();
    const staffView = scopeKind(user) === "all" || scopeKind(user) === "org";
    return rows.map((r) =>
      presentProblem(r, {
        photos: files.filter((f) => f.problem_id === r.id && f.event_id === null).map((f) => photo(f.file_id)),
        nextActions: availableActions(r.status as ProblemStatus, this.partiesOf(user, r)),
        reporter: staffView || r.reporter_user_id === user.id ? "full" : "masked",
        vault: this.vault,
        now,
        locale,
      }),
    );
  }

  // ---- categories

  async categories() {
    await this.ensureCategories();
    return (await this.repo.listCategories()).map(presentCategory);
  }

  async updateCategory(id: number, input: z.output<typeof problemCategoryUpdateSchema>, actor: Actor) {
    await this.ensureCategories();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.findCategoryById(trx, id);
      if (!before) throw notFound();
      const values: Parameters<ProblemsRepository["updateCategory"]>[2] = {};
      if (input.name !== undefined) values.name = input.name;
      if (input.nameEn !== undefined) values.name_en = input.nameEn;
      if (input.timeLimitDays !== undefined) values.time_limit_days = input.timeLimitDays;
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      await this.repo.updateCategory(trx, id, values);
      const after = await this.repo.findCategoryById(trx, id);
      if (!after) throw notFound();
      await appendAudit(trx, actor, {
        action: "problem_category.updated",
        objectType: "problem_category",
        objectId: id,
        before: presentCategory(before),
        after: presentCategory(after),
      });
      return presentCategory(after);
    });
  }

  // ---- list, detail, similar, public board

  private filterOf(user: SessionUser, query: Partial<ListQuery>): ProblemFilter {
    const f: ProblemFilter = {
      stationIds: stationFilter(user, query.stationId),
      q: query.q || undefined,
      status: query.status,
      categoryCode: query.categoryCode,
      source: query.source,
      unitId: query.unitId,
      overdueAt: query.overdue === "true" ? new Date().toISOString() : undefined,
      from: query.from ? dayStart(query.from).toISOString() : undefined,
      to: query.to ? new Date(dayStart(query.to).getTime() + DAY_MS).toISOString() : undefined,
    };
    const kind = scopeKind(user);
    if (kind === "unit") f.unitScope = user.allianceUnitId;
    if (kind === "self" || query.mine === "true") f.reporterUserId = user.id;
    if (query.actionable === "true") f.statusIn = this.waitingFor(user);
    return f;
  }

  /**
   * The statuses in which the next step is the caller's (待我处理): staff accept, assign or reassign; a unit
   * starts and resolves; a reporter confirms or reopens. The scope filters then narrow it to their problems.
   */
  private waitingFor(user: SessionUser): readonly ProblemStatus[] {
    if (can(user.role, "problem.manage")) return ["submitted", "accepted", "reopened"];
    if (scopeKind(user) === "unit") return ["assigned", "in_progress", "reopened"];
    return ["resolved"];
  }

  async list(user: SessionUser, query: ListQuery, locale: Locale = "zh-CN") {
    const { rows, total } = await this.repo.list(this.filterOf(user, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      sort: query.sort,
      order: query.order,
    });
    const files = await this.repo.filesOf(rows.map((r) => r.id));
    return { items: this.present(user, rows, files, locale), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: SessionUser, id: number, locale: Locale = "zh-CN") {
    const row = await this.visibleRow(user, id);
    const [files, events] = await Promise.all([this.repo.filesOf([id]), this.repo.events(id)]);
    const [problem] = this.present(user, [row], files, locale);
    return {
      ...problem,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.from_status as ProblemStatus | null,
        toStatus: e.to_status as ProblemStatus,
        note: e.note,
        actorName: e.actor_name,
        unitName: e.unit_name ?? null,
        photos: files.filter((f) => f.event_id === e.id).map((f) => photo(f.file_id)),
        at: e.at,
      })),
    };
  }

  async similar(user: SessionUser, query: SimilarQuery, locale: Locale = "zh-CN") {
    const rows = await this.repo.similar(stationFilter(user, query.stationId), query);
    const files = await this.repo.filesOf(rows.map((r) => r.id));
    return this.present(user, rows, files, locale);
  }

  async publicBoard(query: { stationId: number; page: number; pageSize: number }, locale: Locale = "zh-CN") {
    await this.ensureCategories();
    const { rows, total } = await this.repo.publicList(query.stationId, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    void locale;
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        categoryName: r.category_name ?? "",
        place: r.place,
        unitName: r.unit_name ?? null,
        resolution: r.resolution,
        rating: r.rating,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  // ---- create

  /**
   * Inserts one problem with its initial event (and nothing else: no audit, no notification, no photos), inside
   * the caller's transaction. Batch-friendly: demo data and imports call it in a loop.
   */
  async createProblemRecord(trx: Db, v: ProblemRecordInput): Promise<{ id: number; code: string; eventId: number }> {
    const now = v.createdAt ?? new Date().toISOString();
    const status = v.status ?? "submitted";
    const created = await this.repo.insert(
      trx,
      {
        station_id: v.stationId,
        title: v.title,
        description: v.description,
        category_code: v.categoryCode,
        source: v.source,
        place: v.place ?? null,
        stall_id: v.stallId ?? null,
        reporter_user_id: v.reporterUserId ?? null,
        reporter_name: v.reporterName ?? null,
        reporter_phone_enc: v.reporterPhone ? this.vault.encrypt(v.reporterPhone) : null,
        status,
        unit_id: v.unitId ?? null,
        due_at: v.dueAt ?? null,
        escalated_meeting_id: null,
        rating: v.rating ?? null,
        rating_comment: v.ratingComment ?? null,
        resolution: v.resolution ?? null,
        resolved_at: v.resolvedAt ?? null,
        created_at: now,
        updated_at: now,
      },
      localDay(new Date(now)).replaceAll("-", ""),
    );
    const eventId = await this.repo.insertEvent(trx, {
      problem_id: created.id,
      action: "submit",
      from_status: null,
      to_status: "submitted",
      note: null,
      actor_user_id: v.actorUserId ?? null,
      actor_name: v.actorName ?? null,
      unit_id: null,
      at: now,
    });
    return { ...created, eventId };
  }

  /**
   * Reports a problem. Merchants, residents and volunteers report their own (source from their role); staff
   * also enter walk-ins, phone calls, grid workers' and council findings with the reporter's name and phone.
   * (A repeated Idempotency-Key is answered by the platform before this runs: platform/idempotency.ts.)
   */
  async create(user: SessionUser, input: CreateInput, actor: Actor, locale: Locale = "zh-CN") {
    const staff = can(user.role, "problem.manage");
    if (!staff && (input.source || input.reporterName || input.reporterPhone)) {
      throw invalidField(input.source ? "source" : input.reporterName ? "reporterName" : "reporterPhone", "v.unknown_field");
    }
    if (input.reporterPhone && !isMainlandMobile(input.reporterPhone)) throw invalidField("reporterPhone", "v.mobile");
    const stationId = targetStation(user, input.stationId);
    await this.ensureCategories();
    const outbox = this.notifier.outbox();
    const done = await this.db.transaction().execute(async (trx) => {
      const category = await this.repo.findCategory(trx, input.categoryCode);
      if (category?.active !== 1) throw fail("problem.bad_category", [{ field: "categoryCode" }]);
      if (input.stallId !== null && !(await this.repo.stallOfStation(trx, input.stallId, stationId))) {
        throw fail("problem.bad_stall", [{ field: "stallId" }]);
      }
      const source: ProblemSource = staff ? (input.source ?? "walk_in") : user.role === "merchant" ? "merchant" : "resident";
      const byStaff = staff && !["merchant", "resident"].includes(source);
      const created = await this.createProblemRecord(trx, {
        stationId,
        title: input.title,
        description: input.description,
        categoryCode: category.code,
        source,
        place: input.place,
        stallId: input.stallId,
        reporterUserId: byStaff ? null : user.id,
        reporterName: byStaff ? input.reporterName : (input.reporterName ?? user.displayName),
        reporterPhone: input.reporterPhone,
        actorUserId: user.id,
        actorName: user.displayName,
      });
      const photos = await this.files.attach(trx, input.photoIds, user.id, `problem:${created.id}`);
      await this.repo.insertFiles(trx, created.id, null, photos);
      await appendAudit(trx, actor, {
        action: "problem.created",
        objectType: "problem",
        objectId: created.id,
        stationId,
        after: { code: created.code, title: input.title, categoryCode: category.code, source, status: "submitted", photos: photos.length },
      });
      if (!byStaff) {
        await outbox.add(trx, {
          userId: user.id,
          kind: "problem.submitted",
          title: titles.submit,
          body: `您反映的问题「${input.title}」已登记，编号 ${created.code}，我们会尽快处理。`,
          link: `/m/problems/${created.id}`,
        });
      }
      const row = await this.repo.findById(created.id, trx);
      if (!row) throw notFound();
      return { row, created, photos };
    });
    await outbox.deliver();
    // Answered from what the transaction wrote: the new problem has exactly one event, carrying its photos.
    const { row, created, photos } = done;
    const files = photos.map((file_id) => ({ problem_id: created.id, event_id: null, file_id }));
    const [problem] = this.present(user, [row], files, locale);
    return {
      ...problem,
      events: [
        {
          id: created.eventId,
          action: "submit",
          fromStatus: null,
          toStatus: "submitted" as ProblemStatus,
          note: null,
          actorName: user.displayName,
          unitName: null,
          photos: [],
          at: row.created_at,
        },
      ],
    };
  }

  // ---- workflow steps

  /** One step of the workflow; the version check in the UPDATE makes one of two simultaneous steps lose. */
  async act(user: SessionUser, id: number, input: ActionInput, actor: Actor, locale: Locale = "zh-CN") {
    const outbox = this.notifier.outbox();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRow(user, id, trx);
      if (row.version !== input.version) throw conflict();
      const from = row.status as ProblemStatus;
      const step = nextProblemStatus(from, input.action, this.partiesOf(user, row));
      if (!step.ok) throw fail(step.refusal, [{ field: "action" }]);
      const now = new Date();
      const at = now.toISOString();
      const values: Parameters<ProblemsRepository["update"]>[3] = { status: step.status, updated_at: at };
      let note: string | null = null;
      let unitId: number | null = null;
      let unitName: string | null = null;
      let photoIds: string[] = [];
      switch (input.action) {
        case "reject":
        case "reopen":
          note = input.reason;
          if (input.action === "reopen") values.resolved_at = null;
          break;
        case "assign": {
          const unit = await this.repo.activeUnitOfStation(trx, input.unitId, row.station_id);
          if (!unit) throw fail("problem.bad_unit", [{ field: "unitId" }]);
          let dueAt: string;
          if (input.dueDate) {
            if (input.dueDate < localDay(now)) throw fail("problem.due_in_past", [{ field: "dueDate" }]);
            dueAt = new Date(dayStart(input.dueDate).getTime() + DAY_MS - 1000).toISOString();
          } else {
            const category = await this.repo.findCategory(trx, row.category_code);
            dueAt = dueDateFor(now, category?.time_limit_days ?? 7);
          }
          values.unit_id = unit.id;
          values.due_at = dueAt;
          values.escalated_meeting_id = null;
          unitId = unit.id;
          unitName = unit.name;
          break;
        }
        case "note":
        case "resolve":
          note = input.note;
          photoIds = input.photoIds;
          if (input.action === "resolve") {
            values.resolution = input.note;
            values.resolved_at = at;
          }
          break;
        case "confirm":
          values.rating = input.rating;
          values.rating_comment = input.comment;
          note = input.comment;
          break;
        default:
          break;
      }
      if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
      const eventId = await this.repo.insertEvent(trx, {
        problem_id: id,
        action: input.action,
        from_status: from,
        to_status: step.status,
        note,
        actor_user_id: user.id,
        actor_name: user.displayName,
        unit_id: unitId ?? row.unit_id,
        at,
      });
      const photos = await this.files.attach(trx, photoIds, user.id, `problem:${id}`);
      await this.repo.insertFiles(trx, id, eventId, photos);
      await appendAudit(trx, actor, {
        action: `problem.${input.action}`,
        objectType: "problem",
        objectId: id,
        stationId: row.station_id,
        before: auditView({ status: from, unitId: row.unit_id, dueAt: row.due_at, rating: row.rating, version: row.version }),
        after: {
          ...auditView({
            status: step.status,
            unitId: values.unit_id === undefined ? row.unit_id : values.unit_id,
            dueAt: values.due_at === undefined ? row.due_at : values.due_at,
            rating: values.rating === undefined ? row.rating : values.rating,
            version: row.version + 1,
          }),
          ...(note ? { note } : {}),
          ...(photos.length ? { photos: photos.length } : {}),
        },
      });
      await this.notifyStep(trx, outbox, row, input, { note, unitId, unitName, dueAt: values.due_at ?? null }, user);
    });
    await outbox.deliver();
    return this.get(user, id, locale);
  }

  private async notifyStep(
    trx: Transaction<DB>,
    outbox: Outbox,
    row: ProblemRow,
    input: ActionInput,
    step: { note: string | null; unitId: number | null; unitName: string | null; dueAt: string | null },
    user: SessionUser,
  ) {
    const subject = `「${row.title}」（${row.code}）`;
    let body: string;
    switch (input.action) {
      case "assign":
        body = `您反映的问题${subject}已交由${step.unitName}办理，办结期限 ${localDay(new Date(step.dueAt ?? Date.now()))}。`;
        break;
      case "reject":
        body = `您反映的问题${subject}未予受理：${step.note}`;
        break;
      case "resolve":
        body = `您反映的问题${subject}已办结：${step.note}。请确认并评价。`;
        break;
      case "note":
        body = `您反映的问题${subject}有新进展：${step.note}`;
        break;
      default:
        body = `您反映的问题${subject}：${titles[input.action]}。`;
    }
    if (row.reporter_user_id !== null && row.reporter_user_id !== user.id) {
      await outbox.add(trx, {
        userId: row.reporter_user_id,
        kind: `problem.${input.action}`,
        title: titles[input.action],
        body,
        link: `/m/problems/${row.id}`,
      });
    }
    const unitUsers = async (unitId: number | null) => (unitId ? (await usersOfUnit(trx, unitId)).filter((u) => u !== user.id) : []);
    if (input.action === "assign") {
      await outbox.addMany(trx, await unitUsers(step.unitId), {
        kind: "problem.assigned_to_unit",
        title: "新的交办问题",
        body: `问题${subject}已交由贵单位办理，办结期限 ${localDay(new Date(step.dueAt ?? Date.now()))}。`,
        link: `/problems/${row.id}`,
      });
    }
    if (input.action === "reopen" || input.action === "confirm") {
      const recipients = [...(await unitUsers(row.unit_id)), ...(await staffOfStation(trx, row.station_id))].filter((u) => u !== user.id);
      await outbox.addMany(trx, recipients, {
        kind: `problem.${input.action}`,
        title: titles[input.action],
        body: input.action === "confirm" ? `问题${subject}已确认办结，评分 ${input.rating} 星。` : `问题${subject}被重新打开：${step.note}`,
        link: `/problems/${row.id}`,
      });
    }
  }

  // ---- escalation

  /**
   * Running problems past their due date: staff of the station are told once (an `overdue` event), and each is
   * put on the next joint meeting's agenda when the escalation target offers one (`escalated_meeting_id`).
   */
  async escalateOverdue(now: Date = new Date(), actor: Actor = systemActor) {
    const rows = await this.repo.overdue(now.toISOString());
    let flagged = 0;
    let escalated = 0;
    for (const r of rows) {
      const outbox = this.notifier.outbox();
      await this.db.transaction().execute(async (trx) => {
        if (!r.flagged) {
          flagged++;
          await this.repo.insertEvent(trx, {
            problem_id: r.id,
            action: "overdue",
            from_status: r.status,
            to_status: r.status,
            note: null,
            actor_user_id: null,
            actor_name: null,
            unit_id: r.unit_id,
            at: now.toISOString(),
          });
          await outbox.addMany(trx, await staffOfStation(trx, r.station_id), {
            kind: "problem.overdue",
            title: "问题已超期",
            body: `问题「${r.title}」（${r.code}）已超过办结期限，将提交联席会议研究。`,
            link: `/problems/${r.id}`,
          });
        }
        let meetingId: number | null = null;
        if (this.escalation) {
          const agenda = await this.escalation.agendaFor(trx, r.station_id);
          if (agenda && (await this.repo.setEscalated(trx, r.id, agenda.meetingId))) {
            await this.escalation.addProblem(trx, agenda.meetingId, { id: r.id, code: r.code, title: r.title });
            meetingId = agenda.meetingId;
            escalated++;
          }
        }
        if (!r.flagged || meetingId !== null) {
          await appendAudit(trx, actor, {
            action: "problem.escalated",
            objectType: "problem",
            objectId: r.id,
            stationId: r.station_id,
            after: { dueAt: r.due_at, meetingId },
          });
        }
      });
      await outbox.deliver();
    }
    return { overdue: rows.length, flagged, escalated };
  }

  /** Per-unit figures for the scorecard (on time = resolved no later than due). */
  unitStats(stationIds: number[] | null, from?: string, to?: string) {
    return this.repo.unitStats(
      stationIds,
      from ? dayStart(from).toISOString() : undefined,
      to ? new Date(dayStart(to).getTime() + DAY_MS).toISOString() : undefined,
    );
  }

  /** The jobs this module gives the scheduler. */
  jobs(): Job[] {
    return [{ name: "problems.escalate_overdue", everyMs: 15 * 60_000, run: (now) => this.escalateOverdue(now) }];
  }
}
