// 导出 of the accounts list: the list's own query, all pages, as the list shows it.
import type { FastifyInstance } from "fastify";
import { userListQuery } from "../../../contracts/users.ts";
import { listExportRoute, when } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function accountsExports(app: FastifyInstance, { services }: ModuleDeps) {
  listExportRoute(app, services.exports, {
    path: "/api/users",
    access: "user.read",
    tags: ["users"],
    querystring: userListQuery,
    name: "users",
    title: "menu.users",
    list: (user, query) => services.accounts.list(user, query),
    columns: [
      { title: "users:field.username", value: (r) => r.username },
      { title: "users:field.displayName", value: (r) => r.displayName },
      { title: "users:field.role", value: (r, w) => w.l(`enum.role.${r.role}`) },
      { title: "users:field.orgUnit", value: (r) => r.orgUnitName },
      { title: "users:field.link", value: (r) => r.allianceUnitName ?? r.merchantName ?? r.residentName },
      { title: "users:field.mobile", value: (r) => r.mobile },
      { title: "users:field.status", value: (r, w) => w.l(`enum.userStatus.${r.status}`) },
      { title: "users:field.lastLoginAt", value: (r) => when(r.lastLoginAt) },
    ],
  });
}
