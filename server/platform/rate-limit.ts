// Rate limits (@fastify/rate-limit) counted in the database, so every app node shares them: sign-in per address
// and per account, the public pages, uploads. A limit that is reached answers 429 `request.rate_limited` with
// Retry-After. Addresses in RATE_LIMIT_ALLOW (the load benchmarks' loopback) are never limited.
import rateLimit, { type FastifyRateLimitStore, type RateLimitOptions } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { type Kysely, sql } from "kysely";
import type { Config } from "../config.ts";
import type { DB } from "../db/tables.ts";
import type { Clock } from "./clock.ts";
import { AppError } from "./errors.ts";
import type { Job } from "./jobs.ts";

/** The limits routes take (`config: { rateLimit: limits.public }`, or `app.rateLimit(limits.loginPerAccount)`). */
export const limits = {
  /** Sign-in attempts from one address: an office behind one router still signs in freely. */
  loginPerAddress: { max: 30, timeWindow: 60_000, groupId: "login-address" },
  /** Sign-in attempts for one account, whatever the address (the lock-out counts failures; this counts tries). */
  loginPerAccount: {
    max: 10,
    timeWindow: 60_000,
    groupId: "login-account",
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as { username?: unknown } | undefined;
      return `account:${typeof body?.username === "string" ? body.username.trim().toLowerCase().slice(0, 64) : ""}`;
    },
  },
  /** Pages anyone may open without signing in (boards, honour rolls, record checks). */
  public: { max: 120, timeWindow: 60_000 },
  /** Uploads by one account. */
  upload: {
    max: 30,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `user:${request.user?.id ?? request.ip}`,
  },
} satisfies Record<string, RateLimitOptions>;

/** A hit on `key` at `now`: the window's hits so far and when it ends, in one statement (both databases). */
export async function hit(db: Kysely<DB>, key: string, now: number, windowMs: number): Promise<{ hits: number; resetAt: number }> {
  const resetAt = now + windowMs;
  const row = await db
    .insertInto("rate_limits")
    .values({ key, hits: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
      }),
    )
    .returning(["hits", "reset_at"])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

/** Forgets the hits on `key` (a count that a success clears: a printed card's PIN tries). */
export async function clearHits(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** The plugin's store over the database; each route's limits are kept under the route's own prefix. */
function databaseStore(db: Kysely<DB>, clock: Clock) {
  // The plugin hands the store its merged options, which carry the route as `routeInfo` (its types say less).
  type Merged = { routeInfo?: { method?: string | string[]; url?: string } };
  return class DatabaseStore implements FastifyRateLimitStore {
    readonly prefix: string;
    constructor(options: object = {}) {
      const route = (options as Merged).routeInfo;
      this.prefix = route?.url ? `${String(route.method)} ${route.url}|` : "";
    }
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      const now = clock.now().getTime();
      hit(db, this.prefix + key, now, timeWindow).then(
        (r) => callback(null, { current: r.hits, ttl: Math.max(0, r.resetAt - now) }),
        (error: Error) => callback(error),
      );
    }
    child(routeOptions: object) {
      return new DatabaseStore(routeOptions);
    }
  };
}

export async function registerRateLimits(app: FastifyInstance, db: Kysely<DB>, clock: Clock, config: Config): Promise<void> {
  const allowed = new Set(
    config.RATE_LIMIT_ALLOW.split(",")
      .map((a) => a.trim())
      .filter(Boolean),
  );
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(db, clock),
    // Counted before the handler but after the body is parsed, so a per-account key can read the username.
    hook: "preHandler",
    allowList: (request) => allowed.has(request.ip),
    // A store that cannot be reached must not lock everybody out.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError("request.rate_limited", undefined, { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

/**
 * A second limit on a route that already has one in its `config.rateLimit` (sign-in: per address there, per
 * account here). The plugin's own `app.rateLimit(…)` hook runs once per request whichever limit asks, so it would
 * skip this one; `createRateLimit` counts without that flag, and the refusal is the same 429 with Retry-After.
 */
export function extraLimit(app: FastifyInstance, options: RateLimitOptions): preHandlerAsyncHookHandler {
  const check = app.createRateLimit(options);
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    reply.header("retry-after", seconds);
    throw new AppError("request.rate_limited", undefined, { seconds });
  };
}

/** Expired counters are removed every hour. */
export function rateLimitJobs(db: Kysely<DB>): Job[] {
  return [
    {
      name: "rate_limits.purge",
      everyMs: 3_600_000,
      run: async (now) => {
        const r = await db.deleteFrom("rate_limits").where("reset_at", "<=", now.getTime()).executeTakeFirst();
        return `purged ${Number(r.numDeletedRows)}`;
      },
    },
  ];
}
