// The problems module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { ProblemSource, ProblemStatus } from "../../../contracts/problems.ts";

export interface ProblemCategoryTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  time_limit_days: number;
  active: Generated<number>;
  created_at: string;
}

export interface ProblemTable {
  id: Generated<number>;
  station_id: number;
  code: string;
  title: string;
  description: string;
  category_code: string;
  source: ProblemSource;
  place: string | null;
  stall_id: number | null;
  reporter_user_id: number | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  status: ProblemStatus;
  unit_id: number | null;
  due_at: string | null;
  escalated_meeting_id: number | null;
  rating: number | null;
  rating_comment: string | null;
  resolution: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProblemEventTable {
  id: Generated<number>;
  problem_id: number;
  action: string;
  from_status: ProblemStatus | null;
  to_status: ProblemStatus;
  note: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  at: string;
}

export interface ProblemFileTable {
  problem_id: number;
  event_id: number | null;
  file_id: string;
}

export interface ProblemsTables {
  problem_categories: ProblemCategoryTable;
  problems: ProblemTable;
  problem_events: ProblemEventTable;
  problem_files: ProblemFileTable;
}
