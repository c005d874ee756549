import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, pageOf, statusChangeSchema } from "../../../contracts/common.ts";
import {
  matchSchema,
  needCreateSchema,
  needListQuery,
  needSchema,
  offerCreateSchema,
  offerListQuery,
  offerSchema,
  projectActionSchema,
  projectCreateSchema,
  projectListQuery,
  projectSchema,
} from "../../../contracts/lists.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function listsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.lists;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Needs (需求清单).
  let tags = ["needs"];
  r.get(
    "/api/needs",
    {
      config: { access: "need.read" },
      schema: { tags, summary: "Needs of the stations in reach", querystring: needListQuery, response: { 200: pageOf(needSchema) } },
    },
    async (request) => service.listNeeds(requireUser(request), request.query),
  );
  r.get(
    "/api/me/needs",
    {
      config: { access: "need.raise" },
      schema: { tags, summary: "The needs the signed-in user raised", querystring: needListQuery, response: { 200: pageOf(needSchema) } },
    },
    async (request) => service.myNeeds(requireUser(request), request.query),
  );
  r.post(
    "/api/needs",
    {
      config: { access: "need.raise" },
      schema: { tags, summary: "Raise a need (merchant, resident or staff)", body: needCreateSchema, response: { 201: needSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.raiseNeed(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/needs/:id",
    { config: { access: "need.read" }, schema: { tags, summary: "One need", params: idParams, response: { 200: needSchema } } },
    async (request) => service.getNeed(requireUser(request), request.params.id),
  );
  r.post(
    "/api/needs/:id/match",
    {
      config: { access: "need.manage" },
      schema: {
        tags,
        summary: "Match a need to an active offer of its station",
        params: idParams,
        body: matchSchema,
        response: { 200: needSchema },
      },
    },
    async (request) => service.matchNeed(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/needs/:id/close",
    {
      config: { access: "need.manage" },
      schema: { tags, summary: "Close a need", params: idParams, body: statusChangeSchema, response: { 200: needSchema } },
    },
    async (request) => service.closeNeed(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  // Offers (服务清单).
  tags = ["offers"];
  r.get(
    "/api/offers",
    {
      config: { access: "offer.read" },
      schema: { tags, summary: "Offers of the stations in reach", querystring: offerListQuery, response: { 200: pageOf(offerSchema) } },
    },
    async (request) => service.listOffers(requireUser(request), request.query),
  );
  r.post(
    "/api/offers",
    {
      config: { access: "offer.write" },
      schema: {
        tags,
        summary: "Publish an offer for a unit (unit accounts: their own)",
        body: offerCreateSchema,
        response: { 201: offerSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createOffer(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/offers/:id",
    { config: { access: "offer.read" }, schema: { tags, summary: "One offer", params: idParams, response: { 200: offerSchema } } },
    async (request) => service.getOffer(requireUser(request), request.params.id),
  );
  r.post(
    "/api/offers/:id/withdraw",
    {
      config: { access: "offer.write" },
      schema: { tags, summary: "Withdraw an offer", params: idParams, body: statusChangeSchema, response: { 200: offerSchema } },
    },
    async (request) => service.changeOffer(requireUser(request), request.params.id, "withdraw", request.body, actorOf(request)),
  );
  r.post(
    "/api/offers/:id/reactivate",
    {
      config: { access: "offer.write" },
      schema: {
        tags,
        summary: "Offer a withdrawn offer again",
        params: idParams,
        body: statusChangeSchema,
        response: { 200: offerSchema },
      },
    },
    async (request) => service.changeOffer(requireUser(request), request.params.id, "reactivate", request.body, actorOf(request)),
  );

  // Projects (项目).
  tags = ["projects"];
  r.get(
    "/api/projects",
    {
      config: { access: "project.read" },
      schema: {
        tags,
        summary: "Projects of the stations in reach",
        querystring: projectListQuery,
        response: { 200: pageOf(projectSchema) },
      },
    },
    async (request) => service.listProjects(requireUser(request), request.query),
  );
  r.post(
    "/api/projects",
    {
      config: { access: "project.manage" },
      schema: { tags, summary: "Open a project; its needs become in_project", body: projectCreateSchema, response: { 201: projectSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.createProject(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/projects/:id",
    { config: { access: "project.read" }, schema: { tags, summary: "One project", params: idParams, response: { 200: projectSchema } } },
    async (request) => service.getProject(requireUser(request), request.params.id),
  );
  r.post(
    "/api/projects/:id/actions",
    {
      config: { access: "project.manage" },
      schema: {
        tags,
        summary: "Start, record progress or outcomes, complete or cancel a project",
        params: idParams,
        body: projectActionSchema,
        response: { 200: projectSchema },
      },
    },
    async (request) => service.actOnProject(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
