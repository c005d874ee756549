// The district's comparison as a spreadsheet: one row per station, for each figure its value (in the unit a reader
// reads: yuan, hours, percent), its rank and its red/yellow/green in words, and a last row of stations reporting.
import type { FigureComparison, FigureDefinitionInfo, FigureUnit } from "../../../contracts/figures.ts";
import type { SheetColumn } from "../../platform/sheets.ts";

const ragWords = { green: "绿", yellow: "黄", red: "红" } as const;

export function readable(value: number | null, unit: FigureUnit): number | null {
  if (value === null) return null;
  if (unit === "fen") return Math.round(value) / 100;
  if (unit === "minutes") return Math.round((value / 60) * 10) / 10;
  if (unit === "percent") return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}

const unitWord = (d: FigureDefinitionInfo) =>
  d.unit === "fen" ? "元" : d.unit === "minutes" ? "小时" : d.unit === "percent" ? "%" : d.unitLabel["zh-CN"];

export function comparisonSheet(comparison: FigureComparison, definitions: FigureDefinitionInfo[]) {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const columns: SheetColumn[] = [
    { key: "station", header: "服务站" },
    { key: "community", header: "所属社区" },
  ];
  for (const [i, f] of comparison.figures.entries()) {
    const d = byId.get(f.id);
    const name = d ? d.name["zh-CN"] : f.id;
    const unit = d ? unitWord(d) : "";
    columns.push({ key: `v${i}`, header: unit ? `${name}（${unit}）` : name });
    columns.push({ key: `r${i}`, header: `${name} 排名` });
  }
  const rows: Record<string, unknown>[] = comparison.stations.map((s) => {
    const row: Record<string, unknown> = { station: s.name, community: s.parentName ?? "" };
    for (const [i, f] of comparison.figures.entries()) {
      const v = f.values.find((x) => x.stationId === s.id);
      const d = byId.get(f.id);
      row[`v${i}`] = v && v.recordCount > 0 ? readable(v.value, d?.unit ?? "count") : "未报送";
      row[`r${i}`] = v?.rank != null ? `${v.rank}${v.rag ? `（${ragWords[v.rag]}）` : ""}` : "—";
    }
    return row;
  });
  const footer: Record<string, unknown> = { station: "报送站点", community: `期间 ${comparison.from} 至 ${comparison.to}` };
  for (const [i, f] of comparison.figures.entries()) footer[`v${i}`] = `${f.reporting} / ${f.of}`;
  rows.push(footer);
  return { columns, rows };
}
