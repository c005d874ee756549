// The SMS copies' queries: the queue, the per-recipient and per-day counts, the stations' kinds and the opt-outs.
import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Db } from "./interop.repository.ts";
import type { SmsMessageTable } from "./interop.tables.ts";

export class SmsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  recipient(db: Db, userId: number) {
    return db.selectFrom("users").select(["id", "org_unit_id", "mobile_enc"]).where("id", "=", userId).executeTakeFirst();
  }

  async enabled(db: Db, orgUnitId: number, kind: string): Promise<boolean> {
    const row = await db
      .selectFrom("sms_kind_settings")
      .select("enabled")
      .where("org_unit_id", "=", orgUnitId)
      .where("kind", "=", kind)
      .executeTakeFirst();
    return row?.enabled === 1;
  }

  settings(orgUnitId: number) {
    return this.db.selectFrom("sms_kind_settings").selectAll().where("org_unit_id", "=", orgUnitId).execute();
  }

  async setSetting(db: Db, orgUnitId: number, kind: string, enabled: boolean, at: string) {
    await db
      .insertInto("sms_kind_settings")
      .values({ org_unit_id: orgUnitId, kind, enabled: enabled ? 1 : 0, updated_at: at })
      .onConflict((oc) => oc.columns(["org_unit_id", "kind"]).doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: at }))
      .execute();
  }

  async optedOut(db: Db, userId: number): Promise<boolean> {
    return (await db.selectFrom("sms_opt_outs").select("user_id").where("user_id", "=", userId).executeTakeFirst()) !== undefined;
  }

  async setOptOut(db: Db, userId: number, optOut: boolean, at: string) {
    if (optOut)
      await db
        .insertInto("sms_opt_outs")
        .values({ user_id: userId, at })
        .onConflict((oc) => oc.column("user_id").doNothing())
        .execute();
    else await db.deleteFrom("sms_opt_outs").where("user_id", "=", userId).execute();
  }

  /** Copies counted against the limits of a day: queued or sent, not skipped. */
  async countOfDay(db: Db, day: string, userId?: number): Promise<number> {
    let q = db
      .selectFrom("sms_messages")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("day", "=", day)
      .where("status", "!=", "skipped");
    if (userId !== undefined) q = q.where("user_id", "=", userId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async insert(db: Db, values: Insertable<SmsMessageTable>) {
    await db.insertInto("sms_messages").values(values).execute();
  }

  due(now: string, limit: number) {
    return this.db
      .selectFrom("sms_messages")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("id")
      .limit(limit)
      .execute();
  }

  /** Conditional on the attempts read, so a second runner's result for the same row loses. */
  async mark(id: number, attempts: number, values: Updateable<SmsMessageTable>): Promise<boolean> {
    const r = await this.db
      .updateTable("sms_messages")
      .set({ ...values, attempts: attempts + 1 })
      .where("id", "=", id)
      .where("attempts", "=", attempts)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async receipt(provider: string, messageId: string, delivered: boolean, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable("sms_messages")
      .set({ status: delivered ? "delivered" : "undelivered", receipt_at: at })
      .where("provider", "=", provider)
      .where("provider_message_id", "=", messageId)
      .where("status", "in", ["sent", "delivered", "undelivered"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  list(userIds: number[] | null, limit: number) {
    let q = this.db
      .selectFrom("sms_messages")
      .select([
        "id",
        "user_id",
        "kind",
        "template",
        "status",
        "skip_reason",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "receipt_at",
      ])
      .orderBy("id", "desc")
      .limit(limit);
    if (userIds !== null) q = userIds.length ? q.where("user_id", "in", userIds) : q.where(sql<boolean>`1 = 0`);
    return q.execute();
  }
}
