// How a request comes to the counter: an applicant books a day their item's department sits (a place on its
// shift, taken by a conditional update), or the staff take a walk-in, who gets the day's next queue number.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type { bookingCreateSchema, walkInCreateSchema } from "../../../contracts/counter.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { AppError, fail } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import type { ShiftPlaces } from "../duty/shift-places.service.ts";
import { applicantKind, runsCounter } from "./counter.access.ts";
import type { CounterRepository, ItemRow } from "./counter.repository.ts";
import { withQueueRetry } from "./queue-retry.ts";
import { type ApplicantKind, audienceAllows, bookingDateRefusal, nextQueueNo } from "./request.workflow.ts";
import type { CounterRequestsService } from "./requests.service.ts";

type Db = Kysely<DB> | Transaction<DB>;

interface Applicant {
  name: string;
  mobile: string | null;
  merchantId: number | null;
  residentId: number | null;
}

export class CounterBookingsService {
  private readonly db: Kysely<DB>;
  private readonly repo: CounterRepository;
  private readonly vault: Vault;
  private readonly notifier: Notifier;
  private readonly places: ShiftPlaces;
  private readonly requests: CounterRequestsService;
  private readonly clock: Clock;

  constructor(
    db: Kysely<DB>,
    repo: CounterRepository,
    deps: { vault: Vault; notifier: Notifier; places: ShiftPlaces; requests: CounterRequestsService; clock: Clock },
  ) {
    this.db = db;
    this.repo = repo;
    this.vault = deps.vault;
    this.notifier = deps.notifier;
    this.places = deps.places;
    this.requests = deps.requests;
    this.clock = deps.clock;
  }

  /** The applicant's name and mobile as their registry record has them (or their account's). */
  private async applicantOf(user: SessionUser, db: Db): Promise<Applicant> {
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
    if (!audienceAllows(item.audience, kind)) throw fail("service.wrong_audience", [{ field: "itemId" }]);
  }

  async book(user: SessionUser, input: z.output<typeof bookingCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const today = stationDate(now);
    const id = await this.db.transaction().execute(async (trx) => {
      const item = await this.repo.findItem(input.itemId, trx);
      if (!item || !reachesStation(user, item.station_id)) throw new AppError("record.not_found", [{ field: "itemId" }]);
      this.checkItemFor(item, applicantKind(user));
      const refusal = bookingDateRefusal(input.date, today);
      if (refusal) throw fail(refusal, [{ field: "date" }]);
      const shift = await this.places.lockFor(trx, item.station_id, item.unit_id, input.date);
      if (!shift) throw fail("service.no_duty", [{ field: "date" }]);
      if (await this.repo.liveRequestOf(trx, user.id, item.id, input.date)) throw fail("service.already_booked", [{ field: "date" }]);
      // The place is taken by a conditional update: a full shift takes no more, however many book at once.
      if (!(await this.places.take(trx, shift.id))) throw fail("service.shift_full", [{ field: "date" }]);
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
        note: `${input.date} ${shift.startTime}–${shift.endTime}`,
        actor_user_id: user.id,
        actor_name: user.displayName,
        at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "service_request.booked",
        objectType: "service_request",
        objectId: requestId,
        stationId: item.station_id,
        after: { itemId: item.id, date: input.date, shiftId: shift.id },
      });
      return requestId;
    });
    return this.requests.detail(id, now);
  }

  async walkIn(user: SessionUser, input: z.output<typeof walkInCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const today = stationDate(now);
    const outbox = this.notifier.outbox();
    const id = await withQueueRetry(() =>
      this.db.transaction().execute(async (trx) => {
        const item = await this.repo.findItem(input.itemId, trx);
        if (!item || !reachesStation(user, item.station_id) || !runsCounter(user)) {
          throw new AppError("record.not_found", [{ field: "itemId" }]);
        }
        let applicant: Applicant & { kind: ApplicantKind };
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
        const shift = await this.places.of(item.station_id, item.unit_id, today, trx);
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
          at: now,
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
            notice: "service.checked_in",
            params: { item: item.name, queueNo, station: await this.repo.stationName(trx, item.station_id) },
            link: `/m/services/requests/${requestId}`,
          });
        }
        return requestId;
      }),
    );
    await outbox.deliver();
    return this.requests.detail(id, now);
  }
}
