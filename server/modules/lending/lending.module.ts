import type { ServerModule } from "../module.ts";
import { fairScaleRoutes } from "./fair-scale.routes.ts";
import { lendingExports } from "./lending.exports.ts";
import { lendingRoutes } from "./lending.routes.ts";

/** The lending module as the app mounts it: its routes and its timed jobs. */
export const lendingModule: ServerModule = {
  name: "lending",
  routes: [lendingRoutes, fairScaleRoutes, lendingExports],
  jobs: (services) => [...services.lending.jobs()],
};
