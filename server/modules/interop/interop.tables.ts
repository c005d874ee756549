// The interop module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
import type { Generated } from "kysely";
import type { ApiKeyPurpose, ApiKeyStatus } from "../../../contracts/interop.ts";

export interface InteropApiKeyTable {
  id: Generated<number>;
  name: string;
  purpose: ApiKeyPurpose;
  station_id: number;
  prefix: string;
  key_hash: string;
  status: ApiKeyStatus;
  created_by_user_id: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface Open311RequestTable {
  id: Generated<number>;
  problem_id: number;
  api_key_id: number;
  service_code: string;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  device_id: string | null;
  account_id: string | null;
  media_url: string | null;
  /** JSON: attribute code → value. */
  attributes: string;
  created_at: string;
}

export interface InteropTables {
  interop_api_keys: InteropApiKeyTable;
  open311_requests: Open311RequestTable;
}
