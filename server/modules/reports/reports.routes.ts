import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  diffQuery,
  reportCreateSchema,
  reportDetailSchema,
  reportDiffSchema,
  reportEditSchema,
  reportGenerateSchema,
  reportListQuery,
  reportSummarySchema,
  reportVersionSchema,
  reportVersionSummarySchema,
  versionParams,
} from "../../../contracts/reports.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import type { Services } from "../../services.ts";
import { DOCX_TYPE } from "./reports.service.ts";

export async function reportsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.reports;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reports"];
  const read = { access: "report.read" } as const;
  const write = { access: "report.generate" } as const;

  r.get(
    "/api/reports",
    {
      config: read,
      schema: {
        tags,
        summary: "Reports of the units in reach, newest first",
        querystring: reportListQuery,
        response: { 200: pageOf(reportSummarySchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query),
  );
  r.post(
    "/api/reports",
    {
      config: write,
      schema: {
        tags,
        summary: "Start a report (acceptance, monthly or district) for a scope and period: its draft from the template",
        body: reportCreateSchema,
        response: { 201: reportDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireUser(request), request.body, actorOf(request))),
  );
  r.get(
    "/api/reports/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A report's draft with today's values of its figures, and its versions",
        params: idParams,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => service.detail(requireUser(request), request.params.id),
  );
  r.patch(
    "/api/reports/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Edit the draft's sentences (every figure placeholder must stay; none may be added)",
        params: idParams,
        body: reportEditSchema,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => service.edit(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
  r.post(
    "/api/reports/:id/generate",
    {
      config: write,
      schema: {
        tags,
        summary: "Generate a new version: freeze every figure's value and citation and build the Word document",
        params: idParams,
        body: reportGenerateSchema,
        response: { 201: reportVersionSummarySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.generate(requireUser(request), request.params.id, request.body, actorOf(request))),
  );
  r.get(
    "/api/reports/:id/diff",
    {
      config: read,
      schema: {
        tags,
        summary: "What changed between two versions: figures whose value or record set moved, sentences edited",
        params: idParams,
        querystring: diffQuery,
        response: { 200: reportDiffSchema },
      },
    },
    async (request) => service.diff(requireUser(request), request.params.id, request.query.from, request.query.to),
  );
  r.get(
    "/api/reports/:id/versions/:number",
    {
      config: read,
      schema: {
        tags,
        summary: "A version: its sentences, figures and citations as generated",
        params: versionParams,
        response: { 200: reportVersionSchema },
      },
    },
    async (request) => service.version(requireUser(request), request.params.id, request.params.number),
  );
  r.get(
    "/api/reports/:id/versions/:number/docx",
    { config: read, schema: { tags, summary: "A version's Word document, byte for byte as generated", params: versionParams } },
    async (request, reply) => {
      const file = await service.docx(requireUser(request), request.params.id, request.params.number);
      return reply
        .type(DOCX_TYPE)
        .header(
          "content-disposition",
          `attachment; filename="report-${request.params.id}-v${request.params.number}.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header("etag", `"${file.sha256}"`)
        .send(file.data);
    },
  );
}
