import type { ServerModule } from "../module.ts";
import { figuresRoutes } from "./figures.routes.ts";

export const figuresModule: ServerModule = {
  name: "figures",
  routes: [figuresRoutes],
};
