import type { ServerModule } from "../module.ts";
import { nightMarketExports } from "./night-market.exports.ts";
import { nightMarketFigures } from "./night-market.figures.ts";
import { nightMarketRoutes } from "./night-market.routes.ts";

/** The night market as the app mounts it: its routes and the job offering untaken pitches to the waiting list. */
export const nightMarketModule: ServerModule = {
  name: "night-market",
  routes: [nightMarketRoutes, nightMarketExports],
  jobs: (services) => services.nightMarket.jobs(),
  figures: (db) => nightMarketFigures(db),
};
