import type { ServerModule } from "../module.ts";
import { importsRoutes } from "./imports.routes.ts";

/** The imports module as the app mounts it: its routes. */
export const importsModule: ServerModule = {
  name: "imports",
  routes: [importsRoutes],
};
