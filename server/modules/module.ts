// What a capability module hands the app (server/modules/index.ts lists them): its route plugins, mounted under
// the access gate in the listed order, and the timed jobs its services offer to the scheduler.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/tables.ts";
import type { SessionStore } from "../platform/auth.ts";
import type { AppDeps } from "../platform/context.ts";
import type { Job } from "../platform/jobs.ts";
import type { Services } from "../services.ts";
import type { FigureDefinition } from "./figures/figure.ts";

/** What every route plugin receives: the app's dependencies, the session store and the modules' services. */
export interface ModuleDeps extends AppDeps {
  sessions: SessionStore;
  services: Services;
}

export interface ServerModule {
  name: string;
  routes: ((app: FastifyInstance, deps: ModuleDeps) => Promise<void>)[];
  jobs?: (services: Services) => Job[];
  /** The module's figures for the dictionary (server/modules/figures): each defined once, computed from records. */
  figures?: (db: Kysely<DB>, services: Services) => FigureDefinition[];
}
