// The org module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { OrgKind } from "../../../contracts/org.ts";

export interface OrgUnitTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: OrgKind;
  name: string;
  code: string;
  path: string;
  address: string | null;
  created_at: string;
  /** Raised by every edit (optimistic locking); the last edit's time, null until the first. */
  version: Generated<number>;
  updated_at: string | null;
}

export interface OrgTables {
  org_units: OrgUnitTable;
}
