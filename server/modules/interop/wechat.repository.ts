// WeChat's queries: the shared access token, the accounts' bindings, and the template messages' queue.
import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Db } from "./interop.repository.ts";
import type { WechatMessageTable } from "./interop.tables.ts";

export class WechatRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  binding(db: Db, userId: number) {
    return db.selectFrom("wechat_bindings").selectAll().where("user_id", "=", userId).executeTakeFirst();
  }

  async bind(db: Db, userId: number, openid: string, at: string) {
    // One account per openid: binding it here unbinds it from any other account.
    await db
      .deleteFrom("wechat_bindings")
      .where((eb) => eb.or([eb("openid", "=", openid), eb("user_id", "=", userId)]))
      .execute();
    await db.insertInto("wechat_bindings").values({ user_id: userId, openid, consented_at: at }).execute();
  }

  async unbind(db: Db, userId: number) {
    await db.deleteFrom("wechat_bindings").where("user_id", "=", userId).execute();
    await db
      .updateTable("wechat_messages")
      .set({ status: "failed", last_error: "unbound" })
      .where("user_id", "=", userId)
      .where("status", "=", "pending")
      .execute();
  }

  async insertMessage(db: Db, values: Insertable<WechatMessageTable>) {
    await db.insertInto("wechat_messages").values(values).execute();
  }

  token(appId: string) {
    return this.db.selectFrom("wechat_tokens").selectAll().where("app_id", "=", appId).executeTakeFirst();
  }

  async saveToken(appId: string, values: { token_enc: string; expires_at: string; fetched_at: string }) {
    await this.db
      .insertInto("wechat_tokens")
      .values({ app_id: appId, ...values })
      .onConflict((oc) => oc.column("app_id").doUpdateSet(values))
      .execute();
  }

  due(now: string, limit: number) {
    return this.db
      .selectFrom("wechat_messages as m")
      .innerJoin("wechat_bindings as b", "b.user_id", "m.user_id")
      .select(["m.id", "m.template", "m.data", "m.link", "m.attempts", "b.openid"])
      .where("m.status", "=", "pending")
      .where("m.next_attempt_at", "<=", now)
      .orderBy("m.id")
      .limit(limit)
      .execute();
  }

  /** Conditional on the attempts read, so a second runner's result for the same row loses. */
  async mark(id: number, attempts: number, values: Updateable<WechatMessageTable>) {
    await this.db
      .updateTable("wechat_messages")
      .set({ ...values, attempts: attempts + 1 })
      .where("id", "=", id)
      .where("attempts", "=", attempts)
      .where("status", "=", "pending")
      .execute();
  }
}
