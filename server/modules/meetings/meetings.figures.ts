// The meetings' figures in the dictionary: the alliance's joint meetings (report §一) and the business-district
// council's monthly meetings (§三).
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { MeetingKind } from "../../../contracts/meetings.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { MeetingsFiguresRepository } from "./meetings.figures.repository.ts";

export function meetingsFigures(db: Kysely<DB>) {
  const repo = new MeetingsFiguresRepository(db);
  const held = (kind: MeetingKind) => async (q: { stationIds: number[]; fromIso: string; toIso: string }) =>
    (await repo.held(q.stationIds, kind, q.fromIso, q.toIso)).map((m) => ({
      ref: `meeting:${m.id}`,
      stationId: m.station_id,
      date: stationDate(m.starts_at),
      label: m.title,
      link: `/meetings/${m.id}`,
    }));
  return [
    defineFigure({
      id: "alliance.joint_meetings",
      module: "meetings",
      part: 1,
      name: { "zh-CN": "联盟联席会议", en: "Joint meetings of the alliance" },
      shortName: { en: "Joint meetings" },
      definition: {
        "zh-CN": "期间内召开（已举行）的商圈联席会议次数",
        en: "Joint meetings of the business-district alliance held in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "次", en: "meetings" },
      aggregate: "count",
      thresholds: { direction: "higher", green: 4, yellow: 2 },
      records: held("joint"),
    }),
    defineFigure({
      id: "meetings.council_meetings",
      module: "meetings",
      part: 3,
      name: { "zh-CN": "商圈议事会会议", en: "Council meetings" },
      definition: {
        "zh-CN": "期间内召开（已举行）的商圈议事会会议次数（每月一次）",
        en: "Meetings of the business-district council held in the period (one a month)",
      },
      unit: "count",
      unitLabel: { "zh-CN": "次", en: "meetings" },
      aggregate: "count",
      thresholds: { direction: "higher", green: 10, yellow: 6 },
      records: held("council"),
    }),
  ];
}
