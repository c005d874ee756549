// The alliance-units module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { AllianceUnitKind, allianceUnitStatuses } from "../../../contracts/alliance-units.ts";

export interface AllianceUnitTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  kind: AllianceUnitKind;
  contact_name: string | null;
  contact_mobile_enc: string | null;
  contact_mobile_hash: string | null;
  address: string | null;
  offers: string | null;
  status: (typeof allianceUnitStatuses)[number];
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AllianceUnitsTables {
  alliance_units: AllianceUnitTable;
}
