// What every module receives from the app: the database, the configuration and the personal-data vault.
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { Vault } from "./crypto.ts";

export interface AppDeps {
  database: Database;
  config: Config;
  vault: Vault;
  logger?: FastifyBaseLogger | false;
}
