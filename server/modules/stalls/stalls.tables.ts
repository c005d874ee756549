// The stalls module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";

export interface StallTable {
  id: Generated<number>;
  station_id: number;
  code: string;
  area: number;
  x: number;
  y: number;
  w: number;
  h: number;
  merchant_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface StallsTables {
  stalls: StallTable;
}
