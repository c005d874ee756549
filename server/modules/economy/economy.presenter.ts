// Rows of the merchant economy turned into the contract's shapes, in one place. Nothing here is personal data beyond
// a merchant's shop name, which every reader of these records may see.

import type { Selectable } from "kysely";
import type { Allocation, Eligibility, Expenditure, FundingSource, Policy, Relief } from "../../../contracts/economy.ts";
import type { FundingAllocationTable, FundingExpenditureTable, FundingSourceTable } from "../../db/tables.ts";
import type { PolicyRow, ReliefRow } from "./economy.repository.ts";

export const eligibilityOf = (row: { eligibility: string }): Eligibility => {
  const e = JSON.parse(row.eligibility) as Partial<Eligibility>;
  return {
    categories: e.categories ?? [],
    statuses: e.statuses ?? [],
    requiresStall: e.requiresStall ?? false,
    registeredBy: e.registeredBy ?? null,
    licenceValidOn: e.licenceValidOn ?? null,
  };
};

export function presentPolicy(row: PolicyRow): Policy {
  return {
    id: row.id,
    stationId: row.station_id,
    kind: row.kind,
    title: row.title,
    beneficiaries: row.beneficiaries,
    conditions: row.conditions,
    amounts: row.amounts,
    whereToApply: row.where_to_apply,
    contact: row.contact,
    opensOn: row.opens_on,
    deadline: row.deadline,
    capFen: row.cap_fen,
    eligibility: eligibilityOf(row),
    status: row.status,
    openedNotifiedAt: row.opened_notified_at,
    remindedAt: row.reminded_at,
    version: row.version,
  };
}

export function presentRelief(row: ReliefRow): Relief {
  return {
    id: row.id,
    stationId: row.station_id,
    policyId: row.policy_id,
    policyTitle: row.policy_title,
    policyKind: row.policy_kind,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    status: row.status,
    channel: row.channel,
    requestedFen: row.requested_fen,
    reason: row.reason,
    documentIds: JSON.parse(row.document_ids) as string[],
    appliedAt: row.applied_at,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    approvedFen: row.approved_fen,
    approvedAt: row.approved_at,
    rejectedReason: row.rejected_reason,
    disbursedFen: row.disbursed_fen,
    disbursedOn: row.disbursed_on,
    payer: row.payer,
    loan:
      row.loan_principal_fen !== null
        ? {
            principalFen: row.loan_principal_fen,
            rateBp: row.loan_rate_bp ?? 0,
            subsidyFen: row.loan_subsidy_fen ?? 0,
            termMonths: row.loan_term_months ?? 0,
          }
        : null,
    closedAt: row.closed_at,
    version: row.version,
  };
}

export function presentSource(row: Selectable<FundingSourceTable> & { spent_fen: number }): FundingSource {
  return {
    id: row.id,
    stationId: row.station_id,
    name: row.name,
    kind: row.kind,
    receivedFen: row.received_fen,
    receivedOn: row.received_on,
    allocatedFen: row.allocated_fen,
    unallocatedFen: row.received_fen - row.allocated_fen,
    spentFen: row.spent_fen,
    note: row.note,
    version: row.version,
  };
}

export function presentAllocation(
  row: Selectable<FundingAllocationTable> & { source_name: string; project_name: string | null },
): Allocation {
  return {
    id: row.id,
    stationId: row.station_id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    projectId: row.project_id,
    projectName: row.project_name,
    activity: row.activity,
    amountFen: row.amount_fen,
    shareBp: row.share_bp,
    splitKey: row.split_key,
    spentFen: row.spent_fen,
    balanceFen: row.amount_fen - row.spent_fen,
    allocatedOn: row.allocated_on,
    note: row.note,
  };
}

export function presentExpenditure(row: Selectable<FundingExpenditureTable>): Expenditure {
  return {
    id: row.id,
    allocationId: row.allocation_id,
    amountFen: row.amount_fen,
    spentOn: row.spent_on,
    payee: row.payee,
    purpose: row.purpose,
    receiptIds: JSON.parse(row.receipt_ids) as string[],
    status: row.status,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}
