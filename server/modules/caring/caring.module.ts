import type { ServerModule } from "../module.ts";
import { caringExports } from "./caring.exports.ts";
import { caringFigures } from "./caring.figures.ts";
import { caringRoutes } from "./caring.routes.ts";
import { caringFiguresRoutes } from "./figures.routes.ts";
import { mealsRoutes } from "./meals.routes.ts";

/** The caring module as the app mounts it: its routes and its timed jobs. */
export const caringModule: ServerModule = {
  name: "caring",
  routes: [caringRoutes, mealsRoutes, caringFiguresRoutes, caringExports],
  jobs: (services) => [...services.meals.jobs()],
  figures: (db) => caringFigures(db),
};
