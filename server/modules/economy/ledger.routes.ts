import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, MAX_ID } from "../../../contracts/common.ts";
import {
  allocationCreateSchema,
  allocationSchema,
  expenditureCreateSchema,
  expenditureDecisionSchema,
  expenditureListQuery,
  expenditureSchema,
  fundingSourceCreateSchema,
  fundingSourceSchema,
  fundingSourceUpdateSchema,
  fundingSummarySchema,
  ledgerQuery,
  projectFiguresSchema,
  projectFiguresSetSchema,
  projectFundingSchema,
} from "../../../contracts/economy.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

const idFilter = z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional();

// The funding ledger: sources, allocations, expenditures and their approval, a project's funding, the public summary.
export async function ledgerRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const ledger = services.economy.ledger;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["funding"];

  r.get(
    "/api/funding-sources",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Funding sources with received, allocated and spent",
        querystring: ledgerQuery,
        response: { 200: z.array(fundingSourceSchema) },
      },
    },
    async (request) => ledger.sources(requireUser(request), request.query.stationId),
  );
  r.post(
    "/api/funding-sources",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Record a funding source and the money received",
        body: fundingSourceCreateSchema,
        response: { 201: fundingSourceSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await ledger.createSource(requireUser(request), request.body, actorOf(request))),
  );
  r.patch(
    "/api/funding-sources/:id",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Edit a funding source (version-checked; the money received never below what it has allocated)",
        params: idParams,
        body: fundingSourceUpdateSchema,
        response: { 200: fundingSourceSchema },
      },
    },
    async (request) => ledger.updateSource(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/funding-allocations",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Allocations to projects and activities, with their balances",
        querystring: ledgerQuery.extend({ projectId: idFilter, sourceId: idFilter }),
        response: { 200: z.array(allocationSchema) },
      },
    },
    async (request) => ledger.allocations(requireUser(request), request.query),
  );
  r.post(
    "/api/funding-allocations",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Allocate from a source, split by share across projects or activities",
        body: allocationCreateSchema,
        response: { 201: z.array(allocationSchema) },
      },
    },
    async (request, reply) => reply.code(201).send(await ledger.allocate(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/funding-expenditures",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Expenditures with their receipts and decisions",
        querystring: expenditureListQuery,
        response: {
          200: z.object({ items: z.array(expenditureSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
        },
      },
    },
    async (request) => ledger.expenditures(requireUser(request), request.query),
  );
  r.post(
    "/api/funding-expenditures",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Record an expenditure against an allocation (refused when the balance is short)",
        body: expenditureCreateSchema,
        response: { 201: expenditureSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await ledger.spend(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/funding-expenditures/:id/decision",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Approve or reject an expenditure (a rejection gives its amount back)",
        params: idParams,
        body: expenditureDecisionSchema,
        response: { 200: expenditureSchema },
      },
    },
    async (request) => ledger.decide(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/projects/:id/funding",
    {
      config: { access: "project.read" },
      schema: { tags, summary: "A project's funding as the ledger holds it", params: idParams, response: { 200: projectFundingSchema } },
    },
    async (request) => ledger.projectFunding(requireUser(request), request.params.id),
  );
  r.get(
    "/api/projects/:id/figures",
    {
      config: { access: "project.read" },
      schema: {
        tags,
        summary: "A project's funding from the ledger and its outcome figures computed from the records they link to",
        params: idParams,
        response: { 200: projectFiguresSchema },
      },
    },
    async (request) => services.economy.projectFigures.figures(requireUser(request), request.params.id),
  );
  r.put(
    "/api/projects/:id/figures",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Link a project's outcome figures to live records (policies, directed consumption, the ledger)",
        params: idParams,
        body: projectFiguresSetSchema,
        response: { 200: projectFiguresSchema },
      },
    },
    async (request) => services.economy.projectFigures.setLinks(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/public/funding",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary: "A station's funds and their use, for its public page (approved spending only; no sign-in)",
        querystring: z.object({ stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }) }),
        response: { 200: fundingSummarySchema },
      },
    },
    async (request) => ledger.summary(request.query.stationId),
  );
}
