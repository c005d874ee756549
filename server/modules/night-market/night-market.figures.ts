// The night market's figures in the dictionary (report §四: ~1,500 visitors a night, 80–100 k yuan a night, 14
// migrant workers employed), from the closed nights and the jobs register as the night market's figures page reads
// them (night-market-figures.service.ts): the averages over the closed nights, the jobs held at the period's end.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { NightMarketFiguresRepository } from "./night-market.figures.repository.ts";
import { maskPerson } from "./night-market.presenter.ts";

export function nightMarketFigures(db: Kysely<DB>) {
  const repo = new NightMarketFiguresRepository(db);
  const nights =
    (amount: (n: { visitors_in: number | null; turnover_fen: number | null }) => number) =>
    async (q: { stationIds: number[]; from: string; to: string }) =>
      (await repo.closedNights(q.stationIds, q.from, q.to)).map((n) => ({
        ref: `night:${n.id}`,
        stationId: n.station_id,
        date: n.night,
        label: `夜市 ${n.night}`,
        amount: amount(n),
        link: `/night-market/nights?status=closed&stationId=${n.station_id}`,
      }));
  return [
    defineFigure({
      id: "night_market.visitors_per_night",
      module: "night-market",
      part: 4,
      name: { "zh-CN": "夜市每晚客流", en: "Night market visitors a night" },
      shortName: { en: "Visitors a night" },
      definition: {
        "zh-CN": "期间内已收市各晚入场客流的平均数",
        en: "Average visitors in over the night market's closed nights of the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "人次", en: "visits" },
      aggregate: "avg",
      thresholds: { direction: "higher", green: 1200, yellow: 800 },
      records: nights((n) => n.visitors_in ?? 0),
    }),
    defineFigure({
      id: "night_market.turnover_per_night_fen",
      module: "night-market",
      part: 4,
      name: { "zh-CN": "夜市每晚营业额", en: "Night market turnover a night" },
      shortName: { en: "Turnover a night" },
      definition: {
        "zh-CN": "期间内已收市各晚营业额的平均数",
        en: "Average turnover over the night market's closed nights of the period",
      },
      unit: "fen",
      aggregate: "avg",
      records: nights((n) => n.turnover_fen ?? 0),
    }),
    defineFigure({
      id: "night_market.jobs",
      module: "night-market",
      part: 4,
      name: { "zh-CN": "夜市带动就业", en: "Jobs at the night market" },
      shortName: { en: "Night-market jobs" },
      definition: {
        "zh-CN": "期末在岗的夜市就业人员数（含进城务工人员）",
        en: "People employed at the night market at the end of the period (migrant workers among them)",
      },
      unit: "count",
      unitLabel: { "zh-CN": "人", en: "people" },
      aggregate: "count",
      period: "snapshot",
      personal: true,
      records: async (q) =>
        (await repo.jobsOn(q.stationIds, q.to)).map((j) => ({
          ref: `job:${j.id}`,
          stationId: j.station_id,
          date: j.starts_on,
          label: `${maskPerson(j.person_name)} · ${j.role}`,
          key: j.origin,
          link: "/night-market/jobs?current=true",
        })),
    }),
  ];
}
