// The duty module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { BookingStatus, ConsultationOutcome, ConsultationTopic, SessionStatus } from "../../../contracts/duty.ts";

export interface DutySettingsTable {
  station_id: number;
  desks: number;
  updated_at: string;
}

export interface DutyRuleTable {
  id: Generated<number>;
  station_id: number;
  unit_id: number;
  rule: string;
  valid_from: string;
  valid_to: string;
  start_time: string;
  end_time: string;
  capacity: number;
  created_by_user_id: number | null;
  created_at: string;
}

export interface DutyShiftTable {
  id: Generated<number>;
  station_id: number;
  unit_id: number;
  date: string;
  start_time: string;
  end_time: string;
  capacity: number;
  booked: Generated<number>;
  officer_user_id: number | null;
  rule_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface RedShieldPlanTable {
  id: Generated<number>;
  station_id: number;
  unit_id: number;
  rule: string;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  place: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RedShieldSessionTable {
  id: Generated<number>;
  station_id: number;
  plan_id: number | null;
  unit_id: number;
  date: string;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  place: string;
  status: SessionStatus;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface RedShieldBookingTable {
  id: Generated<number>;
  session_id: number;
  slot: string;
  merchant_id: number;
  booked_by_user_id: number | null;
  topic: ConsultationTopic;
  note: string | null;
  status: BookingStatus;
  created_at: string;
  updated_at: string;
}

export interface RedShieldConsultationTable {
  id: Generated<number>;
  station_id: number;
  session_id: number | null;
  booking_id: number | null;
  merchant_id: number;
  topic: ConsultationTopic;
  summary: string;
  outcome: ConsultationOutcome;
  officer_user_id: number | null;
  date: string;
  created_at: string;
}

export interface DutyTables {
  duty_settings: DutySettingsTable;
  duty_rules: DutyRuleTable;
  duty_shifts: DutyShiftTable;
  red_shield_plans: RedShieldPlanTable;
  red_shield_sessions: RedShieldSessionTable;
  red_shield_bookings: RedShieldBookingTable;
  red_shield_consultations: RedShieldConsultationTable;
}
