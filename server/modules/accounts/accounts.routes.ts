import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

import { changePasswordSchema, localeSchema, loginResultSchema, loginSchema, meSchema } from "../../../contracts/auth.ts";
import { idParams, okSchema, pageOf } from "../../../contracts/common.ts";
import { resetPasswordSchema, userCreateSchema, userListQuery, userSchema, userUpdateSchema } from "../../../contracts/users.ts";
import { actorOf, clearSessionCookies, requireUser, type SessionStore, setSessionCookies } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/context.ts";
import { extraLimit, limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

export async function accountsRoutes(app: FastifyInstance, deps: AppDeps & { sessions: SessionStore; services: Services }) {
  const service = deps.services.accounts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/login",
    {
      config: { access: "public", rateLimit: limits.loginPerAddress },
      preHandler: extraLimit(app, limits.loginPerAccount),
      schema: {
        tags: ["auth"],
        summary: "Sign in with a username or mobile number",
        body: loginSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const result = await service.login(body.username, body.password, request.ip, request.headers["user-agent"]);
      setSessionCookies(reply, request, deps.config, result.token, result.csrfToken);
      const user = await deps.sessions.load(result.token);
      const stationIds = user && user !== "expired" ? user.stationIds : [];
      return { me: await service.me(result.userId, stationIds), csrfToken: result.csrfToken };
    },
  );

  r.post(
    "/api/auth/logout",
    { config: { access: "authenticated" }, schema: { tags: ["auth"], summary: "Sign out", response: { 200: okSchema } } },
    async (request, reply) => {
      await service.logout(requireUser(request), actorOf(request));
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/auth/me",
    { config: { access: "authenticated" }, schema: { tags: ["auth"], summary: "The signed-in account", response: { 200: meSchema } } },
    async (request) => {
      const user = requireUser(request);
      return service.me(user.id, user.stationIds);
    },
  );

  r.post(
    "/api/auth/password",
    {
      config: { access: "authenticated" },
      schema: { tags: ["auth"], summary: "Change one's own password", body: changePasswordSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await service.changePassword(requireUser(request), request.body.currentPassword, request.body.newPassword, actorOf(request));
      return { ok: true as const };
    },
  );

  r.put(
    "/api/auth/locale",
    {
      config: { access: "authenticated" },
      schema: { tags: ["auth"], summary: "Set the interface language", body: localeSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await service.setLocale(requireUser(request), request.body.locale);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/users",
    {
      config: { access: "user.read" },
      schema: { tags: ["users"], summary: "Accounts in reach", querystring: userListQuery, response: { 200: pageOf(userSchema) } },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.post(
    "/api/users",
    {
      config: { access: "user.manage" },
      schema: { tags: ["users"], summary: "Create an account", body: userCreateSchema, response: { 201: userSchema } },
    },
    async (request, reply) => {
      const created = await service.create(requireUser(request), request.body, actorOf(request));
      return reply.code(201).send(created);
    },
  );

  r.get(
    "/api/users/:id",
    {
      config: { access: "user.read" },
      schema: { tags: ["users"], summary: "One account", params: idParams, response: { 200: userSchema } },
    },
    async (request) => service.get(requireUser(request), request.params.id),
  );

  r.patch(
    "/api/users/:id",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Edit an account: role, unit, status",
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => service.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/users/:id/password",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Reset an account's password",
        params: idParams,
        body: resetPasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await service.resetPassword(requireUser(request), request.params.id, request.body.password, actorOf(request));
      return { ok: true as const };
    },
  );
}
