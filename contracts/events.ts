// Events and the people's stage (活动与百姓大舞台): one model for promotions (促销), cultural performances (文艺演出),
// publicity and education (宣传教育) and environment campaigns (环境整治), each with its own fields; visitor counts
// that say how they were counted; photos with their EXIF time; promotions' baselines (基期) and merchants' takings,
// from which the uplift (增量) is computed; the stage's venues, bookings, cultural teams (文艺团队) and performances;
// environment rounds (巡查) with checklists and findings that become problems.
import { z } from "zod";
import { dateSchema, MAX_ID, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";
import { monthSchema, timeSchema } from "./duty.ts";
import { repeatRuleSchema } from "./schedule.ts";

export const eventKinds = ["promotion", "performance", "publicity", "environment"] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventStatuses = ["planned", "approved", "held", "reported", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];
/** Theme tags the station uses; others may be typed in. */
export const eventThemes = ["民族团结", "文明创城", "防疫", "妇女维权", "普法", "节日促销", "环境卫生", "敬老爱老"] as const;
export const baselineKinds = ["same_weekdays", "same_holiday_last_year"] as const;
export type BaselineKind = (typeof baselineKinds)[number];
export const countMethods = ["gates", "head_count", "tickets", "estimate"] as const;
export type CountMethod = (typeof countMethods)[number];
export const dayRoles = ["event", "baseline", "promotion"] as const;
export type DayRole = (typeof dayRoles)[number];
export const campaignKinds = ["disinfection", "sanitation", "road"] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const bookingPurposes = ["rehearsal", "performance", "event"] as const;
export type BookingPurpose = (typeof bookingPurposes)[number];
export const bookingStatuses = ["requested", "approved", "refused", "cancelled"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const memberKinds = ["resident", "merchant"] as const;
export type MemberKind = (typeof memberKinds)[number];
export const audienceMethods = ["head_count", "tickets", "estimate"] as const;
export type AudienceMethod = (typeof audienceMethods)[number];
/** Bookings start and end on the half hour: the slots the database holds. */
export const SLOT_MINUTES = 30;

/** Yuan as a person types them (at most two decimals) → whole fen, as the phone sends takings; null for anything else. */
export function fenOfYuanText(text: string): number | null {
  const m = /^\s*(\d{1,8})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

const idField = z.number().int().positive().max(MAX_ID, { message: "v.number_range" });
const instant = z.iso.datetime({ offset: true, message: "v.invalid_value" });
const count = z
  .number({ message: "v.number_range" })
  .int({ message: "v.number_range" })
  .min(0, { message: "v.number_range" })
  .max(1_000_000, { message: "v.number_range" });
/** Takings are whole fen: 1,234.50 yuan is 123450, never 1234.5. */
export const takingsFen = z
  .number({ message: "v.amount_takings" })
  .int({ message: "v.amount_takings" })
  .min(0, { message: "v.amount_takings" })
  .max(1_000_000_000, { message: "v.amount_takings" });
const themeList = z
  .array(z.string().trim().min(1).max(20, { message: "v.too_long" }))
  .max(10)
  .default([]);
const idList = z.array(idField).max(200).default([]);
const dateList = z.array(dateSchema).max(31);

export const eventCreateSchema = z
  .object({
    stationId: idField.optional(),
    kind: z.enum(eventKinds),
    title: nameSchema,
    description: optionalText(2000),
    themes: themeList,
    place: nameSchema,
    startsAt: instant,
    endsAt: instant,
    organiserUnitIds: idList,
    organiserTeamIds: idList,
    unitIds: idList,
    merchantIds: idList,
    budgetFen: z
      .number({ message: "v.amount_budget" })
      .int({ message: "v.amount_budget" })
      .min(0, { message: "v.amount_budget" })
      .max(1_000_000_000, { message: "v.amount_budget" })
      .nullish(),
    budgetNote: optionalText(200),
    projectId: idField.nullish(),
    // promotion
    holiday: optionalText(40),
    baselineKind: z.enum(baselineKinds).nullish(),
    promotionDates: dateList.nullish(),
    /** For the same holiday last year: its dates; for the same weekdays they are computed. */
    baselineDates: dateList.nullish(),
    // performance, publicity
    programme: optionalText(1000),
    audienceGroup: optionalText(100),
    // environment
    campaignKind: z.enum(campaignKinds).nullish(),
    takesSignups: z.boolean().default(false),
    signupCapacity: z.number().int().min(1, { message: "v.number_range" }).max(100_000, { message: "v.number_range" }).nullish(),
  })
  .strict();
export type EventCreate = z.output<typeof eventCreateSchema>;

/** The same fields as creation (the station stays), with the version read: a stale version is a 409 naming `version`. */
export const eventUpdateSchema = eventCreateSchema.omit({ stationId: true }).extend({ version: versionField });
export type EventUpdate = z.output<typeof eventUpdateSchema>;
/** An event can be edited while it is planned or approved; once held, reported or cancelled it is a record. */
export const editableEventStatuses = ["planned", "approved"] as const satisfies readonly EventStatus[];

export const eventTransitionSchema = z
  .object({
    to: z.enum(["approved", "held", "reported", "cancelled"]),
    summary: optionalText(2000),
  })
  .strict();

export const eventListQuery = pageQuery.extend({
  kind: z.enum(eventKinds).optional(),
  status: z.enum(eventStatuses).optional(),
  theme: z.string().trim().max(20).optional(),
  month: monthSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export const countCreateSchema = z
  .object({
    date: dateSchema,
    dayRole: z.enum(dayRoles).default("event"),
    method: z.enum(countMethods),
    entrance: optionalText(40),
    entries: count.nullish(),
    reEntries: count.nullish(),
    exits: count.nullish(),
    /** The figure for a head count, tickets or an estimate. */
    visitors: count.nullish(),
    note: optionalText(200),
  })
  .strict();
export type CountCreate = z.output<typeof countCreateSchema>;

export const photoAttachSchema = z.object({ fileId: z.string().uuid({ message: "v.invalid_value" }), caption: optionalText(100) }).strict();

export const takingsCreateSchema = z
  .object({
    merchantId: idField.optional(),
    date: dateSchema,
    amountFen: takingsFen,
  })
  .strict();

export const signupCreateSchema = z.object({}).strict();

// the stage

export const venueCreateSchema = z
  .object({
    stationId: idField.optional(),
    name: nameSchema,
    place: nameSchema,
    openFrom: timeSchema,
    openTo: timeSchema,
    openWeekdays: z.array(z.number().int().min(1).max(7)).min(1, { message: "v.required" }).max(7),
    fundingNote: optionalText(200),
    budgetFen: z.number().int().min(0).max(1_000_000_000).nullish(),
  })
  .strict();

export const blockCreateSchema = z.object({ startsAt: instant, endsAt: instant, reason: nameSchema }).strict();

export const bookingCreateSchema = z
  .object({
    venueId: idField,
    teamId: idField.nullish(),
    unitId: idField.nullish(),
    purpose: z.enum(bookingPurposes),
    title: nameSchema,
    date: dateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    /** A rehearsal repeating on these dates up to `until` (contracts/schedule.ts). */
    repeat: z.object({ rule: repeatRuleSchema, until: dateSchema }).strict().nullish(),
  })
  .strict();
export type BookingCreate = z.output<typeof bookingCreateSchema>;

export const bookingDecisionSchema = z.object({ decision: z.enum(["approve", "refuse", "cancel"]), note: optionalText(200) }).strict();

/** A team's leader cancels the team's own booking on the phone. */
export const bookingCancelSchema = z.object({ note: optionalText(200) }).strict();

export const bookingListQuery = z.object({
  stationId: idField.optional(),
  venueId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  status: z.enum(bookingStatuses).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const teamCreateSchema = z
  .object({
    stationId: idField.optional(),
    name: nameSchema,
    description: optionalText(500),
    unitId: idField.nullish(),
    leaderUserId: idField.nullish(),
  })
  .strict();

export const memberCreateSchema = z
  .object({
    memberKind: z.enum(memberKinds),
    residentId: idField.nullish(),
    merchantId: idField.nullish(),
    role: z.enum(["leader", "member"]).default("member"),
  })
  .strict();

export const performanceCreateSchema = z
  .object({
    venueId: idField,
    teamId: idField,
    bookingId: idField.nullish(),
    eventId: idField.nullish(),
    title: nameSchema,
    theme: z.string().trim().min(1, { message: "v.required" }).max(20, { message: "v.too_long" }),
    performedAt: instant,
    audience: count,
    audienceMethod: z.enum(audienceMethods),
  })
  .strict();

export const performanceListQuery = pageQuery.extend({
  teamId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  theme: z.string().trim().max(20).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

// environment

export const roundCreateSchema = z
  .object({
    stationId: idField.optional(),
    eventId: idField.nullish(),
    kind: z.enum(campaignKinds),
    area: nameSchema,
    date: dateSchema,
    checklist: z
      .array(z.object({ item: nameSchema, ok: z.boolean(), note: optionalText(200) }).strict())
      .min(1, { message: "v.required" })
      .max(50),
    note: optionalText(500),
    photoIds: z.array(z.string().max(64)).max(6).default([]),
  })
  .strict();

export const findingCreateSchema = z
  .object({
    description: z.string().trim().min(2, { message: "v.too_short" }).max(500, { message: "v.too_long" }),
    place: nameSchema,
    /** The problem category in the governance loop (sanitation, facility, safety…). */
    categoryCode: z.string().trim().min(1).max(40).default("sanitation"),
  })
  .strict();

export const roundListQuery = pageQuery.extend({
  kind: z.enum(campaignKinds).optional(),
  eventId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  solved: z.enum(["yes", "no"]).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export const figuresQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

// shapes the API answers

export interface VisitorFigure {
  date: string;
  dayRole: DayRole;
  method: CountMethod;
  visitors: number;
  /** Entrances counted (gates) or records behind the figure. */
  records: number;
  recordedBy: string[];
}

export interface Uplift {
  baselineKind: BaselineKind | null;
  baselineDates: string[];
  promotionDates: string[];
  visits: {
    method: CountMethod | null;
    baselinePerDay: number | null;
    promotionPerDay: number | null;
    /** (promotion per day − baseline per day) × promotion days. */
    uplift: number | null;
    baselineDays: number;
    promotionDays: number;
  };
  takings: {
    /** Merchants who reported both a baseline day and a promotion day: the sample. */
    sampleSize: number;
    merchantsTakingPart: number;
    baselineFen: number;
    promotionFen: number;
    /** Σ over the sample of (promotion mean − baseline mean) × promotion days. */
    upliftFen: number;
    upliftPercent: number | null;
  };
}

export interface EventSummary {
  id: number;
  stationId: number;
  stationName: string;
  kind: EventKind;
  title: string;
  themes: string[];
  place: string;
  startsAt: string;
  endsAt: string;
  status: EventStatus;
  takesSignups: boolean;
  signups: number;
  visitors: number | null;
  visitorsMethod: CountMethod | null;
  photos: number;
  budgetFen: number | null;
}

export interface EventPhoto {
  id: number;
  fileId: string;
  url: string;
  takenAt: string | null;
  outsideWindow: boolean;
  caption: string | null;
  createdAt: string;
}

export interface EventCount {
  id: number;
  date: string;
  dayRole: DayRole;
  method: CountMethod;
  entrance: string | null;
  entries: number | null;
  reEntries: number | null;
  exits: number | null;
  visitors: number;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface EventTakings {
  id: number;
  merchantId: number;
  merchantName: string;
  date: string;
  dayRole: "baseline" | "promotion";
  amountFen: number;
  reportedBy: string;
  reportedAt: string;
}

export interface EventDetail extends EventSummary {
  /** The version an edit sends back (optimistic: a stale one is refused). */
  version: number;
  description: string | null;
  organiserUnits: { id: number; name: string }[];
  organiserTeams: { id: number; name: string }[];
  units: { id: number; name: string }[];
  merchants: { id: number; name: string }[];
  budgetNote: string | null;
  projectId: number | null;
  projectName: string | null;
  holiday: string | null;
  baselineKind: BaselineKind | null;
  promotionDates: string[];
  baselineDates: string[];
  programme: string | null;
  audienceGroup: string | null;
  campaignKind: CampaignKind | null;
  signupCapacity: number | null;
  approvedAt: string | null;
  heldAt: string | null;
  reportedAt: string | null;
  reportSummary: string | null;
  counts: EventCount[];
  figures: VisitorFigure[];
  photoList: EventPhoto[];
  takings: EventTakings[];
  uplift: Uplift | null;
  rounds: number;
}
