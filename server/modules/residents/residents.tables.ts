// The residents module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { Resident } from "../../../contracts/residents.ts";

export interface ResidentTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  gender: NonNullable<Resident["gender"]> | null;
  birth_date: string | null;
  mobile_enc: string | null;
  mobile_hash: string | null;
  id_number_enc: string;
  id_number_hash: string;
  address: string | null;
  grid: string | null;
  is_liaison_head: number;
  lives_alone: number;
  is_elderly: number;
  consents: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ResidentsTables {
  residents: ResidentTable;
}
