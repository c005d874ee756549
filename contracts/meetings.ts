// Joint meetings of the alliance (联席会议) and monthly council meetings (商圈理事会).
import { z } from "zod";
import { dateSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

export const meetingKinds = ["joint", "council"] as const;
export const meetingKindSchema = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof meetingKindSchema>;
export const meetingStatuses = ["scheduled", "held", "cancelled"] as const;
export const meetingStatusSchema = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

export const agendaSources = ["problem", "need", "custom"] as const;
export const agendaSourceSchema = z.enum(agendaSources);
export type AgendaSource = z.infer<typeof agendaSourceSchema>;

export const actionItemStatuses = ["open", "done", "cancelled"] as const;
export const actionItemStatusSchema = z.enum(actionItemStatuses);
export type ActionItemStatus = z.infer<typeof actionItemStatusSchema>;

/** How an attendance was taken: the person scanned the meeting's code, or staff recorded it. */
export const attendanceMethods = ["qr", "staff"] as const;
export type AttendanceMethod = (typeof attendanceMethods)[number];

export const meetingCreateSchema = z
  .object({
    kind: meetingKindSchema,
    title: nameSchema,
    /** ISO date-time of the start, e.g. 2026-12-03T09:30:00+08:00. */
    startsAt: z.iso.datetime({ offset: true }),
    place: optionalText(200),
    invitedUnitIds: z.array(z.number().int().positive()).max(100).default([]),
    stationId: z.number().int().positive().optional(),
  })
  .strict();

export const agendaItemCreateSchema = z.object({ title: nameSchema, note: optionalText(1000), version: versionField }).strict();

export const meetingActionSchema = z.discriminatedUnion("action", [
  z
    .object({
      action: z.literal("hold"),
      minutes: z.string().trim().min(10, { message: "v.too_short" }).max(20000, { message: "v.too_long" }),
      version: versionField,
    })
    .strict(),
  z.object({ action: z.literal("cancel"), reason: z.string().trim().min(2).max(500), version: versionField }).strict(),
]);

export const resolutionCreateSchema = z
  .object({
    text: z.string().trim().min(2, { message: "v.too_short" }).max(1000, { message: "v.too_long" }),
    ownerUnitId: z.number().int().positive(),
    dueDate: dateSchema,
  })
  .strict();

export const actionItemUpdateSchema = z
  .object({
    status: actionItemStatusSchema,
    note: optionalText(1000),
    version: versionField,
  })
  .strict();

export const attendanceSchema = z.object({
  userId: z.number().int().nullable(),
  name: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  checkedInAt: z.string(),
  method: z.enum(attendanceMethods),
});

export const actionItemSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  meetingTitle: z.string(),
  text: z.string(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  dueDate: z.string(),
  status: actionItemStatusSchema,
  note: z.string().nullable(),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const agendaItemSchema = z.object({
  id: z.number().int(),
  source: agendaSourceSchema,
  refId: z.number().int().nullable(),
  title: z.string(),
  note: z.string().nullable(),
});

export const meetingSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  kind: meetingKindSchema,
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  status: meetingStatusSchema,
  invitedUnits: z.array(z.object({ id: z.number().int(), name: z.string(), attended: z.boolean() })),
  agenda: z.array(agendaItemSchema),
  attendance: z.array(attendanceSchema),
  minutes: z.string().nullable(),
  resolutions: z.array(actionItemSchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingListQuery = pageQuery.extend({
  kind: meetingKindSchema.optional(),
  status: meetingStatusSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export const actionItemListQuery = pageQuery.extend({
  status: actionItemStatusSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

/** The rotating check-in code staff show on a screen: a URL the phone's camera opens. */
export const checkInCodeSchema = z.object({ token: z.string(), url: z.string(), expiresAt: z.string(), qrSvg: z.string() });
export const checkInSchema = z.object({ token: z.string().min(10).max(500) }).strict();

/** What a phone sees after scanning: the meeting and its own attendance record; `created` false on a repeat scan. */
export const checkInResultSchema = attendanceSchema.extend({ meetingId: z.number().int(), meetingTitle: z.string(), created: z.boolean() });

/** Staff record someone present by hand (a guest without an account has only a name). */
export const manualAttendanceSchema = z
  .object({
    userId: z.number().int().positive().optional(),
    name: nameSchema,
    unitId: z.number().int().positive().nullish(),
  })
  .strict();

export const unitScoreSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  /** The unit's station: a district officer's scorecard holds several stations' units of the same names. */
  stationId: z.number().int(),
  stationName: z.string(),
  problemsAssigned: z.number().int(),
  problemsResolved: z.number().int(),
  onTimeRate: z.number().nullable(),
  averageRating: z.number().nullable(),
  meetingsInvited: z.number().int(),
  meetingsAttended: z.number().int(),
  actionItems: z.number().int(),
  actionItemsDone: z.number().int(),
});
export type UnitScore = z.infer<typeof unitScoreSchema>;

export const scorecardQuery = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  stationId: z.coerce.number().int().positive().optional(),
});

export const unitScoreHistorySchema = z.array(unitScoreSchema.extend({ month: z.string() }));
