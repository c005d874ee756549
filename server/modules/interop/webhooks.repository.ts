// Webhooks' queries: subscriptions, deliveries, the sources' cursors, and (read only) the new rows of each source:
// problem_events, redemptions, action_items.
import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Db } from "./interop.repository.ts";
import type { WebhookDeliveryTable, WebhookSubscriptionTable } from "./interop.tables.ts";

export class WebhooksRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  subscriptions() {
    return this.db
      .selectFrom("webhook_subscriptions as s")
      .selectAll("s")
      .select([
        (eb) =>
          eb
            .selectFrom("webhook_deliveries as d")
            .select((e) => e.fn.countAll<string | number>().as("n"))
            .whereRef("d.subscription_id", "=", "s.id")
            .where("d.status", "=", "pending")
            .as("pending"),
        (eb) =>
          eb
            .selectFrom("webhook_deliveries as d")
            .select((e) => e.fn.countAll<string | number>().as("n"))
            .whereRef("d.subscription_id", "=", "s.id")
            .where("d.status", "=", "failed")
            .as("failed"),
      ])
      .orderBy("s.id", "desc")
      .execute();
  }

  async insertSubscription(db: Db, values: Insertable<WebhookSubscriptionTable>): Promise<number> {
    return (await db.insertInto("webhook_subscriptions").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async setActive(db: Db, id: number, active: boolean): Promise<boolean> {
    const r = await db
      .updateTable("webhook_subscriptions")
      .set({ active: active ? 1 : 0 })
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  secretOf(id: number) {
    return this.db.selectFrom("webhook_subscriptions").select(["secret_enc", "url"]).where("id", "=", id).executeTakeFirst();
  }

  deliveries(subscriptionId: number, limit: number) {
    return this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("subscription_id", "=", subscriptionId)
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
  }

  async cursor(source: string): Promise<number | null> {
    const row = await this.db.selectFrom("webhook_cursors").select("last_id").where("source", "=", source).executeTakeFirst();
    return row ? Number(row.last_id) : null;
  }

  async setCursor(source: string, lastId: number) {
    await this.db
      .insertInto("webhook_cursors")
      .values({ source, last_id: lastId })
      .onConflict((oc) => oc.column("source").doUpdateSet({ last_id: lastId }))
      .execute();
  }

  async maxId(source: "problem_events" | "redemptions" | "action_items"): Promise<number> {
    const row = await this.db
      .selectFrom(source)
      .select((eb) => eb.fn.max<number | null>("id").as("m"))
      .executeTakeFirstOrThrow();
    return Number(row.m ?? 0);
  }

  problemSteps(after: number, limit: number) {
    return this.db
      .selectFrom("problem_events as e")
      .innerJoin("problems as p", "p.id", "e.problem_id")
      .leftJoin("alliance_units as u", "u.id", "e.unit_id")
      .select([
        "e.id",
        "e.action",
        "e.from_status",
        "e.to_status",
        "e.at",
        "p.id as problem_id",
        "p.code",
        "p.station_id",
        "p.category_code",
        "u.name as unit_name",
      ])
      .where("e.id", ">", after)
      .orderBy("e.id")
      .limit(limit)
      .execute();
  }

  redemptions(after: number, limit: number) {
    return this.db
      .selectFrom("redemptions as r")
      .innerJoin("caring_shops as s", "s.id", "r.shop_id")
      .select(["r.id", "r.method", "r.amount_fen", "r.discount_fen", "r.pay_fen", "r.created_at", "s.station_id", "s.id as shop_id"])
      .where("r.id", ">", after)
      .orderBy("r.id")
      .limit(limit)
      .execute();
  }

  resolutions(after: number, limit: number) {
    return this.db
      .selectFrom("action_items as a")
      .innerJoin("meetings as m", "m.id", "a.meeting_id")
      .leftJoin("alliance_units as u", "u.id", "a.owner_unit_id")
      .select([
        "a.id",
        "a.text",
        "a.due_date",
        "a.created_at",
        "a.station_id",
        "m.id as meeting_id",
        "m.title as meeting_title",
        "u.name as unit_name",
      ])
      .where("a.id", ">", after)
      .orderBy("a.id")
      .limit(limit)
      .execute();
  }

  async queue(values: Insertable<WebhookDeliveryTable>[]) {
    if (values.length === 0) return;
    await this.db
      .insertInto("webhook_deliveries")
      .values(values)
      .onConflict((oc) => oc.columns(["subscription_id", "event", "source_id"]).doNothing())
      .execute();
  }

  due(now: string, limit: number) {
    return this.db
      .selectFrom("webhook_deliveries as d")
      .innerJoin("webhook_subscriptions as s", "s.id", "d.subscription_id")
      .select(["d.id", "d.event", "d.payload", "d.attempts", "s.url", "s.secret_enc"])
      .where("d.status", "=", "pending")
      .where("s.active", "=", 1)
      .where("d.next_attempt_at", "<=", now)
      .orderBy("d.id")
      .limit(limit)
      .execute();
  }

  async mark(id: number, attempts: number, values: Updateable<WebhookDeliveryTable>) {
    await this.db
      .updateTable("webhook_deliveries")
      .set({ ...values, attempts: attempts + 1 })
      .where("id", "=", id)
      .where("attempts", "=", attempts)
      .where("status", "=", "pending")
      .execute();
  }
}
