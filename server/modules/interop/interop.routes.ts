// The console's side of the interfaces: the platform admin creates an integrating system's API key for a station
// (shown once), lists the keys with their use, and revokes one.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contracts/common.ts";
import {
  apiKeyCreatedSchema,
  apiKeyCreateSchema,
  apiKeySchema,
  webhookCreateSchema,
  webhookDeliverySchema,
  webhookSchema,
} from "../../../contracts/interop.ts";
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

  const hooks = services.interop.webhooks;
  r.get(
    "/api/interop/webhooks",
    {
      config: { access: "interop.manage" },
      schema: { tags, summary: "Webhook subscriptions, with deliveries waiting or failed", response: { 200: z.array(webhookSchema) } },
    },
    async () => hooks.list(),
  );
  r.post(
    "/api/interop/webhooks",
    {
      config: { access: "interop.manage" },
      schema: {
        tags,
        summary:
          "Subscribe a system to events (problem.step, redemption.created, meeting.resolution); the answer carries the signing secret, this once",
        body: webhookCreateSchema,
        response: { 201: webhookSchema.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await hooks.create(request.body, actorOf(request))),
  );
  r.post(
    "/api/interop/webhooks/:id/active",
    {
      config: { access: "interop.manage" },
      schema: {
        tags,
        summary: "Pause or resume a subscription",
        params: idParams,
        body: z.object({ active: z.boolean() }).strict(),
        response: { 200: webhookSchema },
      },
    },
    async (request) => hooks.setActive(request.params.id, request.body.active, actorOf(request)),
  );
  r.get(
    "/api/interop/webhooks/:id/deliveries",
    {
      config: { access: "interop.manage" },
      schema: {
        tags,
        summary: "A subscription's last 100 deliveries",
        params: idParams,
        response: { 200: z.array(webhookDeliverySchema) },
      },
    },
    async (request) => hooks.deliveries(request.params.id),
  );
}
