import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEntrySchema, auditListQuery } from "../../../contracts/audit.ts";
import { pageOf } from "../../../contracts/common.ts";
import { requireUser } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/context.ts";
import { stationFilter } from "../../platform/scope.ts";
import { AuditService } from "./audit.service.ts";

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new AuditService(deps.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Search the audit log",
        querystring: auditListQuery,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (request) => {
      const q = request.query;
      return service.list({ ...q, stationIds: stationFilter(requireUser(request), q.stationId) }, q.page, q.pageSize);
    },
  );
  r.get(
    "/api/audit/verify",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Check every hash chain (a station's shards, the platform's)",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            chains: z.number().int(),
            problems: z.array(z.object({ seq: z.number().int(), chain: z.number().int(), kind: z.string(), message: z.string() })),
          }),
        },
      },
    },
    async () => service.verify(),
  );
}
