import type { ServerModule } from "../module.ts";
import { screenRoutes } from "./screen.routes.ts";

/** The big screen (/screen/): the console's kiosk tokens and the screen's figures opened with one. */
export const screenModule: ServerModule = {
  name: "screen",
  routes: [screenRoutes],
};
