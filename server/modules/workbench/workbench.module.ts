import type { ServerModule } from "../module.ts";
import { workbenchRoutes } from "./workbench.routes.ts";

/** The workbench as the app mounts it: its one route, no tables and no jobs. */
export const workbenchModule: ServerModule = {
  name: "workbench",
  routes: [workbenchRoutes],
};
