// The volunteer service (志愿服务): volunteers with their volunteer numbers (志愿者编号, never an ID number), the
// station's teams (服务队) and their service menus, activity series (系列) and their occurrences (场次), sign-ups with
// a waiting list, check-in and check-out with a rotating signed code, hours (服务时长), certification and its
// 7-day public notice (公示) during which a volunteer may object.
import { z } from "zod";
import { dateSchema, MAX_ID, nameSchema } from "./common.ts";
import { monthSchema, timeSchema } from "./duty.ts";
import { repeatRuleSchema, repeatRuleViewSchema } from "./schedule.ts";

export const politicalStatuses = ["party_member", "veteran", "none"] as const;
export type PoliticalStatus = (typeof politicalStatuses)[number];
export const membershipStatuses = ["requested", "approved", "rejected", "left"] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
export const occurrenceStatuses = ["open", "withdrawn", "cancelled"] as const;
export type OccurrenceStatus = (typeof occurrenceStatuses)[number];
export const signupStatuses = ["signed_up", "waitlisted", "withdrawn", "no_show", "attended"] as const;
export type SignupStatus = (typeof signupStatuses)[number];
export const objectionStatuses = ["open", "resolved"] as const;
export const signupSources = ["self", "assigned", "substitute", "paper"] as const;
export type SignupSource = (typeof signupSources)[number];
export type ObjectionStatus = (typeof objectionStatuses)[number];
/** An occurrence's hours: not certified yet, certified and on public notice for 7 days, then final. */
export const certificationStates = ["uncertified", "publicised", "final"] as const;
export type CertificationState = (typeof certificationStates)[number];

/** Presence must cover at least this share of the activity window for its hours to count (the 60 % rule). */
export const PRESENCE_THRESHOLD = 0.6;
/** Days certified hours stay on public notice (公示) before they are final. */
export const PUBLIC_NOTICE_DAYS = 7;

const idField = z.number().int().positive().max(MAX_ID, { message: "v.number_range" });
const reasonField = z.string().trim().min(2, { message: "v.too_short" }).max(500, { message: "v.too_long" });

// volunteers and teams

export const volunteerRegisterSchema = z
  .object({
    realName: nameSchema,
    skills: z
      .array(z.string().trim().min(1).max(40, { message: "v.too_long" }))
      .max(20)
      .default([]),
    politicalStatus: z.enum(politicalStatuses),
    /** The volunteer agrees that their service is recorded and used to certify it. */
    consent: z.boolean(),
  })
  .strict();

export const volunteerSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  userId: z.number().int(),
  number: z.string(),
  realName: z.string(),
  skills: z.array(z.string()),
  politicalStatus: z.enum(politicalStatuses),
  consentAt: z.string(),
  teams: z.array(
    z.object({ teamId: z.number().int(), teamName: z.string(), status: z.enum(membershipStatuses), membershipId: z.number().int() }),
  ),
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const serviceMenuItemSchema = z.object({ kind: z.string(), name: z.string() });

export const teamSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  leaderVolunteerId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  serviceMenu: z.array(serviceMenuItemSchema),
  members: z.number().int(),
  requests: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;

export const membershipRequestSchema = z.object({ teamId: idField }).strict();
export const membershipDecisionSchema = z.object({ approve: z.boolean() }).strict();
export const membershipSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  volunteerId: z.number().int(),
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  status: z.enum(membershipStatuses),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
});

export const volunteerListQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  teamId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  politicalStatus: z.enum(politicalStatuses).optional(),
});

// series and occurrences

/** A series repeats by a rule of the station's calendar (the 16th, the 28th, weekly…) or happens once. */
export const seriesRepeatSchema = z.union([repeatRuleSchema, z.object({ kind: z.literal("once"), date: dateSchema }).strict()]);

export const seriesCreateSchema = z
  .object({
    stationId: idField.optional(),
    title: nameSchema,
    repeat: seriesRepeatSchema,
    validFrom: dateSchema.optional(),
    validTo: dateSchema.optional(),
    place: nameSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    teamIds: z.array(idField).min(1, { message: "v.required" }).max(10),
    placesPerTeam: z.number().int().min(1, { message: "v.number_range" }).max(500, { message: "v.number_range" }),
    /** Sign-up closes this many hours before the start. */
    deadlineHours: z
      .number()
      .int()
      .min(0, { message: "v.number_range" })
      .max(24 * 14, { message: "v.number_range" })
      .default(24),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "v.invalid_value" });
  });

export const seriesSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  title: z.string(),
  repeat: z.union([repeatRuleViewSchema, z.object({ kind: z.literal("once"), date: z.string() })]),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  place: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  teamIds: z.array(z.number().int()),
  placesPerTeam: z.number().int(),
  deadlineHours: z.number().int(),
});

export const seriesCreatedSchema = z.object({ series: seriesSchema, created: z.number().int() });
export const generateSchema = z.object({ stationId: idField.optional(), days: z.number().int().min(1).max(366).default(60) }).strict();
export const generatedSchema = z.object({ created: z.number().int() });

export const occurrenceListQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  month: monthSchema.optional(),
});

export const teamPlacesSchema = z.object({
  teamId: z.number().int(),
  teamName: z.string(),
  places: z.number().int(),
  signedUp: z.number().int(),
  waitlisted: z.number().int(),
});

export const occurrenceSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  seriesId: z.number().int(),
  title: z.string(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  signupDeadline: z.string(),
  status: z.enum(occurrenceStatuses),
  statusReason: z.string().nullable(),
  teams: z.array(teamPlacesSchema),
  certification: z.enum(certificationStates),
  certifiedAt: z.string().nullable(),
  publicUntil: z.string().nullable(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

export const signupSchema = z.object({
  id: z.number().int(),
  occurrenceId: z.number().int(),
  volunteerId: z.number().int(),
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  teamId: z.number().int(),
  arrival: z.number().int(),
  status: z.enum(signupStatuses),
  signedUpAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  /** Asked the day before to confirm they come (null: not asked yet), and when they confirmed (null: not confirmed). */
  confirmationAskedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** How the sign-up came: the volunteer's own, a leader's assignment, a substitution, or the organiser's paper roster. */
  source: z.enum(signupSources),
  /** The sign-up this one substitutes (its volunteer was replaced). */
  replacesSignupId: z.number().int().nullable(),
  /** The organiser's name when the check-in and check-out times were entered from the paper roster. */
  enteredBy: z.string().nullable(),
});
export type Signup = z.infer<typeof signupSchema>;

export const objectionSchema = z.object({
  id: z.number().int(),
  occurrenceId: z.number().int(),
  signupId: z.number().int(),
  volunteerId: z.number().int(),
  reason: z.string(),
  status: z.enum(objectionStatuses),
  resolution: z.string().nullable(),
  createdAt: z.string(),
});

// people served (服务对象): counts per kind of the team's service menu, maybe one merchant or resident who confirms

/** At most this many people of one kind in one entry, and this many entries in one request. */
export const MAX_SERVED_COUNT = 500;
export const MAX_SERVED_ENTRIES = 50;

export const servedEntrySchema = z
  .object({
    /** The team whose menu has the kind; when absent, the first of the occurrence's teams whose menu has it. */
    teamId: idField.optional(),
    kind: z.string().trim().min(1, { message: "v.required" }).max(40, { message: "v.too_long" }),
    count: z
      .number()
      .int({ message: "v.number_range" })
      .min(1, { message: "v.number_range" })
      .max(MAX_SERVED_COUNT, { message: "v.number_range" }),
    merchantId: idField.optional(),
    residentId: idField.optional(),
    note: z.string().trim().max(200, { message: "v.too_long" }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // One person served per entry: a merchant or a resident, not both.
    if (v.merchantId !== undefined && v.residentId !== undefined)
      ctx.addIssue({ code: "custom", path: ["residentId"], message: "v.invalid_value" });
  });
export const servedCreateSchema = z
  .object({ entries: z.array(servedEntrySchema).min(1, { message: "v.required" }).max(MAX_SERVED_ENTRIES, { message: "v.too_long" }) })
  .strict();

export const servedSchema = z.object({
  id: z.number().int(),
  occurrenceId: z.number().int(),
  teamId: z.number().int(),
  teamName: z.string(),
  kind: z.string(),
  /** The kind's name on the team's menu. */
  kindName: z.string(),
  count: z.number().int(),
  merchantId: z.number().int().nullable(),
  merchantName: z.string().nullable(),
  residentId: z.number().int().nullable(),
  residentName: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type Served = z.infer<typeof servedSchema>;

/** A service received, as the merchant or resident sees it on their phone. */
export const myServedSchema = servedSchema.extend({ title: z.string(), date: z.string(), place: z.string() });

// the roster: leaders assign and substitute, the organiser enters a paper roster afterwards

export const assignmentSchema = z.object({ volunteerId: idField, teamId: idField.optional() }).strict();
export const substitutionSchema = z.object({ volunteerId: idField }).strict();

export const paperRosterEntrySchema = z
  .object({
    volunteerId: idField,
    /** For a volunteer without a sign-up: the team they served with (else the first of their teams taking part). */
    teamId: idField.optional(),
    checkedIn: timeSchema,
    checkedOut: timeSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.checkedOut <= v.checkedIn) ctx.addIssue({ code: "custom", path: ["checkedOut"], message: "v.invalid_value" });
  });
export const paperRosterSchema = z
  .object({
    /** The uploaded photo of the signed paper roster (POST /api/files). */
    fileId: z.string().trim().min(1, { message: "v.required" }).max(64, { message: "v.too_long" }),
    entries: z.array(paperRosterEntrySchema).min(1, { message: "v.required" }).max(200, { message: "v.too_long" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.entries.forEach((e, i) => {
      if (seen.has(e.volunteerId)) ctx.addIssue({ code: "custom", path: ["entries", i, "volunteerId"], message: "v.invalid_value" });
      seen.add(e.volunteerId);
    });
  });

export const occurrenceDetailSchema = occurrenceSchema.extend({
  signups: z.array(signupSchema),
  objections: z.array(objectionSchema),
  /** Signed up, asked the day before to confirm, and not confirmed (yet). */
  unconfirmed: z.number().int(),
  /** The paper roster the organiser entered: its photo and who entered it when. */
  roster: z.object({ fileId: z.string(), fileUrl: z.string(), enteredAt: z.string(), enteredBy: z.string().nullable() }).nullable(),
  served: z.array(servedSchema),
});

export const occurrenceCloseSchema = z.object({ reason: reasonField }).strict();
export const signupCreateSchema = z.object({ teamId: idField.optional() }).strict();
export const codeSchema = z.object({ code: z.string().trim().min(1, { message: "v.required" }).max(200) }).strict();
export const checkInCodeSchema = z.object({
  occurrenceId: z.number().int(),
  code: z.string(),
  /** Until when this code is accepted; the screen fetches a new one before. */
  expiresAt: z.string(),
  url: z.string(),
});

export const correctionSchema = z
  .object({
    signupId: idField,
    minutes: z
      .number()
      .int()
      .min(0, { message: "v.number_range" })
      .max(24 * 60, { message: "v.number_range" }),
    reason: reasonField,
    /** The objection this correction answers, resolved with it. */
    objectionId: idField.optional(),
  })
  .strict();
export const objectionCreateSchema = z.object({ reason: reasonField }).strict();

export const myActivitySchema = occurrenceSchema.extend({ mySignup: signupSchema.nullable() });
export const myVolunteeringSchema = z.object({
  volunteer: volunteerSchema.nullable(),
  activities: z.array(myActivitySchema),
  certifiedMinutes: z.number().int(),
});
export const activitiesQuery = z.object({ days: z.coerce.number().int().min(1).max(120).default(60) });

// the volunteer's phone: their service records (服务记录) and the station's teams to join

/** One of my service records: an activity of mine that has begun, my sign-up in it and my latest objection. */
export const myRecordSchema = z.object({
  occurrence: occurrenceSchema,
  signup: signupSchema,
  objection: objectionSchema.nullable(),
});
export const myRecordsSchema = z.object({
  /** Newest first. */
  records: z.array(myRecordSchema),
  /** My minutes by their certification: not certified yet, on public notice, final. */
  minutes: z.object({ uncertified: z.number().int(), publicised: z.number().int(), final: z.number().int() }),
  /** My caring-meal deliveries that count (final), by month, newest first: their minutes are among `minutes.final`. */
  meals: z.array(z.object({ month: z.string(), days: z.number().int(), minutes: z.number().int() })),
});
export type MyRecords = z.infer<typeof myRecordsSchema>;

/** A team of my station as a volunteer sees it, with my membership (live, else the latest). */
export const myTeamSchema = teamSchema.extend({
  membership: z.object({ id: z.number().int(), status: z.enum(membershipStatuses) }).nullable(),
});
export type MyTeam = z.infer<typeof myTeamSchema>;
