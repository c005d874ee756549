// 友谊's year of problems: the older ones settled (confirmed and rated, two turned away), the latest still worked.
import type { ProblemStatus } from "../../contracts/problems.ts";
import { isOverdue, problemDueAt } from "../../server/modules/problems/problems.workflow.ts";
import type { Random } from "../random.ts";
import type { YouyiContext } from "../youyi.ts";
import type { Admin, Merchant, Stall } from "./common.ts";
import { DAY, GRID, HEALTH, HOUR, HRSS, iso, JUSTICE, PROPERTY, SAMR } from "./common.ts";

const problemKinds: { what: string; description: string; category: string; unit: string; resolution: string }[] = [
  {
    what: "下水道堵塞",
    description: "排水不畅，雨后积水，气味较大。",
    category: "facility",
    unit: PROPERTY,
    resolution: "物业疏通管道并清理检查井",
  },
  {
    what: "照明灯不亮",
    description: "通道顶灯坏了几盏，傍晚收摊时看不清路。",
    category: "facility",
    unit: PROPERTY,
    resolution: "更换LED灯管6支",
  },
  {
    what: "垃圾清运不及时",
    description: "垃圾桶满溢，下午才来清运。",
    category: "sanitation",
    unit: PROPERTY,
    resolution: "调整清运时间为每天两次",
  },
  {
    what: "占道经营",
    description: "摊位货物摆到通道上，推车过不去。",
    category: "market_order",
    unit: GRID,
    resolution: "网格员上门劝导，商户已收回货物",
  },
  {
    what: "摊位边界纠纷",
    description: "相邻两户对摊位分界有争议，多次争吵。",
    category: "dispute",
    unit: JUSTICE,
    resolution: "人民调解员现场调解，双方签订协议",
  },
  {
    what: "价格标签不全",
    description: "部分商品未明码标价，顾客反映看不到价格。",
    category: "market_order",
    unit: SAMR,
    resolution: "市场监管所现场指导，统一配发价签",
  },
  {
    what: "消防通道堆放杂物",
    description: "消防通道被纸箱和杂物堵住。",
    category: "safety",
    unit: GRID,
    resolution: "会同物业清理杂物，设置禁停标识",
  },
  {
    what: "公厕卫生差",
    description: "公厕无人打扫，洗手池没有水。",
    category: "sanitation",
    unit: PROPERTY,
    resolution: "增加保洁频次并修复供水",
  },
  {
    what: "电线私拉乱接",
    description: "有商户从配电箱私拉电线，存在安全隐患。",
    category: "safety",
    unit: PROPERTY,
    resolution: "拆除私拉电线，统一增设插座",
  },
  {
    what: "食品经营许可咨询",
    description: "新开熟食摊位，想了解许可证怎么办。",
    category: "policy",
    unit: SAMR,
    resolution: "现场讲解办理流程并预约坐班日受理",
  },
  {
    what: "夜间噪声扰民",
    description: "凌晨卸货声音大，周边居民休息不好。",
    category: "dispute",
    unit: GRID,
    resolution: "约定卸货时间为早六点后，网格员回访",
  },
  {
    what: "灭蝇灯损坏",
    description: "熟食区灭蝇灯不亮，苍蝇较多。",
    category: "sanitation",
    unit: HEALTH,
    resolution: "更换灭蝇灯并开展病媒消杀",
  },
  {
    what: "灵活就业社保咨询",
    description: "商户想为自己缴纳灵活就业社保，不知道怎么办。",
    category: "policy",
    unit: HRSS,
    resolution: "坐班日现场指导办理参保登记",
  },
  { what: "屋顶漏雨", description: "下雨时顶棚漏水，货物被淋湿。", category: "property", unit: PROPERTY, resolution: "修补顶棚防水层" },
];
const places = ["A区", "B区", "熟食区", "果蔬区", "北门", "南侧通道", "二号门"];
const rejectReasons = ["经核实系重复上报，已并入前一问题办理", "不属于服务站受理范围，已告知向物业公司直接报修"];

/** 36 problems over the year: the older ones settled (confirmed and rated, two turned away), the latest still worked. */
export async function loadProblems(
  ctx: YouyiContext,
  r: Random,
  h: { admin: Admin; unitId: (name: string) => number; merchants: Merchant[]; stalls: Stall[] },
) {
  const now = ctx.now.getTime();
  // The latest twelve, newest last: where each stands today and how many days ago it was reported.
  const live: { status: ProblemStatus; daysAgo: number; overdue?: boolean }[] = [
    { status: "resolved", daysAgo: 16 },
    { status: "in_progress", daysAgo: 15, overdue: true },
    { status: "assigned", daysAgo: 12, overdue: true },
    { status: "reopened", daysAgo: 11 },
    { status: "in_progress", daysAgo: 9, overdue: true },
    { status: "resolved", daysAgo: 6 },
    { status: "in_progress", daysAgo: 4 },
    { status: "assigned", daysAgo: 3 },
    { status: "accepted", daysAgo: 2 },
    { status: "rejected", daysAgo: 2 },
    { status: "submitted", daysAgo: 1 },
    { status: "submitted", daysAgo: 0 },
  ];
  const settled = 24;
  const plan: { status: ProblemStatus; created: number; overdue?: boolean }[] = [];
  for (let i = 0; i < settled; i++) {
    const created = now - (355 - Math.floor((i * 330) / settled) - r.int(0, 8)) * DAY;
    plan.push({ status: i === 9 ? "rejected" : "confirmed", created });
  }
  for (const p of live) plan.push({ status: p.status, created: now - p.daysAgo * DAY - r.int(2, 6) * HOUR, overdue: p.overdue });

  const counts: Record<string, number> = {};
  const events: object[] = [];
  const event = (
    problemId: number,
    action: string,
    from: ProblemStatus,
    to: ProblemStatus,
    t: number,
    actor: { id: number | null; name: string | null },
    note: string | null = null,
    unit: number | null = null,
  ) => {
    events.push({
      problem_id: problemId,
      action,
      from_status: from,
      to_status: to,
      note,
      actor_user_id: actor.id,
      actor_name: actor.name,
      unit_id: unit,
      at: iso(t),
    });
    return t;
  };
  let rejected = 0;
  let overdue = 0;
  for (const [i, p] of plan.entries()) {
    const kind = problemKinds[(i * 5 + r.int(0, 2)) % problemKinds.length];
    const place = places[r.int(0, places.length - 1)];
    const stall = p.status !== "rejected" && kind.category === "market_order" ? r.pick(h.stalls) : null;
    const reporter = r.pick(h.merchants);
    const source = r.pick(["walk_in", "walk_in", "phone", "grid_worker", "council"] as const);
    const reporterName = source === "council" ? "友谊市场商户议事会" : source === "grid_worker" ? "网格员" : reporter.operator_name;
    const unit = h.unitId(kind.unit);
    const unitActor = { id: null, name: kind.unit };
    const accepted = p.created + r.int(1, 4) * HOUR;
    const assigned = accepted + r.int(1, 5) * HOUR;
    // The due date: the category's usual limit, or two days when it is to run out before today.
    const limit = { facility: 7, sanitation: 3, market_order: 5, dispute: 7, policy: 5, safety: 2, property: 7 }[kind.category] ?? 7;
    const dueAt = problemDueAt(new Date(assigned), { days: p.overdue ? 2 : limit });
    const resolved = Math.min(assigned + r.int(1, limit) * DAY, now - 2 * HOUR);
    const rating = p.status === "confirmed" ? (r.chance(0.7) ? 5 : r.chance(0.75) ? 4 : 3) : null;
    const goesOn = ["assigned", "in_progress", "resolved", "confirmed", "reopened"].includes(p.status);
    const isDone = ["resolved", "confirmed", "reopened"].includes(p.status);
    const { id } = await ctx.problems.createProblemRecord(ctx.trx, {
      stationId: ctx.stationId,
      title: `${place}${kind.what}`,
      description: `${place}${kind.description}`,
      categoryCode: kind.category,
      source,
      place: stall ? `${stall.code} 摊位` : place,
      stallId: stall?.id ?? null,
      reporterName,
      status: p.status,
      unitId: goesOn ? unit : null,
      dueAt: goesOn ? dueAt : null,
      rating,
      ratingComment: rating === null ? null : rating === 5 ? "解决得快，很满意" : "基本解决，希望保持",
      resolution: isDone ? kind.resolution : null,
      resolvedAt: isDone ? iso(resolved) : null,
      createdAt: iso(p.created),
      actorUserId: h.admin.id,
      actorName: h.admin.name,
    });
    let last = p.created;
    if (p.status === "rejected") {
      last = event(id, "reject", "submitted", "rejected", accepted, h.admin, rejectReasons[rejected++ % rejectReasons.length]);
    } else if (p.status !== "submitted") {
      last = event(id, "accept", "submitted", "accepted", accepted, h.admin);
      if (goesOn) {
        last = event(id, "assign", "accepted", "assigned", assigned, h.admin, null, unit);
        if (p.status !== "assigned") last = event(id, "start", "assigned", "in_progress", assigned + 3 * HOUR, unitActor, null, unit);
        if (isDone) last = event(id, "resolve", "in_progress", "resolved", resolved, unitActor, kind.resolution, unit);
        if (p.status === "confirmed")
          last = event(id, "confirm", "resolved", "confirmed", Math.min(resolved + DAY, now - HOUR), h.admin, `评分 ${rating}`);
        if (p.status === "reopened")
          last = event(id, "reopen", "resolved", "reopened", Math.min(resolved + 4 * HOUR, now - HOUR), h.admin, "商户反映问题又出现了");
      }
    }
    await ctx.trx
      .updateTable("problems")
      .set({ updated_at: iso(last) })
      .where("id", "=", id)
      .execute();
    counts[p.status] = (counts[p.status] ?? 0) + 1;
    if (goesOn && isOverdue(p.status, dueAt, ctx.now)) overdue++;
  }
  for (let i = 0; i < events.length; i += 200)
    await ctx.trx
      .insertInto("problem_events")
      .values(events.slice(i, i + 200) as never)
      .execute();
  return {
    problems: plan.length,
    problemsOpen: plan.filter((p) => !["resolved", "confirmed", "rejected"].includes(p.status)).length,
    problemsOverdue: overdue,
    problemsRated: counts.confirmed ?? 0,
  };
}
