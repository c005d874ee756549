// The night market (夜市): seasons, the pitch map, operators' applications and their allocation, each night's
// check-in, offers, incidents and report, the jobs register and the figures. Shared by the server and the web.
import { z } from "zod";
import { dateSchema, fenSchema, MAX_ID, mobileSchema, optionalText, pageQuery } from "./common.ts";

export const pitchKinds = ["food", "goods", "games"] as const;
export type PitchKind = (typeof pitchKinds)[number];
export const allocationRules = ["fixed", "rotation", "lottery"] as const;
export type AllocationRule = (typeof allocationRules)[number];
export const seasonStatuses = ["draft", "open", "allocated", "closed"] as const;
export type SeasonStatus = (typeof seasonStatuses)[number];
export const applicationStatuses = ["submitted", "approved", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const operatorKinds = ["merchant", "vendor"] as const;
export type OperatorKind = (typeof operatorKinds)[number];
export const pitchNightStatuses = ["allocated", "checked_in", "released"] as const;
export type PitchNightStatus = (typeof pitchNightStatuses)[number];
export const pitchNightSources = ["allocation", "waiting_list"] as const;
export type PitchNightSource = (typeof pitchNightSources)[number];
export const offerStatuses = ["open", "claimed"] as const;
export type OfferStatus = (typeof offerStatuses)[number];
export const paymentKinds = ["fee", "deposit", "fee_refund", "deposit_refund"] as const;
export type PaymentKind = (typeof paymentKinds)[number];
export const incidentKinds = ["noise", "hygiene", "dispute", "safety", "other"] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const countMethods = ["clicker", "camera", "ticket", "estimate"] as const;
export type CountMethod = (typeof countMethods)[number];
export const nightStatuses = ["open", "closed"] as const;
export type NightStatus = (typeof nightStatuses)[number];
export const employerKinds = ["operator", "market"] as const;
export type EmployerKind = (typeof employerKinds)[number];
export const weathers = ["clear", "cloudy", "windy", "rain", "hot", "cold"] as const;
export type Weather = (typeof weathers)[number];

const id = z.number().int().positive().max(MAX_ID, { message: "v.number_range" });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "v.invalid_value" });
const text = (max: number) => z.string().trim().min(1, { message: "v.required" }).max(max, { message: "v.too_long" });
const count = z
  .number({ message: "v.number_range" })
  .int({ message: "v.number_range" })
  .min(0, { message: "v.number_range" })
  .max(1_000_000, {
    message: "v.number_range",
  });
const stationQuery = z.object({ stationId: z.coerce.number().int().positive().max(MAX_ID).optional() });

// Seasons
export const seasonCreateSchema = z
  .object({
    stationId: id.optional(),
    name: text(60),
    startsOn: dateSchema,
    endsOn: dateSchema,
    opensAt: hhmm,
    closesAt: hhmm,
    closedWeekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    closedNights: z.array(dateSchema).max(366).default([]),
    applicationDeadline: z.iso.datetime({ message: "v.invalid_value" }),
    allocationRule: z.enum(allocationRules),
    maxPitchesPerOperator: z.number().int().min(1, { message: "v.number_range" }).max(10, { message: "v.number_range" }),
    checkinBy: hhmm,
    suspendAfter: z.number().int().min(1, { message: "v.number_range" }).max(100, { message: "v.number_range" }),
    depositFen: fenSchema(0, 100_000_000, "v.amount_fee"),
  })
  .strict();
export const seasonUpdateSchema = z
  .object({
    name: text(60),
    startsOn: dateSchema,
    endsOn: dateSchema,
    opensAt: hhmm,
    closesAt: hhmm,
    closedWeekdays: z.array(z.number().int().min(1).max(7)).max(7),
    closedNights: z.array(dateSchema).max(366),
    applicationDeadline: z.iso.datetime({ message: "v.invalid_value" }),
    allocationRule: z.enum(allocationRules),
    maxPitchesPerOperator: z.number().int().min(1, { message: "v.number_range" }).max(10, { message: "v.number_range" }),
    checkinBy: hhmm,
    suspendAfter: z.number().int().min(1, { message: "v.number_range" }).max(100, { message: "v.number_range" }),
    depositFen: fenSchema(0, 100_000_000, "v.amount_fee"),
    status: z.enum(["open", "closed"]),
  })
  .partial()
  .extend({ version: id })
  .strict();

export const seasonSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedWeekdays: z.array(z.number().int()),
  closedNights: z.array(z.string()),
  applicationDeadline: z.string(),
  allocationRule: z.enum(allocationRules),
  maxPitchesPerOperator: z.number().int(),
  checkinBy: z.string(),
  suspendAfter: z.number().int(),
  depositFen: z.number().int(),
  status: z.enum(seasonStatuses),
  nights: z.number().int(),
  pitches: z.number().int(),
  applications: z.number().int(),
  version: z.number().int(),
});
export type Season = z.infer<typeof seasonSchema>;

// Pitches
const pitchFields = {
  number: text(10),
  kind: z.enum(pitchKinds),
  area: z.number().positive({ message: "v.number_range" }).max(200, { message: "v.number_range" }),
  powerWatts: z.number().int().min(0, { message: "v.number_range" }).max(20_000, { message: "v.number_range" }),
  feeFen: fenSchema(0, 100_000_000, "v.amount_fee"),
  x: z.number().int().min(0, { message: "v.number_range" }).max(10000, { message: "v.number_range" }),
  y: z.number().int().min(0, { message: "v.number_range" }).max(10000, { message: "v.number_range" }),
  w: z.number().int().min(1, { message: "v.number_range" }).max(1000, { message: "v.number_range" }),
  h: z.number().int().min(1, { message: "v.number_range" }).max(1000, { message: "v.number_range" }),
};
export const pitchCreateSchema = z.object(pitchFields).strict();
export const pitchUpdateSchema = z
  .object({ ...pitchFields, active: z.boolean() })
  .partial()
  .extend({ version: id })
  .strict();
export const pitchSchema = z.object({
  id: z.number().int(),
  seasonId: z.number().int(),
  number: z.string(),
  kind: z.enum(pitchKinds),
  area: z.number(),
  powerWatts: z.number().int(),
  feeFen: z.number().int(),
  x: z.number().int(),
  y: z.number().int(),
  w: z.number().int(),
  h: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Pitch = z.infer<typeof pitchSchema>;

// Applications
export const applicationCreateSchema = z
  .object({
    seasonId: id,
    kind: z.enum(pitchKinds),
    goods: text(200),
    pitchesWanted: z.number().int().min(1, { message: "v.number_range" }).max(10, { message: "v.number_range" }),
    preferredPitchId: id.nullish().transform((v) => v ?? null),
    foodLicenceNo: optionalText(40),
    documentIds: z
      .array(z.string().uuid({ message: "v.invalid_type" }))
      .max(6)
      .default([]),
  })
  .strict();
export const applicationReviewSchema = z.object({ approve: z.boolean(), note: optionalText(200) }).strict();
export const applicationListQuery = pageQuery.extend({
  seasonId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  status: z.enum(applicationStatuses).optional(),
  kind: z.enum(pitchKinds).optional(),
});
export const applicationSchema = z.object({
  id: z.number().int(),
  seasonId: z.number().int(),
  seasonName: z.string(),
  operatorId: z.number().int(),
  operatorName: z.string(),
  operatorKind: z.enum(operatorKinds),
  kind: z.enum(pitchKinds),
  goods: z.string(),
  pitchesWanted: z.number().int(),
  preferredPitchId: z.number().int().nullable(),
  foodLicenceNo: z.string().nullable(),
  documentIds: z.array(z.string()),
  status: z.enum(applicationStatuses),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  submittedAt: z.string(),
  stationId: z.number().int(),
  /** For a market merchant: the merchant, their fair-scale findings and their caring-shop status, for the review. */
  merchantId: z.number().int().nullable(),
  merchantFindings: z.number().int().nullable(),
  caringShopStatus: z.string().nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

// Allocation
export const allocationRunSchema = z.object({ seed: z.string().trim().min(1).max(64).optional() }).strict();
export const allocationResultSchema = z.object({
  seasonId: z.number().int(),
  rule: z.enum(allocationRules),
  seed: z.string().nullable(),
  runAt: z.string(),
  resultHash: z.string(),
  /** Pitch ids per operator for the season (fixed and lottery), or per night (rotation: the first night's). */
  assignments: z.array(
    z.object({
      operatorId: z.number().int(),
      operatorName: z.string(),
      pitchIds: z.array(z.number().int()),
      pitchNumbers: z.array(z.string()),
    }),
  ),
  waitingList: z.array(z.object({ operatorId: z.number().int(), operatorName: z.string() })),
  pitchNights: z.number().int(),
});
export type AllocationResult = z.infer<typeof allocationResultSchema>;

// Payments
export const paymentCreateSchema = z
  .object({
    operatorId: id,
    kind: z.enum(paymentKinds),
    amountFen: fenSchema(1, 100_000_000, "v.amount_fee"),
    note: optionalText(200),
  })
  .strict();
export const paymentSchema = z.object({
  id: z.number().int(),
  seasonId: z.number().int(),
  operatorId: z.number().int(),
  operatorName: z.string(),
  kind: z.enum(paymentKinds),
  amountFen: z.number().int(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export const balanceSchema = z.object({
  operatorId: z.number().int(),
  operatorName: z.string(),
  feesFen: z.number().int(),
  depositsFen: z.number().int(),
  feeRefundsFen: z.number().int(),
  depositRefundsFen: z.number().int(),
});

// A night's board
export const nightQuery = stationQuery.extend({ night: dateSchema.optional() });
export const pitchNightSchema = z.object({
  id: z.number().int(),
  pitchId: z.number().int(),
  pitchNumber: z.string(),
  pitchKind: z.enum(pitchKinds),
  night: z.string(),
  operatorId: z.number().int(),
  operatorName: z.string(),
  source: z.enum(pitchNightSources),
  status: z.enum(pitchNightStatuses),
  checkedInAt: z.string().nullable(),
});
export const offerSchema = z.object({
  id: z.number().int(),
  pitchId: z.number().int(),
  pitchNumber: z.string(),
  pitchKind: z.enum(pitchKinds),
  night: z.string(),
  status: z.enum(offerStatuses),
  claimedByOperatorId: z.number().int().nullable(),
  offeredAt: z.string(),
});
export const boardSchema = z.object({
  season: seasonSchema.nullable(),
  night: z.string(),
  open: z.boolean(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  pitches: z.array(pitchSchema),
  pitchNights: z.array(pitchNightSchema),
  offers: z.array(offerSchema),
  report: z.lazy(() => nightReportSchema).nullable(),
});

// Operator's phone
export const checkInSchema = z.object({ pitchNightId: id }).strict();
export const claimSchema = z.object({ offerId: id }).strict();
export const takingsSchema = z
  .object({
    night: dateSchema,
    amountFen: fenSchema(0, 100_000_000, "v.number_range"),
  })
  .strict();
export const myNightMarketSchema = z.object({
  operator: z
    .object({ id: z.number().int(), name: z.string(), kind: z.enum(operatorKinds), badRecords: z.number().int(), suspended: z.boolean() })
    .nullable(),
  season: seasonSchema.nullable(),
  applications: z.array(applicationSchema),
  tonight: z.string(),
  tonightPitches: z.array(pitchNightSchema),
  upcoming: z.array(pitchNightSchema),
  offers: z.array(offerSchema),
  takings: z.array(z.object({ night: z.string(), amountFen: z.number().int(), unusual: z.boolean() })),
});
export const tonightSchema = z.object({
  night: z.string(),
  open: z.boolean(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  seasonName: z.string().nullable(),
  pitches: z.array(
    z.object({
      number: z.string(),
      kind: z.enum(pitchKinds),
      goods: z.string().nullable(),
      x: z.number(),
      y: z.number(),
      w: z.number(),
      h: z.number(),
    }),
  ),
});

// Incidents
export const incidentCreateSchema = z
  .object({
    night: dateSchema,
    kind: z.enum(incidentKinds),
    pitchId: id.nullish().transform((v) => v ?? null),
    description: text(500),
    badRecord: z.boolean().default(false),
    toProblem: z.boolean().default(false),
    stationId: id.optional(),
  })
  .strict();
export const incidentSchema = z.object({
  id: z.number().int(),
  night: z.string(),
  kind: z.enum(incidentKinds),
  pitchId: z.number().int().nullable(),
  pitchNumber: z.string().nullable(),
  operatorId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  description: z.string(),
  badRecord: z.boolean(),
  problemId: z.number().int().nullable(),
  createdAt: z.string(),
});
export const incidentListQuery = pageQuery.extend({
  kind: z.enum(incidentKinds).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

// Nightly report
export const countSchema = z
  .object({
    entrance: text(40),
    method: z.enum(countMethods),
    visitorsIn: count,
    visitorsOut: count,
  })
  .strict();
export const countsInputSchema = z
  .object({
    night: dateSchema,
    stationId: id.optional(),
    weather: z.enum(weathers).nullish(),
    counts: z.array(countSchema).min(1).max(20),
  })
  .strict();
export const nightCloseSchema = z.object({ stationId: id.optional() }).strict();
export const nightCorrectionSchema = z
  .object({
    reason: text(200),
    weather: z.enum(weathers).optional(),
    counts: z.array(countSchema).min(1).max(20).optional(),
    takings: z
      .array(z.object({ operatorId: id, amountFen: fenSchema(0, 100_000_000, "v.number_range") }).strict())
      .max(200)
      .optional(),
  })
  .strict();
export const nightReportSchema = z.object({
  id: z.number().int(),
  seasonId: z.number().int(),
  night: z.string(),
  status: z.enum(nightStatuses),
  weather: z.enum(weathers).nullable(),
  counts: z.array(
    z.object({ entrance: z.string(), method: z.enum(countMethods), visitorsIn: z.number().int(), visitorsOut: z.number().int() }),
  ),
  takings: z.array(z.object({ operatorId: z.number().int(), operatorName: z.string(), amountFen: z.number().int(), unusual: z.boolean() })),
  visitorsIn: z.number().int().nullable(),
  visitorsOut: z.number().int().nullable(),
  turnoverFen: z.number().int().nullable(),
  operators: z.number().int().nullable(),
  incidents: z.number().int().nullable(),
  closedAt: z.string().nullable(),
  correctionReason: z.string().nullable(),
  correctedAt: z.string().nullable(),
});
export type NightReport = z.infer<typeof nightReportSchema>;
export const nightListQuery = pageQuery.extend({
  status: z.enum(nightStatuses).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  weekday: z.coerce.number().int().min(1).max(7).optional(),
});

// Jobs register
export const jobCreateSchema = z
  .object({
    stationId: id.optional(),
    employerKind: z.enum(employerKinds),
    operatorId: id.nullish().transform((v) => v ?? null),
    personName: text(40),
    mobile: mobileSchema.nullish().transform((v) => v ?? null),
    role: text(40),
    origin: text(40),
    startsOn: dateSchema,
    endsOn: dateSchema.nullish().transform((v) => v ?? null),
    hasContract: z.boolean(),
  })
  .strict();
export const jobUpdateSchema = z.object({ endsOn: dateSchema.nullable(), hasContract: z.boolean().optional() }).strict();
export const jobListQuery = pageQuery.extend({
  current: z.enum(["true", "false"]).optional(),
  employerKind: z.enum(employerKinds).optional(),
});
export const jobSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  employerKind: z.enum(employerKinds),
  operatorId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  personName: z.string(),
  mobile: z.string().nullable(),
  role: z.string(),
  origin: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  hasContract: z.boolean(),
  current: z.boolean(),
  masked: z.boolean(),
});
export type NightMarketJob = z.infer<typeof jobSchema>;

// Figures
export const figuresQuery = stationQuery.extend({ seasonId: z.coerce.number().int().positive().max(MAX_ID).optional() });
const citation = z.object({
  figure: z.string(),
  stationIds: z.array(z.number().int()).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  computedAt: z.string(),
  recordCount: z.number().int(),
  recordSetHash: z.string(),
});
const figureRow = z.object({ key: z.string(), label: z.string(), nights: z.number().int(), value: z.number(), link: z.string() });
export const figuresSchema = z.object({
  computedAt: z.string(),
  nights: z.number().int(),
  visitorsPerNight: z.object({ value: z.number(), citation, link: z.string() }),
  visitorsByMonth: z.object({ rows: z.array(figureRow), citation }),
  visitorsByWeekday: z.object({ rows: z.array(figureRow), citation }),
  turnoverPerNight: z.object({
    averageFen: z.number().int(),
    minFen: z.number().int(),
    maxFen: z.number().int(),
    citation,
    link: z.string(),
  }),
  operatorsPerNight: z.object({ value: z.number(), citation, link: z.string() }),
  currentJobs: z.object({
    value: z.number().int(),
    byOrigin: z.array(z.object({ origin: z.string(), count: z.number().int() })),
    citation,
    link: z.string(),
  }),
  incidents: z.object({
    value: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(incidentKinds), count: z.number().int() })),
    citation,
    link: z.string(),
  }),
});
export type NightMarketFigures = z.infer<typeof figuresSchema>;

export const openingWindowSchema = z.object({ start: z.string(), end: z.string(), label: z.string() });
export type OpeningWindow = z.infer<typeof openingWindowSchema>;
