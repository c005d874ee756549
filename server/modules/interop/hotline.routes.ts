// 12345 work orders over HTTP: the hotline's inbound interface (public in the access map; the hotline's API key in
// X-Api-Key is checked by the service: 400 when missing, 403 when forged or revoked), and the station's console:
// the orders with their steps, the rates, and the category map (kept by the platform admin).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  hotlineActionSchema,
  hotlineCategoryMapInSchema,
  hotlineCategoryMapSchema,
  hotlineFiguresQuery,
  hotlineFiguresSchema,
  hotlineListQuery,
  hotlineOrderAckSchema,
  hotlineOrderSchema,
  hotlineSheetColumns,
} from "../../../contracts/interop.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { limits } from "../../platform/rate-limit.ts";
import { writeTemplate } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { hotlineTemplate } from "./hotline.template.ts";

export async function hotlineRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const hotline = services.interop.hotline;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["hotline"];

  r.post(
    "/api/hotline/v1/orders",
    {
      config: { access: "public", rateLimit: limits.public },
      schema: {
        tags,
        summary:
          "The 12345 hotline hands over a work order (header X-Api-Key): 201 with the new problem's code, or 200 with the existing one when the order number is known",
        response: { 200: hotlineOrderAckSchema, 201: hotlineOrderAckSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers["x-api-key"];
      const ack = await hotline.receive(typeof key === "string" ? key : undefined, request.body ?? {}, request.ip);
      return reply.code(ack.duplicate ? 200 : 201).send(ack);
    },
  );

  r.get(
    "/api/hotline/orders",
    {
      config: { access: "problem.manage" },
      schema: {
        tags,
        summary: "12345 work orders of the stations in reach, newest dispatch first",
        querystring: hotlineListQuery,
        response: { 200: pageOf(hotlineOrderSchema) },
      },
    },
    async (request) => hotline.list(requireUser(request), request.query),
  );
  r.post(
    "/api/hotline/orders/:id/actions",
    {
      config: { access: "problem.manage" },
      schema: {
        tags,
        summary: "A step on a work order (sign_off, return, extend, reply, visit), queued to be sent back to the hotline",
        params: idParams,
        body: hotlineActionSchema,
        response: { 200: hotlineOrderSchema },
      },
    },
    async (request) => hotline.act(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/hotline/import-template",
    {
      config: { access: "problem.manage" },
      schema: { tags, summary: "The Excel template for importing work orders (POST /api/hotline-orders/imports)" },
    },
    async (_request, reply) =>
      sendXlsx(reply, await writeTemplate("12345工单", hotlineSheetColumns, hotlineTemplate), "hotline-orders-template.xlsx"),
  );
  r.get(
    "/api/hotline/figures",
    {
      config: { access: "problem.manage" },
      schema: {
        tags,
        summary: "Response, resolution and satisfaction rates of the orders dispatched in a period (this month by default)",
        querystring: hotlineFiguresQuery,
        response: { 200: hotlineFiguresSchema },
      },
    },
    async (request) => hotline.figures(requireUser(request), request.query),
  );
  r.get(
    "/api/hotline/category-map",
    {
      config: { access: "problem.manage" },
      schema: {
        tags,
        summary: "The hotline's categories and the problem categories they map to (null: waiting to be mapped)",
        response: { 200: z.array(hotlineCategoryMapSchema) },
      },
    },
    async () => hotline.mapping(),
  );
  r.put(
    "/api/hotline/category-map",
    {
      config: { access: "category.manage" },
      schema: {
        tags,
        summary: "Map a hotline category to a problem category (new or changed)",
        body: hotlineCategoryMapInSchema,
        response: { 200: z.array(hotlineCategoryMapSchema) },
      },
    },
    async (request) => hotline.map(request.body, actorOf(request)),
  );
}
