import type { ServerModule } from "../module.ts";
import { eventsExports } from "./events.exports.ts";
import { eventsFigures } from "./events.figures.ts";
import { eventsRoutes } from "./events.routes.ts";

/** Events, the people's stage and environment campaigns as the app mounts them. */
export const eventsModule: ServerModule = {
  name: "events",
  routes: [eventsRoutes, eventsExports],
  figures: (db) => eventsFigures(db),
};
