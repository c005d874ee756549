// The merchant economy's contract: the policy catalogue and its eligibility conditions, relief applications from
// application to disbursement, coverage per policy, monthly operating status and the survival figure, and the
// funding ledger (sources, allocations split by share, expenditures). Money is integer fen.
import { z } from "zod";
import { dateSchema, MAX_ID, nameSchema, optionalText, pageOf, pageQuery } from "./common.ts";
import { merchantCategorySchema, merchantStatusSchema } from "./merchants.ts";
import { pitchKinds } from "./night-market.ts";

const id = z.number().int().positive().max(MAX_ID, { message: "v.number_range" });
const idQuery = z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" });
/** Up to 20 million yuan: the columns are 32-bit integers on PostgreSQL. */
export const MAX_FEN = 2_000_000_000;
/** An amount in integer fen: fractions of a fen, negative amounts and amounts past the bound are refused by name. */
export const fen = (min = 1) =>
  z.number({ message: "v.fen" }).int({ message: "v.fen" }).min(min, { message: "v.fen" }).max(MAX_FEN, { message: "v.fen" });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "v.month" });
const fileIds = z.array(z.string().min(1).max(64)).max(10).default([]);

// Policies ------------------------------------------------------------------------------------------------------

export const policyKinds = ["loan_subsidy", "rent_relief", "heating_relief", "station"] as const;
export const policyKindSchema = z.enum(policyKinds);
export type PolicyKind = z.infer<typeof policyKindSchema>;
export const policyStatuses = ["draft", "open", "closed"] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

/**
 * Who a policy is for, checked against the merchants registry: the trades, the registry statuses, holding a stall
 * (the lease on the market's plan), registered on or before a date, and a business licence valid on a date.
 * An empty or missing condition does not narrow.
 */
export const eligibilitySchema = z
  .object({
    categories: z.array(merchantCategorySchema).max(6).default([]),
    statuses: z.array(merchantStatusSchema).max(3).default([]),
    requiresStall: z.boolean().default(false),
    registeredBy: dateSchema.nullish().transform((v) => v ?? null),
    licenceValidOn: dateSchema.nullish().transform((v) => v ?? null),
  })
  .strict();
export type Eligibility = z.output<typeof eligibilitySchema>;
export const eligibilityConditions = ["category", "status", "stall", "registered", "licence"] as const;
export type EligibilityCondition = (typeof eligibilityConditions)[number];

const policyFields = {
  kind: policyKindSchema,
  title: nameSchema,
  beneficiaries: z.string().trim().min(1, { message: "v.required" }).max(500, { message: "v.too_long" }),
  conditions: z.string().trim().min(1, { message: "v.required" }).max(1000, { message: "v.too_long" }),
  amounts: z.string().trim().min(1, { message: "v.required" }).max(500, { message: "v.too_long" }),
  whereToApply: z.string().trim().min(1, { message: "v.required" }).max(200, { message: "v.too_long" }),
  contact: z.string().trim().min(1, { message: "v.required" }).max(100, { message: "v.too_long" }),
  opensOn: dateSchema,
  deadline: dateSchema,
  capFen: fen(1),
  eligibility: eligibilitySchema,
};

export const policyCreateSchema = z
  .object({ ...policyFields, stationId: id.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.deadline < v.opensOn) ctx.addIssue({ code: "custom", path: ["deadline"], message: "v.date_order" });
  });
export const policyActionSchema = z.object({ action: z.enum(["open", "close"]), version: id }).strict();

export const policySchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  kind: policyKindSchema,
  title: z.string(),
  beneficiaries: z.string(),
  conditions: z.string(),
  amounts: z.string(),
  whereToApply: z.string(),
  contact: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  capFen: z.number().int(),
  eligibility: z.object({
    categories: z.array(merchantCategorySchema),
    statuses: z.array(merchantStatusSchema),
    requiresStall: z.boolean(),
    registeredBy: z.string().nullable(),
    licenceValidOn: z.string().nullable(),
  }),
  status: z.enum(policyStatuses),
  openedNotifiedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Policy = z.infer<typeof policySchema>;
export const policyListQuery = pageQuery.extend({
  kind: policyKindSchema.optional(),
  status: z.enum(policyStatuses).optional(),
});

// Relief ---------------------------------------------------------------------------------------------------------

export const reliefStatuses = ["applied", "reviewed", "approved", "disbursed", "closed", "rejected", "withdrawn"] as const;
export const reliefStatusSchema = z.enum(reliefStatuses);
export type ReliefStatus = z.infer<typeof reliefStatusSchema>;
export const reliefChannels = ["phone", "staff"] as const;
export type ReliefChannel = (typeof reliefChannels)[number];

export const reliefApplySchema = z
  .object({
    policyId: id,
    merchantId: id.optional(), // staff on a merchant's behalf; the merchant's own on the phone
    requestedFen: fen(1),
    reason: optionalText(500),
    documentIds: fileIds,
  })
  .strict();

/** The steps after the application, one body per step (the workflow decides whether it may be taken now). */
export const reliefStepSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("review"), note: optionalText(500), version: id }).strict(),
  z.object({ action: z.literal("approve"), approvedFen: fen(1), version: id }).strict(),
  z.object({ action: z.literal("reject"), reason: z.string().trim().min(1, { message: "v.required" }).max(200), version: id }).strict(),
  z
    .object({
      action: z.literal("disburse"),
      disbursedFen: fen(1),
      disbursedOn: dateSchema,
      payer: z.string().trim().min(1, { message: "v.required" }).max(100, { message: "v.too_long" }),
      loan: z
        .object({
          principalFen: fen(1),
          rateBp: z.number({ message: "v.number_range" }).int({ message: "v.number_range" }).min(0).max(5000),
          subsidyFen: fen(0),
          termMonths: z.number({ message: "v.number_range" }).int({ message: "v.number_range" }).min(1).max(120),
        })
        .strict()
        .optional(),
      documentIds: fileIds,
      version: id,
    })
    .strict(),
  z.object({ action: z.literal("close"), version: id }).strict(),
  z.object({ action: z.literal("withdraw"), version: id }).strict(),
]);
export type ReliefStep = z.output<typeof reliefStepSchema>;
export type ReliefEvent = ReliefStep["action"];

export const reliefSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  policyId: z.number().int(),
  policyTitle: z.string(),
  policyKind: policyKindSchema,
  merchantId: z.number().int(),
  merchantName: z.string(),
  status: reliefStatusSchema,
  channel: z.enum(reliefChannels),
  requestedFen: z.number().int(),
  reason: z.string().nullable(),
  documentIds: z.array(z.string()),
  appliedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  approvedFen: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  disbursedFen: z.number().int().nullable(),
  disbursedOn: z.string().nullable(),
  payer: z.string().nullable(),
  loan: z
    .object({ principalFen: z.number().int(), rateBp: z.number().int(), subsidyFen: z.number().int(), termMonths: z.number().int() })
    .nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Relief = z.infer<typeof reliefSchema>;
export const reliefListQuery = pageQuery.extend({
  policyId: idQuery.optional(),
  merchantId: idQuery.optional(),
  status: reliefStatusSchema.optional(),
  sort: z.enum(["appliedAt", "status"]).optional(),
});
export const reliefPageSchema = pageOf(reliefSchema);

export const coverageSchema = z.object({
  policy: policySchema,
  eligible: z.number().int(),
  reached: z.number().int(),
  /** Disbursed in all (for a loan, the principal lent). */
  disbursedFen: z.number().int(),
  subsidyFen: z.number().int(),
  approvedFen: z.number().int(),
  inProgress: z.number().int(),
  notReached: z.array(
    z.object({
      merchantId: z.number().int(),
      name: z.string(),
      category: merchantCategorySchema,
      applicationStatus: reliefStatusSchema.nullable(),
    }),
  ),
  /** Merchants granted relief who no longer meet the conditions (the registry changed since). */
  reachedNotEligible: z.number().int(),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** What the merchant sees on the phone: the open policies they are eligible for, and their applications. */
export const myReliefSchema = z.object({
  merchant: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  policies: z.array(policySchema.extend({ eligible: z.boolean(), unmet: z.array(z.enum(eligibilityConditions)) })),
  applications: z.array(reliefSchema),
});

// Survival ---------------------------------------------------------------------------------------------------------

export const closureCauses = ["epidemic", "relocation", "retirement", "business", "renovation", "other"] as const;
export const closureCauseSchema = z.enum(closureCauses);
export type ClosureCause = z.infer<typeof closureCauseSchema>;

export const operatingConfirmSchema = z
  .object({
    merchantId: id.optional(),
    /** The month confirmed; the current month when left out (the phone's). */
    month: monthSchema.optional(),
    status: merchantStatusSchema,
    cause: closureCauseSchema.nullish().transform((v) => v ?? null),
    reason: optionalText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status !== "open" && !v.cause) ctx.addIssue({ code: "custom", path: ["cause"], message: "v.required" });
  });

export const survivalQuery = z
  .object({
    from: monthSchema,
    to: monthSchema,
    stationId: idQuery.optional(),
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "v.date_order" });

export const survivalSchema = z.object({
  from: z.string(),
  to: z.string(),
  merchants: z.number().int(),
  /** Open at the end of the period. */
  operating: z.number().int(),
  closed: z.number().int(),
  closedByEpidemic: z.number().int(),
  suspended: z.number().int(),
  confirmedMonths: z.number().int(),
  reliefFen: z.number().int(),
  rows: z.array(
    z.object({
      merchantId: z.number().int(),
      name: z.string(),
      category: merchantCategorySchema,
      months: z.array(
        z.object({
          month: z.string(),
          status: merchantStatusSchema,
          cause: closureCauseSchema.nullable(),
          reason: z.string().nullable(),
          confirmed: z.boolean(),
        }),
      ),
      reliefFen: z.number().int(),
      reliefCount: z.number().int(),
    }),
  ),
});
export type Survival = z.infer<typeof survivalSchema>;

// The funding ledger -------------------------------------------------------------------------------------------------

export const fundingSourceKinds = ["company", "district_finance", "hotel", "merchants", "social", "other"] as const;
export const fundingSourceKindSchema = z.enum(fundingSourceKinds);
export type FundingSourceKind = z.infer<typeof fundingSourceKindSchema>;

export const fundingSourceCreateSchema = z
  .object({
    name: nameSchema,
    kind: fundingSourceKindSchema,
    receivedFen: fen(1),
    receivedOn: dateSchema,
    note: optionalText(500),
    stationId: id.optional(),
  })
  .strict();
/** A source's edit: its name, kind, note and the money received (never below what it has already allocated). */
export const fundingSourceUpdateSchema = fundingSourceCreateSchema.omit({ stationId: true }).extend({ version: id }).strict();

/**
 * One line's parts by share (basis points summing to 10,000), without losing a fen: each part rounded down, the
 * fen left over going to the largest remainders first (the server writes these; the form shows them as typed).
 */
export function splitByShares(amountFen: number, sharesBp: number[]): number[] {
  const exact = sharesBp.map((s) => (amountFen * s) / 10_000);
  const parts = exact.map((x) => Math.floor(x));
  let left = amountFen - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** One line from a source, split across projects or activities by share (basis points summing to 10,000). */
export const allocationCreateSchema = z
  .object({
    sourceId: id,
    amountFen: fen(1),
    allocatedOn: dateSchema,
    note: optionalText(500),
    targets: z
      .array(
        z
          .object({
            projectId: id.nullish().transform((v) => v ?? null),
            activity: optionalText(100),
            shareBp: z.number({ message: "v.number_range" }).int({ message: "v.number_range" }).min(1).max(10_000),
          })
          .strict()
          .refine((t) => t.projectId !== null || t.activity !== null, { path: ["activity"], message: "v.required" }),
      )
      .min(1)
      .max(20),
  })
  .strict()
  .superRefine((v, ctx) => {
    const sum = v.targets.reduce((s, t) => s + t.shareBp, 0);
    if (sum !== 10_000) ctx.addIssue({ code: "custom", path: ["targets"], message: "v.shares" });
  });

export const expenditureCreateSchema = z
  .object({
    allocationId: id,
    amountFen: fen(1),
    spentOn: dateSchema,
    payee: nameSchema,
    purpose: z.string().trim().min(1, { message: "v.required" }).max(200, { message: "v.too_long" }),
    receiptIds: fileIds,
  })
  .strict();
export const expenditureDecisionSchema = z.object({ decision: z.enum(["approve", "reject"]), note: optionalText(200) }).strict();

export const expenditureStatuses = ["requested", "approved", "rejected"] as const;
export type ExpenditureStatus = (typeof expenditureStatuses)[number];

export const fundingSourceSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  name: z.string(),
  kind: fundingSourceKindSchema,
  receivedFen: z.number().int(),
  receivedOn: z.string(),
  allocatedFen: z.number().int(),
  unallocatedFen: z.number().int(),
  spentFen: z.number().int(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const allocationSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  activity: z.string().nullable(),
  amountFen: z.number().int(),
  shareBp: z.number().int(),
  splitKey: z.string(),
  spentFen: z.number().int(),
  balanceFen: z.number().int(),
  allocatedOn: z.string(),
  note: z.string().nullable(),
});
export const expenditureSchema = z.object({
  id: z.number().int(),
  allocationId: z.number().int(),
  amountFen: z.number().int(),
  spentOn: z.string(),
  payee: z.string(),
  purpose: z.string(),
  receiptIds: z.array(z.string()),
  status: z.enum(expenditureStatuses),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type FundingSource = z.infer<typeof fundingSourceSchema>;
export type Allocation = z.infer<typeof allocationSchema>;
export type Expenditure = z.infer<typeof expenditureSchema>;

export const ledgerQuery = z.object({ stationId: idQuery.optional() });
export const expenditureListQuery = pageQuery.extend({
  allocationId: idQuery.optional(),
  status: z.enum(expenditureStatuses).optional(),
});

/** The public page: what came in from whom, and what it was spent on (approved spending only). */
export const fundingSummarySchema = z.object({
  stationName: z.string(),
  receivedFen: z.number().int(),
  allocatedFen: z.number().int(),
  spentFen: z.number().int(),
  sources: z.array(
    z.object({
      name: z.string(),
      kind: fundingSourceKindSchema,
      receivedFen: z.number().int(),
      allocatedFen: z.number().int(),
      spentFen: z.number().int(),
    }),
  ),
  uses: z.array(z.object({ target: z.string(), allocatedFen: z.number().int(), spentFen: z.number().int() })),
});
export type FundingSummary = z.infer<typeof fundingSummarySchema>;

/** A project's funding read from the ledger (in place of typed figures). */
export const projectFundingSchema = z.object({
  projectId: z.number().int(),
  allocatedFen: z.number().int(),
  spentFen: z.number().int(),
  bySource: z.array(z.object({ sourceId: z.number().int(), name: z.string(), allocatedFen: z.number().int(), spentFen: z.number().int() })),
});

export const operatingMonthSchema = z.object({
  id: z.number().int(),
  merchantId: z.number().int(),
  month: z.string(),
  status: merchantStatusSchema,
  cause: closureCauseSchema.nullable(),
  reason: z.string().nullable(),
  confirmedAt: z.string(),
});

// Directed consumption ----------------------------------------------------------------------------------------------------

export const purchaseStatuses = ["pending", "confirmed", "disputed"] as const;
export const purchaseStatusSchema = z.enum(purchaseStatuses);
export type PurchaseStatus = z.infer<typeof purchaseStatusSchema>;

export const enterpriseCreateSchema = z
  .object({
    name: nameSchema,
    contactName: optionalText(50),
    contactTitle: optionalText(50),
    mobilisedByUnitId: id.nullish().transform((v) => v ?? null),
    stationId: id.optional(),
  })
  .strict();
export const enterpriseUpdateSchema = enterpriseCreateSchema.omit({ stationId: true }).extend({ version: id }).strict();
export const pledgeSetSchema = z.object({ period: monthSchema, amountFen: fen(0) }).strict();
export const enterpriseSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  name: z.string(),
  contactName: z.string().nullable(),
  contactTitle: z.string().nullable(),
  mobilisedByUnitId: z.number().int().nullable(),
  mobilisedByUnitName: z.string().nullable(),
  pledgedFen: z.number().int(),
  confirmedFen: z.number().int(),
  pendingFen: z.number().int(),
  version: z.number().int(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;
/** An enterprise's pledges, month by month (latest first). */
export const pledgesSchema = z.array(z.object({ period: z.string(), amountFen: z.number().int() }));
export type Pledge = z.infer<typeof pledgesSchema>[number];
export const enterpriseListQuery = pageQuery.extend({ sort: z.enum(["name", "confirmed"]).optional() });

const invoiceSchema = z.string().trim().min(1, { message: "v.required" }).max(40, { message: "v.too_long" });
export const purchaseCreateSchema = z
  .object({ enterpriseId: id, merchantId: id, amountFen: fen(1), purchasedOn: dateSchema, invoiceNo: invoiceSchema })
  .strict();
export const purchaseSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  merchantId: z.number().int(),
  merchantName: z.string(),
  amountFen: z.number().int(),
  purchasedOn: z.string(),
  invoiceNo: z.string(),
  status: purchaseStatusSchema,
  importId: z.string().nullable(),
  recordedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type Purchase = z.infer<typeof purchaseSchema>;
export const purchaseListQuery = pageQuery.extend({
  enterpriseId: idQuery.optional(),
  merchantId: idQuery.optional(),
  status: purchaseStatusSchema.optional(),
  month: monthSchema.optional(),
});

/** Which of the sheet's headers hold each field (the enterprise's own spreadsheet, mapped on upload). */
export const purchaseColumns = ["enterprise", "merchant", "amount", "date", "invoice"] as const;
export type PurchaseColumn = (typeof purchaseColumns)[number];
export const defaultPurchaseHeaders: Record<PurchaseColumn, string> = {
  enterprise: "企业名称",
  merchant: "商户名称",
  amount: "金额（元）",
  date: "消费日期",
  invoice: "发票/收据号",
};
const header = z.string().trim().min(1).max(40).optional();
export const purchaseImportQuery = z
  .object({
    mode: z.enum(["preview", "valid_only", "all"]).default("preview"),
    enterpriseId: idQuery.optional(),
    enterprise: header,
    merchant: header,
    amount: header,
    date: header,
    invoice: header,
    stationId: idQuery.optional(),
  })
  .strict();
export const purchaseImportSchema = z.object({
  mode: z.enum(["preview", "valid_only", "all"]),
  importId: z.string().nullable(),
  totalRows: z.number().int(),
  acceptedRows: z.number().int(),
  importedRows: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** Names matched approximately, for the person importing to check. */
  fuzzy: z.array(z.object({ row: z.number().int(), column: z.string(), given: z.string(), matched: z.string() })),
});
export type PurchaseImport = z.infer<typeof purchaseImportSchema>;

export const rankingQuery = z.object({ month: monthSchema, stationId: idQuery.optional() }).strict();
export const rankingSchema = z.object({
  month: z.string(),
  pledgedFen: z.number().int(),
  confirmedFen: z.number().int(),
  rows: z.array(
    z.object({
      rank: z.number().int(),
      enterpriseId: z.number().int(),
      name: z.string(),
      pledgedFen: z.number().int(),
      confirmedFen: z.number().int(),
      /** Confirmed as a share of the pledge, in basis points (null without a pledge). */
      fulfilmentBp: z.number().int().nullable(),
    }),
  ),
});
export const merchantTotalsQuery = z.object({ from: dateSchema, to: dateSchema, stationId: idQuery.optional() }).strict();
export const merchantTotalsSchema = z.array(
  z.object({
    merchantId: z.number().int(),
    name: z.string(),
    confirmedFen: z.number().int(),
    pendingFen: z.number().int(),
    purchases: z.number().int(),
  }),
);
export const myPurchasesSchema = z.object({ pendingFen: z.number().int(), confirmedFen: z.number().int(), items: z.array(purchaseSchema) });

/** A project's outcome figures, linked to the records they are counted from. */
export const projectFigureKinds = [
  "policy_reached",
  "policy_disbursed",
  "consumption_enterprises",
  "consumption_confirmed",
  "ledger_allocated",
  "ledger_spent",
  // from the other modules' records: the holiday promotions' uplift (events), the night market's nights and jobs,
  // the stage's cultural teams, the station's counter services
  "promotion_visits",
  "promotion_takings",
  "night_visitors",
  "night_turnover",
  "night_jobs",
  "stage_teams",
  "counter_items",
] as const;
export const projectFigureKindSchema = z.enum(projectFigureKinds);
export type ProjectFigureKind = z.infer<typeof projectFigureKindSchema>;
export const projectFigureLinkSchema = z
  .object({
    figure: projectFigureKindSchema,
    policyId: id.nullish().transform((v) => v ?? null),
    label: nameSchema,
  })
  .strict()
  .refine((v) => !v.figure.startsWith("policy_") || v.policyId !== null, { path: ["policyId"], message: "v.required" });
export const projectFiguresSetSchema = z.object({ figures: z.array(projectFigureLinkSchema).max(20) }).strict();
export const projectFiguresSchema = z.object({
  projectId: z.number().int(),
  funding: projectFundingSchema,
  figures: z.array(
    z.object({
      figure: projectFigureKindSchema,
      policyId: z.number().int().nullable(),
      label: z.string(),
      /** A count, or fen for the money figures. */
      value: z.number().int(),
      unit: z.enum(["merchants", "enterprises", "fen", "visits", "people", "teams", "items"]),
      /** Where the value is counted from, for the reader to follow. */
      source: z.string(),
    }),
  ),
});

// The merchant file (一户一档) -------------------------------------------------------------------------------------------

export const merchantFileSchema = z.object({
  merchant: z.object({
    id: z.number().int(),
    stationId: z.number().int(),
    name: z.string(),
    category: merchantCategorySchema,
    operatorName: z.string(),
    status: merchantStatusSchema,
    licenceValidFrom: z.string().nullable(),
    licenceValidTo: z.string().nullable(),
    isPartyMember: z.boolean(),
    registeredAt: z.string(),
  }),
  stalls: z.array(z.object({ id: z.number().int(), code: z.string(), area: z.number() })),
  statusHistory: z.array(z.object({ toStatus: merchantStatusSchema, reason: z.string().nullable(), at: z.string() })),
  relief: z.array(reliefSchema),
  reliefFen: z.number().int(),
  consumption: z.object({ confirmedFen: z.number().int(), pendingFen: z.number().int(), purchases: z.array(purchaseSchema) }),
  problems: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string(), status: z.string(), createdAt: z.string() })),
  findings: z.array(z.object({ id: z.number().int(), source: z.string(), summary: z.string(), createdAt: z.string() })),
  caringShop: z
    .object({
      status: z.string(),
      category: z.string(),
      discountRatePermille: z.number().int().nullable(),
      plaqueDate: z.string().nullable(),
    })
    .nullable(),
  consultations: z.array(z.object({ id: z.number().int(), date: z.string(), topic: z.string(), summary: z.string(), outcome: z.string() })),
  counterRequests: z.array(z.object({ id: z.number().int(), date: z.string(), itemName: z.string(), status: z.string() })),
  /** Events the merchant took part in, with the days of takings it reported (a promotion's sample). */
  events: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      kind: z.string(),
      startsAt: z.string(),
      status: z.string(),
      takingsDays: z.number().int(),
    }),
  ),
  /** The merchant's night-market seasons: its application, nights traded, takings (fen) and incidents. */
  nightMarket: z.array(
    z.object({
      seasonId: z.number().int(),
      seasonName: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      applicationStatus: z.string(),
      nights: z.number().int(),
      takingsFen: z.number().int(),
      incidents: z.number().int(),
    }),
  ),
});
export type MerchantFile = z.infer<typeof merchantFileSchema>;

// The market map ----------------------------------------------------------------------------------------------------------

export const mapLayers = ["category", "status", "relief", "findings", "caring", "consumption"] as const;
export type MapLayer = (typeof mapLayers)[number];
export const marketMapQuery = z.object({ stationId: idQuery.optional() }).strict();
export const marketMapSchema = z.object({
  stationId: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  stalls: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      x: z.number().int(),
      y: z.number().int(),
      w: z.number().int(),
      h: z.number().int(),
      version: z.number().int(),
      merchantId: z.number().int().nullable(),
      merchantName: z.string().nullable(),
      category: merchantCategorySchema.nullable(),
      status: merchantStatusSchema.nullable(),
      reliefFen: z.number().int(),
      findings: z.number().int(),
      caringStatus: z.string().nullable(),
      consumptionFen: z.number().int(),
    }),
  ),
  /** The night market's pitches of its current (or latest) season, drawn beside the stalls; none without a season. */
  pitchSeason: z.object({ id: z.number().int(), name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  pitches: z.array(
    z.object({
      id: z.number().int(),
      number: z.string(),
      kind: z.enum(pitchKinds),
      x: z.number().int(),
      y: z.number().int(),
      w: z.number().int(),
      h: z.number().int(),
      active: z.boolean(),
      /** Whom the season's allocation gave the pitch to, and the registry's merchant when the operator is one. */
      operatorName: z.string().nullable(),
      merchantId: z.number().int().nullable(),
      merchantName: z.string().nullable(),
    }),
  ),
});
export type MarketMap = z.infer<typeof marketMapSchema>;
