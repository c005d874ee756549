// What every module receives from the app: the database, the configuration, the personal-data vault and the clock.
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "./clock.ts";
import type { Vault } from "./crypto.ts";

export interface AppDeps {
  database: Database;
  config: Config;
  vault: Vault;
  /** The one source of "now" (platform/clock.ts): services, jobs and presenters read time from it. */
  clock: Clock;
  logger?: FastifyBaseLogger | false;
}
