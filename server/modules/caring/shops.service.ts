// Caring shops (爱心店铺): a merchant applies (or staff apply for them), the station inspects, certifies with a
// discount rate and plaque date, reviews yearly, suspends, reinstates or revokes. Only certified shops redeem.
import { type Kysely, sql, type Transaction } from "kysely";
import type { z } from "zod";
import type { CaringShop, shopActionSchema, shopApplySchema, shopListQuery } from "../../../contracts/caring.ts";
import { isUniqueViolation } from "../../db/database.ts";
import { pageRows } from "../../db/paging.ts";
import { prepared } from "../../db/prepared.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import { assertStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { addDays, chinaToday } from "./rounds.workflow.ts";
import { nextShopStatus, type ShopStatus } from "./shops.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type ApplyInput = z.output<typeof shopApplySchema>;
type ActionInput = z.output<typeof shopActionSchema>;
type ListQuery = z.output<typeof shopListQuery>;

const columns = [
  "s.id",
  "s.station_id",
  "s.merchant_id",
  "m.name as merchant_name",
  "s.category",
  "s.status",
  "s.discount_rate_permille",
  "s.plaque_date",
  "s.certified_at",
  "s.review_due",
  "s.version",
] as const;

/** The merchant's caring shop (every redemption asks), compiled once (server/db/prepared.ts). */
const shopOfMerchant = prepared((db, v: { merchantId: number }) =>
  db
    .selectFrom("caring_shops as s")
    .innerJoin("merchants as m", "m.id", "s.merchant_id")
    .select(columns)
    .where("s.merchant_id", "=", v.merchantId),
);

export type ShopRow = NonNullable<Awaited<ReturnType<CaringShopsService["findRow"]>>>;

export class CaringShopsService {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  findRow(id: number, db: Db = this.db) {
    return db
      .selectFrom("caring_shops as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(columns)
      .where("s.id", "=", id)
      .executeTakeFirst();
  }

  private async present(row: ShopRow, db: Db = this.db): Promise<CaringShop> {
    const events = await db
      .selectFrom("shop_events")
      .select(["action", "note", "actor_name", "at"])
      .where("shop_id", "=", row.id)
      .orderBy("id")
      .execute();
    return {
      id: row.id,
      stationId: row.station_id,
      merchantId: row.merchant_id,
      merchantName: row.merchant_name,
      category: row.category as CaringShop["category"],
      status: row.status as ShopStatus,
      discountRatePermille: row.discount_rate_permille,
      plaqueDate: row.plaque_date,
      certifiedAt: row.certified_at,
      reviewDue: row.review_due,
      events: events.map((e) => ({ action: e.action, note: e.note, actorName: e.actor_name, at: e.at })),
      version: row.version,
    };
  }

  async list(user: SessionUser, query: ListQuery) {
    const stations = stationFilter(user, query.stationId);
    let q = this.db.selectFrom("caring_shops as s").innerJoin("merchants as m", "m.id", "s.merchant_id");
    if (stations !== null) q = stations.length ? q.where("s.station_id", "in", stations) : q.where(sql<boolean>`1 = 0`);
    if (query.status) q = q.where("s.status", "=", query.status);
    if (query.category) q = q.where("s.category", "=", query.category);
    const { rows, total } = await pageRows(
      q.select(columns).orderBy("s.id", query.order),
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      async () => 0,
    );
    const items: CaringShop[] = [];
    for (const r of rows) items.push(await this.present(r));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: SessionUser, id: number): Promise<CaringShop> {
    const row = await this.findRow(id);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return this.present(row);
  }

  /** The signed-in merchant's own caring shop. */
  async own(user: SessionUser): Promise<CaringShop> {
    const row = user.merchantId ? await this.rowOfMerchant(user.merchantId) : undefined;
    if (!row) throw notFound();
    return this.present(row);
  }

  async rowOfMerchant(merchantId: number, db: Db = this.db) {
    return (await shopOfMerchant(db, { merchantId })).rows[0];
  }

  /** The certified caring shop the signed-in merchant operates; anything else may not redeem. */
  async certifiedShopOf(user: SessionUser, db: Db = this.db): Promise<ShopRow> {
    const row = user.merchantId ? await this.rowOfMerchant(user.merchantId, db) : undefined;
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
    const merchant = await this.db.selectFrom("merchants").select(["id", "station_id"]).where("id", "=", merchantId).executeTakeFirst();
    if (!merchant) throw notFound();
    if (!user.merchantId) assertStation(user, merchant.station_id);
    const now = new Date().toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom("caring_shops")
          .select(["id", "status"])
          .where("merchant_id", "=", merchantId)
          .executeTakeFirst();
        let shopId: number;
        if (existing) {
          // A rejected application may be made again; any other shop already exists.
          if (existing.status !== "rejected") throw fail("shop.already_applied");
          await trx
            .updateTable("caring_shops")
            .set((eb) => ({ status: "applied", category: input.category, updated_at: now, version: eb("version", "+", 1) }))
            .where("id", "=", existing.id)
            .execute();
          shopId = existing.id;
        } else {
          const row = await trx
            .insertInto("caring_shops")
            .values({
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
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          shopId = row.id;
        }
        await trx
          .insertInto("shop_events")
          .values({
            shop_id: shopId,
            action: "apply",
            from_status: existing?.status ?? null,
            to_status: "applied",
            note: input.note,
            actor_user_id: actor.userId,
            actor_name: actor.name,
            at: now,
          })
          .execute();
        await appendAudit(trx, actor, {
          action: "caring_shop.applied",
          objectType: "caring_shop",
          objectId: shopId,
          stationId: merchant.station_id,
          after: { merchantId, category: input.category },
        });
        return shopId;
      });
      const row = await this.findRow(id);
      if (!row) throw notFound();
      return this.present(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("shop.already_applied");
      throw error;
    }
  }

  async act(user: SessionUser, id: number, input: ActionInput, actor: Actor): Promise<CaringShop> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.findRow(id, trx);
      if (!row) throw notFound();
      assertStation(user, row.station_id);
      const passed = input.action === "inspect" || input.action === "review" ? input.passed : undefined;
      const step = nextShopStatus(row.status as ShopStatus, input.action, passed);
      if (!step.ok) throw fail(step.refusal);
      const now = new Date().toISOString();
      const today = chinaToday();
      const values: Record<string, unknown> = { status: step.status, updated_at: now };
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
      const r = await trx
        .updateTable("caring_shops")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict();
      await trx
        .insertInto("shop_events")
        .values({
          shop_id: id,
          action: input.action === "review" ? (input.passed ? "review_passed" : "review_failed") : input.action,
          from_status: row.status,
          to_status: step.status,
          note,
          actor_user_id: actor.userId,
          actor_name: actor.name,
          at: now,
        })
        .execute();
      await appendAudit(trx, actor, {
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
    let q = this.db
      .selectFrom("caring_shops as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["s.id", "s.station_id", "m.name", "s.category", "s.discount_rate_permille"])
      .where("s.status", "=", "certified");
    if (stationId !== undefined) q = q.where("s.station_id", "=", stationId);
    const rows = await q.orderBy("m.name").execute();
    return rows.map((r) => ({
      id: r.id,
      stationId: r.station_id,
      name: r.name,
      merchantName: r.name,
      category: r.category as CaringShop["category"],
      discountRatePermille: r.discount_rate_permille ?? 0,
    }));
  }
}
