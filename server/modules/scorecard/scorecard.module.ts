import type { ServerModule } from "../module.ts";
import { scorecardRoutes } from "./scorecard.routes.ts";

/** The scorecard module as the app mounts it: its routes. */
export const scorecardModule: ServerModule = {
  name: "scorecard",
  routes: [scorecardRoutes],
};
