// Report rows as the contract's shapes.
import type { ReportSummary, ReportVersionSummary } from "../../../contracts/reports.ts";
import type { ReportRow } from "./reports.repository.ts";

export function presentSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    kind: r.kind,
    scope: r.scope,
    unitName: r.unit_name,
    period: r.period,
    from: r.period_from,
    to: r.period_to,
    title: r.title,
    version: r.version,
    generatedCount: r.generated_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastGeneratedAt: r.last_generated_at,
  };
}

export function presentVersionSummary(v: {
  number: number;
  figures: string;
  docx_sha256: string;
  docx_size: number;
  duration_ms: number;
  generated_by_name: string | null;
  generated_at: string;
}): ReportVersionSummary {
  const list = (JSON.parse(v.figures) as { list: { missing: boolean }[] }).list;
  return {
    number: v.number,
    generatedAt: v.generated_at,
    generatedBy: v.generated_by_name,
    docxSize: v.docx_size,
    docxSha256: v.docx_sha256,
    durationMs: v.duration_ms,
    figureCount: list.length,
    missingCount: list.filter((f) => f.missing).length,
  };
}
