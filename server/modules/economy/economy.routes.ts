import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  coverageSchema,
  marketMapQuery,
  marketMapSchema,
  merchantFileSchema,
  myReliefSchema,
  operatingConfirmSchema,
  operatingMonthSchema,
  policyActionSchema,
  policyCreateSchema,
  policyListQuery,
  policySchema,
  reliefApplySchema,
  reliefListQuery,
  reliefPageSchema,
  reliefSchema,
  reliefStepSchema,
  survivalQuery,
  survivalSchema,
} from "../../../contracts/economy.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

// Policies, relief and survival: the console's catalogue, applications and coverage; the merchant's phone.
export async function economyRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const relief = services.economy.relief;
  const survival = services.economy.survival;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["economy"];

  r.get(
    "/api/policies",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "The station's policy items with their guide and conditions",
        querystring: policyListQuery,
        response: { 200: pageOf(policySchema) },
      },
    },
    async (request) => relief.policies(requireUser(request), request.query),
  );
  r.post(
    "/api/policies",
    {
      config: { access: "economy.manage" },
      schema: { tags, summary: "Add a policy item (a draft until opened)", body: policyCreateSchema, response: { 201: policySchema } },
    },
    async (request, reply) => reply.code(201).send(await relief.createPolicy(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/policies/:id",
    { config: { access: "economy.read" }, schema: { tags, summary: "A policy item", params: idParams, response: { 200: policySchema } } },
    async (request) => relief.policy(requireUser(request), request.params.id),
  );
  r.post(
    "/api/policies/:id/status",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Open a policy (its eligible merchants are told) or close it",
        params: idParams,
        body: policyActionSchema,
        response: { 200: policySchema },
      },
    },
    async (request) => relief.movePolicy(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/policies/:id/coverage",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Merchants a policy reached, the amounts, and the eligible merchants not reached",
        params: idParams,
        response: { 200: coverageSchema },
      },
    },
    async (request) => relief.coverage(requireUser(request), request.params.id),
  );

  r.get(
    "/api/relief-applications",
    {
      config: { access: "economy.read" },
      schema: { tags, summary: "Relief applications", querystring: reliefListQuery, response: { 200: reliefPageSchema } },
    },
    async (request) => relief.reliefs(requireUser(request), request.query),
  );
  r.post(
    "/api/relief-applications",
    {
      config: { access: "economy.manage" },
      schema: { tags, summary: "Apply on a merchant's behalf", body: reliefApplySchema, response: { 201: reliefSchema } },
    },
    async (request, reply) => reply.code(201).send(await relief.apply(requireUser(request), request.body, actorOf(request), "staff")),
  );
  r.get(
    "/api/relief-applications/:id",
    {
      config: { access: "economy.read" },
      schema: { tags, summary: "A relief application", params: idParams, response: { 200: reliefSchema } },
    },
    async (request) => relief.relief(requireUser(request), request.params.id),
  );
  r.post(
    "/api/relief-applications/:id/steps",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Review, approve with the amount, reject, record the disbursement, close",
        params: idParams,
        body: reliefStepSchema,
        response: { 200: reliefSchema },
      },
    },
    async (request) => relief.step(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/economy/survival",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Each merchant's operating status per month and the relief received, with the period's figures",
        querystring: survivalQuery,
        response: { 200: survivalSchema },
      },
    },
    async (request) => survival.survival(requireUser(request), request.query),
  );
  r.post(
    "/api/economy/operating-months",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Confirm a merchant's operating status for a month",
        body: operatingConfirmSchema,
        response: { 200: operatingMonthSchema },
      },
    },
    async (request) => survival.confirm(requireUser(request), request.body, actorOf(request), false),
  );

  r.get(
    "/api/merchants/:id/file",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "The merchant file (一户一档): everything about one merchant",
        params: idParams,
        response: { 200: merchantFileSchema },
      },
    },
    async (request) => services.economy.merchantFile.file(requireUser(request), request.params.id),
  );
  r.get(
    "/api/merchants/:id/file.pdf",
    { config: { access: "economy.read" }, schema: { tags, summary: "The merchant file as a PDF", params: idParams } },
    async (request, reply) => {
      const file = await services.economy.merchantFilePdf(requireUser(request), request.params.id);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="${file.fileName}"`).send(file.data);
    },
  );

  r.get(
    "/api/economy/map",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "The market's stalls as placed on the plan, with trade, status, relief, findings, caring shop and consumption",
        querystring: marketMapQuery,
        response: { 200: marketMapSchema },
      },
    },
    async (request) => services.economy.merchantFile.map(requireUser(request), request.query.stationId),
  );

  // the merchant's phone
  r.get(
    "/api/me/relief",
    {
      config: { access: "economy.merchant" },
      schema: { tags, summary: "The open policies the merchant may apply for, and their applications", response: { 200: myReliefSchema } },
    },
    async (request) => relief.mine(requireUser(request)),
  );
  r.post(
    "/api/me/relief-applications",
    {
      config: { access: "economy.merchant" },
      schema: {
        tags,
        summary: "Apply for a policy (the merchant's own application)",
        body: reliefApplySchema,
        response: { 201: reliefSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await relief.apply(requireUser(request), request.body, actorOf(request), "phone")),
  );
  r.post(
    "/api/me/relief-applications/:id/withdraw",
    {
      config: { access: "economy.merchant" },
      schema: {
        tags,
        summary: "Withdraw one's application before it is approved",
        params: idParams,
        body: z.object({ version: z.number().int().positive() }).strict(),
        response: { 200: reliefSchema },
      },
    },
    async (request) =>
      relief.step(requireUser(request), request.params.id, { action: "withdraw", version: request.body.version }, actorOf(request), true),
  );
  r.post(
    "/api/me/operating-months",
    {
      config: { access: "economy.merchant" },
      schema: {
        tags,
        summary: "Confirm one's operating status for a month",
        body: operatingConfirmSchema,
        response: { 200: operatingMonthSchema },
      },
    },
    async (request) => survival.confirm(requireUser(request), request.body, actorOf(request), true),
  );
}
