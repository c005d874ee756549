// The 12345 work orders' queries: orders (joined with their problem's code, title and status, read only), the
// category map, and the feedback queue the job sends from.
import type { Insertable, Kysely, Updateable } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";
import type { Db } from "./interop.repository.ts";
import type { HotlineFeedbackTable, HotlineOrderTable } from "./interop.tables.ts";

export interface HotlineFilter {
  stationIds: number[] | null;
  status?: string;
  q?: string;
}

export class HotlineRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  // --- the category map

  mapping(db: Db = this.db) {
    return db.selectFrom("hotline_category_map").selectAll().orderBy("hotline_category").execute();
  }

  mappingOf(db: Db, hotlineCategory: string) {
    return db.selectFrom("hotline_category_map").selectAll().where("hotline_category", "=", hotlineCategory).executeTakeFirst();
  }

  async upsertMapping(db: Db, hotlineCategory: string, categoryCode: string, at: string) {
    const updated = await db
      .updateTable("hotline_category_map")
      .set({ category_code: categoryCode, updated_at: at })
      .where("hotline_category", "=", hotlineCategory)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await db
        .insertInto("hotline_category_map")
        .values({ hotline_category: hotlineCategory, category_code: categoryCode, created_at: at, updated_at: at })
        .execute();
    }
  }

  /** Notes an order refused for an unmapped category, so staff find the category waiting in the map. */
  async noteUnmapped(db: Db, hotlineCategory: string, at: string) {
    await db
      .insertInto("hotline_category_map")
      .values({ hotline_category: hotlineCategory, category_code: null, unmapped_orders: 1, created_at: at, updated_at: at })
      .onConflict((oc) =>
        oc
          .column("hotline_category")
          .doUpdateSet((eb) => ({ unmapped_orders: eb("hotline_category_map.unmapped_orders", "+", 1), updated_at: at })),
      )
      .execute();
  }

  // --- orders

  orderByNumber(db: Db, orderNumber: string) {
    return this.orders(db).where("o.order_number", "=", orderNumber).executeTakeFirst();
  }

  orderById(db: Db, id: number) {
    return this.orders(db).where("o.id", "=", id).executeTakeFirst();
  }

  async insertOrder(db: Db, values: Insertable<HotlineOrderTable>): Promise<number> {
    return (await db.insertInto("hotline_orders").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async updateOrder(db: Db, id: number, version: number, values: Updateable<HotlineOrderTable>): Promise<boolean> {
    const r = await db
      .updateTable("hotline_orders")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private orders(db: Db) {
    return db
      .selectFrom("hotline_orders as o")
      .innerJoin("problems as p", "p.id", "o.problem_id")
      .innerJoin("org_units as s", "s.id", "o.station_id")
      .selectAll("o")
      .select([
        "p.code as problem_code",
        "p.title as problem_title",
        "p.status as problem_status",
        "p.resolution as problem_resolution",
        "p.version as problem_version",
        "s.name as station_name",
        (eb) =>
          eb
            .selectFrom("hotline_feedback as f")
            .select((e) => e.fn.countAll<string | number>().as("n"))
            .whereRef("f.order_id", "=", "o.id")
            .where("f.status", "=", "pending")
            .as("feedback_pending"),
        (eb) =>
          eb
            .selectFrom("hotline_feedback as f")
            .select((e) => e.fn.countAll<string | number>().as("n"))
            .whereRef("f.order_id", "=", "o.id")
            .where("f.status", "=", "failed")
            .as("feedback_failed"),
      ]);
  }

  private filtered(db: Db, f: HotlineFilter) {
    let q = db.selectFrom("hotline_orders as o").innerJoin("problems as p", "p.id", "o.problem_id");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "o.station_id"));
    if (f.status) q = q.where("o.status", "=", f.status as never);
    if (f.q) {
      const like = `%${f.q}%`;
      q = q.where((eb) => eb.or([eb("o.order_number", "like", like), eb("p.title", "like", like), eb("p.code", "like", like)]));
    }
    return q;
  }

  async list(db: Db, f: HotlineFilter, page: { limit: number; offset: number }) {
    const ids = await this.filtered(db, f)
      .select("o.id")
      .orderBy("o.dispatched_at", "desc")
      .orderBy("o.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = await this.filtered(db, f)
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = ids.length
      ? await this.orders(db)
          .where(
            "o.id",
            "in",
            ids.map((r) => r.id),
          )
          .orderBy("o.dispatched_at", "desc")
          .orderBy("o.id", "desc")
          .execute()
      : [];
    return { rows, total: Number(total.n) };
  }

  /** The orders dispatched in [from, to) of the stations, for the rates. */
  forFigures(db: Db, stationIds: number[] | null, from: string, to: string) {
    let q = db
      .selectFrom("hotline_orders")
      .select(["status", "signed_off_at", "sign_off_due_at", "satisfaction", "replied_at", "returned_at"])
      .where("dispatched_at", ">=", from)
      .where("dispatched_at", "<", to);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    return q.execute();
  }

  // --- feedback

  async queueFeedback(db: Db, values: Insertable<HotlineFeedbackTable>) {
    await db.insertInto("hotline_feedback").values(values).execute();
  }

  /** Pending feedback due now, oldest first, with its order's number. */
  dueFeedback(now: string, limit: number) {
    return this.db
      .selectFrom("hotline_feedback as f")
      .innerJoin("hotline_orders as o", "o.id", "f.order_id")
      .select(["f.id", "f.order_id", "f.kind", "f.payload", "f.attempts", "o.order_number"])
      .where("f.status", "=", "pending")
      .where("f.next_attempt_at", "<=", now)
      .orderBy("f.id")
      .limit(limit)
      .execute();
  }

  /** Whether an earlier step of the order is still waiting (feedback goes in order). */
  async earlierPending(orderId: number, id: number) {
    const row = await this.db
      .selectFrom("hotline_feedback")
      .select("id")
      .where("order_id", "=", orderId)
      .where("id", "<", id)
      .where("status", "!=", "sent")
      .executeTakeFirst();
    return row !== undefined;
  }

  async markFeedback(id: number, attempts: number, values: Updateable<HotlineFeedbackTable>) {
    // Conditional on the attempts read: a second runner's result for the same row loses.
    const r = await this.db
      .updateTable("hotline_feedback")
      .set({ ...values, attempts: attempts + 1 })
      .where("id", "=", id)
      .where("attempts", "=", attempts)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  feedbackOf(orderId: number) {
    return this.db.selectFrom("hotline_feedback").selectAll().where("order_id", "=", orderId).orderBy("id").execute();
  }
}

export type HotlineOrderRow = NonNullable<Awaited<ReturnType<HotlineRepository["orderById"]>>>;
