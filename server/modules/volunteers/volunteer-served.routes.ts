// People served over HTTP: the console records and lists them per occurrence (and takes back an unconfirmed entry);
// the merchant or resident served sees and confirms theirs on the phone.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, okSchema } from "../../../contracts/common.ts";
import { myServedSchema, servedCreateSchema, servedSchema } from "../../../contracts/volunteers.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function volunteerServedRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const served = services.volunteers.served;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["volunteers"];

  r.get(
    "/api/volunteer-occurrences/:id/served",
    {
      config: { access: "volunteer.read" },
      schema: {
        tags,
        summary: "People served at an occurrence, by kind of the teams' service menus",
        params: idParams,
        response: { 200: z.array(servedSchema) },
      },
    },
    async (request) => served.list(requireUser(request), request.params.id),
  );
  r.post(
    "/api/volunteer-occurrences/:id/served",
    {
      config: { access: "volunteer.manage" },
      schema: {
        tags,
        summary:
          "Record people served at an occurrence that took place: counts per kind on a taking-part team's menu, each maybe a merchant or resident of the station (told, and may confirm)",
        params: idParams,
        body: servedCreateSchema,
        response: { 201: z.array(servedSchema) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await served.record(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.delete(
    "/api/volunteer-served/:id",
    {
      config: { access: "volunteer.manage" },
      schema: { tags, summary: "Take back an entry of people served not confirmed yet", params: idParams, response: { 200: okSchema } },
    },
    async (request) => served.remove(requireUser(request), request.params.id, actorOf(request)),
  );

  // the merchant's or resident's phone
  r.get(
    "/api/me/volunteer-served",
    {
      config: { access: "volunteer.join" },
      schema: { tags, summary: "The volunteer services I (a merchant or resident) received", response: { 200: z.array(myServedSchema) } },
    },
    async (request) => served.mine(requireUser(request)),
  );
  r.post(
    "/api/me/volunteer-served/:id/confirm",
    {
      config: { access: "volunteer.join" },
      schema: { tags, summary: "Confirm a volunteer service I received (once)", params: idParams, response: { 200: myServedSchema } },
    },
    async (request) => served.confirm(requireUser(request), request.params.id, actorOf(request)),
  );
}
