// The station's counter (便民服务窗口): the catalogue of service items the departments on duty handle at the
// station, the requests merchants and residents book or bring in person, their queue numbers and timeline,
// and the applicant's five-heart rating once a request is done.
import { z } from "zod";
import { dateSchema, fenSchema, MAX_ID, mobileSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

// The catalogue (服务事项).

/** Who may apply: merchants only, residents only, or both. */
export const serviceAudiences = ["merchant", "resident", "both"] as const;
export const serviceAudienceSchema = z.enum(serviceAudiences);
export type ServiceAudience = z.infer<typeof serviceAudienceSchema>;

/** Finished at the station, or taken in at the station and forwarded to the department. */
export const serviceHandlings = ["on_site", "forwarded"] as const;
export const serviceHandlingSchema = z.enum(serviceHandlings);
export type ServiceHandling = z.infer<typeof serviceHandlingSchema>;

const materialsSchema = z
  .array(z.string().trim().min(1, { message: "v.required" }).max(100, { message: "v.too_long" }))
  .max(20, { message: "v.too_long" });

export const serviceItemCreateSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{2,20}$/, { message: "v.invalid_value" }),
    name: nameSchema,
    /** The responsible department (an alliance unit of the station). */
    unitId: z.number({ message: "v.required" }).int().positive().max(MAX_ID, { message: "v.number_range" }),
    audience: serviceAudienceSchema,
    materials: materialsSchema.default([]),
    /** The legal time limit in days (0: the same day). */
    timeLimitDays: z.number({ message: "v.required" }).int().min(0, { message: "v.number_range" }).max(365, { message: "v.number_range" }),
    handling: serviceHandlingSchema,
    feeFen: fenSchema(0, 100_000_000, "v.amount_fee").default(0),
    description: optionalText(2000),
    stationId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  })
  .strict();

export const serviceItemUpdateSchema = z
  .object({
    name: nameSchema.optional(),
    unitId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
    audience: serviceAudienceSchema.optional(),
    materials: materialsSchema.optional(),
    timeLimitDays: z.number().int().min(0, { message: "v.number_range" }).max(365, { message: "v.number_range" }).optional(),
    handling: serviceHandlingSchema.optional(),
    feeFen: fenSchema(0, 100_000_000, "v.amount_fee").optional(),
    description: optionalText(2000).optional(),
    /** Deactivated items stay on their past requests but can no longer be booked. */
    active: z.boolean().optional(),
    version: versionField,
  })
  .strict();

export const serviceItemSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  code: z.string(),
  name: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  audience: serviceAudienceSchema,
  materials: z.array(z.string()),
  timeLimitDays: z.number().int(),
  handling: serviceHandlingSchema,
  feeFen: z.number().int(),
  description: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type ServiceItem = z.infer<typeof serviceItemSchema>;

export const serviceItemListQuery = pageQuery.extend({
  unitId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  audience: serviceAudienceSchema.optional(),
  handling: serviceHandlingSchema.optional(),
  active: z.enum(["true", "false"]).optional(),
});

/** A day an item can be booked: its department is on duty at the station with places left. */
export const bookableDaySchema = z.object({
  date: z.string(),
  shiftId: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  left: z.number().int(),
});
export type BookableDay = z.infer<typeof bookableDaySchema>;

// Requests (办件).

/**
 * booked → waiting (checked in on the day, queue number) → handling → done, or handling → forwarded (to the
 * department, with a due date) → done; booked | waiting → cancelled; booked → missed (never came).
 * Walk-ins start at waiting.
 */
export const requestStatuses = ["booked", "waiting", "handling", "forwarded", "done", "cancelled", "missed"] as const;
export const requestStatusSchema = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const requestChannels = ["booking", "walk_in"] as const;
export const requestChannelSchema = z.enum(requestChannels);
export type RequestChannel = z.infer<typeof requestChannelSchema>;

export const bookingCreateSchema = z
  .object({
    itemId: z.number({ message: "v.required" }).int().positive().max(MAX_ID, { message: "v.number_range" }),
    date: dateSchema,
    note: optionalText(500),
  })
  .strict();

/** A walk-in at the counter: a registered merchant or resident, or a name and mobile number. */
export const walkInCreateSchema = z
  .object({
    itemId: z.number({ message: "v.required" }).int().positive().max(MAX_ID, { message: "v.number_range" }),
    merchantId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).nullish(),
    residentId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).nullish(),
    name: z.string().trim().max(100, { message: "v.too_long" }).nullish(),
    mobile: mobileSchema.nullish().or(z.literal("").transform(() => null)),
    note: optionalText(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    const registered = [v.merchantId, v.residentId].filter((x) => x != null).length;
    if (registered > 1) ctx.addIssue({ code: "custom", path: ["residentId"], message: "v.invalid_value" });
    if (registered === 0 && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "v.required" });
  });

export const requestActionSchema = z.discriminatedUnion("action", [
  /** A booking checked in on its day: it joins the queue with a number. */
  z.object({ action: z.literal("check_in"), version: versionField }).strict(),
  /** The counter starts on it (called to the window). */
  z.object({ action: z.literal("start"), version: versionField }).strict(),
  z.object({ action: z.literal("complete"), note: optionalText(500), version: versionField }).strict(),
  /** Taken in at the station and passed to the item's department, due after the item's time limit. */
  z.object({ action: z.literal("forward"), note: optionalText(500), version: versionField }).strict(),
  z
    .object({
      action: z.literal("cancel"),
      reason: z.string().trim().min(2, { message: "v.too_short" }).max(500, { message: "v.too_long" }),
      version: versionField,
    })
    .strict(),
]);
export type RequestActionInput = z.infer<typeof requestActionSchema>;

export const applicantCancelSchema = z
  .object({
    reason: z.string().trim().min(2, { message: "v.too_short" }).max(500, { message: "v.too_long" }),
    version: versionField,
  })
  .strict();

export const callNextSchema = z
  .object({ stationId: z.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional() })
  .strict();

/** The report's five hearts, each 1–5: 省心 easy, 称心 satisfying, 暖心 warm, 贴心 considerate, 舒心 pleasant. */
export const hearts = ["easy", "satisfying", "warm", "considerate", "pleasant"] as const;
export type Heart = (typeof hearts)[number];
const heartScore = z.number({ message: "v.required" }).int().min(1, { message: "v.number_range" }).max(5, { message: "v.number_range" });

export const ratingCreateSchema = z
  .object({
    easy: heartScore,
    satisfying: heartScore,
    warm: heartScore,
    considerate: heartScore,
    pleasant: heartScore,
    comment: optionalText(500),
  })
  .strict();

export const ratingSchema = z.object({
  easy: z.number().int(),
  satisfying: z.number().int(),
  warm: z.number().int(),
  considerate: z.number().int(),
  pleasant: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const requestEventKinds = [
  "booked",
  "walked_in",
  "checked_in",
  "started",
  "forwarded",
  "done",
  "cancelled",
  "missed",
  "rated",
] as const;
export type RequestEventKind = (typeof requestEventKinds)[number];

export const requestEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(requestEventKinds),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const serviceRequestSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  itemId: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  handling: serviceHandlingSchema,
  timeLimitDays: z.number().int(),
  channel: requestChannelSchema,
  applicantName: z.string(),
  /** Masked (138****5678). */
  applicantMobile: z.string().nullable(),
  applicantKind: z.enum(["merchant", "resident", "other"]),
  merchantId: z.number().int().nullable(),
  residentId: z.number().int().nullable(),
  date: z.string(),
  shift: z.object({ startTime: z.string(), endTime: z.string() }).nullable(),
  queueNo: z.number().int().nullable(),
  status: requestStatusSchema,
  note: z.string().nullable(),
  handledBy: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Forwarded and past its due date (or done after it). */
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  rating: ratingSchema.nullable(),
  version: z.number().int(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const serviceRequestDetailSchema = serviceRequestSchema.extend({
  materials: z.array(z.string()),
  feeFen: z.number().int(),
  timeline: z.array(requestEventSchema),
});
export type ServiceRequestDetail = z.infer<typeof serviceRequestDetailSchema>;

export const requestListQuery = pageQuery.extend({
  status: requestStatusSchema.optional(),
  itemId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  unitId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
  channel: requestChannelSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  overdue: z.enum(["true"]).optional(),
});

export const counterDayQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
});

/** The counter today: bookings still to check in, the queue, what is at the window, what is finished. */
export const counterDaySchema = z.object({
  date: z.string(),
  stationId: z.number().int(),
  expected: z.array(serviceRequestSchema),
  queue: z.array(serviceRequestSchema),
  handling: z.array(serviceRequestSchema),
  finished: z.array(serviceRequestSchema),
  /** Departments on duty today. */
  onDuty: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), startTime: z.string(), endTime: z.string() })),
});
export type CounterDay = z.infer<typeof counterDaySchema>;

export const counterFiguresQuery = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  stationId: z.coerce.number().int().positive().max(MAX_ID, { message: "v.number_range" }).optional(),
});

const heartAverages = z.object({
  ratings: z.number().int(),
  easy: z.number().nullable(),
  satisfying: z.number().nullable(),
  warm: z.number().nullable(),
  considerate: z.number().nullable(),
  pleasant: z.number().nullable(),
});

export const counterFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      requests: z.number().int(),
      done: z.number().int(),
      bookings: z.number().int(),
      walkIns: z.number().int(),
    }),
  ),
  forwarded: z.object({ total: z.number().int(), finished: z.number().int(), onTime: z.number().int(), overdueOpen: z.number().int() }),
  hearts: heartAverages,
  heartsByUnit: z.array(heartAverages.extend({ unitId: z.number().int(), unitName: z.string() })),
});
export type CounterFigures = z.infer<typeof counterFiguresSchema>;
