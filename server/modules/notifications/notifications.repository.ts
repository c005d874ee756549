import type { Kysely } from "kysely";
import { pagedList } from "../../db/paging.ts";
import type { DB } from "../../db/tables.ts";

export class NotificationsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filtered(userId: number, unread: boolean) {
    let q = this.db.selectFrom("notifications").where("user_id", "=", userId);
    if (unread) q = q.where("read_at", "is", null);
    return q;
  }

  /** One page (newest first): its ids, its rows, a capped count (server/db/paging.ts). */
  async list(userId: number, unread: boolean, page: { limit: number; offset: number }) {
    return pagedList({
      db: this.db,
      filtered: this.filtered(userId, unread),
      id: "id",
      order: [["id", "desc"]],
      rows: (ids) =>
        this.db
          .selectFrom("notifications")
          .select(["id", "kind", "title", "body", "link", "read_at", "created_at"])
          .where("id", "in", ids)
          .execute(),
      page,
    });
  }

  async count(userId: number, unread: boolean): Promise<number> {
    const r = await this.filtered(userId, unread)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async markRead(userId: number, id: number, at: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("notifications")
      .select(["id", "read_at"])
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!row) return false;
    if (row.read_at === null)
      await this.db.updateTable("notifications").set({ read_at: at }).where("id", "=", id).where("read_at", "is", null).execute();
    return true;
  }

  async markAllRead(userId: number, at: string): Promise<number> {
    const r = await this.db
      .updateTable("notifications")
      .set({ read_at: at })
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}

export type NotificationRow = Awaited<ReturnType<NotificationsRepository["list"]>>["rows"][number];
