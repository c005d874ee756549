// A notification row as the signed-in user's list shows it.
import type { Notification } from "../../../contracts/notifications.ts";
import type { NotificationRow } from "./notifications.repository.ts";

export function presentNotification(r: NotificationRow): Notification {
  return { id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, readAt: r.read_at, createdAt: r.created_at };
}
