import type { ServerModule } from "../module.ts";
import { interopRoutes } from "./interop.routes.ts";
import { open311Routes } from "./open311.routes.ts";

/** The interfaces to other systems as the app mounts them: the API keys' console routes and Open311 GeoReport v2. */
export const interopModule: ServerModule = {
  name: "interop",
  routes: [interopRoutes, open311Routes],
};
