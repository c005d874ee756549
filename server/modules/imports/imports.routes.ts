import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Action } from "../../../contracts/access.ts";
import { type ImportKind, importCommitSchema, importPreviewSchema } from "../../../contracts/imports.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { fail, localeOf } from "../../platform/errors.ts";
import { limits } from "../../platform/rate-limit.ts";
import type { Services } from "../../services.ts";

const uploads: { kind: ImportKind; action: Action }[] = [
  { kind: "merchants", action: "merchant.import" },
  { kind: "residents", action: "resident.import" },
  { kind: "hotline-orders", action: "problem.manage" },
];

export async function importsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["imports"];
  const idParam = z.object({ id: z.uuid() });

  for (const { kind, action } of uploads) {
    r.post(
      `/api/${kind}/imports`,
      {
        config: { access: action, rateLimit: limits.upload },
        schema: {
          tags,
          summary: `Upload an xlsx of ${kind}: every row is checked and nothing is written until the import is committed`,
          consumes: ["multipart/form-data"],
          querystring: z.object({ stationId: z.coerce.number().int().positive().optional() }),
          response: { 201: importPreviewSchema },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw fail("request.unsupported_media_type");
        const file = await request.file();
        if (!file) throw fail("import.bad_file", [{ field: "file", message: "file" }]);
        const data = await file.toBuffer();
        const preview = await services.imports.preview(
          requireUser(request),
          kind,
          { name: file.filename, data },
          request.query.stationId,
          localeOf(request),
        );
        return reply.code(201).send(preview);
      },
    );
  }

  r.get(
    "/api/imports/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "An import's preview and result (own imports only)",
        params: idParam,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => services.imports.get(requireUser(request), request.params.id),
  );
  r.post(
    "/api/imports/:id/commit",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Import all rows or only the valid ones, in one transaction",
        params: idParam,
        body: importCommitSchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => services.imports.commit(requireUser(request), request.params.id, request.body.mode, actorOf(request)),
  );
  r.post(
    "/api/imports/:id/discard",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Import nothing", params: idParam, response: { 200: importPreviewSchema } },
    },
    async (request) => services.imports.discard(requireUser(request), request.params.id, actorOf(request)),
  );
}
