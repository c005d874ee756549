import type { ServerModule } from "../module.ts";
import { counterExports } from "./counter.exports.ts";
import { counterFigures } from "./counter.figures.ts";
import { counterRoutes } from "./counter.routes.ts";

/** The counter module as the app mounts it: its routes and its timed jobs. */
export const counterModule: ServerModule = {
  name: "counter",
  routes: [counterRoutes, counterExports],
  jobs: (services) => [...services.counter.jobs()],
  figures: (db) => counterFigures(db),
};
