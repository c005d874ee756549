import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageOf } from "../../../contracts/common.ts";
import {
  findingsQuery,
  findingsSchema,
  reweighCreateSchema,
  reweighListQuery,
  reweighSchema,
  scaleFiguresQuery,
  scaleFiguresSchema,
  scaleStallSchema,
} from "../../../contracts/lending.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { counted } from "../../platform/list-export.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { reweighExportColumns } from "./fair-scale.presenter.ts";

// The fair scale: re-weighs and findings.
export async function fairScaleRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.fairScale;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["fair-scale"];

  r.post(
    "/api/fair-scale/reweighs",
    {
      config: { access: "scale.record" },
      schema: {
        tags,
        summary: "Record a re-weigh: short beyond max(5 g, 1 %) leaves a finding on the merchant's record and, with redress, a problem",
        body: reweighCreateSchema,
        response: { 201: reweighSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.record(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/fair-scale/reweighs",
    {
      config: { access: "scale.read" },
      schema: {
        tags,
        summary: "Re-weighs by outcome, merchant and date",
        querystring: reweighListQuery,
        response: { 200: pageOf(reweighSchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.get(
    "/api/fair-scale/reweighs/export",
    {
      config: { access: "scale.read" },
      schema: { tags, summary: "Export the re-weighs of the current filter as xlsx", querystring: reweighListQuery },
    },
    async (request, reply) => {
      const rows = counted(service.exportRows(requireUser(request), request.query));
      const data = await writeSheet("公平秤复秤", reweighExportColumns, rows.rows);
      await services.exports.record(requireUser(request), actorOf(request), "reweighs", request.query, rows.count());
      return sendXlsx(reply, data, "reweighs.xlsx");
    },
  );

  r.get(
    "/api/fair-scale/mine",
    {
      config: { access: "scale.record" },
      schema: { tags, summary: "The signed-in shopper's own re-weighs", response: { 200: z.array(reweighSchema) } },
    },
    async (request) => service.mine(requireUser(request)),
  );

  r.get(
    "/api/fair-scale/stalls",
    {
      config: { access: "scale.record" },
      schema: {
        tags,
        summary: "The station's stalls with their merchant, to choose where the goods were bought",
        response: { 200: z.array(scaleStallSchema) },
      },
    },
    async (request) => service.stalls(requireUser(request)),
  );

  r.get(
    "/api/fair-scale/findings",
    {
      config: { access: "scale.read" },
      schema: {
        tags,
        summary: "A merchant's fair-scale findings (their record; weighed in caring-shop certification)",
        querystring: findingsQuery,
        response: { 200: findingsSchema },
      },
    },
    async (request) => service.findings(requireUser(request), request.query.merchantId),
  );

  r.get(
    "/api/fair-scale/figures",
    {
      config: { access: "scale.read" },
      schema: {
        tags,
        summary: "Re-weighs per month, the share found short and the merchants with most findings (last twelve months)",
        querystring: scaleFiguresQuery,
        response: { 200: scaleFiguresSchema },
      },
    },
    async (request) => service.figures(requireUser(request), request.query.stationId),
  );
}
