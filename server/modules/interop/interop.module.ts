import type { ServerModule } from "../module.ts";
import { calendarRoutes } from "./calendar.routes.ts";
import { hotlineRoutes } from "./hotline.routes.ts";
import { interopRoutes } from "./interop.routes.ts";
import { open311Routes } from "./open311.routes.ts";
import { smsRoutes } from "./sms.routes.ts";

/**
 * The interfaces to other systems as the app mounts them: the API keys' console routes, Open311 GeoReport v2, the
 * 12345 hotline's work orders, SMS (settings, opt-out, receipts), and the jobs sending feedback and SMS.
 */
export const interopModule: ServerModule = {
  name: "interop",
  routes: [interopRoutes, open311Routes, hotlineRoutes, smsRoutes, calendarRoutes],
  jobs: (services) => services.interop.jobs(),
};
