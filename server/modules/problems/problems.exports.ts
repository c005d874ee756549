// 导出 of the problem list (and the categories): the list's own query, all pages, masked as the list shows it.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { problemListQuery } from "../../../contracts/problems.ts";
import { listExportRoute, when } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function problemsExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/problems",
    access: "problem.read",
    tags: ["problems"],
    querystring: problemListQuery,
    name: "problems",
    title: "menu.problems",
    list: (user, query, locale) => services.problems.list(user, query, locale),
    columns: [
      { title: "problems:field.code", value: (r) => r.code },
      { title: "problems:field.title", value: (r) => r.title },
      { title: "problems:field.category", value: (r) => r.categoryName },
      { title: "problems:field.source", value: (r, w) => w.l(`problems:source.${r.source}`) },
      { title: "problems:field.place", value: (r) => [r.stallCode, r.place].filter(Boolean).join(" · ") },
      { title: "problems:field.reporterName", value: (r) => r.reporterName },
      { title: "problems:field.reporterPhone", value: (r) => r.reporterPhone },
      { title: "problems:field.unit", value: (r) => r.unitName },
      { title: "problems:field.status", value: (r, w) => w.l(`problems:status.${r.status}`) },
      { title: "problems:field.dueAt", value: (r) => when(r.dueAt) },
      { title: "problems:field.createdAt", value: (r) => when(r.createdAt) },
      { title: "problems:field.station", value: (r) => r.stationName },
    ],
  });

  listExportRoute(app, services.exports, {
    path: "/api/problem-categories",
    access: "problem.read",
    tags: ["problems"],
    querystring: z.object({}),
    name: "problem-categories",
    title: "menu.problemCategories",
    list: () => services.problems.categories(),
    columns: [
      { title: "problems:categories.code", value: (r) => r.code },
      { title: "problems:categories.name", value: (r) => r.name },
      { title: "problems:categories.nameEn", value: (r) => r.nameEn },
      { title: "problems:categories.timeLimitDays", value: (r, w) => w.l("problems:categories.days", { count: r.timeLimitDays }) },
      { title: "problems:categories.active", value: (r, w) => w.l(r.active ? "problems:categories.on" : "problems:categories.off") },
    ],
  });
}
