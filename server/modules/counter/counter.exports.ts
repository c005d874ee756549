// 导出 of the service catalogue: the list's own query, all pages.
import type { FastifyInstance } from "fastify";
import { serviceItemListQuery } from "../../../contracts/counter.ts";
import { listExportRoute, stationColumn, yuan } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function counterExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/services/items",
    access: "service.read",
    tags: ["counter"],
    querystring: serviceItemListQuery,
    name: "service-items",
    title: "menu.serviceCatalogue",
    list: (user, query) => services.counter.catalogue.listItems(user, query),
    columns: [
      { title: "counter:field.code", value: (r) => r.code },
      { title: "counter:field.name", value: (r) => r.name },
      { title: "counter:field.unit", value: (r) => r.unitName },
      { title: "counter:field.audience", value: (r, w) => w.l(`counter:audience.${r.audience}`) },
      { title: "counter:field.handling", value: (r, w) => w.l(`counter:handling.${r.handling}`) },
      {
        title: "counter:field.timeLimit",
        value: (r, w) =>
          r.timeLimitDays ? w.l("counter:timeLimit.days_other", { count: r.timeLimitDays }) : w.l("counter:timeLimit.immediate"),
      },
      { title: "counter:field.fee", value: (r, w) => (r.feeFen ? yuan(r.feeFen) : w.l("counter:fee.free")) },
      { title: "counter:field.materials", value: (r) => r.materials },
      { title: "counter:field.active", value: (r) => r.active },
      stationColumn(),
    ],
  });
}
