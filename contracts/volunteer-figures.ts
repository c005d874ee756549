// Figures of the volunteer service, every one computed from the records behind it and returned with its citation
// (figure, scope, period, computed-at, record count, record-set hash): hours by team, month and volunteer (only
// hours that are final), people served by kind, whether each month had its 16th and its 28th held, and the honour
// roll (荣誉榜). A drill-down (`figure` and `key`) lists the records behind one figure's row.
import { z } from "zod";
import { dateSchema, MAX_ID } from "./common.ts";

export const volunteerFigureIds = [
  "hours_by_team",
  "hours_by_month",
  "hours_by_volunteer",
  "served_by_kind",
  "activity_days",
  "honour_roll",
] as const;
export type VolunteerFigureId = (typeof volunteerFigureIds)[number];

/** The days of the month the report's activities fall on: "16·爱一直在行动" and "28惠民行". */
export const ACTIVITY_DAYS = [16, 28] as const;
/** The row key of hours from caring-meal deliveries (they belong to no team). */
export const MEAL_TEAM_KEY = "meal_delivery";
/** The most records a drill-down lists (its citation still covers them all). */
export const DRILL_LIMIT = 2_000;

export const figuresQuery = z
  .object({
    stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
    /** Default: the first of the month eleven months back (twelve months with this one). */
    from: dateSchema.optional(),
    /** Default: today (station time). */
    to: dateSchema.optional(),
    /** How many volunteers the honour roll shows. */
    top: z.coerce.number().int().min(1).max(100).default(10),
    /** A drill-down: the records behind `figure`'s row `key` (all of the figure's when no key). */
    figure: z.enum(volunteerFigureIds).optional(),
    key: z.string().trim().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "v.date_order" });
    if (v.key !== undefined && v.figure === undefined) ctx.addIssue({ code: "custom", path: ["figure"], message: "v.required" });
  });

export const citationSchema = z.object({
  figure: z.enum(volunteerFigureIds),
  /** The stations counted (null: every station). */
  stationIds: z.array(z.number().int()).nullable(),
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  recordCount: z.number().int(),
  /** SHA-256 of the sorted references of the records counted (`signup:12`, `meal_delivery:7`, `served:3`, `occurrence:5`). */
  recordSetHash: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

const hoursRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  records: z.number().int(),
});
export const hoursFigureSchema = z.object({
  rows: z.array(hoursRowSchema),
  minutes: z.number().int(),
  hours: z.number(),
  citation: citationSchema,
});

export const servedFigureSchema = z.object({
  rows: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), records: z.number().int() })),
  count: z.number().int(),
  citation: citationSchema,
});

const activityDaySchema = z.object({
  day: z.number().int(),
  date: z.string(),
  /**
   * Held: an occurrence on that date that was not withdrawn or cancelled, ended, with someone checked in (with several
   * stations in scope: at every station that runs activities; `missing` names the stations).
   */
  held: z.boolean(),
  occurrenceIds: z.array(z.number().int()),
});
export const activityDaysFigureSchema = z.object({
  months: z.array(z.object({ month: z.string(), days: z.array(activityDaySchema) })),
  /** The days not held, per station that runs activities (has an active series). */
  missing: z.array(
    z.object({ stationId: z.number().int(), stationName: z.string(), month: z.string(), day: z.number().int(), date: z.string() }),
  ),
  allHeld: z.boolean(),
  citation: citationSchema,
});

export const honourRollSchema = z.object({
  rows: z.array(
    z.object({
      rank: z.number().int(),
      volunteerId: z.number().int(),
      name: z.string(),
      number: z.string(),
      teams: z.array(z.string()),
      minutes: z.number().int(),
      hours: z.number(),
      records: z.number().int(),
    }),
  ),
  citation: citationSchema,
});

export const figureRecordSchema = z.object({
  ref: z.string(),
  kind: z.enum(["signup", "meal_delivery", "served", "occurrence"]),
  date: z.string(),
  stationId: z.number().int(),
  title: z.string(),
  volunteerId: z.number().int().nullable(),
  volunteerName: z.string().nullable(),
  minutes: z.number().int().nullable(),
  count: z.number().int().nullable(),
});

export const volunteerFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  hoursByTeam: hoursFigureSchema,
  hoursByMonth: hoursFigureSchema,
  hoursByVolunteer: hoursFigureSchema,
  servedByKind: servedFigureSchema,
  activityDays: activityDaysFigureSchema,
  honourRoll: honourRollSchema,
  /**
   * The records behind the asked figure's row (null without `figure`): a sign-up, a volunteer's day of meal deliveries
   * (its `ref` lists them), an entry of people served or an occurrence; at most DRILL_LIMIT listed, `total` of all.
   */
  drill: z
    .object({
      figure: z.enum(volunteerFigureIds),
      key: z.string().nullable(),
      total: z.number().int(),
      records: z.array(figureRecordSchema),
      citation: citationSchema,
    })
    .nullable(),
});

export const hoursExportQuery = z
  .object({
    stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "v.date_order" });
  });
