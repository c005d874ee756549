import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, okSchema, pageOf } from "../../../contracts/common.ts";
import { stallCreateSchema, stallListQuery, stallSchema, stallUpdateSchema } from "../../../contracts/stalls.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

/** DELETE carries no body: the version it was based on travels in the query string. */
const versionQuery = z.object({ version: z.coerce.number().int().positive() });

export async function stallsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.stalls;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["stalls"];

  r.get(
    "/api/stalls",
    {
      config: { access: "stall.read" },
      schema: { tags, summary: "Search and filter stalls", querystring: stallListQuery, response: { 200: pageOf(stallSchema) } },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.post(
    "/api/stalls",
    {
      config: { access: "stall.write" },
      schema: { tags, summary: "Add a stall", body: stallCreateSchema, response: { 201: stallSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/stalls/:id",
    { config: { access: "stall.read" }, schema: { tags, summary: "One stall", params: idParams, response: { 200: stallSchema } } },
    async (request) => service.get(requireUser(request), request.params.id),
  );

  r.patch(
    "/api/stalls/:id",
    {
      config: { access: "stall.write" },
      schema: {
        tags,
        summary: "Edit or let a stall (version-checked)",
        params: idParams,
        body: stallUpdateSchema,
        response: { 200: stallSchema },
      },
    },
    async (request) => service.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.delete(
    "/api/stalls/:id",
    {
      config: { access: "stall.write" },
      schema: {
        tags,
        summary: "Remove a stall (version-checked)",
        params: idParams,
        querystring: versionQuery,
        response: { 200: okSchema },
      },
    },
    async (request) => service.remove(requireUser(request), request.params.id, request.query.version, actorOf(request)),
  );
}
