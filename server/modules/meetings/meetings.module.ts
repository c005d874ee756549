import type { ServerModule } from "../module.ts";
import { meetingsExports } from "./meetings.exports.ts";
import { meetingsFigures } from "./meetings.figures.ts";
import { meetingsRoutes } from "./meetings.routes.ts";

/** The meetings module as the app mounts it: its routes. */
export const meetingsModule: ServerModule = {
  name: "meetings",
  routes: [meetingsRoutes, meetingsExports],
  figures: (db) => meetingsFigures(db),
};
