// The departments' duty roster (轮值坐班) and the market-regulation bureau's Red Shield post (红盾先锋驿站).
import { z } from "zod";
import { dateSchema, MAX_ID, optionalText, pageQuery, versionField } from "./common.ts";
import { type RepeatRule, repeatRuleSchema, repeatRuleViewSchema } from "./schedule.ts";

/** A station time of day, HH:MM (24 h). */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "v.invalid_value" });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "v.invalid_value" });

export const DEFAULT_DESKS = 3;
/** A full day at the station, and its two halves. */
export const shiftTimes = {
  full: { startTime: "09:30", endTime: "17:30" },
  morning: { startTime: "09:30", endTime: "13:00" },
  afternoon: { startTime: "14:00", endTime: "17:30" },
} as const;

const capacityField = z.number().int().min(0, { message: "v.number_range" }).max(200, { message: "v.number_range" });
const stationField = z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional();

function endAfterStart(v: { startTime?: string; endTime?: string }, ctx: z.RefinementCtx) {
  if (v.startTime && v.endTime && v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "v.invalid_value" });
}

// The roster.

export const shiftSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  /** Requests the department takes that day, and how many are booked. */
  capacity: z.number().int(),
  booked: z.number().int(),
  officerUserId: z.number().int().nullable(),
  officerName: z.string().nullable(),
  ruleId: z.number().int().nullable(),
  note: z.string().nullable(),
  /** The caller's own unit sits (or the caller is the officer on duty). */
  mine: z.boolean(),
  /** A past day is read-only. */
  past: z.boolean(),
  version: z.number().int(),
});
export type Shift = z.infer<typeof shiftSchema>;

export const rosterUnitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  /** Accounts of the unit that can be the officer on duty. */
  officers: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export const rosterQuery = z.object({
  month: monthSchema.optional(),
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  unitId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
});

export const rosterSchema = z.object({
  stationId: z.number().int(),
  stationName: z.string(),
  month: z.string(),
  /** The station's today (UTC+8). */
  today: z.string(),
  desks: z.number().int(),
  units: z.array(rosterUnitSchema),
  shifts: z.array(shiftSchema),
});
export type Roster = z.infer<typeof rosterSchema>;

export const myShiftsSchema = z.object({ today: z.string(), unitName: z.string().nullable(), items: z.array(shiftSchema) });

export const shiftCreateSchema = z
  .object({
    unitId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    date: dateSchema,
    startTime: timeSchema.default(shiftTimes.full.startTime),
    endTime: timeSchema.default(shiftTimes.full.endTime),
    capacity: capacityField.default(8),
    officerUserId: z
      .number()
      .int()
      .positive()
      .max(MAX_ID, { message: "v.number_range" })
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText(200),
    stationId: stationField,
  })
  .strict()
  .superRefine(endAfterStart);

export const shiftUpdateSchema = z
  .object({
    version: versionField,
    /** Moving a shift to another day (drag and drop in the calendar). */
    date: dateSchema.optional(),
    startTime: timeSchema.optional(),
    endTime: timeSchema.optional(),
    capacity: capacityField.optional(),
    officerUserId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).nullable().optional(),
    note: z.string().trim().max(200, { message: "v.too_long" }).nullable().optional(),
  })
  .strict()
  .superRefine(endAfterStart);

export const shiftDeleteQuery = z.object({ version: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }) });

export const dutySettingsQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
});
export const dutySettingsSchema = z.object({
  stationId: z.number().int(),
  desks: z.number().int(),
  /** The busiest day planned from today on: the desks cannot go below it. */
  busiest: z.object({ date: z.string(), count: z.number().int() }).nullable(),
});
export const dutySettingsUpdateSchema = z
  .object({
    desks: z.number().int().min(1, { message: "v.number_range" }).max(20, { message: "v.number_range" }),
    stationId: stationField,
  })
  .strict();

const ruleFields = {
  unitId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
  rule: repeatRuleSchema,
  validFrom: dateSchema,
  validTo: dateSchema,
  startTime: timeSchema.default(shiftTimes.full.startTime),
  endTime: timeSchema.default(shiftTimes.full.endTime),
  capacity: capacityField.default(8),
  officerUserId: z
    .number()
    .int()
    .positive()
    .max(MAX_ID, { message: "v.number_range" })
    .nullish()
    .transform((v) => v ?? null),
  stationId: stationField,
};

function periodInOrder(v: { validFrom: string; validTo: string }, ctx: z.RefinementCtx) {
  if (v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "v.date_order" });
  const span = (Date.parse(v.validTo) - Date.parse(v.validFrom)) / 86_400_000;
  if (span > 366) ctx.addIssue({ code: "custom", path: ["validTo"], message: "v.number_range" });
}

/** At most a year at a time. */
export const rulePreviewInput = z
  .object(ruleFields)
  .strict()
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    periodInOrder(v, ctx);
  });
export const ruleCreateSchema = z
  .object({ ...ruleFields, skipConflicts: z.boolean().default(false) })
  .strict()
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    periodInOrder(v, ctx);
  });

export const plannedDateStatuses = ["ok", "conflict", "desks_full", "past"] as const;
export const rulePreviewSchema = z.object({
  dates: z.array(z.object({ date: z.string(), status: z.enum(plannedDateStatuses) })),
  ok: z.number().int(),
  refused: z.number().int(),
  desks: z.number().int(),
});
export type RulePreview = z.infer<typeof rulePreviewSchema>;

export const dutyRuleSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  rule: repeatRuleViewSchema,
  validFrom: z.string(),
  validTo: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  /** Shifts still pointing to the rule (moved or deleted ones are the roster's truth). */
  shifts: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DutyRule = z.infer<typeof dutyRuleSchema>;

export const ruleResultSchema = z.object({
  rule: dutyRuleSchema,
  created: z.number().int(),
  skipped: z.array(z.object({ date: z.string(), status: z.enum(plannedDateStatuses) })),
});

// The Red Shield post.

export const consultationTopics = [
  "annual_report",
  "licence_change",
  "name_check",
  "contract_filing",
  "consumer_rights",
  "dispute_mediation",
  "other",
] as const;
export const consultationTopicSchema = z.enum(consultationTopics);
export type ConsultationTopic = z.infer<typeof consultationTopicSchema>;

export const consultationOutcomes = ["solved", "follow_up", "referred"] as const;
export const consultationOutcomeSchema = z.enum(consultationOutcomes);
export type ConsultationOutcome = z.infer<typeof consultationOutcomeSchema>;

/** scheduled → held | cancelled. */
export const sessionStatuses = ["scheduled", "held", "cancelled"] as const;
export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** booked → cancelled (by the merchant or with the session) | attended | missed. */
export const bookingStatuses = ["booked", "cancelled", "attended", "missed"] as const;
export const bookingStatusSchema = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** The default schedule: the 2nd and 4th Wednesday, 10:00–12:00 in 20-minute slots. */
export const defaultPlan: { rule: RepeatRule; startTime: string; endTime: string; slotMinutes: number } = {
  rule: { kind: "monthly_nth", nth: [2, 4], weekday: 3 },
  startTime: "10:00",
  endTime: "12:00",
  slotMinutes: 20,
};

export const planSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  rule: repeatRuleViewSchema,
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number().int(),
  place: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof planSchema>;

export const planQuery = z.object({ stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional() });
export const planResponseSchema = z.object({ stationId: z.number().int(), plan: planSchema.nullable() });

export const planUpdateSchema = z
  .object({
    unitId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    rule: repeatRuleSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    slotMinutes: z.number().int().min(10, { message: "v.number_range" }).max(120, { message: "v.number_range" }),
    place: z.string().trim().min(1, { message: "v.required" }).max(100, { message: "v.too_long" }),
    active: z.boolean().default(true),
    stationId: stationField,
  })
  .strict()
  .superRefine(endAfterStart);

export const generateSessionsSchema = z
  .object({
    days: z.number().int().min(7, { message: "v.number_range" }).max(366, { message: "v.number_range" }).default(60),
    stationId: stationField,
  })
  .strict();
export const generateResultSchema = z.object({ created: z.number().int(), until: z.string() });

export const sessionSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number().int(),
  place: z.string(),
  status: sessionStatusSchema,
  cancelReason: z.string().nullable(),
  slots: z.number().int(),
  booked: z.number().int(),
  attended: z.number().int(),
  consultations: z.number().int(),
  version: z.number().int(),
});
export type RedShieldSession = z.infer<typeof sessionSchema>;

export const sessionListQuery = pageQuery.extend({
  when: z.enum(["upcoming", "past", "all"]).default("upcoming"),
  status: sessionStatusSchema.optional(),
});

export const bookingSchema = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  slot: z.string(),
  merchantId: z.number().int(),
  merchantName: z.string(),
  topic: consultationTopicSchema,
  note: z.string().nullable(),
  status: bookingStatusSchema,
  createdAt: z.string(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const consultationSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  sessionId: z.number().int().nullable(),
  bookingId: z.number().int().nullable(),
  merchantId: z.number().int(),
  merchantName: z.string(),
  topic: consultationTopicSchema,
  summary: z.string(),
  outcome: consultationOutcomeSchema,
  officerName: z.string().nullable(),
  date: z.string(),
  createdAt: z.string(),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const sessionDetailSchema = sessionSchema.extend({
  /** Every slot, taken or free; the booking shown to those who may see it (staff, or the merchant's own). */
  slotList: z.array(z.object({ slot: z.string(), taken: z.boolean(), booking: bookingSchema.nullable() })),
  bookings: z.array(bookingSchema),
  consultationList: z.array(consultationSchema),
  /** The caller may record consultations and attendance here. */
  canManage: z.boolean(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const sessionCancelSchema = z
  .object({ reason: z.string().trim().min(2, { message: "v.too_short" }).max(200, { message: "v.too_long" }), version: versionField })
  .strict();
export const sessionHoldSchema = z.object({ version: versionField }).strict();

export const bookingCreateSchema = z
  .object({
    sessionId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    slot: timeSchema,
    topic: consultationTopicSchema,
    note: optionalText(200),
  })
  .strict();
export const bookingMarkSchema = z.object({ status: z.enum(["attended", "missed"]) }).strict();

export const consultationCreateSchema = z
  .object({
    sessionId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    bookingId: z
      .number()
      .int()
      .positive()
      .max(MAX_ID, { message: "v.number_range" })
      .nullish()
      .transform((v) => v ?? null),
    merchantId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }),
    topic: consultationTopicSchema,
    summary: z.string().trim().min(2, { message: "v.too_short" }).max(1000, { message: "v.too_long" }),
    outcome: consultationOutcomeSchema,
  })
  .strict();

export const consultationListQuery = pageQuery.extend({
  merchantId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  topic: consultationTopicSchema.optional(),
  outcome: consultationOutcomeSchema.optional(),
});

export const redShieldFiguresQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export const redShieldFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  merchants: z.number().int(),
  sessionsHeld: z.number().int(),
  byTopic: z.array(z.object({ topic: consultationTopicSchema, count: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  byOutcome: z.array(z.object({ outcome: consultationOutcomeSchema, count: z.number().int() })),
});
export type RedShieldFigures = z.infer<typeof redShieldFiguresSchema>;

/** What a merchant sees on /m/red-shield: upcoming sessions with their free slots, their bookings and history. */
export const myRedShieldSchema = z.object({
  today: z.string(),
  upcoming: z.array(
    z.object({
      id: z.number().int(),
      date: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      place: z.string(),
      unitName: z.string(),
      slots: z.array(z.object({ slot: z.string(), free: z.boolean() })),
      myBooking: bookingSchema.nullable(),
    }),
  ),
  bookings: z.array(bookingSchema.extend({ date: z.string(), sessionStatus: sessionStatusSchema, place: z.string() })),
  history: z.array(consultationSchema),
});
export type MyRedShield = z.infer<typeof myRedShieldSchema>;
