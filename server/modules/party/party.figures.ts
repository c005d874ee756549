// The branch's figures in the dictionary (report §一): the development funnel since the branch started — 9
// applications, 5 activists, 2 development targets — and the members on its roll. The cases count as the funnel
// page counts them (development.service.ts: everApplied, everActivists, everCandidates).
import type { Kysely } from "kysely";
import type { DevelopmentStep } from "../../../contracts/party.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { PartyFiguresRepository } from "./party.figures.repository.ts";

export function partyFigures(db: Kysely<DB>) {
  const repo = new PartyFiguresRepository(db);
  const reached = (
    id: string,
    step: DevelopmentStep,
    name: { "zh-CN": string; en: string },
    definition: { "zh-CN": string; en: string },
    green: number,
  ) =>
    defineFigure({
      id,
      module: "party",
      part: 1,
      name,
      definition,
      unit: "count",
      unitLabel: { "zh-CN": "人", en: "people" },
      aggregate: "count",
      period: "snapshot",
      personal: true,
      thresholds: { direction: "higher", green, yellow: 1 },
      records: async (q) =>
        (await repo.casesReaching(q.stationIds, step, q.to)).map((c) => ({
          ref: `development_case:${c.id}`,
          stationId: c.station_id,
          date: String(c.on_date),
          label: c.name,
          link: `/party/development/${c.id}`,
        })),
    });
  return [
    reached(
      "party.applicants",
      "application",
      { "zh-CN": "递交入党申请书", en: "Applications to join the Party" },
      {
        "zh-CN": "支部成立以来截至期末递交入党申请书的人数",
        en: "People who applied to join the Party through the branch, up to the period's end",
      },
      5,
    ),
    reached(
      "party.activists",
      "activist_recommendation",
      { "zh-CN": "确定入党积极分子", en: "Activists" },
      {
        "zh-CN": "支部成立以来截至期末确定为入党积极分子的人数",
        en: "People the branch made Party activists, up to the period's end",
      },
      3,
    ),
    reached(
      "party.candidates",
      "candidate_determined",
      { "zh-CN": "确定发展对象", en: "Development targets" },
      { "zh-CN": "支部成立以来截至期末确定为发展对象的人数", en: "People the branch made development targets, up to the period's end" },
      1,
    ),
    defineFigure({
      id: "party.members",
      module: "party",
      part: 1,
      name: { "zh-CN": "支部党员", en: "Party members of the branch" },
      shortName: { en: "Party members" },
      definition: {
        "zh-CN": "期末在支部名册上的党员数（含预备党员，不含已转出）",
        en: "Members on the branch's roll at the period's end (probationary included, transferred out not)",
      },
      unit: "count",
      unitLabel: { "zh-CN": "名", en: "members" },
      aggregate: "count",
      period: "snapshot",
      personal: true,
      records: async (q) =>
        (await repo.members(q.stationIds, q.to)).map((m) => ({
          ref: `member:${m.id}`,
          stationId: m.station_id,
          date: m.joined_on,
          label: m.name,
          key: m.status,
          link: "/party/members",
        })),
    }),
  ];
}
