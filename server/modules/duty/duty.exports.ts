// 导出 of the red-shield sessions and consultations: each list's own query, all pages.
import type { FastifyInstance } from "fastify";
import { consultationListQuery, sessionListQuery } from "../../../contracts/duty.ts";
import { listExportRoute, stationColumn } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function dutyExports(app: FastifyInstance, { services }: ModuleDeps) {
  const tags = ["red-shield"];
  listExportRoute(app, services.exports, {
    path: "/api/red-shield/sessions",
    access: "redshield.read",
    tags,
    querystring: sessionListQuery,
    name: "red-shield-sessions",
    title: "duty:rs.tabSessions",
    list: (user, query) => services.redShield.sessions.list(user, query),
    columns: [
      { title: "duty:field.date", value: (r) => r.date },
      { title: "duty:field.hours", value: (r) => `${r.startTime}–${r.endTime}` },
      { title: "duty:rs.place", value: (r) => r.place },
      { title: "duty:rs.unit", value: (r) => r.unitName },
      { title: "duty:field.status", value: (r, w) => w.l(`duty:rs.status.${r.status}`) },
      { title: "duty:rs.booked", value: (r) => `${r.booked} / ${r.slots}` },
      { title: "duty:rs.attended", value: (r) => r.attended },
      { title: "duty:rs.consultations", value: (r) => r.consultations },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/red-shield/consultations",
    access: "redshield.read",
    tags,
    querystring: consultationListQuery,
    name: "red-shield-consultations",
    title: "duty:rs.tabConsultations",
    list: (user, query) => services.redShield.consultations.list(user, query),
    columns: [
      { title: "duty:field.date", value: (r) => r.date },
      { title: "duty:rs.merchant", value: (r) => r.merchantName },
      { title: "duty:rs.topic", value: (r, w) => w.l(`duty:topic.${r.topic}`) },
      { title: "duty:rs.summary", value: (r) => r.summary },
      { title: "duty:rs.outcome", value: (r, w) => w.l(`duty:outcome.${r.outcome}`) },
      { title: "duty:rs.officer", value: (r) => r.officerName },
      stationColumn(),
    ],
  });
}
