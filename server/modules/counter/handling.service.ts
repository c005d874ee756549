// Moving a request on at the counter: check-in (the day's next queue number), calling the next number, handling,
// forwarding to the item's department with its due date, finishing, cancelling (a booking gives its place back),
// the applicant's five-heart rating, and the hourly job that marks bookings missed once their day is over.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type {
  applicantCancelSchema,
  callNextSchema,
  RequestActionInput,
  RequestEventKind,
  ratingCreateSchema,
} from "../../../contracts/counter.ts";
import { type NoticeId, sentence } from "../../../contracts/notices.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, conflict, fail, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { type Notifier, type Outbox, usersOfUnit } from "../../platform/notify.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import type { ShiftPlaces } from "../duty/shift-places.service.ts";
import { runsCounter, sees, stationFor } from "./counter.access.ts";
import type { CounterRepository, RequestRow } from "./counter.repository.ts";
import { withQueueRetry } from "./queue-retry.ts";
import { dueDateOf, nextQueueNo, nextRequestStatus, type RequestAction } from "./request.workflow.ts";
import type { CounterRequestsService } from "./requests.service.ts";

type Db = Kysely<DB> | Transaction<DB>;

const eventKind: Record<RequestAction, RequestEventKind> = {
  check_in: "checked_in",
  start: "started",
  complete: "done",
  forward: "forwarded",
  cancel: "cancelled",
  miss: "missed",
};

export class CounterHandlingService {
  private readonly db: Kysely<DB>;
  private readonly repo: CounterRepository;
  private readonly notifier: Notifier;
  private readonly places: ShiftPlaces;
  private readonly requests: CounterRequestsService;
  private readonly clock: Clock;

  constructor(
    db: Kysely<DB>,
    repo: CounterRepository,
    deps: { notifier: Notifier; places: ShiftPlaces; requests: CounterRequestsService; clock: Clock },
  ) {
    this.db = db;
    this.repo = repo;
    this.notifier = deps.notifier;
    this.places = deps.places;
    this.requests = deps.requests;
    this.clock = deps.clock;
  }

  /** Staff at the counter (and a department for what was forwarded to it) move a request on. */
  async act(user: SessionUser, id: number, input: RequestActionInput, actor: Actor) {
    return this.transition(user, id, input, actor, this.clock.now(), "staff");
  }

  /** The applicant withdraws their booking. */
  async applicantCancel(user: SessionUser, id: number, input: z.output<typeof applicantCancelSchema>, actor: Actor) {
    return this.transition(
      user,
      id,
      { action: "cancel", reason: input.reason, version: input.version },
      actor,
      this.clock.now(),
      "applicant",
    );
  }

  private async transition(user: SessionUser, id: number, input: RequestActionInput, actor: Actor, now: Date, as: "staff" | "applicant") {
    const today = stationDate(now);
    const outbox = this.notifier.outbox();
    const run = () =>
      this.db.transaction().execute(async (trx) => {
        const row = await this.repo.findRequest(id, trx);
        if (!row) throw notFound();
        const visible = as === "applicant" ? row.applicant_user_id === user.id && reachesStation(user, row.station_id) : sees(user, row);
        if (!visible) throw notFound();
        const step = nextRequestStatus(input.action, { status: row.status, date: row.date, today });
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
            if (row.channel === "booking" && row.shift_id !== null) await this.places.release(trx, row.shift_id);
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
          at: now,
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
    return this.requests.detail(id, now);
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
    const params = {
      item: row.item_name,
      applicant: row.applicant_name,
      unit: row.unit_name,
      due: o.dueDate ?? "",
      date: row.date,
      queueNo: o.queueNo ?? "",
      reason: sentence(o.note),
      station: await this.repo.stationName(trx, row.station_id),
    };
    if (action === "forward") {
      await outbox.addMany(trx, await usersOfUnit(trx, row.unit_id), {
        kind: "service.forwarded_to_unit",
        notice: "service.forwarded_to_unit",
        params,
        link: `/services/requests/${row.id}`,
      });
    }
    if (to === null || (action === "cancel" && o.as === "applicant")) return;
    const notices: Partial<Record<RequestAction, NoticeId>> = {
      check_in: "service.checked_in",
      forward: "service.forwarded",
      complete: "service.completed",
      cancel: params.reason ? "service.cancelled" : "service.cancelled_no_reason",
    };
    const notice = notices[action];
    if (notice) await outbox.add(trx, { userId: to, kind: `service.${eventKind[action]}`, notice, params, link });
  }

  /** Calls the lowest number waiting today to the window. */
  async callNext(user: SessionUser, input: z.output<typeof callNextSchema>, actor: Actor) {
    const now = this.clock.now();
    const stationId = stationFor(user, input.stationId);
    const today = stationDate(now);
    if (!runsCounter(user)) throw fail("service.queue_empty");
    for (let attempt = 0; attempt < 20; attempt++) {
      const next = await this.repo.nextWaiting(this.db, stationId, today);
      if (!next) throw fail("service.queue_empty");
      try {
        return await this.transition(user, next.id, { action: "start", version: next.version }, actor, now, "staff");
      } catch (error) {
        // Another window called the same number first: take the next one.
        if (error instanceof AppError && (error.id === "record.conflict" || error.id === "service.transition")) continue;
        throw error;
      }
    }
    throw conflict();
  }

  async rate(user: SessionUser, id: number, input: z.output<typeof ratingCreateSchema>, actor: Actor) {
    const now = this.clock.now();
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
          at: now,
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
    return this.requests.detail(id, now);
  }

  /** Bookings whose day is over without a check-in are marked missed (their place stays counted on the shift). */
  async markMissed(now: Date) {
    const today = stationDate(now);
    const at = now.toISOString();
    let marked = 0;
    for (;;) {
      const stale = await this.repo.staleBookings(today);
      if (stale.length === 0) break;
      let moved = 0;
      for (const s of stale) {
        await this.db.transaction().execute(async (trx) => {
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
            at: now,
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
