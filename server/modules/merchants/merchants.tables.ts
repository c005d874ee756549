// The merchants module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { MerchantCategory, MerchantStatus } from "../../../contracts/merchants.ts";

export interface MerchantTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  category: MerchantCategory;
  operator_name: string;
  mobile_enc: string;
  mobile_hash: string;
  credit_code: string;
  licence_valid_from: string | null;
  licence_valid_to: string | null;
  status: MerchantStatus;
  is_party_member: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MerchantStatusChangeTable {
  id: Generated<number>;
  merchant_id: number;
  from_status: MerchantStatus | null;
  to_status: MerchantStatus;
  reason: string | null;
  actor_user_id: number | null;
  at: string;
}

export interface MerchantsTables {
  merchants: MerchantTable;
  merchant_status_changes: MerchantStatusChangeTable;
}
