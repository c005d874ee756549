import type { z } from "zod";
import type {
  borrowerSchema,
  lendingSummarySchema,
  myLoansSchema,
  remindResultSchema,
  scaleFiguresSchema,
  scaleStallSchema,
} from "../../../../contracts/lending.ts";

export type { Finding, LendItem, LendKind, Loan, Reweigh } from "../../../../contracts/lending.ts";

export type LendingSummary = z.infer<typeof lendingSummarySchema>;
export type Borrower = z.infer<typeof borrowerSchema>;
export type MyLoans = z.infer<typeof myLoansSchema>;
export type RemindResult = z.infer<typeof remindResultSchema>;
export type ScaleFigures = z.infer<typeof scaleFiguresSchema>;
export type ScaleStall = z.infer<typeof scaleStallSchema>;
