// 导出 of the party lists (members, development cases, branch meetings, pioneer posts): each list's own
// query, all pages, masked as the list shows it.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { caseListQuery, memberListQuery } from "../../../contracts/party.ts";
import { listExportRoute } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";
import { meetingListQuery } from "./party.routes.ts";

export async function partyExports(app: FastifyInstance, { services }: ModuleDeps) {
  const tags = ["party"];
  const party = services.party;
  listExportRoute(app, services.exports, {
    path: "/api/party/members",
    access: "party.read",
    tags,
    querystring: memberListQuery,
    name: "party-members",
    title: "menu.partyMembers",
    list: (user, query) => party.members.list(user, query),
    columns: [
      { title: "party:field.name", value: (r) => r.name },
      { title: "party:field.gender", value: (r, w) => (r.gender ? w.l(`party:gender.${r.gender}`) : "") },
      { title: "party:branch", value: (r) => r.branchName },
      { title: "party:field.role", value: (r, w) => w.l(`party:role.${r.role}`) },
      { title: "party:field.status", value: (r, w) => w.l(`party:memberStatus.${r.status}`) },
      { title: "party:field.joinedOn", value: (r) => r.joinedOn },
      { title: "party:field.sourceUnit", value: (r) => r.sourceUnit },
      { title: "party:field.partyGroup", value: (r) => r.partyGroup },
      { title: "party:field.merchant", value: (r) => r.merchantName ?? (r.transferredTo ? `→ ${r.transferredTo}` : "") },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/party/cases",
    access: "development.read",
    tags,
    querystring: caseListQuery,
    name: "development-cases",
    title: "menu.development",
    list: (user, query) => party.development.list(user, query),
    columns: [
      { title: "party:field.name", value: (r) => r.name },
      { title: "party:branch", value: (r) => r.branchName },
      { title: "party:field.stage", value: (r, w) => w.l(`party:stage.${r.stage}`) },
      { title: "party:case.applied", value: (r) => r.steps.find((s) => s.step === "application")?.on },
      { title: "party:field.nextStep", value: (r, w) => (r.next ? w.l(`party:step.${r.next.step}`) : "") },
      { title: "party:field.earliest", value: (r) => r.next?.earliest },
      { title: "party:field.due", value: (r) => r.next?.due },
      { title: "party:field.caseStatus", value: (r, w) => w.l(`party:caseStatus.${r.status}`) },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/party/meetings",
    access: "party.read",
    tags,
    querystring: meetingListQuery,
    name: "branch-meetings",
    title: "menu.branchLife",
    list: (user, query) => party.branchLife.list(user, query),
    columns: [
      { title: "party:field.title", value: (r) => r.title },
      { title: "party:field.kind", value: (r, w) => w.l(`party:kind.${r.kind}`) },
      { title: "party:field.heldOn", value: (r) => r.heldOn },
      { title: "party:field.place", value: (r) => r.place },
      { title: "party:field.attendance", value: (r) => (r.status === "held" ? r.attendance.length : "") },
      { title: "party:field.meetingStatus", value: (r, w) => w.l(`party:meetingStatus.${r.status}`) },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/party/pioneer-posts",
    access: "party.read",
    tags,
    querystring: z.object({}),
    name: "pioneer-posts",
    title: "menu.pioneers",
    list: (user) => party.pioneerPosts.list(user),
    columns: [
      { title: "party:field.member", value: (r) => r.memberName },
      { title: "party:field.post", value: (r) => r.post },
      { title: "party:field.duty", value: (r) => r.duty },
      { title: "party:field.service", value: (r) => r.service },
      { title: "party:field.showOnMobile", value: (r) => r.showOnMobile },
      { title: "party:field.active", value: (r) => r.active },
    ],
  });
}
