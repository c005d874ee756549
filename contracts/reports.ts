// Generated reports (报告): the yearly acceptance report of a station (the seed's four sections), a station's
// monthly report and a district's summary. A draft's paragraphs are sentences with figure placeholders
// (`帮助商铺办理贴息贷款{economy.loans_count}`): staff may edit the words but not the figures — an edit must keep
// every placeholder the paragraph had and add none. Generating freezes a version: the values and citations, the
// sentences and the Word document.
import { z } from "zod";
import { versionField } from "./common.ts";
import { citationSchema, type FigureUnit, figureUnits, periodSchema, scopeSchema } from "./figures.ts";

export const reportKinds = ["acceptance", "monthly", "district"] as const;
export type ReportKind = (typeof reportKinds)[number];

/** A figure placeholder in a sentence: `{module.name}`. */
export const PLACEHOLDER = /\{([a-z_]+\.[a-z0-9_]+)\}/g;

/** The figure ids a sentence cites, in order (an id cited twice appears twice). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** A sentence cut into words and figures, for showing figures as tags (web) or runs with footnotes (docx). */
export function splitTemplate(text: string): ({ text: string } | { figure: string })[] {
  const out: ({ text: string } | { figure: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at) });
    out.push({ figure: m[1] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/**
 * Why an edited sentence is refused, or null: `dropped` names a figure the paragraph had and the edit lost,
 * `invented` one it adds (unknown to the paragraph — figures are not typed in, they come from the template).
 */
export function placeholderChange(before: string, after: string): { dropped: string[]; invented: string[] } | null {
  const count = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  const a = count(placeholdersOf(before));
  const b = count(placeholdersOf(after));
  const dropped = [...a].filter(([id, n]) => (b.get(id) ?? 0) < n).map(([id]) => id);
  const invented = [...b].filter(([id, n]) => (a.get(id) ?? 0) < n).map(([id]) => id);
  return dropped.length || invented.length ? { dropped, invented } : null;
}

/** A figure as a reader reads it: 209万元, 47家, 1,520小时, 86.5%; null for no value. */
export function formatFigure(value: number | null, unit: FigureUnit, unitLabel: string, locale: "zh-CN" | "en" = "zh-CN"): string | null {
  if (value === null) return null;
  const n = (v: number, digits: number) =>
    new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: digits }).format(v);
  if (unit === "fen") {
    const yuan = value / 100;
    if (locale === "en") return `¥${n(yuan, 2)}`;
    return Math.abs(yuan) >= 10000 ? `${n(yuan / 10000, 2)}万元` : `${n(yuan, 2)}元`;
  }
  if (unit === "minutes") return locale === "en" ? `${n(value / 60, 1)} hours` : `${n(value / 60, 1)}小时`;
  if (unit === "percent") return `${n(value, 1)}%`;
  const label = unitLabel ? (locale === "en" ? ` ${unitLabel}` : unitLabel) : "";
  return `${n(value, 1)}${label}`;
}

/** What a draft's or a version's sentence shows in place of a figure the dictionary does not (yet) define. */
export const MISSING_FIGURE = "待统计";

export const reportParagraphSchema = z.object({
  /** Stable within the report: `intro`, `p1.2` (section 1, paragraph 2)… */
  id: z.string(),
  /** 0 the introduction, 1–4 the sections, 9 the closing. */
  section: z.number().int(),
  text: z.string(),
  /** The sentence as the template wrote it, for showing what staff changed. */
  original: z.string(),
});
export type ReportParagraph = z.infer<typeof reportParagraphSchema>;

export const reportSectionSchema = z.object({ section: z.number().int(), heading: z.string() });

/** A figure as a draft or a version holds it: its value and citation, or `missing` when the dictionary lacks it. */
export const reportFigureSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.enum(figureUnits),
  unitLabel: z.string(),
  value: z.number().nullable(),
  /** The value as the document prints it (待统计 when missing). */
  text: z.string(),
  missing: z.boolean(),
  citation: citationSchema.nullable(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const reportVersionSummarySchema = z.object({
  number: z.number().int(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable(),
  docxSize: z.number().int(),
  docxSha256: z.string(),
  durationMs: z.number().int(),
  figureCount: z.number().int(),
  missingCount: z.number().int(),
});
export type ReportVersionSummary = z.infer<typeof reportVersionSummarySchema>;

export const reportSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(reportKinds),
  scope: z.string(),
  unitName: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  title: z.string(),
  version: z.number().int(),
  generatedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastGeneratedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportDetailSchema = reportSummarySchema.extend({
  sections: z.array(reportSectionSchema),
  paragraphs: z.array(reportParagraphSchema),
  /** Every figure the draft cites, with today's value (a preview: generating freezes them). */
  figures: z.array(reportFigureSchema),
  versions: z.array(reportVersionSummarySchema),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reportVersionSchema = reportVersionSummarySchema.extend({
  paragraphs: z.array(reportParagraphSchema),
  figures: z.array(reportFigureSchema),
  charts: z.array(z.object({ figure: z.string(), title: z.string(), points: z.number().int(), citation: citationSchema.nullable() })),
});
export type ReportVersion = z.infer<typeof reportVersionSchema>;

/** What moved between two versions: figures whose value or record set changed, sentences edited. */
export const reportDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  figures: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      change: z.enum(["value", "records", "added", "removed"]),
      before: z.string().nullable(),
      after: z.string().nullable(),
      beforeHash: z.string().nullable(),
      afterHash: z.string().nullable(),
      beforeCount: z.number().int().nullable(),
      afterCount: z.number().int().nullable(),
    }),
  ),
  paragraphs: z.array(z.object({ id: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type ReportDiff = z.infer<typeof reportDiffSchema>;

export const reportListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(reportKinds).optional(),
});

export const reportCreateSchema = z
  .object({
    kind: z.enum(reportKinds),
    /** Omitted: the caller's own station (or unit). */
    scope: scopeSchema.optional(),
    period: periodSchema,
  })
  .strict();

export const reportEditSchema = z
  .object({
    paragraphs: z.array(z.object({ id: z.string().max(20), text: z.string().trim().min(1, { message: "v.required" }).max(4000) })).max(200),
    version: versionField,
  })
  .strict();

export const reportGenerateSchema = z.object({ version: versionField }).strict();

export const versionParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  number: z.coerce.number().int().positive().max(100_000),
});

export const diffQuery = z.object({
  from: z.coerce.number().int().positive().max(100_000),
  to: z.coerce.number().int().positive().max(100_000),
});
