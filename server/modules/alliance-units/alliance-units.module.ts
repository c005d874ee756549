import type { ServerModule } from "../module.ts";
import { allianceFigures } from "./alliance-units.figures.ts";
import { allianceUnitsRoutes } from "./alliance-units.routes.ts";

/** The alliance-units module as the app mounts it: its routes. */
export const allianceUnitsModule: ServerModule = {
  name: "alliance-units",
  routes: [allianceUnitsRoutes],
  figures: (db) => allianceFigures(db),
};
