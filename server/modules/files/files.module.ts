import type { ServerModule } from "../module.ts";
import { filesRoutes } from "./files.routes.ts";

/** The files module as the app mounts it: its routes and its timed jobs. */
export const filesModule: ServerModule = {
  name: "files",
  routes: [filesRoutes],
  jobs: (services) => [...services.files.jobs()],
};
