// The events' figures in the dictionary: the holiday promotions' uplift in visitors and takings (report §三: +3,500
// and +175 k), the people's stage — its teams and performances (§三), culture and publicity events (§四: 10+) and
// environment rounds (§四). A promotion's uplift is computed as the events' figures page computes it (promotion days
// minus the baseline, events.uplift.ts): each promotion is a record carrying its uplift, so the sum is the page's.
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure, type FigureQuery } from "../figures/figure.ts";
import { EventsFiguresRepository } from "./events.figures.repository.ts";
import { EventsRepository } from "./events.repository.ts";
import { upliftOfRows } from "./events.uplift.ts";
import { dayFigures } from "./events.workflow.ts";

export function eventsFigures(db: Kysely<DB>) {
  const repo = new EventsFiguresRepository(db);
  const events = new EventsRepository(db);

  /** Each promotion starting in the period with its uplift, as the events' figures page has it. */
  const promotions = async (q: FigureQuery) => {
    const rows = (await events.allEvents({ stationIds: q.stationIds, from: q.fromIso, to: q.toIso })).filter(
      (e) => e.kind === "promotion" && e.status !== "cancelled",
    );
    const ids = rows.map((p) => p.id);
    const [counts, takings, stations] = await Promise.all([
      events.countsOf(ids),
      events.takingsOf(ids),
      repo.events(q.stationIds, ["promotion"], q.fromIso, q.toIso),
    ]);
    const stationOf = new Map(stations.map((s) => [s.id, s.station_id]));
    return rows.map((p) => {
      const figures = dayFigures(
        counts
          .filter((c) => c.event_id === p.id)
          .map((c) => ({ date: c.date, dayRole: c.day_role, method: c.method, visitors: c.visitors, recordedBy: c.recorded_by_name })),
      );
      const uplift = upliftOfRows(
        p,
        figures,
        takings.filter((t) => t.event_id === p.id),
      );
      return { p, uplift, stationId: stationOf.get(p.id) ?? q.stationIds[0] };
    });
  };
  type Uplift = Awaited<ReturnType<typeof promotions>>[number]["uplift"];
  /** One record per promotion carrying its uplift (visits or takings), so the sum is the events page's value. */
  const promotionRecords = async (q: FigureQuery, amountOf: (u: Uplift) => number | null) =>
    (await promotions(q)).map(({ p, uplift, stationId }) => ({
      ref: `event:${p.id}`,
      stationId,
      date: stationDate(p.starts_at),
      label: p.title,
      amount: amountOf(uplift) ?? 0,
      link: `/events/${p.id}`,
    }));

  return [
    defineFigure({
      id: "events.promotion_visits_uplift",
      module: "events",
      part: 3,
      name: { "zh-CN": "节日促销增加客流", en: "Holiday promotions: extra visitors" },
      shortName: { en: "Promotion visitors" },
      definition: {
        "zh-CN": "期间内各节日促销活动日客流减去对照日（同期平日或去年同节日）客流之和",
        en: "Visitors on the holiday promotions' days minus those on their baseline days (same weekdays or last year's holiday), over the promotions of the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "人次", en: "visits" },
      aggregate: "sum",
      records: (q) => promotionRecords(q, (u) => u.visits.uplift),
    }),
    defineFigure({
      id: "events.promotion_takings_uplift_fen",
      module: "events",
      part: 3,
      name: { "zh-CN": "节日促销增加营业额", en: "Holiday promotions: extra takings" },
      shortName: { en: "Promotion takings" },
      definition: {
        "zh-CN": "期间内各节日促销活动日参与商户营业额减去对照日营业额之和",
        en: "Takings of the merchants taking part on the promotions' days minus their baseline days' takings, over the promotions of the period",
      },
      unit: "fen",
      aggregate: "sum",
      records: (q) => promotionRecords(q, (u) => u.takings.upliftFen),
    }),
    defineFigure({
      id: "events.stage_teams",
      module: "events",
      part: 3,
      name: { "zh-CN": "“百姓大舞台”演出队伍", en: "Teams on the people's stage" },
      shortName: { en: "Stage teams" },
      definition: {
        "zh-CN": "期间内在“百姓大舞台”演出过的文艺队伍数",
        en: "Cultural teams that performed on the people's stage in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "支", en: "teams" },
      aggregate: "count",
      records: async (q) => {
        const seen = new Set<number>();
        return (await repo.performances(q.stationIds, q.fromIso, q.toIso))
          .filter((p) => !seen.has(p.team_id) && seen.add(p.team_id))
          .map((p) => ({
            ref: `cultural_team:${p.team_id}`,
            stationId: p.station_id,
            date: stationDate(p.performed_at),
            label: p.team_name,
            link: `/stage?tab=performances&teamId=${p.team_id}`,
          }));
      },
    }),
    defineFigure({
      id: "events.stage_performances",
      module: "events",
      part: 3,
      name: { "zh-CN": "“百姓大舞台”演出场次", en: "Performances on the people's stage" },
      shortName: { en: "Stage performances" },
      definition: { "zh-CN": "期间内在“百姓大舞台”登记的演出场次", en: "Performances recorded on the people's stage in the period" },
      unit: "count",
      unitLabel: { "zh-CN": "场", en: "shows" },
      aggregate: "count",
      thresholds: { direction: "higher", green: 24, yellow: 12 },
      records: async (q) =>
        (await repo.performances(q.stationIds, q.fromIso, q.toIso)).map((p) => ({
          ref: `stage_performance:${p.id}`,
          stationId: p.station_id,
          date: stationDate(p.performed_at),
          label: `${p.team_name} · ${p.title}`,
          key: String(p.team_id),
          link: "/stage?tab=performances",
        })),
    }),
    defineFigure({
      id: "events.culture_events",
      module: "events",
      part: 4,
      name: { "zh-CN": "文化宣传活动", en: "Culture and publicity events" },
      shortName: { en: "Culture events" },
      definition: {
        "zh-CN": "期间内开展的文艺演出和宣传活动（民族团结、文明创城、防疫、妇女权益、法治等），不含已取消的",
        en: "Performances and publicity events (ethnic unity, civilised city, epidemic prevention, women's rights, law…) held in the period, cancelled ones left out",
      },
      unit: "count",
      unitLabel: { "zh-CN": "场", en: "events" },
      aggregate: "count",
      thresholds: { direction: "higher", green: 10, yellow: 5 },
      records: async (q) =>
        (await repo.events(q.stationIds, ["performance", "publicity"], q.fromIso, q.toIso)).map((e) => ({
          ref: `event:${e.id}`,
          stationId: e.station_id,
          date: stationDate(e.starts_at),
          label: e.title,
          key: e.kind,
          link: `/events/${e.id}`,
        })),
    }),
    defineFigure({
      id: "events.environment_rounds",
      module: "events",
      part: 4,
      name: { "zh-CN": "环境整治", en: "Environment rounds" },
      definition: {
        "zh-CN": "期间内开展的消杀、道路修缮、环境卫生整治巡查次数",
        en: "Disinfection, road-repair and sanitation rounds in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "次", en: "rounds" },
      aggregate: "count",
      records: async (q) =>
        (await repo.rounds(q.stationIds, q.from, q.to)).map((r) => ({
          ref: `environment_round:${r.id}`,
          stationId: r.station_id,
          date: r.date,
          label: `${r.date} ${r.area}`,
          key: r.kind,
          link: `/environment?kind=${r.kind}`,
        })),
    }),
  ];
}
