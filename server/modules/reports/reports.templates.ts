// The drafts a report starts from. The acceptance report follows the seed's 汇报提纲 (its introduction and its
// four sections, sentence by sentence, every number in it a figure placeholder); the monthly report and the
// district summary are built from the dictionary by part, so they cite whatever figures the modules define.
import type { FigureDefinitionInfo } from "../../../contracts/figures.ts";
import type { ReportKind, ReportParagraph } from "../../../contracts/reports.ts";

export interface ChartSpec {
  figure: string;
  /** The section it follows. */
  section: number;
  title: string;
  by: "month" | "station";
  kind: "bar" | "line";
  /** A different period than the report's (the monthly report's trend: the twelve months to its end). */
  trend?: boolean;
}

export interface Template {
  title: string;
  subtitle: string | null;
  sections: { section: number; heading: string }[];
  paragraphs: ReportParagraph[];
  charts: ChartSpec[];
  /** The district summary sets the stations side by side on these figures (all comparable ones when null). */
  compare: boolean;
}

export const acceptanceSections = [
  { section: 1, heading: "一、破壁垒促联合，建强“红色堡垒”" },
  { section: 2, heading: "二、强谋划整资源，打造“红色阵地”" },
  { section: 3, heading: "三、创载体建平台，激发“红色动能”" },
  { section: 4, heading: "四、挖潜力树特色，绘就“红色名片”" },
];

const para = (id: string, section: number, text: string): ReportParagraph => ({ id, section, text, original: text });

/** The yearly acceptance report (区示范点验收交流会上的汇报提纲) of a station. */
export function acceptanceTemplate(stationName: string, year: string, branchName: string | null): Template {
  const market = stationName.replace(/党群服务站$/, "");
  return {
    title: `${stationName}在区示范点验收交流会上的汇报提纲`,
    subtitle: `党建引领聚人心 红色商圈促发展——${stationName}${year}年度汇报${branchName ? `（${branchName}）` : ""}`,
    sections: acceptanceSections,
    compare: false,
    paragraphs: [
      para(
        "intro",
        0,
        `${market}是一个集商超、餐饮、副食、果蔬、医药等个体经营为一体的综合性市场，现有商户{economy.merchants}，也是重点打造的核心商圈。但是，随着近年来人口搬迁导致市场人流量锐减，加之市场经营结构单一，市场商户大多“惨淡经营”，新冠疫情更是让商户经营雪上加霜。如何让老旧市场走出困境，恢复“昔日荣光”，我们以党建破题、以党建谋兴、以党建促发展，让老旧市场焕新颜。`,
      ),
      para(
        "p1.1",
        1,
        "我们坚持“经济发展到哪里，党建工作就开展到哪里，党的服务触角就延伸到哪里”，把党建作为攻坚克难的利器、决战决胜的法宝。",
      ),
      para(
        "p1.2",
        1,
        "一是支部建在市场上。按照“内引外联”原则，从社区党总支选派党员、吸纳区市场监管局常驻市场开展工作的党员和商户党员，成立市场党支部，现有党员{party.members}，把党群服务站打造成红色商圈阵地，让支部成为核心龙头，领跑商圈经济发展。",
      ),
      para(
        "p1.3",
        1,
        "二是培育壮大党员队伍。本着“把行业带头人发展成党员，让党员引领带动商圈发展”的工作思路，注重在热心群众工作、诚实守信经营的行业带头人中发展党员，培养发展对象{party.candidates}，吸纳入党积极分子{party.activists}，提交入党申请书{party.applicants}，扩大了党的覆盖面、服务延伸和影响力。",
      ),
      para(
        "p1.4",
        1,
        "三是打造“蒲公英”商圈党建联盟。建立以市场党支部为轴心，商圈联席会、商圈理事会、业主委员会、物业公司、街道网格中心、大党委成员单位、职能部门相拱托的“一引七联”“党建+N”党建联盟，联盟成员单位{alliance.units}，召开联席会议{alliance.joint_meetings}，解决市场面临的各类问题，真正实现共商共建、共治共融、共谋发展。",
      ),
      para(
        "p1.5",
        1,
        "疫情以来，以党建联盟为依托，积极宣传“两免一补”贴息政策和房租及暖气费减免政策，共帮助商铺办理贴息贷款{economy.loans_count}，合计{economy.loans_fen}；帮助{economy.relief_merchants}商户减免房租和暖气费{economy.relief_fen}；党建联盟靠前宣传、靠前服务，{economy.merchants}商户中因疫情影响关门停业的{economy.closed_by_epidemic}。",
      ),
      para(
        "p2.1",
        2,
        "没有一个“定位精准、目标明确、功能健全、服务完善”的基层服务阵地，市场党建工作就是无本之木、无源之水。对此，我们统筹谋划、整合资源，着力打造坚强“红色阵地”。",
      ),
      para(
        "p2.2",
        2,
        "一是建立“七彩田园·蒲公英”党群服务站。借力联点单位撬动资金、争取区财政补助共{economy.station_funding_fen}打造党群服务站，按照“两化”标准建设，与社区联建团委和妇联组织，配置便民伞、便民“小黄车”、便民公平秤，设置党员服务先锋岗，真正实现矛盾在站点发现、困难在站点收集、问题在站点解决、力量在站点汇聚、人心在站点凝聚。",
      ),
      para(
        "p2.3",
        2,
        "二是服务关口前移。积极与街道网格中心、市场监督管理局、卫健委等职能部门联合，邀请“全岗通”专业工作人员进驻站点，将面向商户和居民办理的{counter.service_items}便民服务事项前置到站点，办结服务事项{counter.requests_done}，打造家门口的“五心”（省心、称心、暖心、贴心、舒心）服务，拉近了党组织与商户的心距离。",
      ),
      para(
        "p2.4",
        2,
        "三是统筹链接各方资源。充分发挥“大党委”成员单位作用，以“三项清单”（需求清单、问题清单、服务清单）为抓手，根据需求链接资源。针对疫情影响，通过联点单位撬动园区{economy.enterprises}企业定向在市场消费，园区企业累计对口消费{economy.directed_fen}，最大限度减轻疫情带来的经济损失；区市场监管局以服务站为支点，启动“红盾先锋”驿站服务项目，开展坐班服务{duty.red_shield_sessions}，提供年报公示、营业执照注册变更咨询、消费维权、纠纷调解等服务，解决商户问题{problems.solved}，实现服务商户零距离。",
      ),
      para(
        "p3.1",
        3,
        "一是建好用好“商圈理事会”。组织行业龙头商户建立商圈理事会，为商圈发展共谋思路、共议隐患、共商发展。理事会召开联席会议{meetings.council_meetings}，对商户反映集中的延长门岗服务时间、市场道路整修、物业费公示等{problems.council_solved}问题及时反馈服务站，社区均第一时间协调解决。理事会在节假日开展专场促销活动，有效增加客流量{events.promotion_visits_uplift}，增利创收{events.promotion_takings_uplift_fen}，很多商户都高兴地说“市场又活了”。",
      ),
      para(
        "p3.2",
        3,
        "二是建好用好“百姓大舞台”。依托街道网格中心和联点单位，撬动投资{economy.stage_funding_fen}建成“百姓大舞台”，发动商户和居民组建文艺队伍{events.stage_teams}，开展文化活动{events.stage_performances}，以文化活动吸引顾客、浸润心田、凝聚人心。",
      ),
      para(
        "p3.3",
        3,
        "三是组织好“蒲公英”爱心店铺评选活动。把文明居民、优秀联户长的表彰激励和爱心店铺挂牌相结合，挂牌“蒲公英”爱心店铺{caring.shops}，表彰文明居民和联户长{caring.residents_awarded}，发放打折卡{caring.cards_issued}，居民前往购物一律8折至8.5折优惠，形成“社区统筹+企业参与+商铺兜底+居民得实惠”的良性互动局面。",
      ),
      para(
        "p4.1",
        4,
        "一是打造志愿服务名片。以“民思我想、民需我为、民困我帮、民求我应”为宗旨，开展“16·爱一直在行动”“28惠民行”等志愿服务活动{volunteers.activity_days_held}，组建磨刀队、理发队、法律宣讲分队、心理咨询小队等志愿服务队{volunteers.teams}，志愿服务时长{volunteers.hours}。同时，{caring.meal_restaurants}爱心餐厅长期免费为社区孤寡独居老人配送爱心餐{caring.meals_delivered}，反哺社区居民群众。",
      ),
      para(
        "p4.2",
        4,
        "二是打造夜经济名片。以复工复产、复商复市为契机，积极和辖区内龙头商户联系对接，斥资{economy.night_market_funding_fen}打造夜市，每晚稳定消费人群{night_market.visitors_per_night}左右，夜营业额{night_market.turnover_per_night_fen}，拉动经济增长的同时，吸纳{night_market.jobs}务工人员就业，辐射带动整个市场经济。",
      ),
      para(
        "p4.3",
        4,
        "三是打造文化宣传名片。以商圈党建为红色纽带，定期开展形式多样的宣传教育活动，依托站点开展民族团结进步创建、文明创城、妇女维权、法律宣讲等文艺汇演活动{events.culture_events}，增强了辖区居民和商户的凝聚力、向心力。",
      ),
      para(
        "p4.4",
        4,
        "四是打造环境优美名片。借力爱国卫生运动定期开展市场消杀和环境卫生整治{events.environment_rounds}，市场面貌焕然一新，助推了市场的经济发展。",
      ),
    ],
    charts: [
      { figure: "economy.directed_fen", section: 2, title: "园区企业对口消费（按月）", by: "month", kind: "bar" },
      { figure: "counter.requests_done", section: 2, title: "办结服务事项（按月）", by: "month", kind: "bar" },
      { figure: "night_market.visitors_per_night", section: 4, title: "夜市每晚消费人群（按月）", by: "month", kind: "line" },
      { figure: "volunteers.hours", section: 4, title: "志愿服务时长（按月）", by: "month", kind: "bar" },
    ],
  };
}

export const partHeadings: Record<number, string> = {
  1: "一、党建引领与商圈联盟",
  2: "二、阵地建设与便民服务",
  3: "三、载体平台与爱心帮扶",
  4: "四、志愿服务与特色名片",
};

/** One sentence per part citing every figure of that part the dictionary defines for the scope's kind. */
function partParagraphs(defs: FigureDefinitionInfo[], lead: string, idPrefix: string): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  for (const part of [1, 2, 3, 4]) {
    const ofPart = defs.filter((d) => d.part === part);
    const text = ofPart.length ? `${lead}${ofPart.map((d) => `${d.name["zh-CN"]}{${d.id}}`).join("，")}。` : `${lead}本部分暂无统计指标。`;
    out.push(para(`${idPrefix}${part}`, part, text));
  }
  return out;
}

/** A station's monthly work report: the month's figures, part by part, and the trend of the twelve months to it. */
export function monthlyTemplate(stationName: string, month: string, defs: FigureDefinitionInfo[]): Template {
  const [y, m] = month.split("-");
  const station = defs.filter((d) => d.scopes.includes("station"));
  const trend = station.filter((d) => d.period === "range").slice(0, 3);
  return {
    title: `${stationName}${y}年${Number(m)}月工作月报`,
    subtitle: null,
    sections: [1, 2, 3, 4].map((s) => ({ section: s, heading: partHeadings[s] })),
    compare: false,
    paragraphs: [
      para("intro", 0, `现将${stationName}${y}年${Number(m)}月工作情况报告如下，文中数字均取自指标字典，脚注注明出处。`),
      ...partParagraphs(station, "本月，", "m"),
    ],
    charts: trend.map((d) => ({
      figure: d.id,
      section: d.part ?? 4,
      title: `${d.name["zh-CN"]}（近12个月）`,
      by: "month",
      kind: "line",
      trend: true,
    })),
  };
}

/** A district's (or street's) summary: totals part by part and the stations side by side. */
export function districtTemplate(unitName: string, periodText: string, stationCount: number, defs: FigureDefinitionInfo[]): Template {
  const own = defs.filter((d) => d.scopes.includes("district") || d.scopes.includes("street"));
  const comparable = own.filter((d) => d.comparable && d.scopes.includes("station")).slice(0, 3);
  return {
    title: `${unitName}党群服务站工作汇总（${periodText}）`,
    subtitle: null,
    sections: [1, 2, 3, 4].map((s) => ({ section: s, heading: partHeadings[s] })),
    compare: true,
    paragraphs: [
      para(
        "intro",
        0,
        `${unitName}共有党群服务站${stationCount}个。现将各站${periodText}工作情况汇总如下，各站数据并列见各部分表格，文中数字均注明出处。`,
      ),
      ...partParagraphs(own, "全域合计：", "d"),
    ],
    charts: comparable.map((d) => ({
      figure: d.id,
      section: d.part ?? 4,
      title: `${d.name["zh-CN"]}（各站对比）`,
      by: "station",
      kind: "bar",
    })),
  };
}

export const kindScope: Record<ReportKind, ("station" | "street" | "district")[]> = {
  acceptance: ["station"],
  monthly: ["station"],
  district: ["street", "district"],
};
