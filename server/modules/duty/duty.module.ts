import type { ServerModule } from "../module.ts";
import { dutyExports } from "./duty.exports.ts";
import { dutyFigures } from "./duty.figures.ts";
import { dutyRoutes } from "./duty.routes.ts";
import { redShieldRoutes } from "./red-shield.routes.ts";

/** The duty module as the app mounts it: its routes and its timed jobs. */
export const dutyModule: ServerModule = {
  name: "duty",
  routes: [dutyRoutes, redShieldRoutes, dutyExports],
  jobs: (services) => [...services.redShield.jobs()],
  figures: (db) => dutyFigures(db),
};
