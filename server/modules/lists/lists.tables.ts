// The lists module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { NeedKind, NeedStatus, OfferKind, OfferStatus, ProjectStatus } from "../../../contracts/lists.ts";

export interface OfferTable {
  id: Generated<number>;
  station_id: number;
  unit_id: number;
  title: string;
  description: string;
  kind: OfferKind;
  amount_fen: number | null;
  status: OfferStatus;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface NeedTable {
  id: Generated<number>;
  station_id: number;
  title: string;
  description: string;
  kind: NeedKind;
  status: NeedStatus;
  raised_by_user_id: number | null;
  raised_by_name: string | null;
  offer_id: number | null;
  project_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProjectTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  description: string | null;
  owner_unit_id: number;
  budget_fen: number;
  funding_json: string;
  start_date: string;
  end_date: string | null;
  status: ProjectStatus;
  percent: Generated<number>;
  outcomes_json: string;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProjectUnitTable {
  project_id: number;
  unit_id: number;
}

export interface ProjectUpdateTable {
  id: Generated<number>;
  project_id: number;
  note: string;
  percent: number;
  actor_user_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface ListsTables {
  offers: OfferTable;
  needs: NeedTable;
  projects: ProjectTable;
  project_units: ProjectUnitTable;
  project_updates: ProjectUpdateTable;
}
