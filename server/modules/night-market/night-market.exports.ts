// 导出 of the night market's lists: applications, nightly reports, incidents and the jobs register (masked as listed),
// each the list's own query over all pages.
import type { FastifyInstance } from "fastify";
import { stationDate } from "../../../contracts/calendar.ts";
import { applicationListQuery, incidentListQuery, jobListQuery, nightListQuery } from "../../../contracts/night-market.ts";
import { listExportRoute } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

const yuan = (fen: number | null) => (fen === null ? "" : (fen / 100).toFixed(2));

export async function nightMarketExports(app: FastifyInstance, { services }: ModuleDeps) {
  const market = services.nightMarket;
  const tags = ["night-market"];
  listExportRoute(app, services.exports, {
    path: "/api/night-market-applications",
    access: "nightmarket.read",
    tags,
    querystring: applicationListQuery,
    name: "night-market-applications",
    title: "night-market:menu.applications",
    list: (user, query) => market.applications(user, query),
    columns: [
      { title: "night-market:field.season", value: (r) => r.seasonName },
      { title: "night-market:field.operator", value: (r) => r.operatorName },
      { title: "night-market:field.operatorKind", value: (r, w) => w.l(`night-market:operatorKind.${r.operatorKind}`) },
      { title: "night-market:field.kind", value: (r, w) => w.l(`night-market:kind.${r.kind}`) },
      { title: "night-market:field.goods", value: (r) => r.goods },
      { title: "night-market:field.pitchesWanted", value: (r) => r.pitchesWanted },
      { title: "night-market:field.foodLicence", value: (r) => r.foodLicenceNo },
      { title: "night-market:field.status", value: (r, w) => w.l(`night-market:applicationStatus.${r.status}`) },
      { title: "night-market:field.submittedAt", value: (r) => stationDate(r.submittedAt) },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/night-market-nights",
    access: "nightmarket.read",
    tags,
    querystring: nightListQuery,
    name: "night-market-nights",
    title: "night-market:menu.nights",
    list: (user, query) => market.nights.nights(user, query),
    columns: [
      { title: "night-market:field.night", value: (r) => r.night },
      { title: "night-market:field.status", value: (r, w) => w.l(`night-market:nightStatus.${r.status}`) },
      { title: "night-market:field.weather", value: (r, w) => (r.weather ? w.l(`night-market:weather.${r.weather}`) : "") },
      { title: "night-market:field.visitorsIn", value: (r) => r.visitorsIn },
      { title: "night-market:field.visitorsOut", value: (r) => r.visitorsOut },
      { title: "night-market:field.turnover", value: (r) => yuan(r.turnoverFen) },
      { title: "night-market:field.operators", value: (r) => r.operators },
      { title: "night-market:field.incidents", value: (r) => r.incidents },
      { title: "night-market:field.correction", value: (r) => r.correctionReason },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/night-market-incidents",
    access: "nightmarket.read",
    tags,
    querystring: incidentListQuery,
    name: "night-market-incidents",
    title: "night-market:menu.incidents",
    list: (user, query) => market.nights.incidents(user, query),
    columns: [
      { title: "night-market:field.night", value: (r) => r.night },
      { title: "night-market:field.kind", value: (r, w) => w.l(`night-market:incidentKind.${r.kind}`) },
      { title: "night-market:field.number", value: (r) => r.pitchNumber },
      { title: "night-market:field.operator", value: (r) => r.operatorName },
      { title: "night-market:field.description", value: (r) => r.description },
      { title: "night-market:field.badRecord", value: (r) => r.badRecord },
      { title: "night-market:field.problem", value: (r) => r.problemId },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/night-market-jobs",
    access: "nightmarket.read",
    tags,
    querystring: jobListQuery,
    name: "night-market-jobs",
    title: "night-market:menu.jobs",
    list: (user, query) => market.register.list(user, query),
    columns: [
      { title: "night-market:field.person", value: (r) => r.personName },
      { title: "night-market:field.mobile", value: (r) => r.mobile },
      { title: "night-market:field.employer", value: (r, w) => r.employerName ?? w.l(`night-market:employer.${r.employerKind}`) },
      { title: "night-market:field.role", value: (r) => r.role },
      { title: "night-market:field.origin", value: (r) => r.origin },
      { title: "night-market:field.startsOnJob", value: (r) => r.startsOn },
      { title: "night-market:field.endsOnJob", value: (r) => r.endsOn },
      { title: "night-market:field.contract", value: (r) => r.hasContract },
      { title: "night-market:field.current", value: (r) => r.current },
    ],
  });
}
