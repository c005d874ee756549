// The console's side of the interfaces: the platform admin creates an integrating system's API key for a station
// (shown once), lists the keys with their use, and revokes one.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import { apiKeyCreatedSchema, apiKeyCreateSchema, apiKeySchema } from "../../../contracts/interop.ts";
import { actorOf } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function interopRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const keys = services.interop.keys;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["interop"];
  r.get(
    "/api/interop/api-keys",
    {
      config: { access: "interop.manage" },
      schema: { tags, summary: "Integrating systems' API keys (newest first), with their use", response: { 200: z.array(apiKeySchema) } },
    },
    async () => keys.list(),
  );
  r.post(
    "/api/interop/api-keys",
    {
      config: { access: "interop.manage" },
      schema: {
        tags,
        summary: "Create an API key for an integrating system and station; the answer carries the key, this once",
        body: apiKeyCreateSchema,
        response: { 201: apiKeyCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await keys.create(request.body, actorOf(request))),
  );
  r.post(
    "/api/interop/api-keys/:id/revoke",
    {
      config: { access: "interop.manage" },
      schema: {
        tags,
        summary: "Revoke an API key: requests presenting it are refused (403)",
        params: idParams,
        response: { 200: apiKeySchema },
      },
    },
    async (request) => keys.revoke(request.params.id, actorOf(request)),
  );
}
