// The station counter (便民服务窗口): the catalogue of 32 items the departments handle at the station, the
// requests merchants and residents book for a day their department is on duty (or bring in person), the queue
// numbers issued on the day, handling or forwarding to the department, and the applicant's five-heart rating.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type {
  applicantCancelSchema,
  BookableDay,
  bookingCreateSchema,
  CounterDay,
  CounterFigures,
  callNextSchema,
  counterDayQuery,
  counterFiguresQuery,
  RequestActionInput,
  RequestStatus,
  ratingCreateSchema,
  requestListQuery,
  ServiceAudience,
  ServiceRequestDetail,
  serviceItemCreateSchema,
  serviceItemListQuery,
  serviceItemUpdateSchema,
  walkInCreateSchema,
} from "../../../contracts/counter.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Vault } from "../../platform/crypto.ts";
import { AppError, conflict, fail, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { type Notifier, type Outbox, usersOfUnit } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, scopeKind, stationFilter } from "../../platform/scope.ts";
import { parseMaterials, presentEvent, presentItem, presentRequest } from "./counter.presenter.ts";
import { CounterRepository, type ItemRow, type RequestFilter, type RequestReach, type RequestRow } from "./counter.repository.ts";
import {
  type ApplicantKind,
  addDays,
  audienceAllows,
  bookingDateRefusal,
  dueDateOf,
  nextQueueNo,
  nextRequestStatus,
  type RequestAction,
} from "./request.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type ItemCreate = z.output<typeof serviceItemCreateSchema>;
type ItemUpdate = z.output<typeof serviceItemUpdateSchema>;
type ItemQuery = z.output<typeof serviceItemListQuery>;
type RequestQuery = z.output<typeof requestListQuery>;

/** How many days the phone offers to book (the rule itself allows MAX_DAYS_AHEAD). */
export const BOOKING_WINDOW_DAYS = 30;
/** Parallel check-ins may compute the same next number; the unique index refuses one, which tries again. */
const QUEUE_ATTEMPTS = 12;

const eventKind: Record<RequestAction, string> = {
  check_in: "checked_in",
  start: "started",
  complete: "done",
  forward: "forwarded",
  cancel: "cancelled",
  miss: "missed",
};

/** Retries a whole transaction that lost a race for a queue number (the unique (station, day, number) index). */
async function withQueueRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= QUEUE_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 10 * attempt)));
    }
  }
}

export class CounterService {
  readonly repo: CounterRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly notifier: Notifier;

  constructor(db: Kysely<DB>, vault: Vault, notifier: Notifier) {
    this.db = db;
    this.repo = new CounterRepository(db);
    this.vault = vault;
    this.notifier = notifier;
  }

  // ---- who is who

  /** Applicants apply as what their account is: a merchant, or a resident (volunteers are residents too). */
  private applicantKind(user: SessionUser): "merchant" | "resident" {
    return user.role === "merchant" ? "merchant" : "resident";
  }

  /** The station a counter action happens at: the one asked for, or the account's only station. */
  private stationFor(user: SessionUser, requested: number | undefined): number {
    if (requested !== undefined) {
      if (!reachesStation(user, requested)) throw notFound();
      return requested;
    }
    if (user.stationIds && user.stationIds.length === 1) return user.stationIds[0];
    throw fail("service.station_required", [{ field: "stationId" }]);
  }

  private reach(user: SessionUser): RequestReach {
    const scope = scopeKind(user);
    if (scope === "unit") return { stationIds: user.stationIds, forwardedToUnitId: user.allianceUnitId ?? -1 };
    if (scope === "self") return { stationIds: user.stationIds, applicantUserId: user.id };
    return { stationIds: user.stationIds };
  }

  private sees(user: SessionUser, row: RequestRow): boolean {
    if (!reachesStation(user, row.station_id)) return false;
    const scope = scopeKind(user);
    if (scope === "unit") return row.unit_id === user.allianceUnitId && row.forwarded_at !== null;
    if (scope === "self") return row.applicant_user_id === user.id;
    return true;
  }

  /** Station staff run the counter: check-ins, the queue, walk-ins. District accounts only read. */
  private runsCounter(user: SessionUser): boolean {
    const scope = scopeKind(user);
    return scope === "all" || scope === "org";
  }

  // ---- the catalogue

  async listItems(user: SessionUser, query: ItemQuery) {
    const self = scopeKind(user) === "self";
    const filter = {
      stationIds: self ? user.stationIds : stationFilter(user, query.stationId),
      unitId: query.unitId,
      audience: query.audience,
      handling: query.handling,
      q: query.q,
      // Applicants see what they may apply for, and only what is still offered.
      audienceFor: self ? this.applicantKind(user) : undefined,
      active: self ? true : query.active === undefined ? undefined : query.active === "true",
    };
    const { rows, total } = await this.repo.listItems(filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return { items: rows.map(presentItem), total, page: query.page, pageSize: query.pageSize };
  }

  private async visibleItem(user: SessionUser, id: number, db: Db = this.db): Promise<ItemRow> {
    const row = await this.repo.findItem(id, db);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    if (scopeKind(user) === "self" && row.active !== 1) throw notFound();
    return row;
  }

  async getItem(user: SessionUser, id: number) {
    return presentItem(await this.visibleItem(user, id));
  }

  private async assertUnit(db: Db, unitId: number, stationId: number) {
    const unit = await this.repo.findUnit(unitId, db);
    if (!unit || unit.station_id !== stationId || unit.status !== "active") throw fail("service.unit_invalid", [{ field: "unitId" }]);
  }

  async createItem(user: SessionUser, input: ItemCreate, actor: Actor, now = new Date()) {
    const stationId = this.stationFor(user, input.stationId);
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.assertUnit(trx, input.unitId, stationId);
        const at = now.toISOString();
        const id = await this.repo.insertItem(trx, {
          station_id: stationId,
          code: input.code.toUpperCase(),
          name: input.name,
          unit_id: input.unitId,
          audience: input.audience,
          materials: JSON.stringify(input.materials),
          time_limit_days: input.timeLimitDays,
          handling: input.handling,
          fee_fen: input.feeFen,
          description: input.description,
          active: 1,
          created_at: at,
          updated_at: at,
        });
        const row = await this.repo.findItem(id, trx);
        if (!row) throw notFound();
        const after = presentItem(row);
        await appendAudit(trx, actor, {
          action: "service_item.created",
          objectType: "service_item",
          objectId: id,
          stationId,
          after: { code: after.code, name: after.name, unitId: after.unitId, audience: after.audience, handling: after.handling },
        });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("service.code_taken", [{ field: "code" }]);
      throw error;
    }
  }

  async updateItem(user: SessionUser, id: number, input: ItemUpdate, actor: Actor, now = new Date()) {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.findItem(id, trx);
      if (!before || !reachesStation(user, before.station_id)) throw notFound();
      if (before.version !== input.version) throw conflict();
      const values: Parameters<CounterRepository["updateItem"]>[3] = { updated_at: now.toISOString() };
      if (input.name !== undefined) values.name = input.name;
      if (input.unitId !== undefined && input.unitId !== before.unit_id) {
        await this.assertUnit(trx, input.unitId, before.station_id);
        values.unit_id = input.unitId;
      }
      if (input.audience !== undefined) values.audience = input.audience;
      if (input.materials !== undefined) values.materials = JSON.stringify(input.materials);
      if (input.timeLimitDays !== undefined) values.time_limit_days = input.timeLimitDays;
      if (input.handling !== undefined) values.handling = input.handling;
      if (input.feeFen !== undefined) values.fee_fen = input.feeFen;
      if (input.description !== undefined) values.description = input.description;
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      if (!(await this.repo.updateItem(trx, id, input.version, values))) throw conflict();
      const after = await this.repo.findItem(id, trx);
      if (!after) throw notFound();
      const view = (r: ItemRow) => {
        const { version: _v, ...rest } = presentItem(r);
        return rest;
      };
      await appendAudit(trx, actor, {
        action: input.active === false && before.active === 1 ? "service_item.deactivated" : "service_item.updated",
        objectType: "service_item",
        objectId: id,
        stationId: before.station_id,
        before: view(before),
        after: view(after),
      });
      return presentItem(after);
    });
  }

  /** The days an item can be booked: its department's shifts in the next 30 days that still have places. */
  async bookableDays(user: SessionUser, itemId: number, now = new Date()): Promise<BookableDay[]> {
    const item = await this.visibleItem(user, itemId);
    if (item.active !== 1) return [];
    const today = stationDate(now);
    const shifts = await this.repo.shiftsBetween(item.station_id, item.unit_id, today, addDays(today, BOOKING_WINDOW_DAYS));
    return shifts
      .filter((s) => s.booked < s.capacity)
      .map((s) => ({
        date: s.date,
        shiftId: s.id,
        startTime: s.start_time,
        endTime: s.end_time,
        capacity: s.capacity,
        left: s.capacity - s.booked,
      }));
  }

  // ---- booking and walk-ins

  private async applicantOf(user: SessionUser, db: Db) {
    if (user.role === "merchant" && user.merchantId !== null) {
      const m = await this.repo.findMerchant(user.merchantId, db);
      if (m) return { name: `${m.operator_name}（${m.name}）`, mobile: m.mobile_enc, merchantId: m.id, residentId: null };
    }
    if (user.residentId !== null) {
      const r = await this.repo.findResident(user.residentId, db);
      if (r) return { name: r.name, mobile: r.mobile_enc, merchantId: null, residentId: r.id };
    }
    const u = await this.repo.findUserMobile(user.id, db);
    return { name: u?.display_name ?? user.displayName, mobile: u?.mobile_enc ?? null, merchantId: null, residentId: null };
  }

  private checkItemFor(item: ItemRow, kind: ApplicantKind) {
    if (item.active !== 1) throw fail("service.item_inactive", [{ field: "itemId" }]);
    if (!audienceAllows(item.audience as ServiceAudience, kind)) throw fail("service.wrong_audience", [{ field: "itemId" }]);
  }

  async book(user: SessionUser, input: z.output<typeof bookingCreateSchema>, actor: Actor, now = new Date()) {
    const today = stationDate(now);
    const id = await this.db.transaction().execute(async (trx) => {
      const item = await this.repo.findItem(input.itemId, trx);
      if (!item || !reachesStation(user, item.station_id)) throw new AppError("record.not_found", [{ field: "itemId" }]);
      this.checkItemFor(item, this.applicantKind(user));
      const refusal = bookingDateRefusal(input.date, today);
      if (refusal) throw fail(refusal, [{ field: "date" }]);
      const shift = await this.repo.lockShift(trx, item.station_id, item.unit_id, input.date);
      if (!shift) throw fail("service.no_duty", [{ field: "date" }]);
      if (await this.repo.liveRequestOf(trx, user.id, item.id, input.date)) throw fail("service.already_booked", [{ field: "date" }]);
      // The place is taken by a conditional update: a full shift takes no more, however many book at once.
      if (!(await this.repo.takePlace(trx, shift.id))) throw fail("service.shift_full", [{ field: "date" }]);
      const applicant = await this.applicantOf(user, trx);
      const at = now.toISOString();
      const requestId = await this.repo.insertRequest(trx, {
        station_id: item.station_id,
        item_id: item.id,
        channel: "booking",
        applicant_user_id: user.id,
        merchant_id: applicant.merchantId,
        resident_id: applicant.residentId,
        applicant_name: applicant.name,
        applicant_mobile: applicant.mobile,
        date: input.date,
        shift_id: shift.id,
        queue_no: null,
        status: "booked",
        note: input.note,
        handled_by_user_id: null,
        forwarded_at: null,
        due_date: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.repo.insertEvent(trx, {
        request_id: requestId,
        kind: "booked",
        note: `${input.date} ${shift.start_time}–${shift.end_time}`,
        actor_user_id: user.id,
        actor_name: user.displayName,
        at,
      });
      await appendAudit(trx, actor, {
        action: "service_request.booked",
        objectType: "service_request",
        objectId: requestId,
        stationId: item.station_id,
        after: { itemId: item.id, date: input.date, shiftId: shift.id },
      });
      return requestId;
    });
    return this.detail(id, now);
  }

  async walkIn(user: SessionUser, input: z.output<typeof walkInCreateSchema>, actor: Actor, now = new Date()) {
    const today = stationDate(now);
    const outbox = this.notifier.outbox();
    const id = await withQueueRetry(() =>
      this.db.transaction().execute(async (trx) => {
        const item = await this.repo.findItem(input.itemId, trx);
        if (!item || !reachesStation(user, item.station_id) || !this.runsCounter(user)) {
          throw new AppError("record.not_found", [{ field: "itemId" }]);
        }
        let applicant: { name: string; mobile: string | null; merchantId: number | null; residentId: number | null; kind: ApplicantKind };
        if (input.merchantId) {
          const m = await this.repo.findMerchant(input.merchantId, trx);
          if (!m || m.station_id !== item.station_id) throw fail("service.applicant_invalid", [{ field: "merchantId" }]);
          applicant = {
            name: `${m.operator_name}（${m.name}）`,
            mobile: m.mobile_enc,
            merchantId: m.id,
            residentId: null,
            kind: "merchant",
          };
        } else if (input.residentId) {
          const r = await this.repo.findResident(input.residentId, trx);
          if (!r || r.station_id !== item.station_id) throw fail("service.applicant_invalid", [{ field: "residentId" }]);
          applicant = { name: r.name, mobile: r.mobile_enc, merchantId: null, residentId: r.id, kind: "resident" };
        } else {
          const mobile = input.mobile ?? null;
          applicant = {
            name: input.name ?? "",
            mobile: mobile ? this.vault.encrypt(mobile) : null,
            merchantId: null,
            residentId: null,
            kind: "other",
          };
        }
        this.checkItemFor(item, applicant.kind);
        const shift = await this.repo.findShift(item.station_id, item.unit_id, today, trx);
        const queueNo = nextQueueNo(await this.repo.maxQueueNo(trx, item.station_id, today));
        const account = await this.repo.accountOf(trx, applicant);
        const at = now.toISOString();
        const requestId = await this.repo.insertRequest(trx, {
          station_id: item.station_id,
          item_id: item.id,
          channel: "walk_in",
          applicant_user_id: account,
          merchant_id: applicant.merchantId,
          resident_id: applicant.residentId,
          applicant_name: applicant.name,
          applicant_mobile: applicant.mobile,
          date: today,
          shift_id: shift?.id ?? null,
          queue_no: queueNo,
          status: "waiting",
          note: input.note,
          handled_by_user_id: null,
          forwarded_at: null,
          due_date: null,
          completed_at: null,
          created_at: at,
          updated_at: at,
        });
        await this.repo.insertEvent(trx, {
          request_id: requestId,
          kind: "walked_in",
          note: null,
          actor_user_id: user.id,
          actor_name: user.displayName,
          at,
        });
        await appendAudit(trx, actor, {
          action: "service_request.walked_in",
          objectType: "service_request",
          objectId: requestId,
          stationId: item.station_id,
          after: { itemId: item.id, date: today, queueNo, merchantId: applicant.merchantId, residentId: applicant.residentId },
        });
        if (account !== null) {
          await outbox.add(trx, {
            userId: account,
            kind: "service.checked_in",
            title: "已取号",
            body: `您在服务站办理的「${item.name}」已取号：第 ${queueNo} 号，请留意窗口叫号。`,
            link: `/m/services/requests/${requestId}`,
          });
        }
        return requestId;
      }),
    );
    await outbox.deliver();
    return this.detail(id, now);
  }

  // ---- moving a request on

  /** Staff at the counter (and a department for what was forwarded to it) move a request on. */
  async act(user: SessionUser, id: number, input: RequestActionInput, actor: Actor, now = new Date()) {
    return this.transition(user, id, input, actor, now, "staff");
  }

  /** The applicant withdraws their booking. */
  async applicantCancel(user: SessionUser, id: number, input: z.output<typeof applicantCancelSchema>, actor: Actor, now = new Date()) {
    return this.transition(user, id, { action: "cancel", reason: input.reason, version: input.version }, actor, now, "applicant");
  }

  private async transition(user: SessionUser, id: number, input: RequestActionInput, actor: Actor, now: Date, as: "staff" | "applicant") {
    const today = stationDate(now);
    const outbox = this.notifier.outbox();
    const run = () =>
      this.db.transaction().execute(async (trx) => {
        const row = await this.repo.findRequest(id, trx);
        if (!row) throw notFound();
        const visible =
          as === "applicant" ? row.applicant_user_id === user.id && reachesStation(user, row.station_id) : this.sees(user, row);
        if (!visible) throw notFound();
        const step = nextRequestStatus(input.action, { status: row.status as RequestStatus, date: row.date, today });
        if (!step.ok) throw fail(step.refusal);
        if (row.version !== input.version) throw conflict();
        const at = now.toISOString();
        const values: Parameters<CounterRepository["updateRequest"]>[3] = { status: step.status, updated_at: at };
        let note: string | null = null;
        switch (input.action) {
          case "check_in":
            values.queue_no = nextQueueNo(await this.repo.maxQueueNo(trx, row.station_id, row.date));
            break;
          case "start":
            values.handled_by_user_id = user.id;
            break;
          case "forward":
            values.handled_by_user_id = user.id;
            values.forwarded_at = at;
            values.due_date = dueDateOf(row.date, row.time_limit_days);
            note = input.note;
            break;
          case "complete":
            values.handled_by_user_id = user.id;
            values.completed_at = at;
            note = input.note;
            break;
          case "cancel":
            note = input.reason;
            // A cancelled booking gives its place on the shift back.
            if (row.channel === "booking" && row.shift_id !== null) await this.repo.releasePlace(trx, row.shift_id);
            break;
        }
        if (!(await this.repo.updateRequest(trx, id, { version: row.version, status: row.status }, values))) throw conflict();
        await this.repo.insertEvent(trx, {
          request_id: id,
          kind: eventKind[input.action],
          note,
          actor_user_id: user.id,
          actor_name: user.displayName,
          at,
        });
        await appendAudit(trx, actor, {
          action: `service_request.${eventKind[input.action]}`,
          objectType: "service_request",
          objectId: id,
          stationId: row.station_id,
          before: { status: row.status },
          after: { status: step.status, queueNo: values.queue_no, dueDate: values.due_date, note },
        });
        await this.notifyStep(trx, outbox, row, input.action, {
          queueNo: values.queue_no ?? null,
          dueDate: values.due_date ?? null,
          note,
          as,
        });
      });
    await (input.action === "check_in" ? withQueueRetry(run) : run());
    await outbox.deliver();
    return this.detail(id, now);
  }

  private async notifyStep(
    trx: Db,
    outbox: Outbox,
    row: RequestRow,
    action: RequestAction,
    o: { queueNo: number | null; dueDate: string | null; note: string | null; as: "staff" | "applicant" },
  ) {
    const link = `/m/services/requests/${row.id}`;
    const to = row.applicant_user_id;
    if (action === "forward") {
      await outbox.addMany(trx, await usersOfUnit(trx, row.unit_id), {
        kind: "service.forwarded_to_unit",
        title: "服务站转办事项",
        body: `服务站转来「${row.item_name}」（申请人 ${row.applicant_name}），请于 ${o.dueDate} 前办结。`,
        link: `/services/requests/${row.id}`,
      });
    }
    if (to === null || (action === "cancel" && o.as === "applicant")) return;
    const text: Partial<Record<RequestAction, { title: string; body: string }>> = {
      check_in: { title: "已取号", body: `「${row.item_name}」已签到取号：第 ${o.queueNo} 号，请留意窗口叫号。` },
      forward: {
        title: "办件已转办",
        body: `「${row.item_name}」已转交${row.unit_name}办理，承诺 ${o.dueDate} 前办结。`,
      },
      complete: { title: "办件已办结", body: `「${row.item_name}」已办结，欢迎为本次服务评价（五心评价）。` },
      cancel: { title: "预约已取消", body: `「${row.item_name}」（${row.date}）已由服务站取消：${o.note ?? ""}` },
    };
    const t = text[action];
    if (t) await outbox.add(trx, { userId: to, kind: `service.${eventKind[action]}`, title: t.title, body: t.body, link });
  }

  /** Calls the lowest number waiting today to the window. */
  async callNext(user: SessionUser, input: z.output<typeof callNextSchema>, actor: Actor, now = new Date()) {
    const stationId = this.stationFor(user, input.stationId);
    const today = stationDate(now);
    if (!this.runsCounter(user)) throw fail("service.queue_empty");
    for (let attempt = 0; attempt < 20; attempt++) {
      const next = await this.repo.nextWaiting(this.db, stationId, today);
      if (!next) throw fail("service.queue_empty");
      try {
        return await this.act(user, next.id, { action: "start", version: next.version }, actor, now);
      } catch (error) {
        // Another window called the same number first: take the next one.
        if (error instanceof AppError && (error.id === "record.conflict" || error.id === "service.transition")) continue;
        throw error;
      }
    }
    throw conflict();
  }

  async rate(user: SessionUser, id: number, input: z.output<typeof ratingCreateSchema>, actor: Actor, now = new Date()) {
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await this.repo.findRequest(id, trx);
        if (!row || row.applicant_user_id !== user.id || !reachesStation(user, row.station_id)) throw notFound();
        if (row.status !== "done") throw fail("service.not_rateable");
        if (row.rated_at !== null) throw fail("service.already_rated");
        const at = now.toISOString();
        // The rating's primary key is the request: a second one, however close behind, is refused by the database.
        await this.repo.insertRating(trx, { request_id: id, ...input, created_at: at });
        await this.repo.insertEvent(trx, {
          request_id: id,
          kind: "rated",
          note: null,
          actor_user_id: user.id,
          actor_name: user.displayName,
          at,
        });
        await appendAudit(trx, actor, {
          action: "service_request.rated",
          objectType: "service_request",
          objectId: id,
          stationId: row.station_id,
          after: { ...input },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("service.already_rated");
      throw error;
    }
    return this.detail(id, now);
  }

  // ---- reading

  private async detail(id: number, now: Date, db: Db = this.db): Promise<ServiceRequestDetail> {
    const row = await this.repo.findRequest(id, db);
    if (!row) throw notFound();
    return this.presentDetail(row, now, db);
  }

  private async presentDetail(row: RequestRow, now: Date, db: Db = this.db): Promise<ServiceRequestDetail> {
    const events = await this.repo.events(row.id, db);
    return {
      ...presentRequest(row, this.vault, stationDate(now)),
      materials: parseMaterials(row.materials),
      feeFen: row.fee_fen,
      timeline: events.map(presentEvent),
    };
  }

  async getRequest(user: SessionUser, id: number, now = new Date()) {
    const row = await this.repo.findRequest(id);
    if (!row || !this.sees(user, row)) throw notFound();
    return this.presentDetail(row, now);
  }

  private filterOf(user: SessionUser, query: Partial<RequestQuery>, today: string): RequestFilter {
    const reach = this.reach(user);
    return {
      ...reach,
      stationIds: query.stationId !== undefined ? stationFilter(user, query.stationId) : reach.stationIds,
      status: query.status,
      itemId: query.itemId,
      unitId: query.unitId,
      channel: query.channel,
      from: query.from,
      to: query.to,
      overdueOn: query.overdue === "true" ? today : undefined,
      q: query.q,
    };
  }

  async listRequests(user: SessionUser, query: RequestQuery, now = new Date()) {
    const today = stationDate(now);
    const { rows, total } = await this.repo.listRequests(this.filterOf(user, query, today), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map((r) => presentRequest(r, this.vault, today)), total, page: query.page, pageSize: query.pageSize };
  }

  async myRequests(user: SessionUser, query: RequestQuery, now = new Date()) {
    const today = stationDate(now);
    const { rows, total } = await this.repo.listRequests(
      { stationIds: user.stationIds, applicantUserId: user.id, status: query.status },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map((r) => presentRequest(r, this.vault, today)), total, page: query.page, pageSize: query.pageSize };
  }

  async *exportRows(user: SessionUser, query: Partial<RequestQuery>, now = new Date()) {
    const today = stationDate(now);
    for await (const rows of this.repo.iterateRequests(this.filterOf(user, query, today))) {
      yield rows.map((row) => {
        const r = presentRequest(row, this.vault, today);
        const hearts = r.rating
          ? (r.rating.easy + r.rating.satisfying + r.rating.warm + r.rating.considerate + r.rating.pleasant) / 5
          : null;
        return {
          date: r.date,
          queueNo: r.queueNo ?? "",
          item: `${r.itemCode} ${r.itemName}`,
          unit: r.unitName,
          channel: r.channel === "booking" ? "预约" : "现场",
          applicant: r.applicantName,
          mobile: r.applicantMobile ?? "",
          status: statusLabel[r.status],
          dueDate: r.dueDate ?? "",
          overdue: r.overdue ? "是" : "",
          completedAt: r.completedAt ? stationDate(r.completedAt) : "",
          hearts: hearts === null ? "" : hearts.toFixed(1),
          comment: r.rating?.comment ?? "",
        };
      });
    }
  }

  async counterDay(user: SessionUser, query: z.output<typeof counterDayQuery>, now = new Date()): Promise<CounterDay> {
    const stationId = this.stationFor(user, query.stationId);
    const today = stationDate(now);
    const rows = await this.repo.listAll({ ...this.reach(user), stationIds: [stationId], date: today });
    const present = (statuses: RequestStatus[]) =>
      rows.filter((r) => statuses.includes(r.status as RequestStatus)).map((r) => presentRequest(r, this.vault, today));
    const onDuty = await this.repo.shiftsOn(stationId, today);
    return {
      date: today,
      stationId,
      expected: present(["booked"]),
      queue: present(["waiting"]),
      handling: present(["handling"]),
      finished: present(["done", "forwarded", "cancelled"]).sort((a, b) => (a.queueNo ?? 0) - (b.queueNo ?? 0)),
      onDuty: onDuty.map((s) => ({ unitId: s.unit_id, unitName: s.unit_name, startTime: s.start_time, endTime: s.end_time })),
    };
  }

  async figures(user: SessionUser, query: z.output<typeof counterFiguresQuery>, now = new Date()): Promise<CounterFigures> {
    const today = stationDate(now);
    const to = query.to ?? today;
    const from = query.from ?? `${addDays(`${to.slice(0, 7)}-01`, -335).slice(0, 7)}-01`;
    const filter: RequestFilter = { ...this.filterOf(user, { stationId: query.stationId }, today), from, to };
    const [months, forwarded, byUnit] = await Promise.all([
      this.repo.monthly(filter),
      this.repo.forwardedOf(filter),
      this.repo.heartsByUnit(filter),
    ]);
    const finished = forwarded.filter((r) => r.status === "done" && r.completed_at !== null);
    const avg = (sum: number | string | null, n: number) => (n === 0 || sum === null ? null : Math.round((Number(sum) / n) * 100) / 100);
    const totals = { ratings: 0, easy: 0, satisfying: 0, warm: 0, considerate: 0, pleasant: 0 };
    const heartsByUnit = byUnit.map((u) => {
      const n = Number(u.ratings);
      totals.ratings += n;
      for (const k of ["easy", "satisfying", "warm", "considerate", "pleasant"] as const) totals[k] += Number(u[k]);
      return {
        unitId: u.unit_id,
        unitName: u.unit_name,
        ratings: n,
        easy: avg(u.easy, n),
        satisfying: avg(u.satisfying, n),
        warm: avg(u.warm, n),
        considerate: avg(u.considerate, n),
        pleasant: avg(u.pleasant, n),
      };
    });
    return {
      from,
      to,
      byMonth: months.map((m) => ({
        month: m.month,
        requests: Number(m.requests),
        done: Number(m.done),
        bookings: Number(m.bookings),
        walkIns: Number(m.walk_ins),
      })),
      forwarded: {
        total: forwarded.length,
        finished: finished.length,
        onTime: finished.filter((r) => r.due_date !== null && stationDate(r.completed_at as string) <= r.due_date).length,
        overdueOpen: forwarded.filter((r) => r.status === "forwarded" && r.due_date !== null && r.due_date < today).length,
      },
      hearts: {
        ratings: totals.ratings,
        easy: avg(totals.easy, totals.ratings),
        satisfying: avg(totals.satisfying, totals.ratings),
        warm: avg(totals.warm, totals.ratings),
        considerate: avg(totals.considerate, totals.ratings),
        pleasant: avg(totals.pleasant, totals.ratings),
      },
      heartsByUnit,
    };
  }

  // ---- the missed-bookings job

  /** Bookings whose day is over without a check-in are marked missed (their place stays counted on the shift). */
  async markMissed(now: Date = new Date()) {
    const today = stationDate(now);
    let marked = 0;
    for (;;) {
      const stale = await this.repo.staleBookings(today);
      if (stale.length === 0) break;
      let moved = 0;
      for (const s of stale) {
        await this.db.transaction().execute(async (trx) => {
          const at = now.toISOString();
          const ok = await this.repo.updateRequest(
            trx,
            s.id,
            { version: s.version, status: "booked" },
            { status: "missed", updated_at: at },
          );
          if (!ok) return; // checked in or cancelled meanwhile
          moved++;
          await this.repo.insertEvent(trx, { request_id: s.id, kind: "missed", note: null, actor_user_id: null, actor_name: null, at });
          await appendAudit(trx, systemActor, {
            action: "service_request.missed",
            objectType: "service_request",
            objectId: s.id,
            stationId: s.station_id,
            before: { status: "booked" },
            after: { status: "missed", date: s.date },
          });
        });
      }
      marked += moved;
      if (moved === 0 || stale.length < 500) break;
    }
    return { marked };
  }

  jobs(): Job[] {
    return [{ name: "counter.missed_bookings", everyMs: 60 * 60_000, run: (now) => this.markMissed(now) }];
  }
}

const statusLabel: Record<RequestStatus, string> = {
  booked: "已预约",
  waiting: "等候中",
  handling: "办理中",
  forwarded: "已转办",
  done: "已办结",
  cancelled: "已取消",
  missed: "未到场",
};

export const exportColumns = [
  { key: "date", header: "日期" },
  { key: "queueNo", header: "排队号" },
  { key: "item", header: "服务事项" },
  { key: "unit", header: "责任部门" },
  { key: "channel", header: "渠道" },
  { key: "applicant", header: "申请人" },
  { key: "mobile", header: "联系电话" },
  { key: "status", header: "状态" },
  { key: "dueDate", header: "转办期限" },
  { key: "overdue", header: "超期" },
  { key: "completedAt", header: "办结日期" },
  { key: "hearts", header: "五心评价均分" },
  { key: "comment", header: "评价留言" },
] as const;
