// The counter module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { RequestChannel, RequestEventKind, RequestStatus, ServiceAudience, ServiceHandling } from "../../../contracts/counter.ts";

export interface ServiceItemTable {
  id: Generated<number>;
  station_id: number;
  code: string;
  name: string;
  unit_id: number;
  audience: ServiceAudience;
  materials: string;
  time_limit_days: number;
  handling: ServiceHandling;
  fee_fen: Generated<number>;
  description: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ServiceRequestTable {
  id: Generated<number>;
  station_id: number;
  item_id: number;
  channel: RequestChannel;
  applicant_user_id: number | null;
  merchant_id: number | null;
  resident_id: number | null;
  applicant_name: string;
  applicant_mobile: string | null;
  date: string;
  shift_id: number | null;
  queue_no: number | null;
  status: RequestStatus;
  note: string | null;
  handled_by_user_id: number | null;
  forwarded_at: string | null;
  due_date: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ServiceRequestEventTable {
  id: Generated<number>;
  request_id: number;
  kind: RequestEventKind;
  note: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface ServiceRatingTable {
  request_id: number;
  easy: number;
  satisfying: number;
  warm: number;
  considerate: number;
  pleasant: number;
  comment: string | null;
  created_at: string;
}

export interface CounterTables {
  service_items: ServiceItemTable;
  service_requests: ServiceRequestTable;
  service_request_events: ServiceRequestEventTable;
  service_ratings: ServiceRatingTable;
}
