// Generated reports: a draft made from a template (the seed's acceptance report, a monthly report, a district
// summary), edited sentence by sentence with its figures kept, and generated into versions — each freezing every
// figure's value and citation from the dictionary, the sentences and the Word document, built once and stored.
// A report is seen by whoever reaches its scope (404 otherwise); every change is audited.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate, stationTime } from "../../../contracts/calendar.ts";
import type { FigureComparison, FigureDefinitionInfo } from "../../../contracts/figures.ts";
import {
  formatFigure,
  MISSING_FIGURE,
  placeholdersOf,
  type ReportDetail,
  type ReportDiff,
  type ReportFigure,
  type ReportKind,
  type ReportParagraph,
  type ReportVersion,
  type ReportVersionSummary,
  type reportCreateSchema,
  type reportEditSchema,
  type reportListQuery,
} from "../../../contracts/reports.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, conflict, fail, invalidField } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { FigureDictionary, ResolvedScope } from "../figures/figures.service.ts";
import { CHART_HEIGHT, CHART_WIDTH, type ChartInput, chartPng } from "./reports.charts.ts";
import { buildDocx, type DocxChart } from "./reports.docx.ts";
import { presentSummary, presentVersionSummary } from "./reports.presenter.ts";
import { type ReportRow, ReportsRepository } from "./reports.repository.ts";
import {
  acceptanceSections,
  acceptanceTemplate,
  type ChartSpec,
  districtTemplate,
  kindScope,
  monthlyTemplate,
  partHeadings,
  type Template,
} from "./reports.templates.ts";
import { applyEdits, diffVersions } from "./reports.workflow.ts";

const kindWords: Record<string, string> = { station: "站点", street: "街道", district: "区" };

/** How a period reads in a title: 2026年, 2026年11月, 2026-01-01至2026-06-30. */
export function periodText(period: string, from: string, to: string): string {
  if (/^\d{4}$/.test(period)) return `${period}年`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${from}至${to}`;
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export class ReportsService {
  private readonly repo: ReportsRepository;
  private readonly db: Kysely<DB>;
  private readonly figures: FigureDictionary;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, figures: FigureDictionary, clock: Clock) {
    this.db = db;
    this.figures = figures;
    this.clock = clock;
    this.repo = new ReportsRepository(db);
  }

  async list(user: SessionUser, query: z.output<typeof reportListQuery>) {
    const { rows, total } = await this.repo.list(
      { path: user.stationIds === null ? null : user.orgPath, kind: query.kind, q: query.q || undefined },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
  }

  /** The report and its scope, when the reader reaches the scope; 404 otherwise. */
  private async visible(user: SessionUser, id: number) {
    const row = await this.repo.find(id);
    if (!row) throw new AppError("record.not_found");
    const scope = await this.figures.scopeFor(user, row.scope);
    return { row, scope };
  }

  private template(kind: ReportKind, scope: ResolvedScope, period: string, from: string, to: string, parentName: string | null): Template {
    const defs = this.figures.definitions();
    if (kind === "acceptance") return acceptanceTemplate(scope.name, from.slice(0, 4), parentName);
    if (kind === "monthly") return monthlyTemplate(scope.name, period, defs);
    return districtTemplate(scope.name, periodText(period, from, to), scope.stations.length, defs);
  }

  private async templateOf(row: ReportRow, scope: ResolvedScope) {
    const unit = await this.repo.unit(row.unit_id);
    return this.template(row.kind, scope, row.period, row.period_from, row.period_to, await this.repo.unitName(unit?.parent_id ?? null));
  }

  async create(user: SessionUser, body: z.output<typeof reportCreateSchema>, actor: Actor) {
    const scope = await this.figures.scopeFor(user, body.scope);
    if (!kindScope[body.kind].includes(scope.kind))
      throw fail("report.scope_kind", [{ field: "scope" }], { kind: kindScope[body.kind].map((k) => kindWords[k]).join("或") });
    const p = this.figures.period(body.period);
    if (body.kind === "monthly" && !/^\d{4}-\d{2}$/.test(p.label)) throw invalidField("period", "v.period");
    // A relative period (last12) is frozen to its days, so the report means the same period tomorrow.
    const period = /^last/.test(p.label) ? `${p.from}..${p.to}` : p.label;
    const unit = await this.repo.unit(scope.unitId);
    const t = this.template(body.kind, scope, period, p.from, p.to, await this.repo.unitName(unit?.parent_id ?? null));
    const now = this.clock.now();
    const at = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insert(trx, {
        kind: body.kind,
        scope: scope.label,
        unit_id: scope.unitId,
        unit_path: unit?.path ?? "",
        unit_name: scope.name,
        period,
        period_from: p.from,
        period_to: p.to,
        title: t.title,
        paragraphs: JSON.stringify(t.paragraphs),
        created_by_user_id: user.id,
        created_at: at,
        updated_at: at,
        last_generated_at: null,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "report.created",
        objectType: "report",
        objectId: id,
        stationId: scope.kind === "station" ? scope.unitId : null,
        after: { kind: body.kind, scope: scope.label, period },
      });
      return id;
    });
    return this.detail(user, id);
  }

  async detail(user: SessionUser, id: number): Promise<ReportDetail> {
    const { row, scope } = await this.visible(user, id);
    const paragraphs = JSON.parse(row.paragraphs) as ReportParagraph[];
    const ids = [...new Set(paragraphs.flatMap((p) => placeholdersOf(p.text)))];
    return {
      ...presentSummary(row),
      sections: this.sectionsOf(row.kind),
      paragraphs,
      figures: await this.resolveFigures(scope, ids, row.period),
      versions: (await this.repo.versions(id)).map(presentVersionSummary),
    };
  }

  private sectionsOf(kind: ReportKind) {
    return kind === "acceptance" ? acceptanceSections : [1, 2, 3, 4].map((s) => ({ section: s, heading: partHeadings[s] }));
  }

  /** Each figure's value and citation for the scope and period; a figure the dictionary lacks (or does not compute for the scope's kind) is missing. */
  private async resolveFigures(scope: ResolvedScope, ids: string[], period: string): Promise<ReportFigure[]> {
    const defs = new Map(this.figures.definitions().map((d) => [d.id, d]));
    const known = ids.filter((id) => defs.get(id)?.scopes.includes(scope.kind));
    const values = new Map((await this.figures.valuesIn(scope, known, period)).map((v) => [v.id, v]));
    return ids.map((id) => {
      const d = defs.get(id);
      const v = values.get(id);
      if (!d || !v)
        return {
          id,
          name: d?.name["zh-CN"] ?? id,
          unit: d?.unit ?? "count",
          unitLabel: d?.unitLabel["zh-CN"] ?? "",
          value: null,
          text: MISSING_FIGURE,
          missing: true,
          citation: null,
        };
      const unitLabel = d.unitLabel["zh-CN"];
      return {
        id,
        name: d.name["zh-CN"],
        unit: d.unit,
        unitLabel,
        value: v.value,
        text: formatFigure(v.value, d.unit, unitLabel) ?? "—",
        missing: false,
        citation: v.citation,
      };
    });
  }

  async edit(user: SessionUser, id: number, body: z.output<typeof reportEditSchema>, actor: Actor) {
    const { row, scope } = await this.visible(user, id);
    const draft = JSON.parse(row.paragraphs) as ReportParagraph[];
    const result = applyEdits(draft, body.paragraphs);
    if (!result.ok) {
      const r = result.refusal;
      if (r.kind === "unknown_paragraph")
        throw fail("report.unknown_paragraph", [{ field: `paragraphs.${r.paragraph}` }], { paragraph: r.paragraph });
      const detail = [
        r.dropped.length ? `缺少 ${r.dropped.map((x) => `{${x}}`).join("、")}` : "",
        r.invented.length ? `多出 ${r.invented.map((x) => `{${x}}`).join("、")}` : "",
      ]
        .filter(Boolean)
        .join("；");
      throw fail("report.placeholders_changed", [{ field: `paragraphs.${r.paragraph}`, key: "v.placeholders" }], {
        paragraph: r.paragraph,
        detail,
      });
    }
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.updateDraft(trx, id, body.version, JSON.stringify(result.paragraphs), now.toISOString()))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "report.edited",
        objectType: "report",
        objectId: id,
        stationId: scope.kind === "station" ? scope.unitId : null,
        before: Object.fromEntries(draft.filter((p) => result.changed.includes(p.id)).map((p) => [p.id, p.text])),
        after: Object.fromEntries(result.paragraphs.filter((p) => result.changed.includes(p.id)).map((p) => [p.id, p.text])),
      });
    });
    return this.detail(user, id);
  }

  /** A chart's points in the unit it prints with (万元, 小时…). */
  private chartValues(def: FigureDefinitionInfo, values: (number | null)[]) {
    if (def.unit === "fen") {
      const big = values.some((v) => (v ?? 0) >= 1_000_000);
      return {
        unit: big ? "万元" : "元",
        values: values.map((v) => (v === null ? null : Math.round(v / (big ? 100 : 1)) / (big ? 10000 : 100))),
      };
    }
    if (def.unit === "minutes") return { unit: "小时", values: values.map((v) => (v === null ? null : Math.round(v / 6) / 10)) };
    if (def.unit === "percent") return { unit: "%", values: values.map((v) => (v === null ? null : Math.round(v * 10) / 10)) };
    return { unit: def.unitLabel["zh-CN"], values: values.map((v) => (v === null ? null : Math.round(v * 10) / 10)) };
  }

  private async charts(scope: ResolvedScope, specs: ChartSpec[], row: ReportRow) {
    const defs = new Map(this.figures.definitions().map((d) => [d.id, d]));
    const drawn: { spec: ChartSpec; chart: ChartInput; caption: string; stored: ReportVersion["charts"][number] }[] = [];
    for (const spec of specs) {
      const def = defs.get(spec.figure);
      if (!def?.scopes.includes(scope.kind)) continue;
      // The monthly report's trend: the twelve months ending with the report's month.
      const period = spec.trend ? `${shiftYear(row.period_to)}..${row.period_to}` : row.period;
      const s = await this.figures.seriesIn(scope, spec.figure, period, spec.by);
      const sameYear = s.series.every((p) => p.key.slice(0, 4) === s.series[0]?.key.slice(0, 4));
      const labels = s.series.map((p) =>
        spec.by === "station"
          ? (scope.stations.find((x) => String(x.id) === p.key)?.name.replace(/党群服务站$/, "") ?? p.key)
          : sameYear
            ? `${Number(p.key.slice(5, 7))}月`
            : `${p.key.slice(2, 4)}年${Number(p.key.slice(5, 7))}月`,
      );
      const v = this.chartValues(
        def,
        s.series.map((p) => p.value),
      );
      drawn.push({
        spec,
        chart: { title: spec.title, labels, values: v.values, unit: v.unit, kind: spec.kind },
        caption: `数据：指标 ${s.id}，范围 ${s.citation.scope}，期间 ${s.citation.from} 至 ${s.citation.to}，记录 ${s.citation.recordCount} 条，哈希 ${s.citation.recordSetHash.slice(0, 12)}`,
        stored: { figure: spec.figure, title: spec.title, points: s.series.length, citation: s.citation },
      });
    }
    // The series are read one after the other; the images render side by side (on resvg's thread pool).
    const pngs = await Promise.all(drawn.map((c) => chartPng(c.chart)));
    return drawn.map((c, i) => ({
      doc: {
        section: c.spec.section,
        title: c.spec.title,
        png: pngs[i],
        width: 600,
        height: Math.round((600 * CHART_HEIGHT) / CHART_WIDTH),
        caption: c.caption,
      } satisfies DocxChart,
      stored: c.stored,
    }));
  }

  async generate(user: SessionUser, id: number, body: { version: number }, actor: Actor): Promise<ReportVersionSummary> {
    const started = performance.now();
    const { row, scope } = await this.visible(user, id);
    if (row.version !== body.version) throw conflict();
    const paragraphs = JSON.parse(row.paragraphs) as ReportParagraph[];
    const t = await this.templateOf(row, scope);
    const ids = [...new Set(paragraphs.flatMap((p) => placeholdersOf(p.text)))];
    const figures = await this.resolveFigures(scope, ids, row.period);
    const charts = await this.charts(scope, t.charts, row);
    let comparison: FigureComparison | null = null;
    if (t.compare) {
      const defs = new Map(this.figures.definitions().map((d) => [d.id, d]));
      const comparable = figures.filter((f) => !f.missing && defs.get(f.id)?.comparable && defs.get(f.id)?.scopes.includes("station"));
      if (comparable.length)
        comparison = await this.figures.compareIn(
          scope,
          comparable.map((f) => f.id),
          row.period,
        );
    }
    const now = this.clock.now();
    const number = row.generated_count + 1;
    const docx = await buildDocx({
      title: row.title,
      subtitle: t.subtitle,
      meta: `${scope.name} · ${periodText(row.period, row.period_from, row.period_to)}（${row.period_from} 至 ${row.period_to}）· 第 ${number} 版 · 生成于 ${stationDate(now)} ${stationTime(now)}`,
      sections: this.sectionsOf(row.kind),
      paragraphs,
      figures: new Map(figures.map((f) => [f.id, f])),
      charts: charts.map((c) => c.doc),
      comparison,
      scopeName: scope.name,
    });
    const sha = createHash("sha256").update(docx).digest("hex");
    const durationMs = Math.round(performance.now() - started);
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.takeVersion(trx, id, row.generated_count, now.toISOString()))) throw conflict();
      await this.repo.insertVersion(trx, {
        report_id: id,
        number,
        paragraphs: row.paragraphs,
        figures: JSON.stringify({ list: figures, comparison }),
        charts: JSON.stringify(charts.map((c) => c.stored)),
        docx,
        docx_sha256: sha,
        docx_size: docx.length,
        duration_ms: durationMs,
        generated_by_user_id: user.id,
        generated_by_name: actor.name,
        generated_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "report.generated",
        objectType: "report",
        objectId: id,
        stationId: scope.kind === "station" ? scope.unitId : null,
        after: { number, sha256: sha, figures: figures.length, missing: figures.filter((f) => f.missing).map((f) => f.id) },
      });
    });
    const v = await this.repo.version(id, number);
    if (!v) throw new AppError("report.version_missing", undefined, { number });
    return presentVersionSummary(v);
  }

  private async versionRow(user: SessionUser, id: number, number: number) {
    await this.visible(user, id);
    const v = await this.repo.version(id, number);
    if (!v) throw new AppError("report.version_missing", undefined, { number });
    return v;
  }

  async version(user: SessionUser, id: number, number: number): Promise<ReportVersion> {
    const v = await this.versionRow(user, id, number);
    const figures = JSON.parse(v.figures) as { list: ReportFigure[] };
    return {
      ...presentVersionSummary(v),
      paragraphs: JSON.parse(v.paragraphs),
      figures: figures.list,
      charts: JSON.parse(v.charts),
    };
  }

  /** The stored document, byte for byte as generated, with a file name. */
  async docx(user: SessionUser, id: number, number: number) {
    const { row } = await this.visible(user, id);
    const d = await this.repo.docx(id, number);
    if (!d) throw new AppError("report.version_missing", undefined, { number });
    return { data: Buffer.from(d.docx), sha256: d.docx_sha256, fileName: `${row.title}-v${number}.docx` };
  }

  async diff(user: SessionUser, id: number, from: number, to: number): Promise<ReportDiff> {
    const [a, b] = await Promise.all([this.version(user, id, from), this.version(user, id, to)]);
    return diffVersions(a, b);
  }
}

/** The day a year before a date's next day: the first day of the twelve months ending with it. */
function shiftYear(to: string): string {
  const [y, m] = to.split("-").map(Number);
  const first = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, "0")}-01`;
  return first;
}
