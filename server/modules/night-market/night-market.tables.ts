// The night market's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, nights are station dates, flags are 0/1 integers, money is integer fen.
import type { Generated } from "kysely";
import type {
  AllocationRule,
  ApplicationStatus,
  CountMethod,
  EmployerKind,
  IncidentKind,
  NightStatus,
  OfferStatus,
  OperatorKind,
  PaymentKind,
  PitchKind,
  PitchNightSource,
  PitchNightStatus,
  SeasonStatus,
  Weather,
} from "../../../contracts/night-market.ts";

export interface NightMarketSeasonTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  opens_at: string;
  closes_at: string;
  closed_weekdays: string;
  closed_nights: string;
  application_deadline: string;
  allocation_rule: AllocationRule;
  max_pitches_per_operator: number;
  checkin_by: string;
  suspend_after: number;
  deposit_fen: number;
  status: SeasonStatus;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface NightMarketPitchTable {
  id: Generated<number>;
  season_id: number;
  station_id: number;
  number: string;
  kind: PitchKind;
  area: number;
  power_watts: number;
  fee_fen: number;
  x: number;
  y: number;
  w: number;
  h: number;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface NightMarketOperatorTable {
  id: Generated<number>;
  station_id: number;
  user_id: number | null;
  kind: OperatorKind;
  merchant_id: number | null;
  name: string;
  bad_records: Generated<number>;
  suspended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NightMarketApplicationTable {
  id: Generated<number>;
  season_id: number;
  station_id: number;
  operator_id: number;
  kind: PitchKind;
  goods: string;
  pitches_wanted: number;
  preferred_pitch_id: number | null;
  food_licence_no: string | null;
  document_ids: string;
  status: ApplicationStatus;
  review_note: string | null;
  reviewed_by_user_id: number | null;
  reviewed_at: string | null;
  submitted_at: string;
  updated_at: string;
}

export interface NightMarketAllocationRunTable {
  id: Generated<number>;
  season_id: number;
  rule: AllocationRule;
  seed: string | null;
  input: string;
  result: string;
  result_hash: string;
  run_by_user_id: number | null;
  run_at: string;
}

export interface NightMarketPitchNightTable {
  id: Generated<number>;
  season_id: number;
  pitch_id: number;
  night: string;
  operator_id: number;
  source: PitchNightSource;
  status: PitchNightStatus;
  checked_in_at: string | null;
  released_at: string | null;
  created_at: string;
}

export interface NightMarketOfferTable {
  id: Generated<number>;
  season_id: number;
  pitch_id: number;
  night: string;
  status: OfferStatus;
  claimed_by_operator_id: number | null;
  offered_at: string;
  claimed_at: string | null;
}

export interface NightMarketPaymentTable {
  id: Generated<number>;
  season_id: number;
  operator_id: number;
  kind: PaymentKind;
  amount_fen: number;
  note: string | null;
  recorded_by_user_id: number | null;
  recorded_at: string;
}

export interface NightMarketNightTable {
  id: Generated<number>;
  season_id: number;
  station_id: number;
  night: string;
  status: NightStatus;
  weather: Weather | null;
  visitors_in: number | null;
  visitors_out: number | null;
  turnover_fen: number | null;
  operators: number | null;
  incidents: number | null;
  closed_at: string | null;
  closed_by_user_id: number | null;
  correction_reason: string | null;
  corrected_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NightMarketCountTable {
  id: Generated<number>;
  night_id: number;
  entrance: string;
  method: CountMethod;
  visitors_in: number;
  visitors_out: number;
  recorded_by_user_id: number | null;
  recorded_at: string;
}

export interface NightMarketTakingTable {
  id: Generated<number>;
  night_id: number;
  operator_id: number;
  amount_fen: number;
  unusual: number;
  reported_at: string;
}

export interface NightMarketIncidentTable {
  id: Generated<number>;
  season_id: number;
  station_id: number;
  night: string;
  kind: IncidentKind;
  pitch_id: number | null;
  operator_id: number | null;
  description: string;
  bad_record: number;
  problem_id: number | null;
  recorded_by_user_id: number | null;
  created_at: string;
}

export interface NightMarketJobTable {
  id: Generated<number>;
  station_id: number;
  employer_kind: EmployerKind;
  operator_id: number | null;
  person_name: string;
  mobile_enc: string | null;
  role: string;
  origin: string;
  starts_on: string;
  ends_on: string | null;
  has_contract: number;
  created_at: string;
  updated_at: string;
}

export interface NightMarketTables {
  night_market_seasons: NightMarketSeasonTable;
  night_market_pitches: NightMarketPitchTable;
  night_market_operators: NightMarketOperatorTable;
  night_market_applications: NightMarketApplicationTable;
  night_market_allocation_runs: NightMarketAllocationRunTable;
  night_market_pitch_nights: NightMarketPitchNightTable;
  night_market_offers: NightMarketOfferTable;
  night_market_payments: NightMarketPaymentTable;
  night_market_nights: NightMarketNightTable;
  night_market_counts: NightMarketCountTable;
  night_market_takings: NightMarketTakingTable;
  night_market_incidents: NightMarketIncidentTable;
  night_market_jobs: NightMarketJobTable;
}
