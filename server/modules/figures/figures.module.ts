import type { ServerModule } from "../module.ts";
import { figuresRoutes } from "./figures.routes.ts";
import { figuresExportRoutes } from "./figures-export.routes.ts";

export const figuresModule: ServerModule = {
  name: "figures",
  routes: [figuresRoutes, figuresExportRoutes],
};
