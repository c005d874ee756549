// The alliance's figures in the dictionary (report §一): the units of the "Dandelion" business-district alliance
// ("one leads, seven links"). Its joint meetings are the meetings module's (meetings.figures.ts).
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { AllianceFiguresRepository } from "./alliance-units.figures.repository.ts";

export function allianceFigures(db: Kysely<DB>) {
  const repo = new AllianceFiguresRepository(db);
  return [
    defineFigure({
      id: "alliance.units",
      module: "alliance-units",
      part: 1,
      name: { "zh-CN": "商圈党建联盟成员单位", en: "Units of the business-district alliance" },
      shortName: { en: "Alliance units" },
      definition: { "zh-CN": "期末在册、状态为启用的联盟成员单位数", en: "Alliance units registered and active at the end of the period" },
      unit: "count",
      unitLabel: { "zh-CN": "家", en: "units" },
      aggregate: "count",
      period: "snapshot",
      thresholds: { direction: "higher", green: 7, yellow: 4 },
      records: async (q) =>
        (await repo.activeUnits(q.stationIds, q.toIso)).map((u) => ({
          ref: `alliance_unit:${u.id}`,
          stationId: u.station_id,
          date: stationDate(u.created_at),
          label: u.name,
          key: u.kind,
          link: "/alliance-units",
        })),
    }),
  ];
}
