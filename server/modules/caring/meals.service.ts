// Caring meals (爱心餐): elderly residents living alone get a free meal on their planned weekdays from one of the
// station's caring restaurants. The restaurant (or a volunteer) confirms each day's delivery once; a meal still
// unconfirmed at 13:00 station time is marked missed and the station's staff are told the same day.
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { addDays, stationDate, stationHour, weekdayOf } from "../../../contracts/calendar.ts";
import type { deliveryConfirmSchema, mealRecipientCreateSchema } from "../../../contracts/caring.ts";
import { dateSchema, MAX_ID } from "../../../contracts/common.ts";
import { weekdayWords } from "../../../contracts/notices.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail, invalidField, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { type Notifier, staffOfStation } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { ageOn, ELDERLY_AGE, formatWeekdays, plannedOn, presentDayItem, presentRecipient } from "./meals.presenter.ts";
import { MealsRepository, type RecipientRow } from "./meals.repository.ts";

export const mealRecipientUpdateSchema = z
  .object({
    active: z.boolean().optional(),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    providerShopId: z.number().int().positive().optional(),
    /** Absent: kept; null or empty: cleared. */
    note: z.string().trim().max(500, { message: "v.too_long" }).nullable().optional(),
  })
  .strict();

export const recipientListQuery = z.object({
  stationId: z.coerce.number().int().positive().optional(),
  providerShopId: z.coerce.number().int().positive().optional(),
  active: z.enum(["true", "false"]).optional(),
});

export const deliveryDayQuery = z.object({ date: dateSchema.optional(), stationId: z.coerce.number().int().positive().optional() });

export const flagMissedSchema = z
  .object({
    date: dateSchema.optional(),
    /** One of the caller's stations; all of them when left out. */
    stationId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  })
  .strict();

/** Meals not confirmed by this hour (station time) are flagged missed. */
export const MISSED_CUTOFF_HOUR = 13;

type Db = Kysely<DB> | Transaction<DB>;
type CreateInput = z.output<typeof mealRecipientCreateSchema>;
type UpdateInput = z.output<typeof mealRecipientUpdateSchema>;
type ConfirmInput = z.output<typeof deliveryConfirmSchema>;

export class MealsService {
  readonly repo: MealsRepository;
  private readonly db: Kysely<DB>;
  private readonly notifier: Notifier;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.repo = new MealsRepository(db);
    this.notifier = notifier;
    this.clock = clock;
  }

  /** The plan's recipients (staff). */
  async recipients(user: SessionUser, query: z.output<typeof recipientListQuery>) {
    const rows = await this.repo.listRecipients({
      stationIds: stationFilter(user, query.stationId),
      providerShopId: query.providerShopId,
      active: query.active === undefined ? undefined : query.active === "true",
    });
    return rows.map(presentRecipient);
  }

  /** The provider must be a certified caring restaurant of the recipient's station. */
  private async assertProvider(db: Db, shopId: number, stationId: number) {
    const shop = await this.repo.findShop(shopId, db);
    if (!shop || shop.station_id !== stationId || shop.category !== "restaurant" || shop.status !== "certified") {
      throw fail("meal.not_caring_restaurant", [{ field: "providerShopId" }]);
    }
  }

  async createRecipient(user: SessionUser, input: CreateInput, actor: Actor) {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const resident = await this.repo.findResident(input.residentId, trx);
      if (!resident || !reachesStation(user, resident.station_id)) {
        throw fail("meal.not_elderly_alone", [{ field: "residentId" }]);
      }
      const elderly = resident.birth_date !== null && ageOn(resident.birth_date, stationDate(now)) >= ELDERLY_AGE;
      if (resident.lives_alone !== 1 || !elderly) throw fail("meal.not_elderly_alone", [{ field: "residentId" }]);
      await this.assertProvider(trx, input.providerShopId, resident.station_id);
      const at = now.toISOString();
      const id = await this.repo.insertRecipient(trx, {
        station_id: resident.station_id,
        resident_id: resident.id,
        provider_shop_id: input.providerShopId,
        weekdays: formatWeekdays(input.weekdays),
        active: 1,
        note: input.note ?? null,
        created_at: at,
        updated_at: at,
      });
      if (id === null) throw fail("meal.recipient_exists", [{ field: "residentId" }]);
      const row = await this.repo.findRecipient(id, trx);
      if (!row) throw notFound();
      const after = presentRecipient(row);
      await appendAudit(trx, actor, {
        at: now,
        action: "meal_recipient.created",
        objectType: "meal_recipient",
        objectId: id,
        stationId: row.station_id,
        after: { residentId: after.residentId, providerShopId: after.providerShopId, weekdays: after.weekdays },
      });
      return after;
    });
  }

  async updateRecipient(user: SessionUser, id: number, input: UpdateInput, actor: Actor) {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.findRecipient(id, trx);
      if (!before || !reachesStation(user, before.station_id)) throw notFound();
      const values: Parameters<MealsRepository["updateRecipient"]>[2] = { updated_at: now.toISOString() };
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      if (input.weekdays !== undefined) values.weekdays = formatWeekdays(input.weekdays);
      if (input.note !== undefined) values.note = input.note || null;
      if (input.providerShopId !== undefined && input.providerShopId !== before.provider_shop_id) {
        await this.assertProvider(trx, input.providerShopId, before.station_id);
        values.provider_shop_id = input.providerShopId;
      }
      await this.repo.updateRecipient(trx, id, values);
      const after = await this.repo.findRecipient(id, trx);
      if (!after) throw notFound();
      const view = (r: RecipientRow) => {
        const p = presentRecipient(r);
        return { providerShopId: p.providerShopId, weekdays: p.weekdays, active: p.active };
      };
      await appendAudit(trx, actor, {
        at: now,
        action: "meal_recipient.updated",
        objectType: "meal_recipient",
        objectId: id,
        stationId: after.station_id,
        before: view(before),
        after: view(after),
      });
      return presentRecipient(after);
    });
  }

  /** Whose deliveries the caller sees: staff their stations', a restaurant its recipients, a volunteer the station's. */
  private async reach(user: SessionUser, stationId?: number): Promise<{ stationIds: number[] | null; shopId?: number } | null> {
    if (can(user.role, "caring.read")) return { stationIds: stationFilter(user, stationId) };
    if (!can(user.role, "meal.deliver")) return null;
    if (user.role === "merchant") {
      if (user.merchantId === null) return null;
      const shop = await this.repo.shopOfMerchant(user.merchantId);
      if (shop?.category !== "restaurant") return null;
      return { stationIds: [shop.station_id], shopId: shop.id };
    }
    return { stationIds: user.stationIds };
  }

  /** One day's planned meals (today by default) with their status, as far as the caller reaches. */
  async day(user: SessionUser, query: z.output<typeof deliveryDayQuery>) {
    const date = query.date ?? stationDate(this.clock.now());
    const reach = await this.reach(user, query.stationId);
    if (!reach) return { date, items: [] };
    const recipients = await this.repo.listRecipients({ stationIds: reach.stationIds, providerShopId: reach.shopId });
    const rows = await this.repo.deliveriesOn(
      recipients.map((r) => r.id),
      date,
    );
    const byRecipient = new Map(rows.map((d) => [d.recipient_id, d]));
    const items = recipients
      .filter((r) => byRecipient.has(r.id) || plannedOn(r, date))
      .map((r) => presentDayItem(r, byRecipient.get(r.id)));
    return { date, items };
  }

  /** Today's planned meals not yet confirmed as delivered (nor as missed) at the caller's stations. */
  async undeliveredToday(user: SessionUser, stationId: number | undefined): Promise<number> {
    const { items } = await this.day(user, { stationId });
    return items.filter((i) => i.status === "pending").length;
  }

  /** Confirms a day's meal once (staff may correct it). */
  async confirm(user: SessionUser, input: ConfirmInput, actor: Actor) {
    const now = this.clock.now();
    const recipient = await this.repo.findRecipient(input.recipientId);
    if (!recipient) throw notFound();
    const staff = can(user.role, "caring.manage") && reachesStation(user, recipient.station_id);
    if (!staff) {
      if (!can(user.role, "meal.deliver")) throw notFound();
      if (user.role === "merchant") {
        const shop = user.merchantId === null ? undefined : await this.repo.shopOfMerchant(user.merchantId);
        if (shop?.category !== "restaurant" || shop.station_id !== recipient.station_id) throw notFound();
        if (shop.id !== recipient.provider_shop_id) throw fail("meal.not_your_delivery", [{ field: "recipientId" }]);
      } else if (!reachesStation(user, recipient.station_id)) {
        throw notFound();
      }
    }
    if (input.date > stationDate(now)) throw invalidField("date", "v.invalid_value");
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const existing = await this.repo.findDelivery(recipient.id, input.date, trx);
      if (!existing && !plannedOn(recipient, input.date)) throw fail("meal.not_planned", [{ field: "date" }]);
      const values = {
        status: input.status,
        note: input.note ?? null,
        confirmed_by_user_id: user.id,
        confirmed_by_name: user.displayName,
        at,
      };
      let id = existing?.id ?? null;
      if (id === null) {
        id = await this.repo.insertDelivery(trx, {
          recipient_id: recipient.id,
          provider_shop_id: recipient.provider_shop_id,
          date: input.date,
          ...values,
        });
      }
      if (id === null || existing) {
        // Once per recipient and day: staff may correct it, everybody else is told it is done.
        if (!staff) throw fail("meal.already_confirmed");
        const row = existing ?? (await this.repo.findDelivery(recipient.id, input.date, trx));
        if (!row) throw notFound();
        id = row.id;
        await this.repo.updateDelivery(trx, id, values);
      }
      await appendAudit(trx, actor, {
        at: now,
        action: existing ? "meal_delivery.corrected" : "meal_delivery.confirmed",
        objectType: "meal_delivery",
        objectId: id,
        stationId: recipient.station_id,
        before: existing ? { status: existing.status } : undefined,
        after: { recipientId: recipient.id, date: input.date, status: input.status },
      });
      return presentDayItem(recipient, { status: input.status, confirmed_by_name: user.displayName, at });
    });
  }

  /**
   * The meals delivered and confirmed by the given accounts (or by anybody) at some stations between two dates, for
   * the volunteer service, which counts its volunteers' deliveries as service. No personal data: who received the
   * meal stays here.
   */
  async deliveriesConfirmedBy(filter: { stationIds: number[] | null; userIds?: number[]; from: string; to: string }) {
    const rows = await this.repo.deliveriesConfirmedBy(filter);
    return rows.map((d) => ({
      id: d.id,
      stationId: d.station_id,
      date: d.date,
      at: d.at,
      status: d.status,
      userId: d.confirmed_by_user_id as number,
    }));
  }

  /** Staff flag a day's unconfirmed meals now (today's from 13:00). */
  async flagMissed(opts: { date?: string; stationIds?: number[] | null; actor?: Actor }) {
    return this.sweepMissed(this.clock.now(), opts);
  }

  /**
   * Marks a day's planned meals still unconfirmed as missed and tells the station's staff, once per recipient
   * (the row it writes is the day's only one). Today is swept only from 13:00 station time.
   */
  private async sweepMissed(now: Date, opts: { date?: string; stationIds?: number[] | null; actor?: Actor }) {
    const today = stationDate(now);
    const date = opts.date ?? today;
    if (date > today || (date === today && stationHour(now) < MISSED_CUTOFF_HOUR)) return { date, marked: 0, notified: 0 };
    const recipients = (await this.repo.activeRecipients(opts.stationIds ?? null)).filter((r) => plannedOn({ ...r, active: 1 }, date));
    const done = new Set(
      (
        await this.repo.deliveriesOn(
          recipients.map((r) => r.id),
          date,
        )
      ).map((d) => d.recipient_id),
    );
    let marked = 0;
    let notified = 0;
    const staffByStation = new Map<number, number[]>();
    for (const r of recipients) {
      if (done.has(r.id)) continue;
      const outbox = this.notifier.outbox();
      await this.db.transaction().execute(async (trx) => {
        const id = await this.repo.insertDelivery(trx, {
          recipient_id: r.id,
          provider_shop_id: r.provider_shop_id,
          date,
          status: "missed",
          note: `${MISSED_CUTOFF_HOUR}:00 前未确认送达`,
          confirmed_by_user_id: null,
          confirmed_by_name: null,
          at: now.toISOString(),
        });
        if (id === null) return; // confirmed meanwhile
        marked++;
        let staff = staffByStation.get(r.station_id);
        if (!staff) {
          staff = await staffOfStation(trx, r.station_id);
          staffByStation.set(r.station_id, staff);
        }
        await outbox.addMany(trx, staff, {
          kind: "meal.missed",
          notice: "meal.missed",
          params: { name: r.name, date, weekday: weekdayWords(weekdayOf(date)), hour: MISSED_CUTOFF_HOUR },
          link: `/caring/meals?date=${date}`,
        });
        await appendAudit(trx, opts.actor ?? systemActor, {
          at: now,
          action: "meal_delivery.missed",
          objectType: "meal_delivery",
          objectId: id,
          stationId: r.station_id,
          after: { recipientId: r.id, date, status: "missed" },
        });
      });
      notified += outbox.size;
      await outbox.deliver();
    }
    return { date, marked, notified };
  }

  jobs(): Job[] {
    return [
      {
        name: "caring.meals_missed",
        everyMs: 30 * 60_000,
        // Today's from 13:00; yesterday's too, in case no node ran after 13:00 (then staff hear of it next morning).
        run: async (now) => {
          const caughtUp = await this.sweepMissed(now, { date: addDays(stationDate(now), -1) });
          return { ...(await this.sweepMissed(now, {})), caughtUp: caughtUp.marked };
        },
      },
    ];
  }
}
