// The dictionary of figures: every module's figures in one place, each value computed from its records with its
// citation, a figure's records listed page by page, series by month or key, and stations set side by side. The
// scope a reader asks for must lie within their reach (else 404, as for any record they cannot see); the big
// screen's kiosk tokens reach a scope through `forUnit`, without an account.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { monthsBetween, stationDate, stationDayBounds } from "../../../contracts/calendar.ts";
import {
  aggregateOf,
  type FigureComparison,
  type FigureDefinitionInfo,
  type FigureRecord,
  type FigureSeries,
  type FigureValue,
  parsePeriod,
  ragOf,
  type ScopeKind,
} from "../../../contracts/figures.ts";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { FigureDefinition, FigureQuery, FigureRecordInput } from "./figure.ts";
import { FiguresRepository } from "./figures.repository.ts";

/** A resolved scope: its label (`station:3`), its kind and the stations it covers. */
export interface ResolvedScope {
  label: string;
  kind: ScopeKind;
  unitId: number;
  name: string;
  stations: { id: number; name: string; parentName: string | null }[];
}

export interface Question {
  scope?: string;
  period?: string;
}

const normalise = (r: FigureRecordInput): FigureRecord => ({
  ref: r.ref,
  stationId: r.stationId,
  date: r.date,
  label: r.label,
  amount: r.amount ?? null,
  key: r.key ?? null,
  link: r.link ?? null,
});

/** Records in the order a reader lists them: newest first, then by reference. */
const byDateDesc = (a: FigureRecord, b: FigureRecord) =>
  a.date < b.date ? 1 : a.date > b.date ? -1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;

export function recordSetHash(records: FigureRecord[]): string {
  const lines = records.map((r) => `${r.ref}=${r.amount ?? ""}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

export class FigureDictionary {
  private readonly repo: FiguresRepository;
  private readonly clock: Clock;
  private readonly figures = new Map<string, FigureDefinition>();

  constructor(db: Kysely<DB>, clock: Clock) {
    this.repo = new FiguresRepository(db);
    this.clock = clock;
  }

  /** Adds modules' figures (app start-up); an id given twice is a programming error. */
  register(defs: FigureDefinition[]) {
    for (const d of defs) {
      if (this.figures.has(d.id)) throw new Error(`figure ${d.id} is defined twice`);
      this.figures.set(d.id, d);
    }
  }

  /** The dictionary: every figure's definition, in part and id order. */
  definitions(): FigureDefinitionInfo[] {
    return [...this.figures.values()]
      .map(({ records: _records, ...info }) => info)
      .sort((a, b) => (a.part ?? 9) - (b.part ?? 9) || a.id.localeCompare(b.id));
  }

  definition(id: string): FigureDefinition {
    const d = this.figures.get(id);
    if (!d) throw new AppError("figure.unknown", undefined, { id });
    return d;
  }

  // ----- scope and period -----

  /** The scope a signed-in reader asks for, within their reach (404 outside it). */
  async scopeFor(user: SessionUser, scope: string | undefined): Promise<ResolvedScope> {
    let unitId: number;
    if (scope) unitId = Number(scope.split(":")[1]);
    else if (user.stationIds && user.stationIds.length === 1) unitId = user.stationIds[0];
    else unitId = user.orgUnitId;
    const resolved = await this.resolve(unitId, scope ? (scope.split(":")[0] as ScopeKind) : null);
    const reach = user.stationIds;
    if (reach !== null && resolved.stations.some((s) => !reach.includes(s.id))) throw notFound();
    if (reach !== null && resolved.stations.length === 0 && !reach.includes(resolved.unitId)) throw notFound();
    return resolved;
  }

  /** A unit as a scope, for a caller that has checked its reach itself (a kiosk token names its unit). */
  async resolve(unitId: number, kind: ScopeKind | null): Promise<ResolvedScope> {
    const unit = await this.repo.unit(unitId);
    if (!unit || unit.kind === "community" || (kind !== null && unit.kind !== kind)) throw notFound();
    const stations = await this.repo.stationsUnder(unit.path);
    return {
      label: `${unit.kind}:${unit.id}`,
      kind: unit.kind as ScopeKind,
      unitId: unit.id,
      name: unit.name,
      stations: stations.map((s) => ({ id: s.id, name: s.name, parentName: s.parentName })),
    };
  }

  period(input: string | undefined) {
    const p = parsePeriod(input, stationDate(this.clock.now()));
    if (!p) throw invalidField("period", "v.period");
    return p;
  }

  private question(scope: ResolvedScope, period: { from: string; to: string }, now: Date): FigureQuery {
    return {
      stationIds: scope.stations.map((s) => s.id),
      from: period.from,
      to: period.to,
      fromIso: stationDayBounds(period.from)[0],
      toIso: stationDayBounds(period.to)[1],
      now,
    };
  }

  /** Every record behind a figure for a scope and period, newest first (`ordered: false`: as the query gave them). */
  async recordsOf(def: FigureDefinition, scope: ResolvedScope, period: { from: string; to: string }, now: Date, ordered = true) {
    if (!def.scopes.includes(scope.kind)) throw new AppError("figure.scope_kind", undefined, { id: def.id, kind: scope.kind });
    const q = this.question(scope, period, now);
    if (q.stationIds.length === 0) return [];
    const rows = (await def.records(q)).map(normalise);
    return ordered ? rows.sort(byDateDesc) : rows;
  }

  private valueOf(
    def: FigureDefinition,
    records: FigureRecord[],
    scope: string,
    period: { from: string; to: string },
    at: Date,
  ): FigureValue {
    const value = aggregateOf(def.aggregate, records);
    return {
      id: def.id,
      value,
      unit: def.unit,
      rag: ragOf(value, def.thresholds),
      citation: {
        figure: def.id,
        scope,
        from: period.from,
        to: period.to,
        computedAt: at.toISOString(),
        recordCount: records.length,
        recordSetHash: recordSetHash(records),
      },
    };
  }

  // ----- what the routes (and the screen and the reports) ask -----

  /** Values of several figures for one scope and period; figures not computed for the scope's kind are left out. */
  async valuesIn(scope: ResolvedScope, ids: string[] | null, periodInput: string | undefined, part?: number): Promise<FigureValue[]> {
    const period = this.period(periodInput);
    const now = this.clock.now();
    const defs = ids
      ? ids.map((id) => this.definition(id))
      : [...this.figures.values()].filter((d) => d.scopes.includes(scope.kind) && (part === undefined || d.part === part));
    const out: FigureValue[] = [];
    for (const def of defs) {
      if (!def.scopes.includes(scope.kind)) continue;
      out.push(this.valueOf(def, await this.recordsOf(def, scope, period, now), scope.label, period, now));
    }
    return out;
  }

  async values(user: SessionUser, q: Question & { ids?: string; part?: number }) {
    const scope = await this.scopeFor(user, q.scope);
    const ids = q.ids
      ? q.ids
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : null;
    return this.valuesIn(scope, ids, q.period, q.part);
  }

  async value(user: SessionUser, id: string, q: Question): Promise<FigureValue> {
    const def = this.definition(id);
    const scope = await this.scopeFor(user, q.scope);
    const period = this.period(q.period);
    const now = this.clock.now();
    return this.valueOf(def, await this.recordsOf(def, scope, period, now), scope.label, period, now);
  }

  /** A figure broken down by month (of the records' dates), by the records' key or by station. */
  async seriesIn(
    scope: ResolvedScope,
    id: string,
    periodInput: string | undefined,
    by: "month" | "key" | "station",
  ): Promise<FigureSeries> {
    const def = this.definition(id);
    const period = this.period(periodInput);
    const now = this.clock.now();
    const records = await this.recordsOf(def, scope, period, now);
    const groups = new Map<string, FigureRecord[]>();
    if (by === "month") for (const m of monthsBetween(period.from, period.to)) groups.set(m, []);
    if (by === "station") for (const s of scope.stations) groups.set(String(s.id), []);
    for (const r of records) {
      const key = by === "month" ? r.date.slice(0, 7) : by === "station" ? String(r.stationId) : (r.key ?? "");
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    const series = [...groups.entries()].map(([key, rs]) => ({ key, value: aggregateOf(def.aggregate, rs), recordCount: rs.length }));
    if (by !== "month") series.sort((a, b) => (by === "key" ? (b.value ?? 0) - (a.value ?? 0) || a.key.localeCompare(b.key) : 0));
    return { ...this.valueOf(def, records, scope.label, period, now), by, series };
  }

  async series(user: SessionUser, id: string, q: Question & { by: "month" | "key" | "station" }) {
    return this.seriesIn(await this.scopeFor(user, q.scope), id, q.period, q.by);
  }

  /** One page of a figure's records, with the sum of all of them, so the page's reader can check the value. */
  async records(user: SessionUser, id: string, q: Question & { page: number; pageSize: number; stationId?: number }) {
    const def = this.definition(id);
    const scope = await this.scopeFor(user, q.scope);
    const period = this.period(q.period);
    const now = this.clock.now();
    let records = await this.recordsOf(def, scope, period, now);
    if (q.stationId !== undefined) records = records.filter((r) => r.stationId === q.stationId);
    const start = (q.page - 1) * q.pageSize;
    return {
      value: this.valueOf(def, records, q.stationId !== undefined ? `station:${q.stationId}` : scope.label, period, now),
      items: records.slice(start, start + q.pageSize),
      total: records.length,
      page: q.page,
      pageSize: q.pageSize,
      amountSum: def.aggregate === "count" ? null : records.reduce((s, r) => s + (r.amount ?? 0), 0),
      nonZero: records.filter((r) => (r.amount ?? 0) !== 0).length,
    };
  }

  /**
   * Stations side by side: each comparable figure computed once over the scope's stations and split by station,
   * ranked (1 the best by the figure's direction; higher is better without thresholds), with red/yellow/green.
   */
  async compareIn(scope: ResolvedScope, ids: string[] | null, periodInput: string | undefined): Promise<FigureComparison> {
    const period = this.period(periodInput);
    const now = this.clock.now();
    const defs = ids
      ? ids.map((id) => this.definition(id))
      : [...this.figures.values()].filter((d) => d.comparable && d.scopes.includes("station") && d.scopes.includes(scope.kind));
    // The figures' queries run side by side (on PostgreSQL each takes its own connection), and their records are
    // counted per station unsorted: a comparison needs no order, and sorting a district's year of records costs.
    const recordSets = await Promise.all(defs.map((def) => this.recordsOf(def, scope, period, now, false)));
    const figures: FigureComparison["figures"] = [];
    for (const [index, def] of defs.entries()) {
      const records = recordSets[index];
      const byStation = new Map<number, FigureRecord[]>();
      for (const r of records) {
        const list = byStation.get(r.stationId);
        if (list) list.push(r);
        else byStation.set(r.stationId, [r]);
      }
      const values = scope.stations.map((s) => {
        const rs = byStation.get(s.id) ?? [];
        const value = aggregateOf(def.aggregate, rs);
        return { stationId: s.id, value, rank: null as number | null, rag: ragOf(value, def.thresholds), recordCount: rs.length };
      });
      const lowerBetter = def.thresholds?.direction === "lower";
      const ranked = values
        .filter((v) => v.value !== null)
        .sort((a, b) => (lowerBetter ? (a.value ?? 0) - (b.value ?? 0) : (b.value ?? 0) - (a.value ?? 0)));
      // Equal values share a rank (1, 2, 2, 4).
      ranked.forEach((v, i) => {
        v.rank = i > 0 && ranked[i - 1].value === v.value ? (ranked[i - 1].rank as number) : i + 1;
      });
      figures.push({
        id: def.id,
        reporting: values.filter((v) => v.recordCount > 0).length,
        of: scope.stations.length,
        citation: this.valueOf(def, records, scope.label, period, now).citation,
        values,
      });
    }
    return { scope: scope.label, from: period.from, to: period.to, computedAt: now.toISOString(), stations: scope.stations, figures };
  }

  async compare(user: SessionUser, q: Question & { ids?: string }) {
    const scope = await this.scopeFor(user, q.scope);
    const ids = q.ids
      ? q.ids
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : null;
    return this.compareIn(scope, ids, q.period);
  }
}
