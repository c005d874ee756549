import type { ServerModule } from "../module.ts";
import { orgRoutes } from "./org.routes.ts";

/** The org module as the app mounts it: its routes. */
export const orgModule: ServerModule = {
  name: "org",
  routes: [orgRoutes],
};
