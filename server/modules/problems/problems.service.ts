// The problems list (问题清单): report with photos, accept or reject, assign to a unit with a due date, work and
// resolve, confirm with a rating or reopen; overdue problems go onto the next joint meeting's agenda. Every
// step runs in one transaction with its event, its audit entry and its notifications.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDate, stationDayBounds } from "../../../contracts/calendar.ts";
import type { Locale } from "../../../contracts/errors.ts";
import type {
  ProblemDetail,
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
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { type SessionUser, scopeKind, stationFilter, targetStation } from "../../platform/scope.ts";
import type { EscalationTarget } from "./escalation.ts";
import { OverdueEscalation } from "./overdue-escalation.ts";
import { partiesOf, problemFilterOf, seesProblem } from "./problems.access.ts";
import { notifyStep } from "./problems.notices.ts";
import { auditView, photo, presentCategory, presentEvent, presentProblem, presentPublicProblem } from "./problems.presenter.ts";
import { ensureDefaultCategories, type ProblemRow, ProblemsRepository, type ProblemValues } from "./problems.repository.ts";
import { availableActions, nextProblemStatus, problemDueAt } from "./problems.workflow.ts";

type CreateInput = z.output<typeof problemCreateSchema>;
type ListQuery = z.output<typeof problemListQuery>;
type ActionInput = z.output<typeof problemActionSchema>;
type SimilarQuery = z.output<typeof similarProblemsQuery>;
type Db = Kysely<DB> | Transaction<DB>;
type SubmissionContextRow = NonNullable<Awaited<ReturnType<ProblemsRepository["submissionContext"]>>>;
/** How long a node keeps a submission's category and station name (as long as a session's cache). */
const CONTEXT_CACHE_MS = 5_000;
type ProblemFile = { problem_id: number; event_id: number | null; file_id: string };

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

export class ProblemsService {
  readonly repo: ProblemsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly files: FilesService;
  private readonly notifier: Notifier;
  private readonly clock: Clock;
  private readonly overdue: OverdueEscalation;
  private categoriesReady: Promise<void> | null = null;
  /**
   * What a submission without a stall reads first (the category, the station's name), by station and category, for
   * CONTEXT_CACHE_MS: a submission is then four statements on PostgreSQL instead of five. An edit of a category on this
   * node clears it; another node follows within the cache time, as with sessions (docs/operations.md).
   */
  private readonly contexts = new Map<string, { at: number; row: SubmissionContextRow }>();

  constructor(db: Kysely<DB>, vault: Vault, files: FilesService, notifier: Notifier, clock: Clock, escalation?: EscalationTarget) {
    this.db = db;
    this.repo = new ProblemsRepository(db);
    this.vault = vault;
    this.files = files;
    this.notifier = notifier;
    this.clock = clock;
    this.overdue = new OverdueEscalation(db, this.repo, notifier, escalation ?? null);
    files.allowReaders("problem", (user, id) => this.canSee(user, id));
  }

  /** The meetings module plugs itself in here once it exists (it is built after this service). */
  setEscalationTarget(target: EscalationTarget) {
    this.overdue.setTarget(target);
  }

  /** The default categories, inserted once into an empty table. */
  ensureCategories(): Promise<void> {
    if (!this.categoriesReady) {
      this.categoriesReady = ensureDefaultCategories(this.db, this.clock.now()).catch((error) => {
        this.categoriesReady = null;
        throw error;
      });
    }
    return this.categoriesReady;
  }

  private async submissionContext(trx: Db, code: string, stationId: number, stallId: number | null) {
    if (stallId !== null) return this.repo.submissionContext(trx, code, stationId, stallId);
    const key = `${stationId}:${code}`;
    const now = this.clock.now().getTime();
    const cached = this.contexts.get(key);
    if (cached && now - cached.at >= 0 && now - cached.at < CONTEXT_CACHE_MS) return cached.row;
    const row = await this.repo.submissionContext(trx, code, stationId, null);
    if (row) this.contexts.set(key, { at: now, row });
    return row;
  }

  async canSee(user: SessionUser, id: number): Promise<boolean> {
    const row = await this.repo.findById(id);
    return row !== undefined && seesProblem(user, row);
  }

  private async visibleRow(user: SessionUser, id: number, db: Db = this.db): Promise<ProblemRow> {
    const row = await this.repo.findById(id, db);
    if (!row || !seesProblem(user, row)) throw notFound();
    return row;
  }

  private present(user: SessionUser, rows: ProblemRow[], files: ProblemFile[], locale: Locale, now: Date) {
    const staffView = scopeKind(user) === "all" || scopeKind(user) === "org";
    return rows.map((r) =>
      presentProblem(r, {
        photos: files.filter((f) => f.problem_id === r.id && f.event_id === null).map((f) => photo(f.file_id)),
        nextActions: availableActions(r.status, partiesOf(user, r)),
        reporter: staffView || r.reporter_user_id === user.id ? "full" : "masked",
        vault: this.vault,
        now,
        locale,
      }),
    );
  }

  async categories() {
    await this.ensureCategories();
    return (await this.repo.listCategories()).map(presentCategory);
  }

  async updateCategory(id: number, input: z.output<typeof problemCategoryUpdateSchema>, actor: Actor) {
    await this.ensureCategories();
    const now = this.clock.now();
    const updated = await this.db.transaction().execute(async (trx) => {
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
        at: now,
        action: "problem_category.updated",
        objectType: "problem_category",
        objectId: id,
        before: presentCategory(before),
        after: presentCategory(after),
      });
      return presentCategory(after);
    });
    // After the commit: a submission reading the category meanwhile cached what was committed before.
    this.contexts.clear();
    return updated;
  }

  async list(user: SessionUser, query: ListQuery, locale: Locale = "zh-CN") {
    const now = this.clock.now();
    const { rows, total, totalCapped } = await this.repo.list(problemFilterOf(user, query, now), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      // A new report comes first: newest first unless the caller chose a column.
      sort: query.sort ?? "createdAt",
      order: query.order ?? (query.sort ? "asc" : "desc"),
    });
    // The photos came with the rows (their list in the page's statement).
    const files = rows.flatMap((r) =>
      (r.photo_list ? r.photo_list.split(",") : []).map((file_id) => ({ problem_id: r.id, event_id: null, file_id })),
    );
    return pageAnswer(this.present(user, rows, files, locale, now), { total, totalCapped }, query);
  }

  /**
   * How many problems the caller's list would show for this query, at the clock's now (the workbench's figures);
   * `statusIn` narrows to any of these statuses (the open ones, say).
   */
  async count(user: SessionUser, query: Partial<ListQuery>, statusIn?: readonly ProblemStatus[]): Promise<number> {
    const filter = problemFilterOf(user, query, this.clock.now());
    if (statusIn) filter.statusIn = statusIn;
    return this.repo.count(filter);
  }

  async get(user: SessionUser, id: number, locale: Locale = "zh-CN", now: Date = this.clock.now()): Promise<ProblemDetail> {
    const row = await this.visibleRow(user, id);
    const [files, events] = await Promise.all([this.repo.filesOf([id]), this.repo.events(id)]);
    const [problem] = this.present(user, [row], files, locale, now);
    return {
      ...problem,
      events: events.map((e) =>
        presentEvent(
          e,
          files.filter((f) => f.event_id === e.id).map((f) => photo(f.file_id)),
        ),
      ),
    };
  }

  async similar(user: SessionUser, query: SimilarQuery, locale: Locale = "zh-CN") {
    const rows = await this.repo.similar(stationFilter(user, query.stationId), query);
    const files = await this.repo.filesOf(rows.map((r) => r.id));
    return this.present(user, rows, files, locale, this.clock.now());
  }

  async publicBoard(query: { stationId: number; page: number; pageSize: number }, locale: Locale = "zh-CN") {
    await this.ensureCategories();
    const { rows, total, totalCapped } = await this.repo.publicList(query.stationId, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    void locale;
    return pageAnswer(rows.map(presentPublicProblem), { total, totalCapped }, query);
  }

  /**
   * Inserts one problem with its initial event (and nothing else: no audit, no notification, no photos), inside
   * the caller's transaction. Batch-friendly: demo data and imports call it in a loop. Its instant is
   * `v.createdAt`, or the clock's now.
   */
  async createProblemRecord(
    trx: Db,
    v: ProblemRecordInput,
  ): Promise<{ id: number; code: string; eventId: number; values: Omit<ProblemValues, "code"> }> {
    const now = v.createdAt ?? this.clock.now().toISOString();
    const status = v.status ?? "submitted";
    const values: Omit<ProblemValues, "code"> = {
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
    };
    const created = await this.repo.insertWithEvent(trx, values, stationDate(now).replaceAll("-", ""), {
      action: "submit",
      to_status: "submitted",
      note: null,
      actor_user_id: v.actorUserId ?? null,
      actor_name: v.actorName ?? null,
      unit_id: null,
      at: now,
    });
    return { ...created, values };
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
    const now = this.clock.now();
    const outbox = this.notifier.outbox();
    const done = await this.db.transaction().execute(async (trx) => {
      // The category, the station's name and the stall in one read (each statement is a round trip on PostgreSQL).
      const category = await this.submissionContext(trx, input.categoryCode, stationId, input.stallId);
      if (category?.active !== 1) throw fail("problem.bad_category", [{ field: "categoryCode" }]);
      if (input.stallId !== null && category.stall_code === null) throw fail("problem.bad_stall", [{ field: "stallId" }]);
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
        createdAt: now.toISOString(),
      });
      const photos = await this.files.attach(trx, input.photoIds, user.id, `problem:${created.id}`);
      await this.repo.insertFiles(trx, created.id, null, photos);
      await appendAudit(trx, actor, {
        at: now,
        action: "problem.created",
        objectType: "problem",
        objectId: created.id,
        stationId,
        after: { code: created.code, title: input.title, categoryCode: category.code, source, status: "submitted", photos: photos.length },
      });
      // The row as written (not read back): what the insert was given, the names read with the category.
      const row: ProblemRow = {
        ...created.values,
        id: created.id,
        code: created.code,
        station_name: category.station_name ?? "",
        category_name: category.name,
        category_name_en: category.name_en,
        stall_code: category.stall_code,
        unit_name: null,
        version: 1,
      };
      // Submitted, not yet accepted: the acceptance is its own notice when staff accept it. The reporter is the
      // signed-in user, whose language the session holds.
      if (!byStaff) {
        await outbox.add(
          trx,
          {
            userId: user.id,
            kind: "problem.submitted",
            notice: "problem.submitted",
            params: { title: input.title, code: created.code, station: row.station_name },
            link: `/m/problems/${created.id}`,
          },
          user.locale,
        );
      }
      return { row, created, photos };
    });
    await outbox.deliver();
    // Answered from what the transaction wrote: the new problem has exactly one event, carrying its photos.
    const { row, created, photos } = done;
    const files = photos.map((file_id) => ({ problem_id: created.id, event_id: null, file_id }));
    const [problem] = this.present(user, [row], files, locale, now);
    const event = { id: created.eventId, action: "submit", from_status: null, to_status: "submitted" as const, note: null };
    return { ...problem, events: [presentEvent({ ...event, actor_name: user.displayName, unit_name: null, at: row.created_at }, [])] };
  }

  /** One step of the workflow; the version check in the UPDATE makes one of two simultaneous steps lose. */
  async act(user: SessionUser, id: number, input: ActionInput, actor: Actor, locale: Locale = "zh-CN") {
    const now = this.clock.now();
    const at = now.toISOString();
    const outbox = this.notifier.outbox();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRow(user, id, trx);
      if (row.version !== input.version) throw conflict();
      const from = row.status;
      const step = nextProblemStatus(from, input.action, partiesOf(user, row));
      if (!step.ok) throw fail(step.refusal, [{ field: "action" }]);
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
            if (input.dueDate < stationDate(now)) throw fail("problem.due_in_past", [{ field: "dueDate" }]);
            dueAt = problemDueAt(now, { date: input.dueDate });
          } else {
            const category = await this.repo.findCategory(trx, row.category_code);
            dueAt = problemDueAt(now, { days: category?.time_limit_days ?? 7 });
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
        at: now,
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
      const rating = input.action === "confirm" ? input.rating : undefined;
      await notifyStep(trx, outbox, row, { action: input.action, rating, note, unitId, unitName, dueAt: values.due_at ?? null }, user);
    });
    await outbox.deliver();
    return this.get(user, id, locale, now);
  }

  /** Flags the problems overdue at `now` and puts them on the next joint meeting's agenda (the job's run). */
  escalateOverdue(now: Date, actor: Actor = systemActor) {
    return this.overdue.escalate(now, actor);
  }

  /** The same, now: staff asking for it, or a joint meeting just scheduled. */
  escalateNow(actor: Actor = systemActor) {
    return this.overdue.escalate(this.clock.now(), actor);
  }

  /** Per-unit figures for the scorecard (on time = resolved no later than due). */
  unitStats(stationIds: number[] | null, from?: string, to?: string) {
    return this.repo.unitStats(stationIds, from ? stationDayBounds(from)[0] : undefined, to ? stationDayBounds(to)[1] : undefined);
  }

  /** The jobs this module gives the scheduler. */
  jobs(): Job[] {
    return [{ name: "problems.escalate_overdue", everyMs: 15 * 60_000, run: (now) => this.escalateOverdue(now) }];
  }
}
