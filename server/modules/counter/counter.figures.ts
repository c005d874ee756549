// The counter's figures in the dictionary: the service items handled at the station (the report's 32) and the
// requests handled to the end.
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { CounterFiguresRepository } from "./counter.figures.repository.ts";

export function counterFigures(db: Kysely<DB>) {
  const repo = new CounterFiguresRepository(db);
  return [
    defineFigure({
      id: "counter.service_items",
      module: "counter",
      part: 2,
      name: { "zh-CN": "站点可办便民服务事项", en: "Service items handled at the station" },
      shortName: { en: "Service items" },
      definition: {
        "zh-CN": "期末在服务目录中上架（启用）的便民服务事项数",
        en: "Service items active in the station's catalogue at the end of the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "项", en: "items" },
      aggregate: "count",
      period: "snapshot",
      thresholds: { direction: "higher", green: 30, yellow: 20 },
      records: async (q) =>
        (await repo.itemsOnOffer(q.stationIds, q.toIso)).map((r) => ({
          ref: `service_item:${r.id}`,
          stationId: r.station_id,
          date: stationDate(r.created_at),
          label: `${r.code} ${r.name}`,
          link: "/services/catalogue",
        })),
    }),
    defineFigure({
      id: "counter.requests_done",
      module: "counter",
      part: 2,
      name: { "zh-CN": "办结服务事项", en: "Service requests completed" },
      shortName: { en: "Requests completed" },
      definition: { "zh-CN": "期间内提出、已办结的服务申请数", en: "Service requests made in the period and completed" },
      unit: "count",
      unitLabel: { "zh-CN": "件", en: "requests" },
      aggregate: "count",
      records: async (q) =>
        (await repo.requestsCompleted(q.stationIds, q.fromIso, q.toIso)).map((r) => ({
          ref: `service_request:${r.id}`,
          stationId: r.station_id,
          date: stationDate(r.created_at),
          label: r.name,
          key: r.name,
          link: `/services/requests?stationId=${r.station_id}`,
        })),
    }),
  ];
}
