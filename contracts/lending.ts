// Lendable items (便民物品: shared umbrellas, small yellow bikes, fair scales) with their printed QR labels and
// loans, and the fair scale (公平秤): a shopper's re-weigh, the finding it leaves on a short-weighing merchant's
// record, and the problem it raises when the shopper wants redress.
import { z } from "zod";
import { dateSchema, fenSchema, MAX_ID, optionalText, pageQuery, versionField } from "./common.ts";

export const lendKinds = ["umbrella", "bike", "scale", "other"] as const;
export const lendKindSchema = z.enum(lendKinds);
export type LendKind = z.infer<typeof lendKindSchema>;

/** available → lent → available; lent → lost | damaged; damaged → available (repaired) | retired. */
export const itemStatuses = ["available", "lent", "lost", "damaged", "retired"] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

/** Loan days by kind when staff do not say otherwise. */
export const defaultLoanDays: Record<LendKind, number> = { umbrella: 3, bike: 1, scale: 1, other: 7 };

const loanDays = z.number().int().min(1, { message: "v.number_range" }).max(90, { message: "v.number_range" });

/** Adds `count` items of a kind; their codes are the station's next ones (e.g. TY-SAN-0041 …). */
export const itemCreateSchema = z
  .object({
    kind: lendKindSchema,
    count: z.number().int().min(1, { message: "v.number_range" }).max(200, { message: "v.number_range" }).default(1),
    /** Defaults to the kind's name (共享雨伞, 小黄车, 公平秤); required for `other`. */
    name: z.string().trim().max(50, { message: "v.too_long" }).optional(),
    loanDays: loanDays.optional(),
    note: optionalText(200),
    stationId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  })
  .strict();

export const itemUpdateSchema = z
  .object({
    name: z.string().trim().min(1, { message: "v.required" }).max(50, { message: "v.too_long" }).optional(),
    loanDays: loanDays.optional(),
    note: optionalText(200).optional(),
    version: versionField,
  })
  .strict();

/** Staff steps outside a loan: found damaged, repaired, found again, retired. */
export const itemActions = ["damage", "repair", "find", "retire"] as const;
export const itemActionSchema = z.object({ action: z.enum(itemActions), note: optionalText(200), version: versionField }).strict();

export const loanBriefSchema = z.object({
  id: z.number().int(),
  borrowerKind: z.enum(["resident", "merchant"]),
  borrowerName: z.string(),
  lentAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
});

export const lendItemSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  kind: lendKindSchema,
  code: z.string(),
  name: z.string(),
  status: itemStatusSchema,
  loanDays: z.number().int(),
  note: z.string().nullable(),
  /** The open loan, when the item is lent. */
  loan: loanBriefSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type LendItem = z.infer<typeof lendItemSchema>;

export const itemListQuery = pageQuery.extend({ kind: lendKindSchema.optional(), status: itemStatusSchema.optional() });

export const lookupQuery = z.object({ code: z.string().trim().min(1, { message: "v.required" }).max(60, { message: "v.too_long" }) });

/** Counts per kind and status at the station(s) in reach, and the loans overdue now. */
export const lendingSummarySchema = z.object({
  kinds: z.array(
    z.object({
      kind: lendKindSchema,
      available: z.number().int(),
      lent: z.number().int(),
      lost: z.number().int(),
      damaged: z.number().int(),
      retired: z.number().int(),
    }),
  ),
  overdue: z.number().int(),
});

/** Labels for the items asked for (ids), or for every item of a kind (retired ones excepted). */
export const labelsQuery = z
  .object({
    ids: z
      .string()
      .regex(/^\d+(,\d+)*$/, { message: "v.invalid_value" })
      .refine((v) => v.split(",").every((id) => Number(id) <= MAX_ID), { message: "v.number_range" })
      .optional(),
    kind: lendKindSchema.optional(),
    stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.ids && !v.kind) ctx.addIssue({ code: "custom", path: ["ids"], message: "v.required" });
  });

/** Labels per A4 page: 3 across, 8 down. */
export const LABELS_PER_PAGE = 24;

export const loanStatuses = ["out", "returned", "lost", "damaged"] as const;
export const loanStatusSchema = z.enum(loanStatuses);
export type LoanStatus = z.infer<typeof loanStatusSchema>;

export const borrowerKinds = ["resident", "merchant"] as const;
export const borrowerKindSchema = z.enum(borrowerKinds);
export type BorrowerKind = z.infer<typeof borrowerKindSchema>;

/** Lend the item whose label was scanned (its code) to a resident or a merchant of the station. */
export const lendSchema = z
  .object({
    code: z.string().trim().min(1, { message: "v.required" }).max(60, { message: "v.too_long" }),
    borrowerKind: borrowerKindSchema,
    borrowerId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    note: optionalText(200),
  })
  .strict();

/** Return by scanning the label again. */
export const returnSchema = z
  .object({ code: z.string().trim().min(1, { message: "v.required" }).max(60, { message: "v.too_long" }), note: optionalText(200) })
  .strict();

/** Close an open loan as returned, or with the item lost or damaged. */
export const loanCloseSchema = z.object({ outcome: z.enum(["returned", "lost", "damaged"]), note: optionalText(200) }).strict();

/** open: out and not yet due; overdue: out and past due; closed: returned, lost or damaged. */
export const loanViews = ["open", "overdue", "closed", "returned", "lost", "damaged"] as const;

export const loanListQuery = pageQuery.extend({
  view: z.enum(loanViews).optional(),
  kind: lendKindSchema.optional(),
  borrowerKind: borrowerKindSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export const loanSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  itemId: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: lendKindSchema,
  borrowerKind: borrowerKindSchema,
  borrowerId: z.number().int(),
  borrowerName: z.string(),
  status: loanStatusSchema,
  overdue: z.boolean(),
  lentAt: z.string(),
  dueAt: z.string(),
  returnedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  lentBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type Loan = z.infer<typeof loanSchema>;

export const borrowerQuery = z.object({
  q: z.string().trim().max(50).optional(),
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
});

export const borrowerSchema = z.object({
  kind: borrowerKindSchema,
  id: z.number().int(),
  name: z.string(),
  /** A hint to tell people apart: the resident's address or the merchant's operator, masked mobile. */
  detail: z.string(),
  openLoans: z.number().int(),
});

/** The phone's page: the signed-in resident's or merchant's loans and what their station has on the shelf now. */
export const myLoansSchema = z.object({
  loans: z.array(loanSchema),
  available: z.object({ umbrella: z.number().int(), bike: z.number().int() }),
});

export const remindResultSchema = z.object({ reminded: z.number().int(), overdue: z.number().int(), notified: z.number().int() });

/** A re-weigh on the fair scale: fair, or short against what the merchant claimed. */
export const reweighOutcomes = ["fair", "short"] as const;
export const reweighOutcomeSchema = z.enum(reweighOutcomes);
export type ReweighOutcome = z.infer<typeof reweighOutcomeSchema>;

const grams = z.number().int().positive({ message: "v.number_range" }).max(100_000, { message: "v.number_range" });

export const reweighCreateSchema = z
  .object({
    stallId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    goods: z.string().trim().min(1, { message: "v.required" }).max(50, { message: "v.too_long" }),
    /** What the merchant's scale said (and was charged for), in grams. */
    claimedGrams: grams,
    /** What the fair scale says, in grams. */
    actualGrams: grams,
    /** The price per 斤 (500 g), in fen. */
    unitPriceFen: fenSchema(1, 10_000_000, "v.amount_unit_price"),
    /** The shopper wants the money back: a problem goes into the governance loop. */
    wantsRedress: z.boolean().default(false),
    /** Staff recording for a walk-in shopper. */
    shopperName: optionalText(50),
    note: optionalText(300),
    /** Which of the station's fair scales weighed it. */
    scaleItemId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).nullish(),
    stationId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  })
  .strict();

export const reweighSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stallId: z.number().int().nullable(),
  stallCode: z.string().nullable(),
  merchantId: z.number().int(),
  merchantName: z.string(),
  goods: z.string(),
  claimedGrams: z.number().int(),
  actualGrams: z.number().int(),
  unitPriceFen: z.number().int(),
  shortGrams: z.number().int(),
  toleranceGrams: z.number(),
  overchargeFen: z.number().int(),
  outcome: reweighOutcomeSchema,
  shopperName: z.string().nullable(),
  recordedBy: z.string().nullable(),
  problemId: z.number().int().nullable(),
  problemCode: z.string().nullable(),
  findingId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Reweigh = z.infer<typeof reweighSchema>;

export const reweighListQuery = pageQuery.extend({
  outcome: reweighOutcomeSchema.optional(),
  merchantId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export const scaleStallSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  merchantId: z.number().int(),
  merchantName: z.string(),
});

export const findingsQuery = z.object({ merchantId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }) });

export const findingSchema = z.object({
  id: z.number().int(),
  merchantId: z.number().int(),
  source: z.literal("fair_scale"),
  reweighId: z.number().int().nullable(),
  summary: z.string(),
  shortGrams: z.number().int().nullable(),
  overchargeFen: z.number().int().nullable(),
  problemId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const findingsSchema = z.object({
  merchantId: z.number().int(),
  total: z.number().int(),
  /** In the last twelve months: what caring-shop certification weighs. */
  lastYear: z.number().int(),
  reweighs: z.number().int(),
  items: z.array(findingSchema),
});

export const scaleFiguresQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
});

export const scaleFiguresSchema = z.object({
  months: z.array(z.object({ month: z.string(), total: z.number().int(), short: z.number().int() })),
  total: z.number().int(),
  short: z.number().int(),
  /** Per thousand of the re-weighs found short. */
  shortPermille: z.number().int(),
  overchargeFen: z.number().int(),
  merchants: z.array(z.object({ merchantId: z.number().int(), merchantName: z.string(), findings: z.number().int() })),
});
