import type { ServerModule } from "../module.ts";
import { residentsRoutes } from "./residents.routes.ts";

/** The residents module as the app mounts it: its routes. */
export const residentsModule: ServerModule = {
  name: "residents",
  routes: [residentsRoutes],
};
