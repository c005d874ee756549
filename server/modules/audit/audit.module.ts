import type { ServerModule } from "../module.ts";
import { auditExports } from "./audit.exports.ts";
import { auditRoutes } from "./audit.routes.ts";

/** The audit module as the app mounts it: its routes. */
export const auditModule: ServerModule = {
  name: "audit",
  routes: [auditRoutes, auditExports],
};
