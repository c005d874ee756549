// The problems' figures in the dictionary: problems solved at the station (report §二, "problems solved at the
// station") and those the business-district council passed on (§三, the 31).
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure, type FigureQuery } from "../figures/figure.ts";
import { ProblemsFiguresRepository } from "./problems.figures.repository.ts";

export function problemsFigures(db: Kysely<DB>) {
  const repo = new ProblemsFiguresRepository(db);
  const records = (council: boolean) => async (q: FigureQuery) =>
    (await repo.solved(q.stationIds, q.fromIso, q.toIso, council ? "council" : undefined)).map((p) => ({
      ref: `problem:${p.id}`,
      stationId: p.station_id,
      date: stationDate(p.resolved_at ?? ""),
      label: `${p.code} ${p.title}`,
      key: council ? p.category_code : p.source,
      link: `/problems/${p.id}`,
    }));
  return [
    defineFigure({
      id: "problems.solved",
      module: "problems",
      part: 2,
      name: { "zh-CN": "解决问题", en: "Problems solved" },
      definition: {
        "zh-CN": "期间内办结（已解决或已确认）的问题数，不论来源",
        en: "Problems solved (resolved or confirmed) in the period, from any source",
      },
      unit: "count",
      unitLabel: { "zh-CN": "件", en: "problems" },
      aggregate: "count",
      records: records(false),
    }),
    defineFigure({
      id: "problems.council_solved",
      module: "problems",
      part: 3,
      name: { "zh-CN": "议事会提交问题解决", en: "Council problems solved" },
      definition: {
        "zh-CN": "期间内由商圈议事会提交到服务站、已解决的问题数",
        en: "Problems the business-district council passed to the station and that were solved in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "件", en: "problems" },
      aggregate: "count",
      thresholds: { direction: "higher", green: 20, yellow: 10 },
      records: records(true),
    }),
  ];
}
