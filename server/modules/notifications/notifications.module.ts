import type { ServerModule } from "../module.ts";
import { notificationsRoutes } from "./notifications.routes.ts";

/** The notifications module as the app mounts it: its routes. */
export const notificationsModule: ServerModule = {
  name: "notifications",
  routes: [notificationsRoutes],
};
