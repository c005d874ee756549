import type { ServerModule } from "../module.ts";
import { accountsExports } from "./accounts.exports.ts";
import { accountsRoutes } from "./accounts.routes.ts";

/** The accounts module as the app mounts it: its routes. */
export const accountsModule: ServerModule = {
  name: "accounts",
  routes: [accountsRoutes, accountsExports],
};
