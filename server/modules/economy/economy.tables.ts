// The merchant economy's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type {
  ClosureCause,
  ExpenditureStatus,
  FundingSourceKind,
  PolicyKind,
  PolicyStatus,
  ProjectFigureKind,
  ReliefChannel,
  ReliefStatus,
} from "../../../contracts/economy.ts";
import type { MerchantStatus } from "../../../contracts/merchants.ts";

export interface EconomyPolicyTable {
  id: Generated<number>;
  station_id: number;
  kind: PolicyKind;
  title: string;
  beneficiaries: string;
  conditions: string;
  amounts: string;
  where_to_apply: string;
  contact: string;
  opens_on: string;
  deadline: string;
  cap_fen: number;
  eligibility: string;
  status: PolicyStatus;
  opened_notified_at: string | null;
  reminded_at: string | null;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ReliefApplicationTable {
  id: Generated<number>;
  station_id: number;
  policy_id: number;
  merchant_id: number;
  status: ReliefStatus;
  channel: ReliefChannel;
  requested_fen: number;
  reason: string | null;
  document_ids: string;
  applied_by_user_id: number | null;
  applied_at: string;
  reviewed_at: string | null;
  reviewed_by_user_id: number | null;
  review_note: string | null;
  approved_fen: number | null;
  approved_at: string | null;
  approved_by_user_id: number | null;
  rejected_reason: string | null;
  disbursed_fen: number | null;
  disbursed_on: string | null;
  payer: string | null;
  loan_principal_fen: number | null;
  loan_rate_bp: number | null;
  loan_subsidy_fen: number | null;
  loan_term_months: number | null;
  disbursed_at: string | null;
  disbursed_by_user_id: number | null;
  closed_at: string | null;
  updated_at: string;
  version: Generated<number>;
}

export interface MerchantOperatingMonthTable {
  id: Generated<number>;
  station_id: number;
  merchant_id: number;
  month: string;
  status: MerchantStatus;
  cause: ClosureCause | null;
  reason: string | null;
  confirmed_by_user_id: number | null;
  confirmed_at: string;
}

export interface EconomyEnterpriseTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  contact_name: string | null;
  contact_title: string | null;
  mobilised_by_unit_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface EconomyPledgeTable {
  id: Generated<number>;
  enterprise_id: number;
  period: string;
  amount_fen: number;
}

export interface EconomyPurchaseTable {
  id: Generated<number>;
  station_id: number;
  enterprise_id: number;
  merchant_id: number;
  amount_fen: number;
  purchased_on: string;
  invoice_no: string;
  status: "pending" | "confirmed" | "disputed";
  import_id: string | null;
  recorded_by_user_id: number | null;
  recorded_at: string;
  confirmed_at: string | null;
  confirmed_by_user_id: number | null;
}

export interface FundingSourceTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  kind: FundingSourceKind;
  received_fen: number;
  received_on: string;
  allocated_fen: Generated<number>;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface FundingAllocationTable {
  id: Generated<number>;
  station_id: number;
  source_id: number;
  project_id: number | null;
  activity: string | null;
  amount_fen: number;
  share_bp: number;
  split_key: string;
  spent_fen: Generated<number>;
  allocated_on: string;
  note: string | null;
  created_by_user_id: number | null;
  created_at: string;
}

export interface FundingExpenditureTable {
  id: Generated<number>;
  station_id: number;
  allocation_id: number;
  amount_fen: number;
  spent_on: string;
  payee: string;
  purpose: string;
  receipt_ids: string;
  status: ExpenditureStatus;
  requested_by_user_id: number | null;
  requested_at: string;
  decided_by_user_id: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ProjectFigureTable {
  id: Generated<number>;
  project_id: number;
  figure: ProjectFigureKind;
  policy_id: number | null;
  label: string;
  position: number;
  created_at: string;
}

export interface EconomyTables {
  project_figures: ProjectFigureTable;
  economy_policies: EconomyPolicyTable;
  relief_applications: ReliefApplicationTable;
  merchant_operating_months: MerchantOperatingMonthTable;
  economy_enterprises: EconomyEnterpriseTable;
  economy_pledges: EconomyPledgeTable;
  economy_purchases: EconomyPurchaseTable;
  funding_sources: FundingSourceTable;
  funding_allocations: FundingAllocationTable;
  funding_expenditures: FundingExpenditureTable;
}
