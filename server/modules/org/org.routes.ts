import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, MAX_ID } from "../../../contracts/common.ts";
import { compareQuery } from "../../../contracts/figures.ts";
import {
  homeCountsSchema,
  onboardingSchema,
  orgUnitCreateSchema,
  orgUnitDetailSchema,
  orgUnitSchema,
  orgUnitUpdateSchema,
} from "../../../contracts/org.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { comparisonSheet } from "./district-sheet.ts";

export async function orgRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["org"];
  r.get(
    "/api/org-units",
    {
      config: { access: "org.read" },
      schema: { tags, summary: "The org tree in reach", response: { 200: z.array(orgUnitSchema) } },
    },
    async (request) => services.org.units(requireUser(request)),
  );
  r.get(
    "/api/home",
    {
      config: { access: "home.read" },
      schema: {
        tags,
        summary: "Key counts of the stations in reach",
        querystring: z.object({ stationId: z.coerce.number().int().positive().optional() }),
        response: { 200: homeCountsSchema },
      },
    },
    async (request) => services.org.home(requireUser(request), request.query.stationId),
  );

  // ----- org management (district officers, the platform admin) -----
  r.get(
    "/api/org/units",
    {
      config: { access: "org.manage" },
      schema: {
        tags,
        summary: "The units the caller manages (their district's streets, communities and stations), with versions",
        response: { 200: z.array(orgUnitDetailSchema) },
      },
    },
    async (request) => services.org.managed(requireUser(request)),
  );
  r.post(
    "/api/org/units",
    {
      config: { access: "org.manage" },
      schema: {
        tags,
        summary: "Add a street (under a district), a community (under a street) or a station (under a community)",
        body: orgUnitCreateSchema,
        response: { 201: orgUnitDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await services.org.create(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/org/units/:id",
    {
      config: { access: "org.manage" },
      schema: { tags, summary: "One unit the caller manages", params: idParams, response: { 200: orgUnitDetailSchema } },
    },
    async (request) => services.org.unit(requireUser(request), request.params.id),
  );
  r.patch(
    "/api/org/units/:id",
    {
      config: { access: "org.manage" },
      schema: {
        tags,
        summary: "Rename a unit or change its code or address (version-checked)",
        params: idParams,
        body: orgUnitUpdateSchema,
        response: { 200: orgUnitDetailSchema },
      },
    },
    async (request) => services.org.update(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.get(
    "/api/org/onboarding",
    {
      config: { access: "org.read" },
      schema: {
        tags,
        summary:
          "The onboarding checklist of each station in reach (or of `stationId`): staff accounts, alliance units, service items, duty roster, each counted from the records",
        querystring: z.object({ stationId: z.coerce.number().int().positive().max(MAX_ID).optional() }),
        response: { 200: z.array(onboardingSchema) },
      },
    },
    async (request) => services.org.onboarding(requireUser(request), request.query.stationId),
  );

  r.get(
    "/api/org/compare/export",
    {
      config: { access: "figure.read" },
      schema: {
        tags,
        summary: "The stations of a street or district side by side (GET /api/figures/compare) as an xlsx sheet",
        querystring: compareQuery,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const comparison = await services.figures.compare(user, request.query);
      const { columns, rows } = comparisonSheet(comparison, services.figures.definitions());
      const data = await writeSheet("站点对比", columns, [rows]);
      await services.exports.record(user, actorOf(request), "district-compare", request.query, comparison.stations.length);
      return sendXlsx(reply, data, "district-compare.xlsx");
    },
  );
}
