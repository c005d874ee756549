// The party module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type {
  AttendanceMethod,
  BranchKind,
  BranchMeetingKind,
  BranchMeetingStatus,
  CaseStatus,
  DevelopmentStage,
  DevelopmentStep,
  Gender,
  MemberRole,
  MemberStatus,
} from "../../../contracts/party.ts";

export interface BranchTable {
  id: Generated<number>;
  org_unit_id: number;
  parent_id: number | null;
  name: string;
  kind: BranchKind;
  created_at: string;
}

export interface MemberTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  gender: Gender;
  birth_date: string;
  mobile_enc: string | null;
  source_unit: string | null;
  status: MemberStatus;
  joined_on: string;
  full_on: string | null;
  role: MemberRole;
  party_group: string | null;
  merchant_id: number | null;
  resident_id: number | null;
  user_id: number | null;
  transferred_in_on: string | null;
  transferred_out_on: string | null;
  transferred_to: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface DevelopmentCaseTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  gender: Gender;
  birth_date: string;
  mobile_enc: string | null;
  merchant_id: number | null;
  resident_id: number | null;
  stage: DevelopmentStage;
  status: CaseStatus;
  extension_months: number | null;
  member_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface DevelopmentStepTable {
  id: Generated<number>;
  case_id: number;
  step: DevelopmentStep;
  on_date: string;
  note: string | null;
  details_json: string;
  actor_user_id: number | null;
  actor_name: string | null;
  created_at: string;
}

export interface BranchMeetingTable {
  id: Generated<number>;
  branch_id: number;
  kind: BranchMeetingKind;
  title: string;
  held_on: string;
  place: string | null;
  status: BranchMeetingStatus;
  minutes: string | null;
  checkin_secret: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface BranchAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  member_id: number;
  method: AttendanceMethod;
  at: string;
}

export interface PioneerPostTable {
  id: Generated<number>;
  member_id: number;
  station_id: number;
  post: string;
  duty: string | null;
  service: string | null;
  show_on_mobile: number;
  active: number;
  created_at: string;
}

export interface PartyTables {
  branches: BranchTable;
  members: MemberTable;
  development_cases: DevelopmentCaseTable;
  development_steps: DevelopmentStepTable;
  branch_meetings: BranchMeetingTable;
  branch_attendances: BranchAttendanceTable;
  pioneer_posts: PioneerPostTable;
}
