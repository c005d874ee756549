// 导出 of the events list: the list's own query (search, kind, theme, status, dates), all pages.
import type { FastifyInstance } from "fastify";
import { stationDate } from "../../../contracts/calendar.ts";
import { eventListQuery } from "../../../contracts/events.ts";
import { listExportRoute, stationColumn } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function eventsExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/events",
    access: "event.read",
    tags: ["events"],
    querystring: eventListQuery,
    name: "events",
    title: "events:menu.events",
    list: (user, query) => services.events.list(user, query),
    columns: [
      { title: "events:field.title", value: (r) => r.title },
      { title: "events:field.kind", value: (r, w) => w.l(`events:kind.${r.kind}`) },
      { title: "events:field.themes", value: (r) => r.themes },
      { title: "events:field.startsAt", value: (r) => stationDate(r.startsAt) },
      { title: "events:field.place", value: (r) => r.place },
      { title: "events:field.visitors", value: (r) => r.visitors ?? "" },
      { title: "events:counts.method", value: (r, w) => (r.visitorsMethod ? w.l(`events:method.${r.visitorsMethod}`) : "") },
      { title: "events:field.signups", value: (r) => r.signups },
      { title: "events:field.photos", value: (r) => r.photos },
      { title: "events:field.status", value: (r, w) => w.l(`events:status.${r.status}`) },
      stationColumn(),
    ],
  });
}
