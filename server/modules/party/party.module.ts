import type { ServerModule } from "../module.ts";
import { partyExports } from "./party.exports.ts";
import { partyFigures } from "./party.figures.ts";
import { partyRoutes } from "./party.routes.ts";

/** The party module as the app mounts it: its routes and its timed jobs. */
export const partyModule: ServerModule = {
  name: "party",
  routes: [partyRoutes, partyExports],
  jobs: (services) => [...services.party.jobs()],
  figures: (db) => partyFigures(db),
};
