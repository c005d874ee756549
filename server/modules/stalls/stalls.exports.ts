// 导出 of the stalls list: the list's own query, all pages, as the list shows it.
import type { FastifyInstance } from "fastify";
import { stallListQuery } from "../../../contracts/stalls.ts";
import { listExportRoute, stationColumn } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function stallsExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/stalls",
    access: "stall.read",
    tags: ["stalls"],
    querystring: stallListQuery,
    name: "stalls",
    title: "menu.stalls",
    list: (user, query) => services.stalls.list(user, query),
    columns: [
      { title: "stalls:field.code", value: (r) => r.code },
      { title: "stalls:field.area", value: (r) => r.area },
      { title: "stalls:field.merchant", value: (r) => r.merchantName },
      { title: "stalls:field.category", value: (r, w) => (r.merchantCategory ? w.l(`enum.category.${r.merchantCategory}`) : "") },
      { title: "stalls:field.position", value: (r) => `(${r.x}, ${r.y}) ${r.w}×${r.h}` },
      stationColumn(),
    ],
  });
}
