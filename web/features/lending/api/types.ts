import type { z } from "zod";
import type {
  borrowerSchema,
  findingsSchema,
  lendingSummarySchema,
  myLoansSchema,
  remindResultSchema,
  scaleFiguresSchema,
  scaleStallSchema,
} from "../../../../contracts/lending.ts";

export type { Finding, LendItem, LendKind, Loan, Reweigh } from "../../../../contracts/lending.ts";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type LendingSummary = z.infer<typeof lendingSummarySchema>;
export type Borrower = z.infer<typeof borrowerSchema>;
export type MyLoans = z.infer<typeof myLoansSchema>;
export type RemindResult = z.infer<typeof remindResultSchema>;
export type MerchantFindings = z.infer<typeof findingsSchema>;
export type ScaleFigures = z.infer<typeof scaleFiguresSchema>;
export type ScaleStall = z.infer<typeof scaleStallSchema>;
