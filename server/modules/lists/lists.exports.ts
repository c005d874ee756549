// 导出 of the needs, offers and projects lists: each list's own query, all pages.
import type { FastifyInstance } from "fastify";
import { needListQuery, offerListQuery, projectListQuery } from "../../../contracts/lists.ts";
import { listExportRoute, stationColumn, when, yuan } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function listsExports(app: FastifyInstance, { services }: ModuleDeps) {
  const tags = ["lists"];
  listExportRoute(app, services.exports, {
    path: "/api/needs",
    access: "need.read",
    tags,
    querystring: needListQuery,
    name: "needs",
    title: "menu.needs",
    list: (user, query) => services.lists.listNeeds(user, query),
    columns: [
      { title: "lists:field.title", value: (r) => r.title },
      { title: "lists:field.kind", value: (r, w) => w.l(`lists:needKind.${r.kind}`) },
      { title: "lists:field.raisedBy", value: (r) => r.raisedBy },
      { title: "lists:field.status", value: (r, w) => w.l(`lists:needStatus.${r.status}`) },
      { title: "lists:field.matchedOffer", value: (r) => r.offerTitle },
      { title: "lists:field.createdAt", value: (r) => when(r.createdAt) },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/offers",
    access: "offer.read",
    tags,
    querystring: offerListQuery,
    name: "offers",
    title: "menu.offers",
    list: (user, query) => services.lists.listOffers(user, query),
    columns: [
      { title: "lists:field.title", value: (r) => r.title },
      { title: "lists:field.unit", value: (r) => r.unitName },
      { title: "lists:field.kind", value: (r, w) => w.l(`lists:offerKind.${r.kind}`) },
      { title: "lists:field.amountYuan", value: (r) => yuan(r.amountFen) },
      { title: "lists:field.status", value: (r, w) => w.l(`lists:offerStatus.${r.status}`) },
      { title: "lists:field.createdAt", value: (r) => when(r.createdAt) },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/projects",
    access: "project.read",
    tags,
    querystring: projectListQuery,
    name: "projects",
    title: "menu.projects",
    list: (user, query) => services.lists.listProjects(user, query),
    columns: [
      { title: "lists:project.name", value: (r) => r.name },
      { title: "lists:project.ownerUnit", value: (r) => r.ownerUnitName },
      { title: "lists:project.budgetYuan", value: (r) => yuan(r.budgetFen) },
      { title: "lists:project.startDate", value: (r) => r.startDate },
      { title: "lists:project.endDate", value: (r) => r.endDate },
      { title: "lists:project.percent", value: (r) => `${r.percent}%` },
      { title: "lists:field.status", value: (r, w) => w.l(`lists:projectStatus.${r.status}`) },
      stationColumn(),
    ],
  });
}
