import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEntrySchema, auditListQuery } from "../../../contracts/audit.ts";
import { pageOf } from "../../../contracts/common.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import { requireUser } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/context.ts";
import { stationFilter } from "../../platform/scope.ts";
import { AuditRepository } from "./audit.repository.ts";

const parse = (json: string | null) => (json === null ? null : JSON.parse(json));

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const repo = new AuditRepository(deps.database.db);
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
      const { items, total } = await repo.list(
        { ...q, stationIds: stationFilter(requireUser(request), q.stationId) },
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
      return {
        items: items.map((e) => ({
          seq: e.seq,
          at: e.at,
          actorUserId: e.actor_user_id,
          actorName: e.actor_name,
          actorRole: e.actor_role,
          stationId: e.station_id,
          action: e.action,
          objectType: e.object_type,
          objectId: e.object_id,
          before: parse(e.before_json),
          after: parse(e.after_json),
          ip: e.ip,
          hash: e.hash,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
  r.get(
    "/api/audit/verify",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "Check the whole hash chain",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message: z.string() })),
          }),
        },
      },
    },
    async () => verifyAuditChain(deps.database.db),
  );
}
