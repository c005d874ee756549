import type { ServerModule } from "../module.ts";
import { stallsExports } from "./stalls.exports.ts";
import { stallsRoutes } from "./stalls.routes.ts";

/** The stalls module as the app mounts it: its routes. */
export const stallsModule: ServerModule = {
  name: "stalls",
  routes: [stallsRoutes, stallsExports],
};
