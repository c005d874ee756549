import type { ServerModule } from "../module.ts";
import { listsExports } from "./lists.exports.ts";
import { listsRoutes } from "./lists.routes.ts";

/** The lists module as the app mounts it: its routes. */
export const listsModule: ServerModule = {
  name: "lists",
  routes: [listsRoutes, listsExports],
};
