// The volunteer service's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type {
  MembershipStatus,
  ObjectionStatus,
  OccurrenceStatus,
  PoliticalStatus,
  SignupSource,
  SignupStatus,
} from "../../../contracts/volunteers.ts";

export interface VolunteerSettingsTable {
  station_id: number;
  number_prefix: string;
  next_number: number;
  updated_at: string;
}

export interface VolunteerTable {
  id: Generated<number>;
  station_id: number;
  user_id: number;
  number: string;
  real_name: string;
  skills: string;
  political_status: PoliticalStatus;
  consent_at: string;
  created_at: string;
  updated_at: string;
}

export interface VolunteerTeamTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  description: string | null;
  leader_volunteer_id: number | null;
  unit_id: number | null;
  service_menu: string;
  created_at: string;
  updated_at: string;
}

export interface VolunteerMembershipTable {
  id: Generated<number>;
  team_id: number;
  volunteer_id: number;
  status: MembershipStatus;
  requested_at: string;
  decided_at: string | null;
  decided_by_user_id: number | null;
  left_at: string | null;
}

export interface VolunteerSeriesTable {
  id: Generated<number>;
  station_id: number;
  title: string;
  rule: string | null;
  once_date: string | null;
  valid_from: string;
  valid_to: string | null;
  place: string;
  start_time: string;
  end_time: string;
  team_ids: string;
  places_per_team: number;
  deadline_hours: number;
  active: Generated<number>;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface VolunteerOccurrenceTable {
  id: Generated<number>;
  station_id: number;
  series_id: number;
  date: string;
  starts_at: string;
  ends_at: string;
  place: string;
  team_ids: string;
  places_per_team: number;
  signup_deadline: string;
  status: OccurrenceStatus;
  status_reason: string | null;
  arrivals: Generated<number>;
  certified_at: string | null;
  certified_by_user_id: number | null;
  public_until: string | null;
  created_at: string;
  updated_at: string;
  /** The photo of the paper roster the organiser entered (a files id), and who entered it when. */
  roster_file_id?: string | null;
  roster_entered_at?: string | null;
  roster_entered_by_user_id?: number | null;
}

export interface VolunteerSignupTable {
  id: Generated<number>;
  occurrence_id: number;
  volunteer_id: number;
  team_id: number;
  arrival: number;
  status: SignupStatus;
  signed_up_at: string;
  withdrawn_at: string | null;
  checked_in_at: string | null;
  checked_out_at: string | null;
  minutes: number | null;
  correction_reason: string | null;
  updated_at: string;
  /** How the sign-up came: the volunteer's own, a leader's assignment, a substitution, the paper roster. */
  source: Generated<SignupSource>;
  /** When the volunteer was asked, the day before, to confirm they come, and when they confirmed. */
  confirmation_asked_at?: string | null;
  confirmed_at?: string | null;
  /** The organiser who entered this sign-up's times from the paper roster. */
  entered_by_user_id?: number | null;
  /** The leader (or staff) who assigned the volunteer, and the sign-up this one substitutes. */
  assigned_by_user_id?: number | null;
  replaces_signup_id?: number | null;
}

export interface VolunteerObjectionTable {
  id: Generated<number>;
  occurrence_id: number;
  signup_id: number;
  volunteer_id: number;
  reason: string;
  status: ObjectionStatus;
  resolution: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by_user_id: number | null;
}

/** People served at an occurrence: a count per kind of the team's service menu, maybe one merchant or resident. */
export interface VolunteerServedTable {
  id: Generated<number>;
  station_id: number;
  occurrence_id: number;
  team_id: number;
  kind: string;
  count: number;
  merchant_id: number | null;
  resident_id: number | null;
  note: string | null;
  recorded_by_user_id: number;
  recorded_at: string;
  confirmed_at: string | null;
  confirmed_by_user_id: number | null;
  updated_at: string;
}

export interface VolunteerRecordCounterTable {
  station_id: number;
  year: number;
  next_seq: number;
}

/** A service record (志愿服务记录证明) as issued: its number, what it certifies (content and its hash), its PDF. */
export interface VolunteerRecordTable {
  id: Generated<number>;
  station_id: number;
  number: string;
  year: number;
  seq: number;
  volunteer_id: number;
  period_from: string;
  period_to: string;
  minutes: number;
  entries: number;
  content: string;
  content_hash: string;
  pdf: Uint8Array | null;
  pdf_sha256: string | null;
  issued_by_user_id: number;
  issued_by_name: string;
  issued_at: string;
}

export interface VolunteersTables {
  volunteer_settings: VolunteerSettingsTable;
  volunteers: VolunteerTable;
  volunteer_teams: VolunteerTeamTable;
  volunteer_memberships: VolunteerMembershipTable;
  volunteer_series: VolunteerSeriesTable;
  volunteer_occurrences: VolunteerOccurrenceTable;
  volunteer_signups: VolunteerSignupTable;
  volunteer_objections: VolunteerObjectionTable;
  volunteer_served: VolunteerServedTable;
  volunteer_record_counters: VolunteerRecordCounterTable;
  volunteer_records: VolunteerRecordTable;
}
