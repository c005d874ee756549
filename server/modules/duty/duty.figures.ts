// The duty roster's figures in the dictionary (report §二): the market-regulation bureau's "Red Shield Pioneer"
// sessions, twice a month.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { DutyFiguresRepository } from "./duty.figures.repository.ts";

export function dutyFigures(db: Kysely<DB>) {
  const repo = new DutyFiguresRepository(db);
  return [
    defineFigure({
      id: "duty.red_shield_sessions",
      module: "duty",
      part: 2,
      name: { "zh-CN": "“红盾先锋”服务岗坐班", en: '"Red Shield" sessions held' },
      shortName: { en: "Red Shield sessions" },
      definition: {
        "zh-CN": "期间内市场监管所“红盾先锋”服务岗在站坐班（已举行）的场次（每月两次）",
        en: 'Sessions of the market-regulation bureau\'s "Red Shield Pioneer" post held at the station in the period (twice a month)',
      },
      unit: "count",
      unitLabel: { "zh-CN": "场", en: "sessions" },
      aggregate: "count",
      thresholds: { direction: "higher", green: 20, yellow: 12 },
      records: async (q) =>
        (await repo.heldSessions(q.stationIds, q.from, q.to)).map((s) => ({
          ref: `red_shield_session:${s.id}`,
          stationId: s.station_id,
          date: s.date,
          label: `${s.date} ${s.start_time} ${s.place}`,
          link: `/services/red-shield/${s.id}`,
        })),
    }),
  ];
}
