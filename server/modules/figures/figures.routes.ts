import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  compareQuery,
  compareSchema,
  figureDefinitionSchema,
  figureIdParams,
  figureQuery,
  figureRecordsPageSchema,
  figureSeriesSchema,
  figureValueSchema,
  recordsQuery,
  seriesQuery,
  valuesQuery,
} from "../../../contracts/figures.ts";
import { requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";

export async function figuresRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const dictionary = services.figures;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["figures"];
  const config = { access: "figure.read" } as const;

  r.get(
    "/api/figures",
    {
      config,
      schema: {
        tags,
        summary: "The dictionary: every figure's definition, unit, scopes, period and thresholds",
        response: { 200: z.array(figureDefinitionSchema) },
      },
    },
    async () => dictionary.definitions(),
  );
  r.get(
    "/api/figures/values",
    {
      config,
      schema: {
        tags,
        summary:
          "Values of figures (`ids`, or every figure of the scope, or of report part `part`) for a scope and period, each with its citation",
        querystring: valuesQuery,
        response: { 200: z.array(figureValueSchema) },
      },
    },
    async (request) => dictionary.values(requireUser(request), request.query),
  );
  r.get(
    "/api/figures/compare",
    {
      config,
      schema: {
        tags,
        summary:
          "The stations of a street or district side by side on every comparable figure: value, rank, red/yellow/green, stations reporting",
        querystring: compareQuery,
        response: { 200: compareSchema },
      },
    },
    async (request) => dictionary.compare(requireUser(request), request.query),
  );
  r.get(
    "/api/figures/:id",
    {
      config,
      schema: {
        tags,
        summary: "One figure's value for a scope and period, with its citation",
        params: figureIdParams,
        querystring: figureQuery,
        response: { 200: figureValueSchema },
      },
    },
    async (request) => dictionary.value(requireUser(request), request.params.id, request.query),
  );
  r.get(
    "/api/figures/:id/series",
    {
      config,
      schema: {
        tags,
        summary: "One figure by month, by key or by station",
        params: figureIdParams,
        querystring: seriesQuery,
        response: { 200: figureSeriesSchema },
      },
    },
    async (request) => dictionary.series(requireUser(request), request.params.id, request.query),
  );
  r.get(
    "/api/figures/:id/records",
    {
      config,
      schema: {
        tags,
        summary: "The records behind a figure, a page at a time, with the count and sum of all of them (they add up to the value)",
        params: figureIdParams,
        querystring: recordsQuery,
        response: { 200: figureRecordsPageSchema },
      },
    },
    async (request) => dictionary.records(requireUser(request), request.params.id, request.query),
  );
}
