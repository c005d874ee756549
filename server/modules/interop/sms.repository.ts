// The SMS copies' queries: the queue, the per-recipient and per-day counts, the stations' kinds, the opt-outs and
// a station's messages as the console lists them.
import type { Insertable, Kysely, Updateable } from "kysely";
import { pagedList } from "../../db/paging.ts";
import type { DB } from "../../db/tables.ts";
import type { Db } from "./interop.repository.ts";
import type { SmsMessageTable } from "./interop.tables.ts";

export interface SmsMessageFilter {
  stationId: number;
  status?: SmsMessageTable["status"];
  kind?: string;
  /** ISO instants: created at or after `fromIso`, before `toIso`. */
  fromIso?: string;
  toIso?: string;
  limit: number;
  offset: number;
}

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

  /** One page of a station's messages, newest first: the ids from the messages alone, their rows with the recipient's name. */
  list(f: SmsMessageFilter) {
    let q = this.db.selectFrom("sms_messages as m").where("m.org_unit_id", "=", f.stationId);
    if (f.status) q = q.where("m.status", "=", f.status);
    if (f.kind) q = q.where("m.kind", "=", f.kind);
    if (f.fromIso) q = q.where("m.created_at", ">=", f.fromIso);
    if (f.toIso) q = q.where("m.created_at", "<", f.toIso);
    return pagedList({
      db: this.db,
      filtered: q,
      id: "m.id",
      order: [["m.id", "desc"]],
      rows: (ids) =>
        this.db
          .selectFrom("sms_messages as m")
          .innerJoin("users as u", "u.id", "m.user_id")
          .select([
            "m.id",
            "m.kind",
            "m.status",
            "m.skip_reason",
            "m.provider",
            "m.attempts",
            "m.last_error",
            "m.phone_enc",
            "m.created_at",
            "m.sent_at",
            "m.receipt_at",
            "u.display_name as recipient_name",
          ])
          .where("m.id", "in", ids)
          .execute(),
      page: { limit: f.limit, offset: f.offset },
    });
  }
}
