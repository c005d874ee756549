import { z } from "zod";
import { dateSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

/** Where a problem came from (矛盾在站点发现、困难在站点收集). */
export const problemSources = ["merchant", "resident", "council", "grid_worker", "walk_in", "phone", "open311", "hotline"] as const;
export const problemSourceSchema = z.enum(problemSources);
export type ProblemSource = z.infer<typeof problemSourceSchema>;

export const problemStatuses = [
  "submitted",
  "accepted",
  "rejected",
  "assigned",
  "in_progress",
  "resolved",
  "confirmed",
  "reopened",
] as const;
export const problemStatusSchema = z.enum(problemStatuses);
export type ProblemStatus = z.infer<typeof problemStatusSchema>;

/** Statuses in which the problem is still someone's work; the due date runs only then. */
export const openProblemStatuses: readonly ProblemStatus[] = ["submitted", "accepted", "assigned", "in_progress", "reopened"];

export const MAX_PROBLEM_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const problemCategorySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  timeLimitDays: z.number().int(),
  active: z.boolean(),
});
export type ProblemCategory = z.infer<typeof problemCategorySchema>;

export const problemCategoryUpdateSchema = z
  .object({
    name: nameSchema,
    nameEn: nameSchema,
    timeLimitDays: z.number().int().min(1, { message: "v.number_range" }).max(365, { message: "v.number_range" }),
    active: z.boolean(),
  })
  .partial()
  .strict();

export const problemCreateSchema = z
  .object({
    title: z.string().trim().min(2, { message: "v.too_short" }).max(100, { message: "v.too_long" }),
    description: z.string().trim().min(1, { message: "v.required" }).max(2000, { message: "v.too_long" }),
    categoryCode: z.string().trim().min(1, { message: "v.required" }).max(40),
    place: optionalText(200),
    stallId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    /** Ids of photos uploaded beforehand with POST /api/files (images only, at most six). */
    photoIds: z.array(z.uuid()).max(MAX_PROBLEM_PHOTOS, { message: "v.too_long" }).default([]),
    /** Staff only: the channel for walk-ins, phone calls, grid workers and council meetings. */
    source: problemSourceSchema.optional(),
    reporterName: optionalText(50),
    reporterPhone: optionalText(20),
    stationId: z.number().int().positive().optional(),
  })
  .strict();
export type ProblemCreate = z.input<typeof problemCreateSchema>;

export const problemListQuery = pageQuery.extend({
  status: problemStatusSchema.optional(),
  categoryCode: z.string().max(40).optional(),
  source: problemSourceSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(["true", "false"]).optional(),
  mine: z.enum(["true", "false"]).optional(),
  /** Only problems whose next step is the caller's (待我处理). */
  actionable: z.enum(["true", "false"]).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  sort: z.enum(["createdAt", "dueAt", "updatedAt"]).optional(),
  /** Newest first unless a sort column is chosen (then ascending unless asked otherwise). */
  order: z.enum(["asc", "desc"]).optional(),
});
export type ProblemListQuery = z.input<typeof problemListQuery>;

/** One step of the workflow; `version` guards against two people acting on the same problem at once. */
export const problemActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), version: versionField }).strict(),
  z
    .object({ action: z.literal("reject"), reason: z.string().trim().min(2, { message: "v.too_short" }).max(500), version: versionField })
    .strict(),
  z
    .object({ action: z.literal("assign"), unitId: z.number().int().positive(), dueDate: dateSchema.optional(), version: versionField })
    .strict(),
  z.object({ action: z.literal("start"), version: versionField }).strict(),
  z
    .object({
      action: z.literal("note"),
      note: z.string().trim().min(1, { message: "v.required" }).max(2000),
      photoIds: z.array(z.uuid()).max(MAX_PROBLEM_PHOTOS).default([]),
      version: versionField,
    })
    .strict(),
  z
    .object({
      action: z.literal("resolve"),
      note: z.string().trim().min(2, { message: "v.too_short" }).max(2000),
      photoIds: z.array(z.uuid()).max(MAX_PROBLEM_PHOTOS).default([]),
      version: versionField,
    })
    .strict(),
  z
    .object({
      action: z.literal("confirm"),
      rating: z.number().int().min(1, { message: "v.number_range" }).max(5, { message: "v.number_range" }),
      comment: optionalText(500),
      version: versionField,
    })
    .strict(),
  z
    .object({ action: z.literal("reopen"), reason: z.string().trim().min(2, { message: "v.too_short" }).max(500), version: versionField })
    .strict(),
]);
export type ProblemAction = z.input<typeof problemActionSchema>;

export const problemEventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: problemStatusSchema.nullable(),
  toStatus: problemStatusSchema,
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
  at: z.string(),
});

export const problemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  title: z.string(),
  description: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  source: problemSourceSchema,
  place: z.string().nullable(),
  stallId: z.number().int().nullable(),
  stallCode: z.string().nullable(),
  status: problemStatusSchema,
  /** The reporter's name as staff may see it (masked for units); null on the public board. */
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalatedMeetingId: z.number().int().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  resolution: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do next, computed from the workflow and their role. */
  nextActions: z.array(z.string()),
});
export type Problem = z.infer<typeof problemSchema>;

export const problemDetailSchema = problemSchema.extend({ events: z.array(problemEventSchema) });
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const similarProblemsQuery = z.object({
  stationId: z.coerce.number().int().positive().optional(),
  stallId: z.coerce.number().int().positive().optional(),
  place: z.string().trim().max(200).optional(),
  categoryCode: z.string().max(40).optional(),
  title: z.string().trim().max(100).optional(),
});

export const publicProblemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  categoryName: z.string(),
  place: z.string().nullable(),
  unitName: z.string().nullable(),
  resolution: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
