// The screen module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
import type { Generated } from "kysely";
import type { ScopeKind } from "../../../contracts/figures.ts";

export interface KioskTokenTable {
  id: Generated<number>;
  label: string;
  unit_id: number;
  unit_kind: ScopeKind;
  prefix: string;
  token_hash: string;
  created_by_user_id: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ScreenTables {
  kiosk_tokens: KioskTokenTable;
}
