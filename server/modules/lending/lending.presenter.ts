// Items, loans, borrowers and the loans sheet as the API shows them (phone numbers masked).
import type { z } from "zod";
import { stationDate, stationTime } from "../../../contracts/calendar.ts";
import type { LendItem, Loan, LoanStatus, loanBriefSchema } from "../../../contracts/lending.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { ItemRow, LoanRow, MerchantBorrowerRow, ResidentBorrowerRow } from "./lending.repository.ts";
import { isOverdue } from "./loan.workflow.ts";

export function presentLoanBrief(row: LoanRow, now: Date): z.infer<typeof loanBriefSchema> {
  return {
    id: row.id,
    borrowerKind: row.borrower_kind,
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
    kind: row.kind,
    code: row.code,
    name: row.name,
    status: row.status,
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
    kind: row.kind,
    borrowerKind: row.borrower_kind,
    borrowerId: (row.borrower_kind === "merchant" ? row.merchant_id : row.resident_id) ?? 0,
    borrowerName: row.borrower_name ?? "",
    status: row.status,
    overdue: isOverdue(row, now),
    lentAt: row.lent_at,
    dueAt: row.due_at,
    returnedAt: row.returned_at,
    remindedAt: row.reminded_at,
    lentBy: row.lent_by,
    note: row.note,
  };
}

/** An instant as the station reads it: date and time. */
export const stationStamp = (iso: string) => `${stationDate(iso)} ${stationTime(iso)}`;

export const loanExportColumns = [
  { key: "itemCode", header: "物品编码" },
  { key: "itemName", header: "物品" },
  { key: "borrowerKind", header: "借用人类型" },
  { key: "borrowerName", header: "借用人" },
  { key: "lentAt", header: "借出时间" },
  { key: "dueAt", header: "应还时间" },
  { key: "status", header: "状态" },
  { key: "returnedAt", header: "归还/登记时间" },
  { key: "remindedAt", header: "逾期提醒" },
  { key: "lentBy", header: "经办人" },
  { key: "note", header: "备注" },
] as const;

const loanStatusNames: Record<LoanStatus, string> = { out: "借出中", returned: "已归还", lost: "遗失", damaged: "损坏" };

/** One line of the loans sheet, overdue as of `now`. */
export function presentLoanExportRow(row: LoanRow, now: Date): Record<(typeof loanExportColumns)[number]["key"], string> {
  const l = presentLoan(row, now);
  return {
    itemCode: l.itemCode,
    itemName: l.itemName,
    borrowerKind: l.borrowerKind === "resident" ? "居民" : "商户",
    borrowerName: l.borrowerName,
    lentAt: stationStamp(l.lentAt),
    dueAt: stationStamp(l.dueAt),
    status: l.overdue ? "逾期未还" : loanStatusNames[l.status],
    returnedAt: l.returnedAt ? stationStamp(l.returnedAt) : "",
    remindedAt: l.remindedAt ? stationStamp(l.remindedAt) : "",
    lentBy: l.lentBy ?? "",
    note: l.note ?? "",
  };
}

function maskedPhone(vault: Vault, enc: string | null): string {
  if (!enc) return "";
  try {
    return maskMobile(vault.decrypt(enc));
  } catch {
    return "";
  }
}

/** A resident or merchant to lend to, with a detail line (address or operator, masked phone) and open loans. */
export function presentBorrower(
  b: { kind: "resident"; row: ResidentBorrowerRow } | { kind: "merchant"; row: MerchantBorrowerRow },
  openLoans: number,
  vault: Vault,
) {
  const detail = b.kind === "resident" ? b.row.address : b.row.operator_name;
  return {
    kind: b.kind,
    id: b.row.id,
    name: b.row.name,
    detail: [detail, maskedPhone(vault, b.row.mobile_enc)].filter(Boolean).join(" · "),
    openLoans,
  };
}
