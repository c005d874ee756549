import type { ServerModule } from "../module.ts";
import { reportsRoutes } from "./reports.routes.ts";

export const reportsModule: ServerModule = {
  name: "reports",
  routes: [reportsRoutes],
};
