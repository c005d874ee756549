// The lending module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { BorrowerKind, ItemStatus, LendKind, LoanStatus, ReweighOutcome } from "../../../contracts/lending.ts";

export interface LendItemTable {
  id: Generated<number>;
  station_id: number;
  kind: LendKind;
  code: string;
  name: string;
  status: ItemStatus;
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
  borrower_kind: BorrowerKind;
  resident_id: number | null;
  merchant_id: number | null;
  borrower_user_id: number | null;
  status: LoanStatus;
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
  outcome: ReweighOutcome;
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

export interface LendingTables {
  lend_items: LendItemTable;
  loans: LoanTable;
  reweighs: ReweighTable;
  merchant_findings: MerchantFindingTable;
}
