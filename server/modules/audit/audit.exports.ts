// 导出 of the audit log as searched: the list's own query, all pages.
import type { FastifyInstance } from "fastify";
import { auditListQuery } from "../../../contracts/audit.ts";
import { listExportRoute, stationColumn, when } from "../../platform/list-export.ts";
import { stationFilter } from "../../platform/scope.ts";
import type { ModuleDeps } from "../module.ts";
import { AuditService } from "./audit.service.ts";

export async function auditExports(app: FastifyInstance, { services, database }: ModuleDeps) {
  const audit = new AuditService(database.db);
  listExportRoute(app, services.exports, {
    path: "/api/audit",
    access: "audit.read",
    tags: ["audit"],
    querystring: auditListQuery,
    name: "audit",
    title: "menu.audit",
    list: (user, q) => audit.list({ ...q, stationIds: stationFilter(user, q.stationId) }, q.page, q.pageSize),
    columns: [
      { title: "audit:field.seq", value: (r) => r.seq },
      { title: "audit:field.at", value: (r) => when(r.at) },
      {
        title: "audit:field.actor",
        value: (r, w) =>
          r.actorName ? `${r.actorName}${r.actorRole ? ` (${w.l(`enum.role.${r.actorRole}`)})` : ""}` : w.l("audit:system"),
      },
      { title: "audit:field.action", value: (r) => r.action },
      { title: "audit:field.objectType", value: (r, w) => w.l(`audit:objectType.${r.objectType}`) },
      { title: "audit:field.objectId", value: (r) => r.objectId },
      { title: "audit:field.ip", value: (r) => r.ip },
      stationColumn(),
    ],
  });
}
