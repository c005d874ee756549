// Idempotency-Key on every POST by a signed-in account (creating or spending something, or taking a
// workflow step). The first request with a key claims it by inserting a row (the primary key makes the claim exact on both
// databases, across nodes); a repeat gets the first answer again; a repeat while the first still runs gets
// 409 request.in_progress. Failed requests (4xx/5xx) release the key so a corrected retry can use it.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/database.ts";
import type { DB } from "../db/tables.ts";
import type { Clock } from "./clock.ts";
import { localeOf, sendError } from "./errors.ts";
import type { Job } from "./jobs.ts";

declare module "fastify" {
  interface FastifyRequest {
    idempotencyClaim: { userId: number; key: string } | null;
  }
}

export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEEP_MS = 24 * 3_600_000;

export function registerIdempotency(app: FastifyInstance, db: Kysely<DB>, clock: Clock) {
  app.decorateRequest("idempotencyClaim", null);

  // Runs after the access gate (registered later), so only signed-in, permitted callers claim keys.
  app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "POST" || !request.user) return;
    const raw = request.headers[IDEMPOTENCY_HEADER];
    const key = typeof raw === "string" ? raw.trim().slice(0, 200) : "";
    if (!key) return;
    const route = `${request.method} ${request.routeOptions.url}`;
    const userId = request.user.id;
    const now = clock.now();
    const since = new Date(now.getTime() - KEEP_MS).toISOString();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await db
          .insertInto("idempotency_keys")
          .values({ user_id: userId, key, route, status_code: 0, body: null, created_at: now.toISOString() })
          .execute();
        request.idempotencyClaim = { userId, key };
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const first = await db
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("user_id", "=", userId)
        .where("key", "=", key)
        .executeTakeFirst();
      if (!first) continue; // released meanwhile: claim it
      if (first.created_at < since) {
        // Expired: forget it and claim the key for this request.
        await db
          .deleteFrom("idempotency_keys")
          .where("user_id", "=", userId)
          .where("key", "=", key)
          .where("created_at", "<", since)
          .execute();
        continue;
      }
      if (first.route !== route) return sendError(reply, "request.idempotency_mismatch", localeOf(request));
      if (first.status_code === 0) return sendError(reply, "request.in_progress", localeOf(request));
      return reply
        .code(first.status_code)
        .header("idempotent-replayed", "true")
        .type("application/json")
        .send(first.body ?? "");
    }
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    const where = db.updateTable("idempotency_keys").where("user_id", "=", claim.userId).where("key", "=", claim.key);
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      await where.set({ status_code: reply.statusCode, body: typeof payload === "string" ? payload : null }).execute();
    } else {
      await db.deleteFrom("idempotency_keys").where("user_id", "=", claim.userId).where("key", "=", claim.key).execute();
    }
    request.idempotencyClaim = null;
    return payload;
  });
}

/** Forgets keys older than a day. */
export function idempotencyJobs(db: Kysely<DB>): Job[] {
  return [
    {
      name: "idempotency.purge",
      everyMs: 3_600_000,
      run: async (now) => {
        const r = await db
          .deleteFrom("idempotency_keys")
          .where("created_at", "<", new Date(now.getTime() - KEEP_MS).toISOString())
          .executeTakeFirst();
        return `purged ${Number(r.numDeletedRows)}`;
      },
    },
  ];
}
