import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  allianceUnitCreateSchema,
  allianceUnitListQuery,
  allianceUnitSchema,
  allianceUnitUpdateSchema,
} from "../../../contracts/alliance-units.ts";
import { idParams, pageOf } from "../../../contracts/common.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { counted } from "../../platform/list-export.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { exportColumns } from "./alliance-units.service.ts";

export async function allianceUnitsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.allianceUnits;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["alliance-units"];

  r.get(
    "/api/alliance-units",
    {
      config: { access: "unit.read" },
      schema: {
        tags,
        summary: "Search and filter alliance units (unit accounts see their own unit)",
        querystring: allianceUnitListQuery,
        response: { 200: pageOf(allianceUnitSchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.get(
    "/api/alliance-units/export",
    {
      config: { access: "unit.export" },
      schema: { tags, summary: "Export the current filter as xlsx", querystring: allianceUnitListQuery },
    },
    async (request, reply) => {
      const rows = counted(service.exportRows(requireUser(request), request.query));
      const data = await writeSheet("联盟单位", exportColumns, rows.rows);
      await services.exports.record(requireUser(request), actorOf(request), "alliance-units", request.query, rows.count());
      return sendXlsx(reply, data, "alliance-units.xlsx");
    },
  );

  r.post(
    "/api/alliance-units",
    {
      config: { access: "unit.write" },
      schema: { tags, summary: "Register an alliance unit", body: allianceUnitCreateSchema, response: { 201: allianceUnitSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireUser(request), request.body, actorOf(request))),
  );

  r.get(
    "/api/alliance-units/:id",
    {
      config: { access: "unit.read" },
      schema: { tags, summary: "One alliance unit", params: idParams, response: { 200: allianceUnitSchema } },
    },
    async (request) => service.get(requireUser(request), request.params.id),
  );

  r.patch(
    "/api/alliance-units/:id",
    {
      config: { access: "unit.write" },
      schema: {
        tags,
        summary: "Edit an alliance unit (version-checked)",
        params: idParams,
        body: allianceUnitUpdateSchema,
        response: { 200: allianceUnitSchema },
      },
    },
    async (request) => service.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
