import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, okSchema, pageOf } from "../../../contracts/common.ts";
import { notificationListQuery, notificationSchema, unreadCountSchema } from "../../../contracts/notifications.ts";
import { requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function notificationsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.notifications;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["notifications"];

  r.get(
    "/api/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My notifications, newest first",
        querystring: notificationListQuery,
        response: { 200: pageOf(notificationSchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query),
  );
  r.get(
    "/api/notifications/unread-count",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "How many of my notifications are unread", response: { 200: unreadCountSchema } },
    },
    async (request) => service.unreadCount(requireUser(request)),
  );
  r.post(
    "/api/notifications/read-all",
    { config: { access: "authenticated" }, schema: { tags, summary: "Mark all my notifications read", response: { 200: okSchema } } },
    async (request) => service.markAllRead(requireUser(request)),
  );
  r.post(
    "/api/notifications/:id/read",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Mark one of my notifications read", params: idParams, response: { 200: okSchema } },
    },
    async (request) => service.markRead(requireUser(request), request.params.id),
  );
}
