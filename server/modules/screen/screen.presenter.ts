// What the big screen may show, made from the dictionary's values: figures without records, people's names masked,
// small counts in breakdowns of people not singled out, and the market map without names. Pure: no I/O.
import type { FigureDefinitionInfo, FigureSeries, FigureValue } from "../../../contracts/figures.ts";
import { isSmallCount, maskPersonName, type ScreenFigure, type ScreenSeries } from "../../../contracts/screen.ts";
import type { KioskTokenRow } from "./screen.repository.ts";

/** A figure of people (its records name people) counted 1 or 2 is withheld: it would single someone out. */
export function screenFigure(def: FigureDefinitionInfo, v: FigureValue): ScreenFigure {
  const masked = def.personal && def.aggregate === "count" && v.value !== null && isSmallCount(v.value);
  return {
    id: def.id,
    name: def.shortName,
    unit: def.unit,
    unitLabel: def.unitLabel,
    value: masked ? null : v.value,
    masked,
    rag: masked ? null : v.rag,
  };
}

/**
 * A series as the screen draws it: for a figure of people, a point made of 1 or 2 records is withheld and a key
 * that is a person's name is masked.
 */
export function screenSeries(def: FigureDefinitionInfo, s: FigureSeries, by: "month" | "key"): ScreenSeries {
  return {
    id: def.id,
    name: def.shortName,
    unit: def.unit,
    by,
    points: s.series.map((p) => {
      const masked = def.personal && isSmallCount(p.recordCount);
      return {
        key: def.personal && by === "key" ? maskPersonName(p.key) : p.key,
        value: masked ? null : p.value,
        masked,
      };
    }),
  };
}

export function presentToken(r: KioskTokenRow) {
  return {
    id: r.id,
    label: r.label,
    scope: `${r.unit_kind}:${r.unit_id}`,
    unitKind: r.unit_kind,
    unitName: r.unit_name,
    prefix: r.prefix,
    status: r.revoked_at === null ? ("active" as const) : ("revoked" as const),
    createdAt: r.created_at,
    createdByName: r.created_by_name ?? null,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}
