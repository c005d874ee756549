// 导出 of the lending inventory: the list's own query, all pages, borrowers as the list shows them.
import type { FastifyInstance } from "fastify";
import { itemListQuery } from "../../../contracts/lending.ts";
import { listExportRoute, stationColumn, when } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function lendingExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/lending/items",
    access: "lending.read",
    tags: ["lending"],
    querystring: itemListQuery,
    name: "lending-items",
    title: "menu.lending",
    list: (user, query) => services.lending.list(user, query),
    columns: [
      { title: "lending:field.code", value: (r) => r.code },
      { title: "lending:field.kind", value: (r, w) => w.l(`lending:kind.${r.kind}`) },
      { title: "lending:field.name", value: (r) => r.name },
      { title: "lending:field.status", value: (r, w) => w.l(`lending:itemStatus.${r.status}`) },
      { title: "lending:field.borrower", value: (r) => r.loan?.borrowerName },
      { title: "lending:field.dueAt", value: (r) => when(r.loan?.dueAt) },
      { title: "lending:field.loanDays", value: (r) => r.loanDays },
      stationColumn(),
    ],
  });
}
