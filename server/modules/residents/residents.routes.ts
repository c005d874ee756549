import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  residentCreateSchema,
  residentListQuery,
  residentSchema,
  residentSheetColumns,
  residentUpdateSchema,
} from "../../../contracts/residents.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { counted } from "../../platform/list-export.ts";
import { writeSheet, writeTemplate } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { exportColumns } from "./residents.service.ts";
import { residentTemplate } from "./residents.template.ts";

export async function residentsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.residents;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["residents"];

  r.get(
    "/api/residents",
    {
      config: { access: "resident.read" },
      schema: { tags, summary: "Search and filter residents", querystring: residentListQuery, response: { 200: pageOf(residentSchema) } },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.get(
    "/api/residents/export",
    {
      config: { access: "resident.export" },
      schema: { tags, summary: "Export the current filter as xlsx (masked)", querystring: residentListQuery },
    },
    async (request, reply) => {
      const rows = counted(service.exportRows(requireUser(request), request.query));
      const data = await writeSheet("居民", exportColumns, rows.rows);
      await services.exports.record(requireUser(request), actorOf(request), "residents", request.query, rows.count());
      return sendXlsx(reply, data, "residents.xlsx");
    },
  );

  r.get(
    "/api/residents/import-template",
    { config: { access: "resident.import" }, schema: { tags, summary: "The import template (xlsx)" } },
    async (_request, reply) =>
      sendXlsx(reply, await writeTemplate("居民", residentSheetColumns, residentTemplate), "residents-template.xlsx"),
  );

  r.post(
    "/api/residents",
    {
      config: { access: "resident.write" },
      schema: { tags, summary: "Register a resident", body: residentCreateSchema, response: { 201: residentSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/me/resident",
    {
      config: { access: "self.read" },
      schema: { tags, summary: "The resident record of the signed-in resident", response: { 200: residentSchema } },
    },
    async (request) => service.own(requireUser(request)),
  );

  r.get(
    "/api/residents/:id",
    { config: { access: "resident.read" }, schema: { tags, summary: "One resident", params: idParams, response: { 200: residentSchema } } },
    async (request) => service.get(requireUser(request), request.params.id),
  );

  r.patch(
    "/api/residents/:id",
    {
      config: { access: "resident.write" },
      schema: {
        tags,
        summary: "Edit a resident (version-checked)",
        params: idParams,
        body: residentUpdateSchema,
        response: { 200: residentSchema },
      },
    },
    async (request) => service.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/residents/:id/personal",
    {
      config: { access: "personal.unmask" },
      schema: {
        tags,
        summary: "The unmasked ID and mobile numbers (audited)",
        params: idParams,
        response: { 200: z.object({ idNumber: z.string(), mobile: z.string().nullable() }) },
      },
    },
    async (request) => service.personal(requireUser(request), request.params.id, actorOf(request)),
  );
}
