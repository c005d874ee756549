// The accounts module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { Role } from "../../../contracts/access.ts";
import type { userStatuses } from "../../../contracts/users.ts";

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_unit_id: number;
  alliance_unit_id: number | null;
  merchant_id: number | null;
  resident_id: number | null;
  mobile_enc: string | null;
  mobile_hash: string | null;
  status: (typeof userStatuses)[number];
  locale: string;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A password the account used before (its hash), kept for the last five. */
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  replaced_at: string;
}

export interface AccountsTables {
  users: UserTable;
  password_history: PasswordHistoryTable;
}
