// Calendar feeds over HTTP: my feed's secret address (shown, renewed, revoked) and the feed itself (public: the
// address is the secret; text/calendar).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

const feedSchema = z.object({ path: z.string().nullable(), createdAt: z.string().nullable(), lastReadAt: z.string().nullable() });

export async function calendarRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const calendar = services.interop.calendar;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["calendar"];
  r.get(
    "/api/me/calendar-feed",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "My calendar feed's secret address (null: none)", response: { 200: feedSchema } },
    },
    async (request) => calendar.mine(requireUser(request)),
  );
  r.post(
    "/api/me/calendar-feed",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "A new secret address for my calendar feed (the old one stops working)", response: { 200: feedSchema } },
    },
    async (request) => calendar.renew(requireUser(request), actorOf(request)),
  );
  r.delete(
    "/api/me/calendar-feed",
    { config: { access: "authenticated" }, schema: { tags, summary: "Revoke my calendar feed", response: { 200: feedSchema } } },
    async (request) => calendar.revoke(requireUser(request), actorOf(request)),
  );
  r.get(
    "/api/public/calendar/:feed",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "A calendar feed (RFC 5545): duty shifts, Red Shield sessions, meetings and volunteer activities",
        params: z.object({ feed: z.string().max(80) }),
      },
    },
    async (request, reply) => {
      const token = request.params.feed.replace(/\.ics$/, "");
      const text = await calendar.feed(token);
      return reply.type("text/calendar; charset=utf-8").header("cache-control", "private, max-age=300").send(text);
    },
  );
}
