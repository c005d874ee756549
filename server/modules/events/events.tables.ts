// The events module's tables as Kysely sees them (migration 2026-12-02-13-events.ts).
import type { Generated } from "kysely";
import type {
  AudienceMethod,
  BaselineKind,
  BookingPurpose,
  BookingStatus,
  CampaignKind,
  CountMethod,
  DayRole,
  EventKind,
  EventStatus,
  MemberKind,
} from "../../../contracts/events.ts";

export interface EventTable {
  id: Generated<number>;
  station_id: number;
  kind: EventKind;
  title: string;
  description: string | null;
  themes: string;
  place: string;
  starts_at: string;
  ends_at: string;
  organiser_unit_ids: string;
  organiser_team_ids: string;
  unit_ids: string;
  merchant_ids: string;
  budget_fen: number | null;
  budget_note: string | null;
  project_id: number | null;
  holiday: string | null;
  baseline_kind: BaselineKind | null;
  promotion_dates: string | null;
  baseline_dates: string | null;
  programme: string | null;
  audience_group: string | null;
  campaign_kind: CampaignKind | null;
  takes_signups: Generated<number>;
  signup_capacity: number | null;
  status: EventStatus;
  approved_at: string | null;
  approved_by_user_id: number | null;
  held_at: string | null;
  reported_at: string | null;
  report_summary: string | null;
  cancelled_at: string | null;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
  /** Raised by every change of the event's own (edits, steps); an edit sends the version it read. */
  version: Generated<number>;
}

export interface EventSignupTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  name: string;
  status: "signed_up" | "withdrawn";
  signed_up_at: string;
  withdrawn_at: string | null;
}

export interface EventCountTable {
  id: Generated<number>;
  event_id: number;
  date: string;
  day_role: DayRole;
  method: CountMethod;
  entrance: string | null;
  entries: number | null;
  re_entries: number | null;
  exits: number | null;
  visitors: number;
  note: string | null;
  recorded_by_user_id: number | null;
  recorded_by_name: string;
  recorded_at: string;
}

export interface EventPhotoTable {
  id: Generated<number>;
  event_id: number;
  file_id: string;
  taken_at: string | null;
  outside_window: Generated<number>;
  caption: string | null;
  uploaded_by_user_id: number | null;
  created_at: string;
}

export interface EventTakingsTable {
  id: Generated<number>;
  event_id: number;
  merchant_id: number;
  date: string;
  day_role: "baseline" | "promotion";
  amount_fen: number;
  reported_by_user_id: number | null;
  reported_by_name: string;
  reported_at: string;
}

export interface StageVenueTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  place: string;
  open_from: string;
  open_to: string;
  open_weekdays: string;
  funding_note: string | null;
  budget_fen: number | null;
  created_at: string;
  updated_at: string;
}

export interface StageBlockTable {
  id: Generated<number>;
  venue_id: number;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_at: string;
}

export interface CulturalTeamTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  description: string | null;
  unit_id: number | null;
  leader_user_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface CulturalTeamMemberTable {
  id: Generated<number>;
  team_id: number;
  member_kind: MemberKind;
  resident_id: number | null;
  merchant_id: number | null;
  name: string;
  role: "leader" | "member";
  joined_at: string;
}

export interface StageBookingTable {
  id: Generated<number>;
  station_id: number;
  venue_id: number;
  team_id: number | null;
  unit_id: number | null;
  purpose: BookingPurpose;
  title: string;
  starts_at: string;
  ends_at: string;
  series_key: string | null;
  status: BookingStatus;
  decision_note: string | null;
  requested_by_user_id: number | null;
  decided_by_user_id: number | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StageSlotTable {
  venue_id: number;
  slot_start: string;
  booking_id: number;
}

export interface StagePerformanceTable {
  id: Generated<number>;
  station_id: number;
  venue_id: number;
  booking_id: number | null;
  event_id: number | null;
  team_id: number;
  title: string;
  theme: string;
  performed_at: string;
  audience: number;
  audience_method: AudienceMethod;
  recorded_by_user_id: number | null;
  recorded_by_name: string;
  created_at: string;
}

export interface EnvironmentRoundTable {
  id: Generated<number>;
  station_id: number;
  event_id: number | null;
  kind: CampaignKind;
  area: string;
  date: string;
  checklist: string;
  inspector_user_id: number | null;
  inspector_name: string;
  note: string | null;
  created_at: string;
}

export interface EnvironmentFindingTable {
  id: Generated<number>;
  round_id: number;
  description: string;
  place: string;
  problem_id: number | null;
  created_at: string;
}

export interface EventsTables {
  events: EventTable;
  event_signups: EventSignupTable;
  event_counts: EventCountTable;
  event_photos: EventPhotoTable;
  event_takings: EventTakingsTable;
  stage_venues: StageVenueTable;
  stage_blocks: StageBlockTable;
  cultural_teams: CulturalTeamTable;
  cultural_team_members: CulturalTeamMemberTable;
  stage_bookings: StageBookingTable;
  stage_slots: StageSlotTable;
  stage_performances: StagePerformanceTable;
  environment_rounds: EnvironmentRoundTable;
  environment_findings: EnvironmentFindingTable;
}
