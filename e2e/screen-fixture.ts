// A big screen with every figure the dictionary will have (the seed's, issue 15's list of ids), for judging the
// layout at full load before every module's figures have landed: the e2e journey serves it in place of the API's
// answer. Values are the seed's.
import type { ScreenData, ScreenFigure } from "../contracts/screen.ts";

type Row = [id: string, zh: string, en: string, unit: ScreenFigure["unit"], label: string, value: number | null, masked?: boolean];

const rows: Record<number, Row[]> = {
  1: [
    ["party.applicants", "入党申请人", "Applicants", "count", "名", 9],
    ["party.activists", "入党积极分子", "Activists", "count", "名", 5],
    ["party.candidates", "发展对象", "Candidates", "count", "名", null, true],
    ["party.members", "党员", "Members", "count", "名", 23],
    ["alliance.units", "联盟成员单位", "Alliance units", "count", "家", 12],
    ["alliance.joint_meetings", "联席会议", "Joint meetings", "count", "次", 12],
    ["economy.loans_count", "助企贷款", "Loans", "count", "笔", 47],
    ["economy.loans_fen", "贷款金额", "Loans", "fen", "", 209_000_000],
    ["economy.relief_merchants", "纾困商户", "Merchants relieved", "count", "户", 109],
    ["economy.relief_fen", "纾困资金", "Relief", "fen", "", 28_400_000],
    ["economy.merchants", "市场经营户", "Merchants", "count", "户", 129],
    ["economy.closed_by_epidemic", "因疫情歇业", "Closed by the epidemic", "count", "户", 0],
  ],
  2: [
    ["economy.station_funding_fen", "阵地建设资金", "Station funding", "fen", "", 50_000_000],
    ["counter.service_items", "站点可办便民服务事项", "Service items", "count", "项", 32],
    ["economy.enterprises", "定向消费企业", "Enterprises", "count", "家", 89],
    ["economy.directed_fen", "定向消费金额", "Directed consumption", "fen", "", 370_500_000],
    ["duty.red_shield_sessions", "红盾驿站坐班", "Red Shield sessions", "count", "次", 96],
    ["problems.solved", "解决问题", "Problems solved", "count", "个", 31],
  ],
  3: [
    ["problems.council_solved", "议事会解决问题", "Solved by the council", "count", "个", 31],
    ["meetings.council_meetings", "议事会会议", "Council meetings", "count", "次", 12],
    ["events.promotion_visits_uplift", "促销带动客流增长", "Visits uplift", "count", "人次", 3500],
    ["events.promotion_takings_uplift_fen", "促销带动营业额增长", "Takings uplift", "fen", "", 17_500_000],
    ["economy.stage_funding_fen", "舞台建设资金", "Stage funding", "fen", "", 47_000_000],
    ["events.stage_teams", "演出团队", "Stage teams", "count", "支", 6],
    ["events.stage_performances", "舞台演出", "Performances", "count", "场", 48],
    ["caring.shops", "爱心店铺", "Caring shops", "count", "家", 16],
    ["caring.cards_issued", "发放爱心卡", "Cards issued", "count", "张", 28],
    ["caring.residents_awarded", "受表彰居民", "Residents awarded", "count", "人", 28],
  ],
  4: [
    ["volunteers.activity_days_held", "志愿服务日活动", "Activity days", "count", "次", 24],
    ["volunteers.teams", "志愿服务队", "Volunteer teams", "count", "支", 5],
    ["volunteers.hours", "志愿服务时长", "Volunteer hours", "minutes", "", 186_000],
    ["caring.meal_restaurants", "爱心餐餐馆", "Caring-meal restaurants", "count", "家", 5],
    ["caring.meals_delivered", "送出爱心餐", "Meals delivered", "count", "份", 1260],
    ["night_market.visitors_per_night", "夜市每晚客流", "Visitors a night", "count", "人次", 1500],
    ["night_market.turnover_per_night_fen", "夜市每晚营业额", "Turnover a night", "fen", "", 9_000_000],
    ["night_market.jobs", "夜市带动就业", "Jobs", "count", "个", 14],
    ["economy.night_market_funding_fen", "夜市建设资金", "Night-market funding", "fen", "", 180_000_000],
    ["events.culture_events", "文化活动", "Culture events", "count", "场", 12],
    ["events.environment_rounds", "环境整治", "Environment rounds", "count", "次", 26],
  ],
};

const months = [
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
];
const series = (id: string, zh: string, en: string, unit: ScreenFigure["unit"], base: number) => ({
  id,
  name: { "zh-CN": zh, en },
  unit,
  by: "month" as const,
  points: months.map((key, i) => ({ key, value: Math.round(base * (0.6 + ((i * 7) % 5) / 5)), masked: false })),
});

export function fullScreen(real: ScreenData): ScreenData {
  return {
    ...real,
    version: "fixture",
    parts: [1, 2, 3, 4].map((part) => ({
      part,
      figures: rows[part].map(([id, zh, en, unit, label, value, masked]) => ({
        id,
        name: { "zh-CN": zh, en },
        unit,
        unitLabel: { "zh-CN": label, en: "" },
        value,
        masked: masked ?? false,
        rag: null,
      })),
      series:
        part === 1
          ? [series("economy.relief_fen", "纾困资金", "Relief", "fen", 2_000_000)]
          : part === 2
            ? [series("problems.solved", "解决问题", "Problems solved", "count", 3)]
            : part === 3
              ? [series("caring.cards_issued", "发放爱心卡", "Cards issued", "count", 3)]
              : [series("volunteers.hours", "志愿服务时长", "Volunteer hours", "minutes", 15_000)],
    })),
  };
}
