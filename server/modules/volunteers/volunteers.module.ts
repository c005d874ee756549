import type { ServerModule } from "../module.ts";
import { volunteerFiguresRoutes } from "./volunteer-figures.routes.ts";
import { volunteerRecordsRoutes } from "./volunteer-records.routes.ts";
import { volunteerRosterRoutes } from "./volunteer-roster.routes.ts";
import { volunteerServedRoutes } from "./volunteer-served.routes.ts";
import { volunteersExports } from "./volunteers.exports.ts";
import { volunteersFigures } from "./volunteers.figures.ts";
import { volunteersRoutes } from "./volunteers.routes.ts";

/** The volunteer service as the app mounts it: its routes, the job generating occurrences ahead and the day-before confirmations. */
export const volunteersModule: ServerModule = {
  name: "volunteers",
  routes: [
    volunteersRoutes,
    volunteersExports,
    volunteerRecordsRoutes,
    volunteerServedRoutes,
    volunteerFiguresRoutes,
    volunteerRosterRoutes,
  ],
  jobs: (services) => services.volunteers.jobs(),
  figures: (db, services) => volunteersFigures(db, services.volunteers.hours),
};
