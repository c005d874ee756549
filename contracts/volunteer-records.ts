// The service record (志愿服务记录证明, after 民政部《志愿服务记录与证明出具办法（试行）》): a numbered PDF the station
// that recorded the service issues to a volunteer for a period — who they are (name and volunteer number, never an ID
// number), each service whose hours are final (date, time, place, content, hours), the totals, trainings and awards
// where the platform holds them, and who issued it when. Its content is hashed; the QR printed on it opens a public
// check of the number, the masked name, the period, the hours and the hash.
import { z } from "zod";
import { dateSchema, MAX_ID } from "./common.ts";

/** The longest period one record covers (days). */
export const MAX_RECORD_DAYS = 3_660;
/** A caring-meal delivery confirmed by a volunteer counts as this many minutes of service (see docs/volunteers.md). */
export const MEAL_DELIVERY_MINUTES = 30;

export const serviceEntryKinds = ["occurrence", "meal_delivery"] as const;
export type ServiceEntryKind = (typeof serviceEntryKinds)[number];

const idField = z.number().int().positive().max(MAX_ID, { message: "v.number_range" });

export const recordIssueSchema = z
  .object({ volunteerId: idField, from: dateSchema, to: dateSchema })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "v.date_order" });
  });

/** One service the record certifies. */
export const recordEntrySchema = z.object({
  kind: z.enum(serviceEntryKinds),
  /** The record behind it: `signup:<id>`, or a day's meal deliveries `meal_delivery:<id>,meal_delivery:<id>…`. */
  ref: z.string(),
  date: z.string(),
  /** HH:MM, station time. */
  startTime: z.string(),
  endTime: z.string(),
  title: z.string(),
  place: z.string(),
  content: z.string(),
  team: z.string().nullable(),
  minutes: z.number().int(),
});
export type RecordEntry = z.infer<typeof recordEntrySchema>;

/** What the record certifies, as printed and hashed. */
export const recordContentSchema = z.object({
  number: z.string(),
  station: z.object({ id: z.number().int(), name: z.string() }),
  volunteer: z.object({ id: z.number().int(), number: z.string(), realName: z.string(), teams: z.array(z.string()) }),
  period: z.object({ from: z.string(), to: z.string() }),
  entries: z.array(recordEntrySchema),
  totals: z.object({ minutes: z.number().int(), hours: z.number(), entries: z.number().int() }),
  /** Trainings and awards: the platform records none yet, so these are empty (and printed as 无记录). */
  trainings: z.array(z.string()),
  awards: z.array(z.string()),
  issuedBy: z.object({ userId: z.number().int(), name: z.string() }),
  issuedAt: z.string(),
  issuedOn: z.string(),
  /** Where the QR leads: the public check of this record. */
  checkUrl: z.string(),
});
export type RecordContent = z.infer<typeof recordContentSchema>;

export const recordSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  number: z.string(),
  volunteerId: z.number().int(),
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  entries: z.number().int(),
  contentHash: z.string(),
  /** Null until the PDF is first rendered (records written without it, such as the demo's). */
  pdfSha256: z.string().nullable(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  /** The PDF for the caller: the console's or the volunteer's own route. */
  pdfUrl: z.string(),
  checkUrl: z.string(),
});
export type VolunteerRecord = z.infer<typeof recordSchema>;

/** The period a record would cover (the console's preview before issuing); last month by default. */
export const recordPreviewQuery = z.object({ from: dateSchema.optional(), to: dateSchema.optional() }).superRefine((v, ctx) => {
  if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "v.date_order" });
});
export const recordPreviewSchema = z.object({
  volunteerId: z.number().int(),
  from: z.string(),
  to: z.string(),
  entries: z.array(recordEntrySchema),
  totals: z.object({ minutes: z.number().int(), hours: z.number(), entries: z.number().int() }),
});

export const recordListQuery = z.object({
  stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  volunteerId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  /** A record number, a volunteer's name or number. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const recordNumberParams = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,10}-VR-\d{4}-\d{4,6}$/, { message: "v.invalid_value" }),
});
export const recordCheckQuery = z.object({
  /** The content hash printed in the QR (all 64 hex characters, or at least the first 16). */
  h: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{16,64}$/i, { message: "v.invalid_value" })
    .optional(),
});

/** The public check: genuine (the number exists), unaltered (what is stored still hashes to what was issued). */
export const recordCheckSchema = z.object({
  number: z.string(),
  genuine: z.literal(true),
  /** The stored content and PDF still hash to what was issued. */
  unaltered: z.boolean(),
  /** Whether the hash the QR carries is this record's (null: no hash given). */
  hashMatches: z.boolean().nullable(),
  stationName: z.string(),
  /** The surname, the given name masked (张**). */
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  entries: z.number().int(),
  issuedOn: z.string(),
  contentHash: z.string(),
  /** SHA-256 of the PDF as issued: whoever holds the file can compare it (null until first rendered). */
  pdfSha256: z.string().nullable(),
});
export type RecordCheck = z.infer<typeof recordCheckSchema>;

/** A name shown publicly: the surname kept, every other character masked. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  return chars[0] + "*".repeat(chars.length - 1);
}

/** Minutes as hours with two decimals (the national system counts hours). */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** A Party member's certified (final) volunteer hours for their Party record, read through the volunteer service. */
export const memberVolunteerHoursSchema = z.object({
  memberId: z.number().int(),
  /** Null when the member has no account, or the account is not a registered volunteer. */
  volunteer: z.object({ id: z.number().int(), number: z.string(), stationId: z.number().int() }).nullable(),
  from: z.string(),
  to: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  entries: z.array(recordEntrySchema),
});
export const memberVolunteerHoursQuery = z.object({ from: dateSchema.optional(), to: dateSchema.optional() }).superRefine((v, ctx) => {
  if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "v.date_order" });
});
