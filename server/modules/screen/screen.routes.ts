// The big screen over HTTP: the console's kiosk tokens (created for a unit in reach and shown once, listed,
// revoked) and the screen's data, opened with a token (`Authorization: Kiosk <token>` or `?token=`) and no account:
// read-only, its unit's figures only; an unknown or revoked token is 401 with nothing else. The answer carries an
// ETag, so a screen's refresh that finds nothing new is a 304.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import { scopeSchema } from "../../../contracts/figures.ts";
import { kioskTokenCreatedSchema, kioskTokenCreateSchema, kioskTokenSchema, screenSchema } from "../../../contracts/screen.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

/** The token a screen presents: the Authorization header (`Kiosk <token>`) first, else `?token=`. */
export function kioskTokenOf(request: FastifyRequest<{ Querystring: { token?: string } }>): string | undefined {
  const header = request.headers.authorization;
  const m = header ? /^Kiosk\s+(\S+)$/i.exec(header) : null;
  return m ? m[1] : request.query.token;
}

export async function screenRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const screen = services.screen;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["screen"];
  const config = { access: "kiosk.manage" } as const;

  r.get(
    "/api/screen/tokens",
    {
      config,
      schema: {
        tags,
        summary: "The big screen's kiosk tokens of the units in reach (newest first), with when each was last used",
        response: { 200: z.array(kioskTokenSchema) },
      },
    },
    async (request) => screen.list(requireUser(request)),
  );
  r.post(
    "/api/screen/tokens",
    {
      config,
      schema: {
        tags,
        summary:
          "Create a kiosk token for a station, street or district in reach; the answer carries the token and the screen's address, this once",
        body: kioskTokenCreateSchema,
        response: { 201: kioskTokenCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await screen.create(requireUser(request), actorOf(request), request.body)),
  );
  r.post(
    "/api/screen/tokens/:id/revoke",
    {
      config,
      schema: {
        tags,
        summary: "Revoke a kiosk token: its screen is refused (401) from its next refresh",
        params: idParams,
        response: { 200: kioskTokenSchema },
      },
    },
    async (request) => screen.revoke(requireUser(request), actorOf(request), request.params.id),
  );

  r.get(
    "/api/screen/preview",
    {
      config,
      schema: {
        tags,
        summary: "The big screen of a station, street or district in reach, as its token would show it (the console's preview)",
        querystring: z.object({ scope: scopeSchema }),
        response: { 200: screenSchema },
      },
    },
    async (request) => screen.preview(requireUser(request), request.query.scope),
  );

  r.get(
    "/api/public/screen",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary:
          "The big screen's figures for the token's unit (four report parts, a few by month, the market map), without personal data; ETag/304",
        querystring: z.object({ token: z.string().max(100).optional() }),
        response: { 200: screenSchema, 304: z.null().describe("Nothing changed since the ETag sent") },
      },
    },
    async (request, reply) => {
      const data = await screen.screen(kioskTokenOf(request));
      const etag = `"${data.version}"`;
      reply.header("etag", etag).header("cache-control", "private, no-cache").header("referrer-policy", "no-referrer");
      if (request.headers["if-none-match"] === etag) return reply.code(304).send(null);
      return data;
    },
  );
}
