// The signed-in user's in-app notifications: list, unread count, mark read. Writing them is platform/notify.ts.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { notificationListQuery } from "../../../contracts/notifications.ts";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentNotification } from "./notifications.presenter.ts";
import { NotificationsRepository } from "./notifications.repository.ts";

type ListQuery = z.output<typeof notificationListQuery>;

export class NotificationsService {
  readonly repo: NotificationsRepository;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock) {
    this.repo = new NotificationsRepository(db);
    this.clock = clock;
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list(user.id, query.unread === "true", {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(rows.map(presentNotification), { total, totalCapped }, query);
  }

  async unreadCount(user: SessionUser) {
    return { unread: await this.repo.count(user.id, true) };
  }

  /** Another user's notification answers 404, as if it did not exist. */
  async markRead(user: SessionUser, id: number) {
    if (!(await this.repo.markRead(user.id, id, this.clock.now().toISOString()))) throw notFound();
    return { ok: true as const };
  }

  async markAllRead(user: SessionUser) {
    await this.repo.markAllRead(user.id, this.clock.now().toISOString());
    return { ok: true as const };
  }
}
