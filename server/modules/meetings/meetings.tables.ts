// The meetings module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { ActionItemStatus, AgendaSource, AttendanceMethod, MeetingKind, MeetingStatus } from "../../../contracts/meetings.ts";

export interface MeetingTable {
  id: Generated<number>;
  station_id: number;
  kind: MeetingKind;
  title: string;
  starts_at: string;
  place: string | null;
  status: MeetingStatus;
  minutes: string | null;
  cancel_reason: string | null;
  checkin_secret: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MeetingUnitTable {
  meeting_id: number;
  unit_id: number;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  source: AgendaSource;
  ref_id: number | null;
  title: string;
  note: string | null;
  position: number;
}

export interface AttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number | null;
  name: string;
  unit_id: number | null;
  method: AttendanceMethod;
  checked_in_at: string;
}

export interface ActionItemTable {
  id: Generated<number>;
  meeting_id: number;
  station_id: number;
  text: string;
  owner_unit_id: number;
  due_date: string;
  status: ActionItemStatus;
  note: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MeetingsTables {
  meetings: MeetingTable;
  meeting_units: MeetingUnitTable;
  agenda_items: AgendaItemTable;
  attendances: AttendanceTable;
  action_items: ActionItemTable;
}
