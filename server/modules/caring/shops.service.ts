// Caring shops (爱心店铺): a merchant applies (or staff apply for them), the station inspects, certifies with a
// discount rate and plaque date, reviews yearly, suspends, reinstates or revokes. Only certified shops redeem.
import type { Kysely, Updateable } from "kysely";
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type { CaringShop, shopActionSchema, shopApplySchema, shopListQuery } from "../../../contracts/caring.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { CaringShopTable, DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { presentPublicShop, presentShop } from "./caring.presenter.ts";
import { type ShopRow, ShopsRepository } from "./shops.repository.ts";
import { nextShopStatus } from "./shops.workflow.ts";

type ApplyInput = z.output<typeof shopApplySchema>;
type ActionInput = z.output<typeof shopActionSchema>;
type ListQuery = z.output<typeof shopListQuery>;

export type { ShopRow };

export class CaringShopsService {
  readonly repo: ShopsRepository;
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, clock: Clock) {
    this.db = db;
    this.repo = new ShopsRepository(db);
    this.clock = clock;
  }

  private async present(row: ShopRow): Promise<CaringShop> {
    return presentShop(row, await this.repo.events(row.id));
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list({
      stationIds: stationFilter(user, query.stationId),
      status: query.status,
      category: query.category,
      order: query.order,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const items: CaringShop[] = [];
    for (const r of rows) items.push(await this.present(r));
    return pageAnswer(items, { total, totalCapped }, query);
  }

  async get(user: SessionUser, id: number): Promise<CaringShop> {
    const row = await this.repo.findRow(id);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return this.present(row);
  }

  /** The signed-in merchant's own caring shop. */
  /** The merchant's own caring shop; null (not an error) when the merchant has none. */
  async own(user: SessionUser): Promise<CaringShop | null> {
    const row = user.merchantId ? await this.rowOfMerchant(user.merchantId) : undefined;
    return row ? this.present(row) : null;
  }

  rowOfMerchant(merchantId: number) {
    return this.repo.ofMerchant(merchantId);
  }

  /** The certified caring shop the signed-in merchant operates; anything else may not redeem. */
  async certifiedShopOf(user: SessionUser): Promise<ShopRow> {
    const row = user.merchantId ? await this.rowOfMerchant(user.merchantId) : undefined;
    if (row?.status !== "certified" || row.discount_rate_permille === null) throw fail("shop.not_certified");
    return row;
  }

  /** Staff apply on a merchant's behalf. */
  async applyFor(user: SessionUser, input: ApplyInput, actor: Actor) {
    if (!input.merchantId) throw invalidField("merchantId", "v.required");
    return this.apply(user, input.merchantId, input, actor);
  }

  /** A merchant applies for their own shop. */
  async applyOwn(user: SessionUser, input: ApplyInput, actor: Actor) {
    if (!user.merchantId) throw notFound();
    if (input.merchantId !== undefined && input.merchantId !== user.merchantId) throw notFound();
    return this.apply(user, user.merchantId, input, actor);
  }

  private async apply(user: SessionUser, merchantId: number, input: ApplyInput, actor: Actor): Promise<CaringShop> {
    const merchant = await this.repo.merchant(merchantId);
    if (!merchant) throw notFound();
    if (!user.merchantId) assertStation(user, merchant.station_id);
    const at = this.clock.now();
    const now = at.toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const existing = await this.repo.existingOfMerchant(merchantId, trx);
        let shopId: number;
        if (existing) {
          // A rejected application may be made again; any other shop already exists.
          if (existing.status !== "rejected") throw fail("shop.already_applied");
          await this.repo.reapply(trx, existing.id, input.category, now);
          shopId = existing.id;
        } else {
          shopId = await this.repo.insertShop(trx, {
            station_id: merchant.station_id,
            merchant_id: merchantId,
            category: input.category,
            status: "applied",
            discount_rate_permille: null,
            plaque_date: null,
            certified_at: null,
            review_due: null,
            created_at: now,
            updated_at: now,
          });
        }
        await this.repo.insertEvent(trx, {
          shop_id: shopId,
          action: "apply",
          from_status: existing?.status ?? null,
          to_status: "applied",
          note: input.note,
          actor_user_id: actor.userId,
          actor_name: actor.name,
          at: now,
        });
        await appendAudit(trx, actor, {
          at,
          action: "caring_shop.applied",
          objectType: "caring_shop",
          objectId: shopId,
          stationId: merchant.station_id,
          after: { merchantId, category: input.category },
        });
        return shopId;
      });
      const row = await this.repo.findRow(id);
      if (!row) throw notFound();
      return this.present(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("shop.already_applied");
      throw error;
    }
  }

  async act(user: SessionUser, id: number, input: ActionInput, actor: Actor): Promise<CaringShop> {
    const at = this.clock.now();
    const now = at.toISOString();
    const today = stationDate(at);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.repo.findRow(id, trx);
      if (!row) throw notFound();
      assertStation(user, row.station_id);
      const passed = input.action === "inspect" || input.action === "review" ? input.passed : undefined;
      const step = nextShopStatus(row.status, input.action, passed);
      if (!step.ok) throw fail(step.refusal);
      const values: Updateable<CaringShopTable> = { status: step.status, updated_at: now };
      let note: string | null = null;
      switch (input.action) {
        case "certify":
          values.discount_rate_permille = input.discountRatePermille;
          values.plaque_date = input.plaqueDate;
          values.certified_at = now;
          values.review_due = addDays(today, 365);
          note = `${input.discountRatePermille}‰ · ${input.plaqueDate}`;
          break;
        case "review":
          if (input.passed) values.review_due = addDays(today, 365);
          note = input.note;
          break;
        case "inspect":
          note = input.note;
          break;
        case "suspend":
        case "revoke":
          note = input.reason;
          break;
        case "reinstate":
          note = input.note;
          break;
      }
      if (!(await this.repo.updateVersioned(trx, id, input.version, values))) throw conflict();
      await this.repo.insertEvent(trx, {
        shop_id: id,
        action: input.action === "review" ? (input.passed ? "review_passed" : "review_failed") : input.action,
        from_status: row.status,
        to_status: step.status,
        note,
        actor_user_id: actor.userId,
        actor_name: actor.name,
        at: now,
      });
      await appendAudit(trx, actor, {
        at,
        action: `caring_shop.${input.action}`,
        objectType: "caring_shop",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: step.status, note },
      });
    });
    return this.get(user, id);
  }

  /** The public list on /m/: certified shops only, with name, category and rate. */
  async publicList(stationId: number | undefined) {
    return (await this.repo.certified(stationId)).map(presentPublicShop);
  }
}
