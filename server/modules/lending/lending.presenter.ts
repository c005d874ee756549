// Items and loans as the API shows them.
import type { z } from "zod";
import type { ItemStatus, LendItem, LendKind, Loan, LoanStatus, loanBriefSchema } from "../../../contracts/lending.ts";
import type { LendItemTable } from "../../db/tables.ts";
import type { LoanRow } from "./lending.repository.ts";
import { isOverdue } from "./loan.workflow.ts";

type ItemRow = Omit<LendItemTable, "id" | "version"> & { id: number; version: number };

export function presentLoanBrief(row: LoanRow, now: Date): z.infer<typeof loanBriefSchema> {
  return {
    id: row.id,
    borrowerKind: row.borrower_kind as "resident" | "merchant",
    borrowerName: row.borrower_name ?? "",
    lentAt: row.lent_at,
    dueAt: row.due_at,
    overdue: isOverdue(row, now),
  };
}

export function presentItem(row: ItemRow, loan: LoanRow | undefined, now: Date): LendItem {
  return {
    id: row.id,
    stationId: row.station_id,
    kind: row.kind as LendKind,
    code: row.code,
    name: row.name,
    status: row.status as ItemStatus,
    loanDays: row.loan_days,
    note: row.note,
    loan: loan ? presentLoanBrief(loan, now) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function presentLoan(row: LoanRow, now: Date): Loan {
  return {
    id: row.id,
    stationId: row.station_id,
    itemId: row.item_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    kind: row.kind as LendKind,
    borrowerKind: row.borrower_kind as "resident" | "merchant",
    borrowerId: (row.borrower_kind === "merchant" ? row.merchant_id : row.resident_id) ?? 0,
    borrowerName: row.borrower_name ?? "",
    status: row.status as LoanStatus,
    overdue: isOverdue(row, now),
    lentAt: row.lent_at,
    dueAt: row.due_at,
    returnedAt: row.returned_at,
    remindedAt: row.reminded_at,
    lentBy: row.lent_by,
    note: row.note,
  };
}
