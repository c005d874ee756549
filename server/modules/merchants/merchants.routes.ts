import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  merchantCreateSchema,
  merchantListQuery,
  merchantSchema,
  merchantSheetColumns,
  merchantStatusChangeRecordSchema,
  merchantStatusChangeSchema,
  merchantUpdateSchema,
} from "../../../contracts/merchants.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { counted } from "../../platform/list-export.ts";
import { writeSheet, writeTemplate } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { exportColumns } from "./merchants.service.ts";
import { merchantTemplate } from "./merchants.template.ts";

export async function merchantsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.merchants;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["merchants"];

  r.get(
    "/api/merchants",
    {
      config: { access: "merchant.read" },
      schema: { tags, summary: "Search and filter merchants", querystring: merchantListQuery, response: { 200: pageOf(merchantSchema) } },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.get(
    "/api/merchants/export",
    {
      config: { access: "merchant.export" },
      schema: { tags, summary: "Export the current filter as xlsx", querystring: merchantListQuery },
    },
    async (request, reply) => {
      const rows = counted(service.exportRows(requireUser(request), request.query));
      const data = await writeSheet("商户", exportColumns, rows.rows);
      await services.exports.record(requireUser(request), actorOf(request), "merchants", request.query, rows.count());
      return sendXlsx(reply, data, "merchants.xlsx");
    },
  );

  r.get(
    "/api/merchants/import-template",
    { config: { access: "merchant.import" }, schema: { tags, summary: "The import template (xlsx)" } },
    async (_request, reply) =>
      sendXlsx(reply, await writeTemplate("商户", merchantSheetColumns, merchantTemplate), "merchants-template.xlsx"),
  );

  r.post(
    "/api/merchants",
    {
      config: { access: "merchant.write" },
      schema: { tags, summary: "Register a merchant", body: merchantCreateSchema, response: { 201: merchantSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/me/merchant",
    {
      config: { access: "self.read" },
      schema: { tags, summary: "The merchant record of the signed-in merchant", response: { 200: merchantSchema } },
    },
    async (request) => service.own(requireUser(request)),
  );

  r.get(
    "/api/merchants/:id",
    { config: { access: "merchant.read" }, schema: { tags, summary: "One merchant", params: idParams, response: { 200: merchantSchema } } },
    async (request) => service.get(requireUser(request), request.params.id),
  );

  r.patch(
    "/api/merchants/:id",
    {
      config: { access: "merchant.write" },
      schema: {
        tags,
        summary: "Edit a merchant (version-checked)",
        params: idParams,
        body: merchantUpdateSchema,
        response: { 200: merchantSchema },
      },
    },
    async (request) => service.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/merchants/:id/status",
    {
      config: { access: "merchant.write" },
      schema: {
        tags,
        summary: "Open, suspend or close a merchant",
        params: idParams,
        body: merchantStatusChangeSchema,
        response: { 200: merchantSchema },
      },
    },
    async (request) => service.changeStatus(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/merchants/:id/status-changes",
    {
      config: { access: "merchant.read" },
      schema: { tags, summary: "Status history", params: idParams, response: { 200: z.array(merchantStatusChangeRecordSchema) } },
    },
    async (request) => service.statusChanges(requireUser(request), request.params.id),
  );

  r.get(
    "/api/merchants/:id/personal",
    {
      config: { access: "personal.unmask" },
      schema: {
        tags,
        summary: "The unmasked mobile number (audited)",
        params: idParams,
        response: { 200: z.object({ mobile: z.string() }) },
      },
    },
    async (request) => service.personal(requireUser(request), request.params.id, actorOf(request)),
  );
}
