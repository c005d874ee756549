import type { ServerModule } from "../module.ts";
import { problemsExports } from "./problems.exports.ts";
import { problemsFigures } from "./problems.figures.ts";
import { problemsRoutes } from "./problems.routes.ts";

/** The problems module as the app mounts it: its routes and its timed jobs. */
export const problemsModule: ServerModule = {
  name: "problems",
  routes: [problemsRoutes, problemsExports],
  jobs: (services) => [...services.problems.jobs()],
  figures: (db) => problemsFigures(db),
};
