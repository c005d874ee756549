import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, okSchema, pageOf } from "../../../contracts/common.ts";
import {
  enterpriseCreateSchema,
  enterpriseListQuery,
  enterpriseSchema,
  enterpriseUpdateSchema,
  merchantTotalsQuery,
  merchantTotalsSchema,
  myPurchasesSchema,
  pledgeSetSchema,
  pledgesSchema,
  purchaseCreateSchema,
  purchaseImportQuery,
  purchaseImportSchema,
  purchaseListQuery,
  purchaseSchema,
  rankingQuery,
  rankingSchema,
} from "../../../contracts/economy.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { fail, localeOf } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

// Directed consumption: enterprises and pledges, purchases entered or imported, the monthly ranking, the merchant's phone.
export async function purchasesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const purchases = services.economy.purchases;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["directed consumption"];

  r.get(
    "/api/enterprises",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Park enterprises with their pledges and purchases",
        querystring: enterpriseListQuery,
        response: { 200: pageOf(enterpriseSchema) },
      },
    },
    async (request) => purchases.enterprises(requireUser(request), request.query),
  );
  r.post(
    "/api/enterprises",
    {
      config: { access: "economy.manage" },
      schema: { tags, summary: "Register a park enterprise", body: enterpriseCreateSchema, response: { 201: enterpriseSchema } },
    },
    async (request, reply) => reply.code(201).send(await purchases.createEnterprise(requireUser(request), request.body, actorOf(request))),
  );
  r.patch(
    "/api/enterprises/:id",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Edit a park enterprise: its name, contact and mobilising alliance unit (version-checked)",
        params: idParams,
        body: enterpriseUpdateSchema,
        response: { 200: enterpriseSchema },
      },
    },
    async (request) => purchases.updateEnterprise(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/enterprises/:id/pledges",
    {
      config: { access: "economy.read" },
      schema: { tags, summary: "An enterprise's monthly pledges, latest first", params: idParams, response: { 200: pledgesSchema } },
    },
    async (request) => purchases.pledges(requireUser(request), request.params.id),
  );
  r.put(
    "/api/enterprises/:id/pledges",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Set an enterprise's pledge for a month",
        params: idParams,
        body: pledgeSetSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => purchases.setPledge(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/purchases",
    {
      config: { access: "economy.read" },
      schema: { tags, summary: "Purchase records", querystring: purchaseListQuery, response: { 200: pageOf(purchaseSchema) } },
    },
    async (request) => purchases.purchases(requireUser(request), request.query),
  );
  r.post(
    "/api/purchases",
    {
      config: { access: "economy.manage" },
      schema: {
        tags,
        summary: "Record one purchase (counts once the merchant confirms it)",
        body: purchaseCreateSchema,
        response: { 201: purchaseSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await purchases.createPurchase(requireUser(request), request.body, actorOf(request))),
  );
  r.post(
    "/api/purchases/import",
    {
      config: { access: "economy.manage", rateLimit: limits.upload },
      schema: {
        tags,
        summary: "Import an enterprise's xlsx of purchases: map its columns, preview, then import the valid rows or all",
        consumes: ["multipart/form-data"],
        querystring: purchaseImportQuery,
        response: { 200: purchaseImportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw fail("request.unsupported_media_type");
      const file = await request.file();
      if (!file) throw fail("import.bad_file", [{ field: "file", message: "file" }]);
      const data = await file.toBuffer();
      return purchases.importSheet(requireUser(request), data, request.query, actorOf(request), localeOf(request));
    },
  );
  r.get(
    "/api/economy/ranking",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "The month's ranking of enterprises against their pledges (通报)",
        querystring: rankingQuery,
        response: { 200: rankingSchema },
      },
    },
    async (request) => purchases.ranking(requireUser(request), request.query),
  );
  r.get(
    "/api/economy/merchant-totals",
    {
      config: { access: "economy.read" },
      schema: {
        tags,
        summary: "Directed consumption received per merchant",
        querystring: merchantTotalsQuery,
        response: { 200: merchantTotalsSchema },
      },
    },
    async (request) => purchases.merchantTotals(requireUser(request), request.query),
  );

  // the merchant's phone
  r.get(
    "/api/me/purchases",
    {
      config: { access: "economy.merchant" },
      schema: { tags, summary: "Purchases made at one's shop", response: { 200: myPurchasesSchema } },
    },
    async (request) => purchases.mine(requireUser(request)),
  );
  for (const event of ["confirm", "dispute"] as const) {
    r.post(
      `/api/me/purchases/:id/${event}`,
      {
        config: { access: "economy.merchant" },
        schema: {
          tags,
          summary: event === "confirm" ? "Confirm receipt of a purchase (it counts from now)" : "Dispute a purchase one did not receive",
          params: idParams,
          response: { 200: purchaseSchema },
        },
      },
      async (request) => purchases.settle(requireUser(request), request.params.id, event, actorOf(request)),
    );
  }
}
