// Row types of every table, as Kysely sees them. Times are ISO-8601 UTC text, flags are 0/1 integers,
// money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";

export interface OrgUnitTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: string;
  name: string;
  code: string;
  path: string;
  address: string | null;
  created_at: string;
}

export interface AllianceUnitTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  kind: string;
  contact_name: string | null;
  contact_mobile_enc: string | null;
  contact_mobile_hash: string | null;
  address: string | null;
  offers: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MerchantTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  category: string;
  operator_name: string;
  mobile_enc: string;
  mobile_hash: string;
  credit_code: string;
  licence_valid_from: string | null;
  licence_valid_to: string | null;
  status: string;
  is_party_member: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MerchantStatusChangeTable {
  id: Generated<number>;
  merchant_id: number;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_user_id: number | null;
  at: string;
}

export interface StallTable {
  id: Generated<number>;
  station_id: number;
  code: string;
  area: number;
  x: number;
  y: number;
  w: number;
  h: number;
  merchant_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ResidentTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  gender: string | null;
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

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_unit_id: number;
  alliance_unit_id: number | null;
  merchant_id: number | null;
  resident_id: number | null;
  mobile_enc: string | null;
  mobile_hash: string | null;
  status: string;
  locale: string;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  identifier: string;
  ip: string | null;
  succeeded: number;
  at: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  station_id: number | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface ImportJobTable {
  id: string;
  kind: string;
  station_id: number;
  user_id: number;
  file_name: string;
  status: string;
  total_rows: number;
  valid_rows: number;
  imported_rows: Generated<number>;
  rows_json: string;
  errors_json: string;
  created_at: string;
  finished_at: string | null;
}

export interface FileTable {
  id: string;
  station_id: number;
  owner_user_id: number;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  attached_to: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface JobLeaseTable {
  name: string;
  lease_owner: string | null;
  lease_until: string;
  last_run_at: string | null;
  last_result: string | null;
}

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
  source: string;
  place: string | null;
  stall_id: number | null;
  reporter_user_id: number | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  status: string;
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
  from_status: string | null;
  to_status: string;
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

export interface OfferTable {
  id: Generated<number>;
  station_id: number;
  unit_id: number;
  title: string;
  description: string;
  kind: string;
  amount_fen: number | null;
  status: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface NeedTable {
  id: Generated<number>;
  station_id: number;
  title: string;
  description: string;
  kind: string;
  status: string;
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
  status: string;
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

export interface MeetingTable {
  id: Generated<number>;
  station_id: number;
  kind: string;
  title: string;
  starts_at: string;
  place: string | null;
  status: string;
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
  source: string;
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
  method: string;
  checked_in_at: string;
}

export interface ActionItemTable {
  id: Generated<number>;
  meeting_id: number;
  station_id: number;
  text: string;
  owner_unit_id: number;
  due_date: string;
  status: string;
  note: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  route: string;
  status_code: number;
  body: string | null;
  created_at: string;
}

export interface BranchTable {
  id: Generated<number>;
  org_unit_id: number;
  parent_id: number | null;
  name: string;
  kind: string;
  created_at: string;
}

export interface MemberTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  gender: string;
  birth_date: string;
  mobile_enc: string | null;
  source_unit: string | null;
  status: string;
  joined_on: string;
  full_on: string | null;
  role: string;
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
  gender: string;
  birth_date: string;
  mobile_enc: string | null;
  merchant_id: number | null;
  resident_id: number | null;
  stage: string;
  status: string;
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
  step: string;
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
  kind: string;
  title: string;
  held_on: string;
  place: string | null;
  status: string;
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
  method: string;
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

export interface AwardRoundTable {
  id: Generated<number>;
  station_id: number;
  category: string;
  month: string;
  status: string;
  publicity_days: number;
  publicity_from: string | null;
  publicity_until: string | null;
  card_valid_months: number;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface NominationTable {
  id: Generated<number>;
  round_id: number;
  resident_id: number;
  nominated_by_user_id: number | null;
  nominated_by_name: string | null;
  reason: string;
  status: string;
  review_note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ObjectionTable {
  id: Generated<number>;
  nomination_id: number;
  by_user_id: number | null;
  text: string;
  status: string;
  decision_note: string | null;
  created_at: string;
}

export interface DiscountCardTable {
  id: Generated<number>;
  station_id: number;
  card_no: string;
  resident_id: number;
  round_id: number | null;
  category: string;
  valid_from: string;
  valid_to: string;
  status: string;
  monthly_cap_fen: number | null;
  monthly_cap_uses: number | null;
  pin_hash: string | null;
  qr_secret: string;
  revoked_reason: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface CardPresentationTable {
  jti: string;
  card_id: number;
  short_code: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface CaringShopTable {
  id: Generated<number>;
  station_id: number;
  merchant_id: number;
  category: string;
  status: string;
  discount_rate_permille: number | null;
  plaque_date: string | null;
  certified_at: string | null;
  review_due: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ShopEventTable {
  id: Generated<number>;
  shop_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface RedemptionTable {
  id: Generated<number>;
  card_id: number;
  shop_id: number;
  operator_user_id: number | null;
  method: string;
  presentation_jti: string | null;
  amount_fen: number;
  discount_rate_permille: number;
  pay_fen: number;
  discount_fen: number;
  month: string;
  created_at: string;
}

export interface MealRecipientTable {
  id: Generated<number>;
  station_id: number;
  resident_id: number;
  provider_shop_id: number;
  weekdays: string;
  active: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MealDeliveryTable {
  id: Generated<number>;
  recipient_id: number;
  provider_shop_id: number;
  date: string;
  status: string;
  note: string | null;
  confirmed_by_user_id: number | null;
  confirmed_by_name: string | null;
  at: string;
}

export interface ServiceItemTable {
  id: Generated<number>;
  station_id: number;
  code: string;
  name: string;
  unit_id: number;
  audience: string;
  materials: string;
  time_limit_days: number;
  handling: string;
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
  channel: string;
  applicant_user_id: number | null;
  merchant_id: number | null;
  resident_id: number | null;
  applicant_name: string;
  applicant_mobile: string | null;
  date: string;
  shift_id: number | null;
  queue_no: number | null;
  status: string;
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
  kind: string;
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
  status: string;
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
  topic: string;
  note: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RedShieldConsultationTable {
  id: Generated<number>;
  station_id: number;
  session_id: number | null;
  booking_id: number | null;
  merchant_id: number;
  topic: string;
  summary: string;
  outcome: string;
  officer_user_id: number | null;
  date: string;
  created_at: string;
}

export interface LendItemTable {
  id: Generated<number>;
  station_id: number;
  kind: string;
  code: string;
  name: string;
  status: string;
  loan_days: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface LoanTable {
  id: Generated<number>;
  station_id: number;
  item_id: number;
  borrower_kind: string;
  resident_id: number | null;
  merchant_id: number | null;
  borrower_user_id: number | null;
  status: string;
  lent_at: string;
  due_at: string;
  returned_at: string | null;
  reminded_at: string | null;
  lent_by_user_id: number | null;
  closed_by_user_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReweighTable {
  id: Generated<number>;
  station_id: number;
  stall_id: number | null;
  merchant_id: number;
  goods: string;
  claimed_grams: number;
  actual_grams: number;
  unit_price_fen: number;
  short_grams: number;
  overcharge_fen: number;
  outcome: string;
  scale_item_id: number | null;
  shopper_user_id: number | null;
  shopper_name: string | null;
  recorded_by_user_id: number | null;
  problem_id: number | null;
  created_at: string;
}

export interface MerchantFindingTable {
  id: Generated<number>;
  station_id: number;
  merchant_id: number;
  source: string;
  reweigh_id: number | null;
  summary: string;
  created_at: string;
}

export interface DB {
  org_units: OrgUnitTable;
  alliance_units: AllianceUnitTable;
  merchants: MerchantTable;
  merchant_status_changes: MerchantStatusChangeTable;
  stalls: StallTable;
  residents: ResidentTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  import_jobs: ImportJobTable;
  files: FileTable;
  notifications: NotificationTable;
  job_leases: JobLeaseTable;
  problem_categories: ProblemCategoryTable;
  problems: ProblemTable;
  problem_events: ProblemEventTable;
  problem_files: ProblemFileTable;
  offers: OfferTable;
  needs: NeedTable;
  projects: ProjectTable;
  project_units: ProjectUnitTable;
  project_updates: ProjectUpdateTable;
  meetings: MeetingTable;
  meeting_units: MeetingUnitTable;
  agenda_items: AgendaItemTable;
  attendances: AttendanceTable;
  action_items: ActionItemTable;
  idempotency_keys: IdempotencyKeyTable;
  branches: BranchTable;
  members: MemberTable;
  development_cases: DevelopmentCaseTable;
  development_steps: DevelopmentStepTable;
  branch_meetings: BranchMeetingTable;
  branch_attendances: BranchAttendanceTable;
  pioneer_posts: PioneerPostTable;
  award_rounds: AwardRoundTable;
  nominations: NominationTable;
  objections: ObjectionTable;
  discount_cards: DiscountCardTable;
  card_presentations: CardPresentationTable;
  caring_shops: CaringShopTable;
  shop_events: ShopEventTable;
  redemptions: RedemptionTable;
  meal_recipients: MealRecipientTable;
  meal_deliveries: MealDeliveryTable;
  service_items: ServiceItemTable;
  service_requests: ServiceRequestTable;
  service_request_events: ServiceRequestEventTable;
  service_ratings: ServiceRatingTable;
  duty_settings: DutySettingsTable;
  duty_rules: DutyRuleTable;
  duty_shifts: DutyShiftTable;
  red_shield_plans: RedShieldPlanTable;
  red_shield_sessions: RedShieldSessionTable;
  red_shield_bookings: RedShieldBookingTable;
  red_shield_consultations: RedShieldConsultationTable;
  lend_items: LendItemTable;
  loans: LoanTable;
  reweighs: ReweighTable;
  merchant_findings: MerchantFindingTable;
}
