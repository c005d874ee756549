import type { ServerModule } from "../module.ts";
import { caringRoutes } from "./caring.routes.ts";
import { caringFiguresRoutes } from "./figures.routes.ts";
import { mealsRoutes } from "./meals.routes.ts";

/** The caring module as the app mounts it: its routes and its timed jobs. */
export const caringModule: ServerModule = {
  name: "caring",
  routes: [caringRoutes, mealsRoutes, caringFiguresRoutes],
  jobs: (services) => [...services.meals.jobs()],
};
