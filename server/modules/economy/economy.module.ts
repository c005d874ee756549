import type { ServerModule } from "../module.ts";
import { economyExports } from "./economy.exports.ts";
import { economyFigures } from "./economy.figures.ts";
import { economyRoutes } from "./economy.routes.ts";
import { ledgerRoutes } from "./ledger.routes.ts";
import { purchasesRoutes } from "./purchases.routes.ts";

/** The merchant economy as the app mounts it: policies, relief, survival, directed consumption, the funding ledger, and the policy notices' job. */
export const economyModule: ServerModule = {
  name: "economy",
  routes: [economyRoutes, ledgerRoutes, purchasesRoutes, economyExports],
  jobs: (services) => services.economy.jobs(),
  figures: (db) => economyFigures(db),
};
