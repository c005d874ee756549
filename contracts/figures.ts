// The dictionary of figures (指标): every figure the platform shows is defined once — its name, definition, unit,
// scopes, period, thresholds — and computed from records by its module. A value comes with its citation (which
// figure, scope and period, when, how many records and the hash of their set) and its records can be listed, so
// every number on a screen or in a report can show where it comes from.
import { z } from "zod";
import { addDays, addMonths, daysInMonth, stationDate } from "./calendar.ts";
import { MAX_ID } from "./common.ts";

/** How a figure's value is made from its records. `share`: the percentage of records whose amount is not 0. */
export const figureAggregates = ["count", "sum", "avg", "share"] as const;
export type FigureAggregate = (typeof figureAggregates)[number];

/** How a value reads: a plain count, money in fen, minutes (shown as hours) or a percentage. */
export const figureUnits = ["count", "fen", "minutes", "percent"] as const;
export type FigureUnit = (typeof figureUnits)[number];

export const scopeKinds = ["station", "street", "district"] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/**
 * Which part of the station's report a figure belongs to (the seed's four sections): 1 the branch and the alliance,
 * 2 the station and its resources, 3 the platforms (council, promotions, stage, caring scheme), 4 the calling cards
 * (volunteers, night market, culture, environment).
 */
export const reportParts = [1, 2, 3, 4] as const;
export type ReportPart = (typeof reportParts)[number];

/** range: the records dated within the period; snapshot: the state at the period's end (members, items on offer). */
export const periodKinds = ["range", "snapshot"] as const;

const text = z.object({ "zh-CN": z.string(), en: z.string() });

export const thresholdsSchema = z.object({
  /** higher: more is better (green at or above `green`); lower: less is better (green at or below `green`). */
  direction: z.enum(["higher", "lower"]),
  green: z.number(),
  yellow: z.number(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const figureDefinitionSchema = z.object({
  id: z.string(),
  module: z.string(),
  part: z.number().int().nullable(),
  name: text,
  /**
   * The name where room is short (the big screen's rows): the name itself unless the module gives a shorter one
   * (an English name of five words wraps to three lines there).
   */
  shortName: text,
  definition: text,
  unit: z.enum(figureUnits),
  /** The word after a count (家, 人次, 场…); empty for money, hours and percentages. */
  unitLabel: text,
  aggregate: z.enum(figureAggregates),
  period: z.enum(periodKinds),
  scopes: z.array(z.enum(scopeKinds)),
  thresholds: thresholdsSchema.nullable(),
  /** Stations can be set side by side on it (a district's comparison). */
  comparable: z.boolean(),
  /** Its records name people: the big screen shows the value only, never the records. */
  personal: z.boolean(),
});
export type FigureDefinitionInfo = z.infer<typeof figureDefinitionSchema>;

/** A record behind a figure: what it is (`ref`, e.g. `relief_application:12`), where, when, and its amount. */
export const figureRecordSchema = z.object({
  ref: z.string(),
  stationId: z.number().int(),
  date: z.string(),
  label: z.string(),
  /** What the record adds for a sum or an average (fen, minutes, people…); null for a count. */
  amount: z.number().nullable(),
  /** A breakdown key (a team, a kind, a category) for `by=key`. */
  key: z.string().nullable(),
  /** The console page of the record, when it has one. */
  link: z.string().nullable(),
});
export type FigureRecord = z.infer<typeof figureRecordSchema>;

export const citationSchema = z.object({
  figure: z.string(),
  scope: z.string(),
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  recordCount: z.number().int(),
  /** SHA-256 of the sorted `ref=amount` lines of the records: the same records give the same hash. */
  recordSetHash: z.string(),
});
export type FigureCitation = z.infer<typeof citationSchema>;

export const ragSchema = z.enum(["green", "yellow", "red"]).nullable();
export type Rag = z.infer<typeof ragSchema>;

export const figureValueSchema = z.object({
  id: z.string(),
  /** null: no records to average over (an average or share of nothing). */
  value: z.number().nullable(),
  unit: z.enum(figureUnits),
  rag: ragSchema,
  citation: citationSchema,
});
export type FigureValue = z.infer<typeof figureValueSchema>;

export const seriesPointSchema = z.object({ key: z.string(), value: z.number().nullable(), recordCount: z.number().int() });
export const figureSeriesSchema = figureValueSchema.extend({ by: z.enum(["month", "key", "station"]), series: z.array(seriesPointSchema) });
export type FigureSeries = z.infer<typeof figureSeriesSchema>;

export const figureRecordsPageSchema = z.object({
  value: figureValueSchema,
  items: z.array(figureRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The sum of every record's amount (not only this page's): with `total` it gives the value back. */
  amountSum: z.number().nullable(),
  /** How many records have an amount other than 0 (a share's numerator). */
  nonZero: z.number().int(),
});

// ----- the period and the scope of a question -----

/**
 * A period as a reader writes it: `2026` (a year), `2026-03` (a month), `2026-01-01..2026-06-30` (days), `last12`
 * (the twelve months up to today, the default) or `last30` (days). Returns null when it does not parse.
 */
export function parsePeriod(input: string | undefined, today: string): { from: string; to: string; label: string } | null {
  const p = (input ?? "last12").trim();
  if (p === "last12") return { from: addDays(addMonths(today, -12), 1), to: today, label: p };
  if (p === "last30") return { from: addDays(today, -29), to: today, label: p };
  let m = /^(\d{4})$/.exec(p);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: p };
  m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { from: `${p}-01`, to: `${p}-${String(daysInMonth(Number(m[1]), month)).padStart(2, "0")}`, label: p };
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p);
  if (m && isDate(m[1]) && isDate(m[2]) && m[1] <= m[2]) return { from: m[1], to: m[2], label: p };
  return null;
}

const isDate = (v: string) => {
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
};

/** The period a reader means at a moment (for a caller that has a clock, not a date). */
export const periodAt = (input: string | undefined, now: Date) => parsePeriod(input, stationDate(now));

/** `station:3`, `street:2`, `district:1`; omitted: the caller's own station (or unit). */
export const scopeSchema = z
  .string()
  .regex(/^(station|street|district):\d{1,10}$/, { message: "v.scope" })
  .refine((v) => Number(v.split(":")[1]) <= MAX_ID, { message: "v.scope" });

export const periodSchema = z
  .string()
  .trim()
  .max(30)
  .refine((v) => parsePeriod(v, "2000-01-01") !== null, { message: "v.period" });

export const figureQuery = z.object({ scope: scopeSchema.optional(), period: periodSchema.optional() });
export const figureIdParams = z.object({ id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, { message: "v.figure" }) });

export const valuesQuery = figureQuery.extend({
  /** Comma-separated figure ids; omitted: every figure of the scope's kind (or of `part`). */
  ids: z.string().max(4000).optional(),
  part: z.coerce.number().int().min(1).max(4).optional(),
});

export const seriesQuery = figureQuery.extend({ by: z.enum(["month", "key", "station"]).default("month") });

export const recordsQuery = figureQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  stationId: z.coerce.number().int().positive().max(MAX_ID).optional(),
});

export const compareQuery = figureQuery.extend({ ids: z.string().max(4000).optional() });

export const compareSchema = z.object({
  scope: z.string(),
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  stations: z.array(z.object({ id: z.number().int(), name: z.string(), parentName: z.string().nullable() })),
  figures: z.array(
    z.object({
      id: z.string(),
      /** Stations with at least one record of the figure in the period, of all stations in the scope. */
      reporting: z.number().int(),
      of: z.number().int(),
      citation: citationSchema,
      values: z.array(
        z.object({
          stationId: z.number().int(),
          value: z.number().nullable(),
          rank: z.number().int().nullable(),
          rag: ragSchema,
          recordCount: z.number().int(),
        }),
      ),
    }),
  ),
});
export type FigureComparison = z.infer<typeof compareSchema>;

/** Red, yellow or green of a value against its thresholds (null: no thresholds, or no value). */
export function ragOf(value: number | null, t: Thresholds | null): Rag {
  if (value === null || !t) return null;
  if (t.direction === "higher") return value >= t.green ? "green" : value >= t.yellow ? "yellow" : "red";
  return value <= t.green ? "green" : value <= t.yellow ? "yellow" : "red";
}

/** A figure's value from its records: the one rule, shared by the server and the tests that check it. */
export function aggregateOf(aggregate: FigureAggregate, records: { amount: number | null }[]): number | null {
  if (aggregate === "count") return records.length;
  const sum = records.reduce((s, r) => s + (r.amount ?? 0), 0);
  if (aggregate === "sum") return sum;
  if (records.length === 0) return null;
  if (aggregate === "avg") return sum / records.length;
  return (100 * records.filter((r) => (r.amount ?? 0) !== 0).length) / records.length;
}
