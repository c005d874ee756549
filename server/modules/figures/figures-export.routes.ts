// The dictionary's values as a workbook: one row per figure for a scope and period, with its definition and its
// citation (records, hash, computed at), so a sheet handed on can still say where each number comes from.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type FigureValue, valuesQuery } from "../../../contracts/figures.ts";
import { requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";

/** A value as a reader reads it in the sheet: yuan for fen, hours for minutes, a percentage with its sign. */
export function sheetValue(v: FigureValue): string | number {
  if (v.value === null) return "";
  if (v.unit === "fen") return Math.round(v.value) / 100;
  if (v.unit === "minutes") return Math.round((v.value / 60) * 10) / 10;
  if (v.unit === "percent") return `${Math.round(v.value * 10) / 10}%`;
  return Math.round(v.value * 10) / 10;
}

const unitWords = { count: "", fen: "元", minutes: "小时", percent: "%" } as const;

export async function figuresExportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const dictionary = services.figures;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/figures/export",
    {
      config: { access: "figure.read" },
      schema: {
        tags: ["figures"],
        summary: "The figures' values for a scope and period as xlsx, each with its citation",
        querystring: valuesQuery,
      },
    },
    async (request, reply) => {
      const values = await dictionary.values(requireUser(request), request.query);
      const defs = new Map(dictionary.definitions().map((d) => [d.id, d]));
      const rows = values.map((v) => {
        const d = defs.get(v.id);
        return {
          part: d?.part ?? "",
          id: v.id,
          name: d?.name["zh-CN"] ?? v.id,
          nameEn: d?.name.en ?? "",
          value: sheetValue(v),
          unit: d ? unitWords[d.unit] || d.unitLabel["zh-CN"] : "",
          rag: v.rag ?? "",
          definition: d?.definition["zh-CN"] ?? "",
          scope: v.citation.scope,
          from: v.citation.from,
          to: v.citation.to,
          records: v.citation.recordCount,
          hash: v.citation.recordSetHash,
          computedAt: v.citation.computedAt,
        };
      });
      const data = await writeSheet(
        "指标",
        [
          { key: "part", header: "部分" },
          { key: "id", header: "指标编号" },
          { key: "name", header: "指标" },
          { key: "nameEn", header: "Figure" },
          { key: "value", header: "数值" },
          { key: "unit", header: "单位" },
          { key: "rag", header: "红黄绿" },
          { key: "definition", header: "口径" },
          { key: "scope", header: "范围" },
          { key: "from", header: "起" },
          { key: "to", header: "止" },
          { key: "records", header: "记录数" },
          { key: "hash", header: "记录集哈希" },
          { key: "computedAt", header: "计算时间" },
        ],
        [rows],
      );
      return sendXlsx(
        reply,
        data,
        `figures-${(values[0]?.citation.scope ?? "").replace(":", "-")}-${request.query.period ?? "last12"}.xlsx`,
      );
    },
  );
}
