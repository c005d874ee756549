// Sessions stored in the database (so several app nodes share them), the per-request session load,
// CSRF checks on state-changing requests, and the deny-by-default access gate every route passes.

import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { type Action, can, type Role } from "../../contracts/access.ts";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../../contracts/auth.ts";
import type { Config } from "../config.ts";
import type { DB } from "../db/tables.ts";
import type { Actor } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { localeOf, sendError } from "./errors.ts";
import { type SessionUser, stationsUnder } from "./scope.ts";

/** public: anyone; authenticated: any signed-in account; otherwise the action the role must hold. */
export type RouteAccess = "public" | "authenticated" | Action;

declare module "fastify" {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every API route with its declared access rule, for the route × role test and the docs. */
    accessRules: { method: string; url: string; access: RouteAccess }[];
  }
}

const SESSION_CACHE_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

export function actorOf(request: FastifyRequest): Actor {
  const u = request.user;
  return { userId: u?.id ?? null, name: u?.displayName ?? null, role: u?.role ?? null, ip: request.ip };
}

export class SessionStore {
  private readonly cache = new Map<string, { user: SessionUser; at: number; lastSeen: number }>();
  private readonly db: Kysely<DB>;
  private readonly config: Config;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, config: Config, clock: Clock) {
    this.db = db;
    this.config = config;
    this.clock = clock;
  }

  async create(userId: number, ip: string, userAgent: string | undefined) {
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const now = this.clock.now();
    const expires = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
    await this.db
      .insertInto("sessions")
      .values({
        id: tokenHash(token),
        user_id: userId,
        csrf_token: csrfToken,
        ip,
        user_agent: userAgent?.slice(0, 200) ?? null,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expires.toISOString(),
      })
      .execute();
    return { token, csrfToken };
  }

  async load(token: string): Promise<SessionUser | "expired" | null> {
    const id = tokenHash(token);
    const now = this.clock.now().getTime();
    const cached = this.cache.get(id);
    if (cached && now - cached.at < SESSION_CACHE_MS) {
      if (now - cached.lastSeen > this.config.SESSION_IDLE_MINUTES * 60_000) return this.expire(id);
      return cached.user;
    }
    const row = await this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .innerJoin("org_units as o", "o.id", "u.org_unit_id")
      .select([
        "s.csrf_token",
        "s.last_seen_at",
        "s.expires_at",
        "u.id",
        "u.username",
        "u.display_name",
        "u.role",
        "u.org_unit_id",
        "u.alliance_unit_id",
        "u.merchant_id",
        "u.resident_id",
        "u.locale",
        "u.status",
        "o.path",
      ])
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    const lastSeen = Date.parse(row.last_seen_at);
    if (row.status !== "active" || Date.parse(row.expires_at) < now) return this.expire(id);
    if (now - lastSeen > this.config.SESSION_IDLE_MINUTES * 60_000) return this.expire(id);
    if (now - lastSeen > TOUCH_EVERY_MS) {
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: new Date(now).toISOString() })
        .where("id", "=", id)
        .execute();
    }
    const role = row.role as Role;
    const user: SessionUser = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role,
      orgUnitId: row.org_unit_id,
      orgPath: row.path,
      allianceUnitId: row.alliance_unit_id,
      merchantId: row.merchant_id,
      residentId: row.resident_id,
      locale: row.locale === "en" ? "en" : "zh-CN",
      sessionId: id,
      csrfToken: row.csrf_token,
      stationIds: role === "platform_admin" ? null : await stationsUnder(this.db, row.path),
    };
    this.cache.set(id, { user, at: now, lastSeen: now - lastSeen > TOUCH_EVERY_MS ? now : lastSeen });
    return user;
  }

  private async expire(id: string): Promise<"expired"> {
    this.cache.delete(id);
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
    return "expired";
  }

  async destroy(sessionId: string) {
    this.cache.delete(sessionId);
    await this.db.deleteFrom("sessions").where("id", "=", sessionId).execute();
  }

  /** Ends every session of a user (password change, disabling); other nodes follow within the cache time. */
  async destroyAllFor(userId: number, exceptSessionId?: string) {
    for (const [key, value] of this.cache) if (value.user.id === userId && key !== exceptSessionId) this.cache.delete(key);
    let q = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (exceptSessionId) q = q.where("id", "!=", exceptSessionId);
    await q.execute();
  }

  /** Drops every cached session (the org tree changed, so reaches may have); each is read again on its next request. */
  forgetAll() {
    this.cache.clear();
  }

  forget(userId: number) {
    for (const [key, value] of this.cache) if (value.user.id === userId) this.cache.delete(key);
  }
}

export function setSessionCookies(reply: FastifyReply, request: FastifyRequest, config: Config, token: string, csrf: string) {
  const secure = config.COOKIE_SECURE === "auto" ? request.protocol === "https" : config.COOKIE_SECURE === "true";
  reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure });
  reply.setCookie(CSRF_COOKIE, csrf, { path: "/", httpOnly: false, sameSite: "lax", secure });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
  reply.clearCookie(CSRF_COOKIE, { path: "/" });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Loads the session, then applies the route's declared access; routes under /api/ without one are refused. */
export function registerAccessGate(app: FastifyInstance, sessions: SessionStore) {
  app.decorateRequest("user", null);
  const rules: FastifyInstance["accessRules"] = [];
  app.decorate("accessRules", rules);
  app.addHook("onRoute", (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith("/api/") || url === "/api/openapi.json") return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== "HEAD") rules.push({ method, url, access });
  });
  app.addHook("onRequest", async (request, reply) => {
    const access = request.routeOptions.config?.access;
    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const loaded = await sessions.load(token);
      if (loaded === "expired") expired = true;
      else request.user = loaded;
    }
    if (!access) {
      // Only non-API routes (static files, docs, health) lack a rule; API routes are checked at registration.
      return;
    }
    if (access === "public") return;
    const locale = localeOf(request);
    if (!request.user) return sendError(reply, expired ? "auth.session_expired" : "auth.required", locale);
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.user.csrfToken) {
      return sendError(reply, "auth.csrf", locale);
    }
    if (access !== "authenticated" && !can(request.user.role, access)) return sendError(reply, "access.denied", locale);
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error("route reached without a user: its access rule is wrong");
  return request.user;
}
