// 12345 work orders (12345 工单) on the problem loop: the hotline's orders come in through a documented JSON interface
// (an API key per hotline) and become problems, once per order number; the hotline's categories are mapped to
// Dandelion's in a maintained table; staff sign off (签收) within the hotline's limit, return (退单) with a reason,
// ask once for an extension, reply, and record the follow-up call's result — each step queued as feedback that a
// job sends back to the hotline, in order, with retries. The rates are computed as the hotline computes them.
import { createHmac } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { monthRange, stationDayBounds, stationInstant, stationMonth } from "../../../contracts/calendar.ts";
import type {
  HotlineCategoryMapping,
  HotlineFeedbackKind,
  HotlineFigures,
  HotlineOrder,
  hotlineActionSchema,
  hotlineCategoryMapInSchema,
  hotlineFiguresQuery,
  hotlineListQuery,
} from "../../../contracts/interop.ts";
import { hotlineOrderInSchema, hotlineSheetColumns } from "../../../contracts/interop.ts";
import { isMainlandMobile } from "../../../contracts/validators.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, conflict, errorMessage, fail, fieldsFromIssues, invalidField, notFound, parseOrFail } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { reachesStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import type { Importer, RowIssue } from "../imports/importer.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import type { ApiKeysService } from "./api-keys.service.ts";
import { type HotlineOrderRow, HotlineRepository } from "./hotline.repository.ts";
import { hotlineTemplate } from "./hotline.template.ts";
import { feedbackBackoffMs, MAX_FEEDBACK_ATTEMPTS, nextHotlineStatus, signedOffInTime } from "./hotline.workflow.ts";

const HOUR = 3_600_000;

type NewOrder = z.output<typeof hotlineOrderInSchema> & { categoryCode: string };

export interface FeedbackTarget {
  url: string | undefined;
  secret: string | undefined;
  /** How long one delivery may take before it counts as failed (and is retried). */
  timeoutMs: number;
}

export function presentOrder(r: HotlineOrderRow): HotlineOrder {
  return {
    id: r.id,
    orderNumber: r.order_number,
    problemId: r.problem_id,
    problemCode: r.problem_code,
    problemTitle: r.problem_title,
    problemStatus: r.problem_status,
    stationId: r.station_id,
    stationName: r.station_name,
    via: r.via,
    hotlineCategory: r.hotline_category,
    dispatchedAt: r.dispatched_at,
    signOffDueAt: r.sign_off_due_at,
    replyDueAt: r.reply_due_at,
    status: r.status,
    signedOffAt: r.signed_off_at,
    signedOffLate: r.signed_off_at !== null && !signedOffInTime(r.signed_off_at, r.sign_off_due_at),
    returnedAt: r.returned_at,
    returnReason: r.return_reason,
    extensionDays: r.extension_days,
    extensionReason: r.extension_reason,
    replyText: r.reply_text,
    repliedAt: r.replied_at,
    satisfaction: r.satisfaction,
    visitedAt: r.visited_at,
    feedbackPending: Number(r.feedback_pending ?? 0),
    feedbackFailed: Number(r.feedback_failed ?? 0),
    version: r.version,
  };
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export class HotlineService {
  readonly repo: HotlineRepository;
  private readonly db: Kysely<DB>;
  private readonly keys: ApiKeysService;
  private readonly problems: ProblemsService;
  private readonly clock: Clock;
  private readonly target: FeedbackTarget;
  constructor(db: Kysely<DB>, keys: ApiKeysService, problems: ProblemsService, clock: Clock, target: FeedbackTarget) {
    this.db = db;
    this.repo = new HotlineRepository(db);
    this.keys = keys;
    this.problems = problems;
    this.clock = clock;
    this.target = target;
  }

  // --- the category map

  async mapping(): Promise<HotlineCategoryMapping[]> {
    return (await this.repo.mapping()).map((m) => ({
      id: m.id,
      hotlineCategory: m.hotline_category,
      categoryCode: m.category_code,
      unmappedOrders: Number(m.unmapped_orders),
      updatedAt: m.updated_at,
    }));
  }

  async map(input: z.output<typeof hotlineCategoryMapInSchema>, actor: Actor): Promise<HotlineCategoryMapping[]> {
    const categories = await this.problems.categories();
    if (!categories.some((c) => c.code === input.categoryCode && c.active)) throw fail("hotline.bad_category", [{ field: "categoryCode" }]);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.mappingOf(trx, input.hotlineCategory);
      await this.repo.upsertMapping(trx, input.hotlineCategory, input.categoryCode, now.toISOString());
      await appendAudit(trx, actor, {
        at: now,
        action: "hotline_category.mapped",
        objectType: "hotline_category",
        objectId: input.hotlineCategory,
        before: before ? { categoryCode: before.category_code } : null,
        after: { categoryCode: input.categoryCode },
      });
    });
    return this.mapping();
  }

  // --- inbound orders

  /** An order from the hotline: the existing problem when its number is known (duplicate: true), never a second. */
  async receive(apiKey: string | undefined, body: unknown, ip: string | null) {
    if (!apiKey) throw fail("interop.key_required", [{ field: "x-api-key" }]);
    const key = await this.keys.check(this.db, apiKey, "hotline");
    if (!key) throw fail("interop.bad_key");
    const input = parseOrFail(hotlineOrderInSchema, body);
    if (input.callerPhone && !isMainlandMobile(input.callerPhone)) throw invalidField("callerPhone", "v.mobile");
    if (new Date(input.replyBy) <= new Date(input.dispatchedAt)) {
      throw fail("hotline.bad_dates", [{ field: "replyBy" }]);
    }
    const known = await this.repo.orderByNumber(this.db, input.orderNumber);
    if (known) return this.ack(known, true);
    const now = this.clock.now();
    const at = now.toISOString();
    const mapped = await this.repo.mappingOf(this.db, input.category);
    const category = mapped?.category_code
      ? (await this.problems.categories()).find((c) => c.code === mapped.category_code && c.active)
      : undefined;
    if (!category) {
      // Kept in the map for staff to fill in; the hotline sends the order again once it is mapped.
      await this.repo.noteUnmapped(this.db, input.category, at);
      throw fail("hotline.unmapped_category", [{ field: "category" }], { category: input.category });
    }
    const actor: Actor = { userId: null, name: `12345 · ${key.name}`, role: null, ip };
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const orderId = await this.createOrder(trx, { ...input, categoryCode: category.code }, key.station_id, key.id, "api", actor, now);
        await this.keys.touch(trx, key.id, at);
        return orderId;
      });
      const row = await this.repo.orderById(this.db, id);
      if (!row) throw notFound();
      return this.ack(row, false);
    } catch (error) {
      // The same order sent twice at once: the unique order number lets one in; the other answers with it.
      if (!isUniqueViolation(error)) throw error;
      const row = await this.repo.orderByNumber(this.db, input.orderNumber);
      if (!row) throw error;
      return this.ack(row, true);
    }
  }

  /** One order and its problem, inside the caller's transaction (the API's or an Excel import's), with its audit entry. */
  private async createOrder(
    trx: Transaction<DB>,
    input: NewOrder,
    stationId: number,
    apiKeyId: number | null,
    via: "api" | "excel",
    actor: Actor,
    now: Date,
  ): Promise<number> {
    const at = now.toISOString();
    const dispatchedAt = new Date(input.dispatchedAt);
    const problem = await this.problems.createProblemRecord(trx, {
      stationId,
      title: input.title ?? (input.content.length > 30 ? `${input.content.slice(0, 30)}…` : input.content.padEnd(2, "。")),
      description: input.content,
      categoryCode: input.categoryCode,
      source: "hotline",
      place: input.address ?? null,
      reporterName: input.callerName ?? null,
      reporterPhone: input.callerPhone ?? null,
      actorName: actor.name,
      actorUserId: actor.userId,
      createdAt: at,
    });
    const orderId = await this.repo.insertOrder(trx, {
      order_number: input.orderNumber,
      problem_id: problem.id,
      station_id: stationId,
      api_key_id: apiKeyId,
      via,
      hotline_category: input.category,
      dispatched_at: dispatchedAt.toISOString(),
      sign_off_due_at: new Date(dispatchedAt.getTime() + input.signOffHours * HOUR).toISOString(),
      reply_due_at: new Date(input.replyBy).toISOString(),
      status: "received",
      signed_off_at: null,
      returned_at: null,
      return_reason: null,
      extension_days: null,
      extension_reason: null,
      extension_requested_at: null,
      reply_text: null,
      replied_at: null,
      satisfaction: null,
      visited_at: null,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, actor, {
      at: now,
      action: "hotline_order.received",
      objectType: "hotline_order",
      objectId: orderId,
      stationId,
      after: { orderNumber: input.orderNumber, problemCode: problem.code, category: input.categoryCode, via },
    });
    return orderId;
  }

  /** The Excel import of orders, for districts whose hotline has no interface (the imports module's workflow). */
  importer(): Importer<NewOrder> {
    return {
      columns: hotlineSheetColumns,
      template: hotlineTemplate,
      checkRow: (values, locale) => {
        const issues: RowIssue[] = [];
        const header = (key: string) => hotlineSheetColumns.find((c) => c.key === key)?.header ?? key;
        const when = (key: string) => {
          const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec((values[key] ?? "").trim());
          if (!m) {
            issues.push({ column: header(key), message: locale === "en" ? "write it as 2026-11-18 09:30" : "请按 2026-11-18 09:30 填写" });
            return "";
          }
          return stationInstant(m[1], m[2]).toISOString();
        };
        const dispatchedAt = when("dispatchedAt");
        const replyBy = when("replyBy");
        const parsed = hotlineOrderInSchema.safeParse({
          orderNumber: values.orderNumber ?? "",
          category: values.category ?? "",
          title: values.title || undefined,
          content: values.content ?? "",
          address: values.address || undefined,
          callerName: values.callerName || undefined,
          callerPhone: values.callerPhone || undefined,
          dispatchedAt: dispatchedAt || "2000-01-01T00:00:00Z",
          signOffHours: values.signOffHours ? Number(values.signOffHours) : 2,
          replyBy: replyBy || "2000-01-02T00:00:00Z",
        });
        if (!parsed.success) {
          for (const f of fieldsFromIssues(parsed.error.issues as never, locale))
            issues.push({ column: header(f.field), message: f.message });
        } else {
          if (parsed.data.callerPhone && !isMainlandMobile(parsed.data.callerPhone)) {
            issues.push({ column: header("callerPhone"), message: locale === "en" ? "not a mainland mobile number" : "不是有效的手机号" });
          }
          if (dispatchedAt && replyBy && replyBy <= dispatchedAt) {
            issues.push({ column: header("replyBy"), message: errorMessage("hotline.bad_dates", locale) });
          }
        }
        return issues.length > 0 || !parsed.success ? { issues } : { data: { ...parsed.data, categoryCode: "" } };
      },
      checkAgainstExisting: async (rows, _stationId, locale) => {
        const issues = new Map<number, RowIssue[]>();
        const categories = new Map((await this.repo.mapping()).map((m) => [m.hotline_category, m.category_code]));
        const active = new Set((await this.problems.categories()).filter((c) => c.active).map((c) => c.code));
        const seen = new Set<string>();
        for (const [i, r] of rows.entries()) {
          const out: RowIssue[] = [];
          const known = await this.repo.orderByNumber(this.db, r.orderNumber);
          if (known || seen.has(r.orderNumber)) {
            out.push({
              column: "工单号",
              message: known
                ? locale === "en"
                  ? `already received as problem ${known.problem_code}`
                  : `已接收（问题 ${known.problem_code}）`
                : locale === "en"
                  ? "repeated in this file"
                  : "文件中重复",
            });
          }
          seen.add(r.orderNumber);
          const code = categories.get(r.category);
          if (!code || !active.has(code))
            out.push({ column: "热线类别", message: errorMessage("hotline.unmapped_category", locale, { category: r.category }) });
          else r.categoryCode = code;
          if (out.length) issues.set(i, out);
        }
        return issues;
      },
      insert: async (trx, rows, stationId, actor, now) => {
        for (const r of rows) {
          if (await this.repo.orderByNumber(trx, r.orderNumber)) throw fail("import.already_done");
          await this.createOrder(trx, r, stationId, null, "excel", actor, now);
        }
        return rows.length;
      },
    };
  }

  private ack(row: HotlineOrderRow, duplicate: boolean) {
    return { orderNumber: row.order_number, problemCode: row.problem_code, status: row.status, duplicate };
  }

  // --- the station's steps

  async list(user: SessionUser, query: z.output<typeof hotlineListQuery>) {
    const { rows, total } = await this.repo.list(
      this.db,
      { stationIds: stationFilter(user, query.stationId), status: query.status, q: query.q },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentOrder), total, page: query.page, pageSize: query.pageSize };
  }

  async act(user: SessionUser, id: number, input: z.output<typeof hotlineActionSchema>, actor: Actor): Promise<HotlineOrder> {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const order = await this.repo.orderById(trx, id);
      if (!order || !reachesStation(user, order.station_id)) throw notFound();
      if (order.version !== input.version) throw conflict();
      const replyText = input.action === "reply" ? (input.text ?? order.problem_resolution ?? "").trim() : "";
      const next = nextHotlineStatus(
        { status: order.status, extensionUsed: order.extension_requested_at !== null },
        input.action === "reply"
          ? { action: "reply", text: replyText, problemClosed: order.problem_status === "resolved" || order.problem_status === "confirmed" }
          : input,
      );
      if (typeof next === "object") throw new AppError(next.refused);
      if (input.action === "reply" && replyText.length < 2) throw fail("hotline.reply_text", [{ field: "text" }]);
      const values: Parameters<HotlineRepository["updateOrder"]>[3] = { status: next, updated_at: at };
      let kind: HotlineFeedbackKind;
      let payload: Record<string, unknown>;
      switch (input.action) {
        case "sign_off":
          values.signed_off_at = at;
          kind = "sign_off";
          payload = { signedOffAt: at };
          break;
        case "return":
          values.returned_at = at;
          values.return_reason = input.reason;
          kind = "return";
          payload = { reason: input.reason, returnedAt: at };
          break;
        case "extend":
          values.extension_days = input.days;
          values.extension_reason = input.reason;
          values.extension_requested_at = at;
          kind = "extension";
          payload = { days: input.days, reason: input.reason, requestedAt: at };
          break;
        case "reply":
          values.reply_text = replyText;
          values.replied_at = at;
          kind = "reply";
          payload = { text: replyText, repliedAt: at };
          break;
        case "visit":
          values.satisfaction = input.satisfaction;
          values.visited_at = at;
          kind = "visit";
          payload = { satisfaction: input.satisfaction, visitedAt: at };
          break;
      }
      if (!(await this.repo.updateOrder(trx, id, order.version, values))) throw conflict();
      await this.repo.queueFeedback(trx, {
        order_id: id,
        kind,
        payload: JSON.stringify(payload),
        status: "pending",
        next_attempt_at: at,
        last_error: null,
        sent_at: null,
        created_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: `hotline_order.${input.action}`,
        objectType: "hotline_order",
        objectId: id,
        stationId: order.station_id,
        before: { status: order.status },
        after: { status: next, ...payload },
      });
      const after = await this.repo.orderById(trx, id);
      if (!after) throw notFound();
      return after;
    });
    return presentOrder(row);
  }

  async figures(user: SessionUser, query: z.output<typeof hotlineFiguresQuery>): Promise<HotlineFigures> {
    const month = monthRange(stationMonth(this.clock.now()));
    const from = query.from ?? month.from;
    const to = query.to ?? month.to;
    if (to < from) throw invalidField("to", "v.invalid_value");
    const rows = await this.repo.forFigures(
      this.db,
      stationFilter(user, query.stationId),
      stationDayBounds(from)[0],
      stationDayBounds(to)[1],
    );
    const received = rows.length;
    const signedOffInTimeCount = rows.filter((r) => signedOffInTime(r.signed_off_at, r.sign_off_due_at)).length;
    const returned = rows.filter((r) => r.status === "returned").length;
    const replied = rows.filter((r) => r.replied_at !== null).length;
    const visited = rows.filter((r) => r.satisfaction !== null);
    const count = (s: string) => visited.filter((r) => r.satisfaction === s).length;
    return {
      from,
      to,
      received,
      signedOffInTime: signedOffInTimeCount,
      responseRate: rate(signedOffInTimeCount, received),
      returned,
      replied,
      resolutionRate: rate(replied, received - returned),
      visited: visited.length,
      satisfied: count("satisfied"),
      basicallySatisfied: count("basically_satisfied"),
      dissatisfied: count("dissatisfied"),
      satisfactionRate: rate(count("satisfied") + count("basically_satisfied"), visited.length),
    };
  }

  // --- feedback to the hotline

  /**
   * Sends the feedback due at `now`, oldest first, each order's steps in order: a 2xx answer marks it sent; an
   * error answer, a time-out or a refused connection counts an attempt and sets the next one later (back-off),
   * until it is given up as failed (shown in the console). The receiver dedupes on X-Dandelion-Delivery.
   */
  async sendFeedback(now: Date): Promise<{ sent: number; retried: number; failed: number; skipped?: string }> {
    const out = { sent: 0, retried: 0, failed: 0 };
    if (!this.target.url) return { ...out, skipped: "HOTLINE_FEEDBACK_URL is not set" };
    const due = await this.repo.dueFeedback(now.toISOString(), 50);
    const blocked = new Set<number>();
    for (const f of due) {
      if (blocked.has(f.order_id) || (await this.repo.earlierPending(f.order_id, f.id))) {
        blocked.add(f.order_id);
        continue;
      }
      const body = JSON.stringify({ orderNumber: f.order_number, kind: f.kind, ...JSON.parse(f.payload) });
      let error: string | null = null;
      try {
        const headers: Record<string, string> = { "content-type": "application/json", "x-dandelion-delivery": `hotline-feedback-${f.id}` };
        if (this.target.secret)
          headers["x-dandelion-signature"] = `sha256=${createHmac("sha256", this.target.secret).update(body).digest("hex")}`;
        const res = await fetch(this.target.url, { method: "POST", body, headers, signal: AbortSignal.timeout(this.target.timeoutMs) });
        await res.text().catch(() => "");
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).name === "TimeoutError" ? "timeout" : `network: ${(e as Error).message}`.slice(0, 200);
      }
      const attempts = Number(f.attempts);
      if (error === null) {
        await this.repo.markFeedback(f.id, attempts, { status: "sent", sent_at: now.toISOString(), last_error: null });
        out.sent++;
      } else {
        blocked.add(f.order_id);
        const giveUp = attempts + 1 >= MAX_FEEDBACK_ATTEMPTS;
        await this.repo.markFeedback(f.id, attempts, {
          status: giveUp ? "failed" : "pending",
          last_error: error,
          next_attempt_at: new Date(now.getTime() + feedbackBackoffMs(attempts + 1)).toISOString(),
        });
        if (giveUp) out.failed++;
        else out.retried++;
      }
    }
    return out;
  }

  jobs(): Job[] {
    return [{ name: "interop.hotline_feedback", everyMs: 60_000, run: (now) => this.sendFeedback(now) }];
  }
}
