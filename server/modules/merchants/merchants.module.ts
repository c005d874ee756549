import type { ServerModule } from "../module.ts";
import { merchantsRoutes } from "./merchants.routes.ts";

/** The merchants module as the app mounts it: its routes. */
export const merchantsModule: ServerModule = {
  name: "merchants",
  routes: [merchantsRoutes],
};
