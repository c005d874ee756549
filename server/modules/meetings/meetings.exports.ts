// 导出 of the meetings and action-items lists: each list's own query, all pages.
import type { FastifyInstance } from "fastify";
import { actionItemListQuery, meetingListQuery } from "../../../contracts/meetings.ts";
import { listExportRoute, stationColumn, when } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function meetingsExports(app: FastifyInstance, { services }: ModuleDeps) {
  const tags = ["meetings"];
  listExportRoute(app, services.exports, {
    path: "/api/meetings",
    access: "meeting.read",
    tags,
    querystring: meetingListQuery,
    name: "meetings",
    title: "menu.meetings",
    list: (user, query) => services.meetings.list(user, query),
    columns: [
      { title: "meetings:field.title", value: (r) => r.title },
      { title: "meetings:field.kind", value: (r, w) => w.l(`meetings:kind.${r.kind}`) },
      { title: "meetings:field.startsAt", value: (r) => when(r.startsAt) },
      { title: "meetings:field.place", value: (r) => r.place },
      { title: "meetings:attendance.short", value: (r) => `${r.invitedUnits.filter((u) => u.attended).length} / ${r.invitedUnits.length}` },
      { title: "meetings:resolution.title", value: (r) => r.resolutions.length },
      { title: "meetings:field.status", value: (r, w) => w.l(`meetings:status.${r.status}`) },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/action-items",
    access: "meeting.read",
    tags,
    querystring: actionItemListQuery,
    name: "action-items",
    title: "menu.actionItems",
    list: (user, query) => services.meetings.listActionItems(user, query),
    columns: [
      { title: "meetings:resolution.text", value: (r) => r.text },
      { title: "meetings:items.meeting", value: (r) => r.meetingTitle },
      { title: "meetings:resolution.ownerUnit", value: (r) => r.ownerUnitName },
      { title: "meetings:resolution.dueDate", value: (r) => r.dueDate },
      {
        title: "meetings:field.status",
        value: (r, w) => w.l(`meetings:itemStatus.${r.status}`) + (r.overdue ? ` · ${w.l("meetings:itemOverdue")}` : ""),
      },
      { title: "meetings:resolution.note", value: (r) => r.note },
    ],
  });
}
