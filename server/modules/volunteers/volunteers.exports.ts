// 导出 of the volunteers list: the list's own query (search, team, political status), all pages, by volunteer number.
import type { FastifyInstance } from "fastify";
import { stationDate } from "../../../contracts/calendar.ts";
import { volunteerListQuery } from "../../../contracts/volunteers.ts";
import { listExportRoute, stationColumn } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function volunteersExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/volunteers",
    access: "volunteer.read",
    tags: ["volunteers"],
    querystring: volunteerListQuery,
    name: "volunteers",
    title: "volunteers:menu.volunteers",
    list: (user, query) => services.volunteers.volunteers(user, query),
    columns: [
      { title: "volunteers:field.number", value: (r) => r.number },
      { title: "volunteers:field.realName", value: (r) => r.realName },
      { title: "volunteers:field.politicalStatus", value: (r, w) => w.l(`volunteers:politicalStatus.${r.politicalStatus}`) },
      { title: "volunteers:field.skills", value: (r) => r.skills },
      {
        title: "volunteers:field.teams",
        value: (r) => r.teams.filter((m) => m.status === "approved").map((m) => m.teamName),
      },
      { title: "volunteers:field.consentAt", value: (r) => stationDate(r.consentAt) },
      stationColumn(),
    ],
  });
}
