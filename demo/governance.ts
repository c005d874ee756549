// A year of the governance loop at Tianyuan: the council's 31 problems with their outcomes, problems still
// being worked, monthly council meetings and quarterly joint meetings with minutes and resolutions, the
// projects the report names with their figures, and needs and offers.
import type { Transaction } from "kysely";
import { stationDate, stationInstant } from "../contracts/calendar.ts";
import type { NeedKind, NeedStatus, OfferKind, ProjectStatus } from "../contracts/lists.ts";
import type { MeetingKind } from "../contracts/meetings.ts";
import type { ProblemStatus } from "../contracts/problems.ts";
import type { DB } from "../server/db/tables.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import { problemDueAt } from "../server/modules/problems/problems.workflow.ts";
import { councilProblems } from "./council-problems.ts";
import type { Random } from "./random.ts";

export interface GovernanceContext {
  stationId: number;
  units: Record<string, number>;
  staffUserId: number;
  staffName: string;
  merchantUserId: number;
  merchantName: string;
  merchantStallId: number | null;
  unitUsers: { userId: number; name: string; unitId: number }[];
  problems: ProblemsService;
  now: Date;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();
/** 09:30 station time on the station's date of `d`. */
const morning = (d: Date) => stationInstant(stationDate(d), "09:30");

async function event(
  trx: Transaction<DB>,
  problemId: number,
  action: string,
  from: ProblemStatus,
  to: ProblemStatus,
  at: Date,
  actor: { id: number | null; name: string | null },
  note: string | null = null,
  unitId: number | null = null,
) {
  await trx
    .insertInto("problem_events")
    .values({
      problem_id: problemId,
      action,
      from_status: from,
      to_status: to,
      note,
      actor_user_id: actor.id,
      actor_name: actor.name,
      unit_id: unitId,
      at: iso(at),
    })
    .execute();
}

export async function loadGovernance(trx: Transaction<DB>, r: Random, ctx: GovernanceContext) {
  const staff = { id: ctx.staffUserId, name: ctx.staffName };
  const start = new Date(ctx.now.getTime() - 360 * DAY);
  const counts = { problems: 0, meetings: 0, actionItems: 0, projects: 0, needs: 0, offers: 0 };

  // Monthly council meetings (the last in the coming week is still scheduled) and quarterly joint meetings.
  const meetings: { id: number; kind: MeetingKind; at: Date; held: boolean }[] = [];
  for (let m = 0; m < 12; m++) {
    const at = morning(new Date(start.getTime() + (m * 30 + 5) * DAY));
    meetings.push({ id: 0, kind: "council", at, held: at < ctx.now });
  }
  for (let q = 0; q < 4; q++) {
    const at = morning(new Date(start.getTime() + (q * 90 + 20) * DAY));
    meetings.push({ id: 0, kind: "joint", at, held: true });
  }
  meetings.push({ id: 0, kind: "joint", at: morning(new Date(ctx.now.getTime() + 6 * DAY)), held: false });
  meetings.sort((a, b) => a.at.getTime() - b.at.getTime());
  const allUnitIds = Object.values(ctx.units);
  for (const [i, m] of meetings.entries()) {
    const title =
      m.kind === "council"
        ? `天源商圈理事会${stationDate(m.at).slice(0, 7).replace("-", "年")}月例会`
        : `天源商圈党建联盟联席会议（${stationDate(m.at).slice(0, 4)}年第${Math.floor(((m.at.getUTCMonth() + 12 - start.getUTCMonth()) % 12) / 3) + 1}次）`;
    const row = await trx
      .insertInto("meetings")
      .values({
        station_id: ctx.stationId,
        kind: m.kind,
        title,
        starts_at: iso(m.at),
        place: "天源市场党群服务站会议室",
        status: m.held ? "held" : "scheduled",
        minutes: m.held
          ? m.kind === "council"
            ? `理事会成员通报本月经营情况，收集商户诉求${r.int(2, 5)}条，研究节日促销与市场秩序等事项，形成决议如下。`
            : `联盟成员单位通报上季度问题办理情况，对超期未办结问题逐项研究，明确责任单位和完成时限。`
          : null,
        cancel_reason: null,
        checkin_secret: `demo-${i}-${r.int(100000, 999999)}`,
        created_at: iso(new Date(m.at.getTime() - 7 * DAY)),
        updated_at: iso(m.at),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    m.id = row.id;
    counts.meetings++;
    const invited = m.kind === "joint" ? allUnitIds : allUnitIds.filter((_, k) => k % 3 === 0);
    await trx
      .insertInto("meeting_units")
      .values(invited.map((unit_id) => ({ meeting_id: row.id, unit_id })))
      .execute();
    if (m.held) {
      for (const u of ctx.unitUsers.filter((uu) => invited.includes(uu.unitId))) {
        await trx
          .insertInto("attendances")
          .values({
            meeting_id: row.id,
            user_id: u.userId,
            name: u.name,
            unit_id: u.unitId,
            method: "qr",
            checked_in_at: iso(new Date(m.at.getTime() - 10 * 60_000)),
          })
          .execute();
      }
      const resolutions =
        m.kind === "council"
          ? [
              { text: "组织节日促销活动，做好客流疏导", unit: "银河路街道网格化服务管理中心" },
              { text: "加强市场保洁与夜间照明巡查", unit: "克拉玛依天源物业服务有限公司" },
            ]
          : [
              { text: "对超期问题逐项督办，月底前反馈办理结果", unit: "银河路街道网格化服务管理中心" },
              { text: "开展计量器具检定和消费维权宣传", unit: "区市场监督管理局" },
            ];
      for (const [k, res] of resolutions.entries()) {
        const due = new Date(m.at.getTime() + 20 * DAY);
        const done = due < ctx.now && !(i === meetings.length - 2 && k === 1);
        await trx
          .insertInto("action_items")
          .values({
            meeting_id: row.id,
            station_id: ctx.stationId,
            text: res.text,
            owner_unit_id: ctx.units[res.unit],
            due_date: stationDate(due),
            status: done ? "done" : "open",
            note: done ? "已按期完成" : null,
            done_at: done ? iso(new Date(due.getTime() - r.int(1, 10) * DAY)) : null,
            created_at: iso(m.at),
            updated_at: iso(m.at),
          })
          .execute();
        counts.actionItems++;
      }
    }
  }

  // The council's 31 problems, raised at its monthly meetings and solved by the units.
  for (const [i, p] of councilProblems.entries()) {
    const meeting = meetings.filter((m) => m.kind === "council" && m.held)[i % 11];
    const raised = new Date(meeting.at.getTime() + 2 * 3_600_000);
    const unitId = ctx.units[p.unit];
    const assigned = new Date(raised.getTime() + DAY);
    const dueAt = problemDueAt(assigned, { days: 10 });
    const resolved = new Date(assigned.getTime() + r.int(2, 9) * DAY);
    const { id } = await ctx.problems.createProblemRecord(trx, {
      stationId: ctx.stationId,
      title: p.title,
      description: p.description,
      categoryCode: p.category,
      source: "council",
      place: p.place,
      reporterName: "天源商圈理事会",
      status: "confirmed",
      unitId,
      dueAt,
      rating: p.rating,
      ratingComment: p.rating === 5 ? "办得好，商户满意" : "基本满意",
      resolution: p.resolution,
      resolvedAt: iso(resolved),
      createdAt: iso(raised),
      actorUserId: staff.id,
      actorName: staff.name,
    });
    const unitActor = ctx.unitUsers.find((u) => u.unitId === unitId) ?? { userId: null, name: p.unit };
    await event(trx, id, "accept", "submitted", "accepted", new Date(raised.getTime() + 3_600_000), staff);
    await event(trx, id, "assign", "accepted", "assigned", assigned, staff, null, unitId);
    await event(
      trx,
      id,
      "start",
      "assigned",
      "in_progress",
      new Date(assigned.getTime() + 3_600_000),
      { id: unitActor.userId, name: unitActor.name },
      null,
      unitId,
    );
    await event(
      trx,
      id,
      "resolve",
      "in_progress",
      "resolved",
      resolved,
      { id: unitActor.userId, name: unitActor.name },
      p.resolution,
      unitId,
    );
    await event(trx, id, "confirm", "resolved", "confirmed", new Date(resolved.getTime() + DAY), staff, `评分 ${p.rating}`);
    counts.problems++;
  }

  // Problems being worked now, from merchants and walk-ins: one waiting, one assigned, one overdue.
  const live: {
    title: string;
    description: string;
    category: string;
    place: string;
    status: ProblemStatus;
    unit: string | null;
    days: number;
  }[] = [
    {
      title: "C区水龙头漏水",
      description: "C区公共水池水龙头关不紧，一直滴水。",
      category: "facility",
      place: "C区公共水池",
      status: "submitted",
      unit: null,
      days: 0,
    },
    {
      title: "果蔬区地面湿滑",
      description: "雨后果蔬区地面湿滑，老人容易摔倒，建议铺防滑垫。",
      category: "safety",
      place: "果蔬区",
      status: "assigned",
      unit: "克拉玛依天源物业服务有限公司",
      days: 1,
    },
    {
      title: "市场入口井盖松动",
      description: "东大门入口处井盖松动，车辆经过有响声。",
      category: "facility",
      place: "东大门入口",
      status: "in_progress",
      unit: "银河路街道网格化服务管理中心",
      days: 12,
    },
  ];
  for (const p of live) {
    const created = new Date(ctx.now.getTime() - p.days * DAY - 2 * 3_600_000);
    const unitId = p.unit ? ctx.units[p.unit] : null;
    const { id } = await ctx.problems.createProblemRecord(trx, {
      stationId: ctx.stationId,
      title: p.title,
      description: p.description,
      categoryCode: p.category,
      source: "merchant",
      place: p.place,
      stallId: null,
      reporterUserId: ctx.merchantUserId,
      reporterName: ctx.merchantName,
      status: p.status,
      unitId,
      // Assigned two hours after it was reported, with a week to do it.
      dueAt: unitId ? problemDueAt(new Date(created.getTime() + 2 * 3_600_000), { days: 7 }) : null,
      createdAt: iso(created),
      actorUserId: ctx.merchantUserId,
      actorName: ctx.merchantName,
    });
    if (unitId) {
      await event(trx, id, "accept", "submitted", "accepted", new Date(created.getTime() + 3_600_000), staff);
      await event(trx, id, "assign", "accepted", "assigned", new Date(created.getTime() + 2 * 3_600_000), staff, null, unitId);
    }
    if (p.status === "in_progress") {
      const u = ctx.unitUsers.find((uu) => uu.unitId === unitId);
      await event(
        trx,
        id,
        "start",
        "assigned",
        "in_progress",
        new Date(created.getTime() + DAY),
        { id: u?.userId ?? null, name: u?.name ?? p.unit },
        null,
        unitId,
      );
    }
    counts.problems++;
  }

  // Offers the units put on the services list, needs raised by merchants, and the projects the report names.
  const offer = async (unit: string, title: string, description: string, kind: OfferKind, amountFen: number | null) => {
    const row = await trx
      .insertInto("offers")
      .values({
        station_id: ctx.stationId,
        unit_id: ctx.units[unit],
        title,
        description,
        kind,
        amount_fen: amountFen,
        status: "active",
        created_at: iso(start),
        updated_at: iso(start),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.offers++;
    return row.id;
  };
  const consumptionOffer = await offer(
    "石化公司党委",
    "园区企业定向消费",
    "组织园区企业职工食堂、工会福利定向到天源市场采购",
    "resource",
    null,
  );
  const loanOffer = await offer(
    "区人力资源和社会保障局",
    "创业担保贴息贷款",
    "“两免一贴”政策：符合条件的小微商户申请创业担保贷款并享受贴息",
    "money",
    209_000_000,
  );
  await offer(
    "区市场监督管理局",
    "红盾先锋驿站现场服务",
    "每月两次：年报申报、证照变更、名称预核、合同备案、消费维权、纠纷调解",
    "service",
    null,
  );
  await offer("区司法局", "法律讲座与调解", "检察官、律师普法讲座，人民调解员驻站调解", "people", null);
  await offer("区团委", "共享雨伞与小黄车", "服务站提供共享雨伞和共享单车，青年志愿者维护", "resource", null);

  const need = async (title: string, description: string, kind: NeedKind, status: NeedStatus, offerId: number | null) => {
    const row = await trx
      .insertInto("needs")
      .values({
        station_id: ctx.stationId,
        title,
        description,
        kind,
        status,
        raised_by_user_id: ctx.merchantUserId,
        raised_by_name: ctx.merchantName,
        offer_id: offerId,
        project_id: null,
        created_at: iso(new Date(start.getTime() + 10 * DAY)),
        updated_at: iso(new Date(start.getTime() + 10 * DAY)),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.needs++;
    return row.id;
  };
  const customersNeed = await need(
    "客流下降，希望引进稳定客源",
    "居民外迁后客流减少，希望有企业和单位定点采购。",
    "customers",
    "in_project",
    consumptionOffer,
  );
  const fundingNeed = await need("资金周转困难", "疫情后进货资金紧张，希望获得低息贷款。", "funding", "in_project", loanOffer);
  await need("希望开展电商直播培训", "商户希望学习直播带货，拓宽销售渠道。", "training", "open", null);
  await need("夜市摊位用电需求", "夜市摊主需要统一的临时用电接口。", "facility", "open", null);

  const project = async (
    name: string,
    description: string,
    owner: string,
    participants: string[],
    budgetFen: number,
    funding: { source: string; amountFen: number }[],
    startDate: string,
    endDate: string | null,
    status: ProjectStatus,
    outcomes: { label: string; value: number; unit: string }[],
    needIds: number[],
  ) => {
    const row = await trx
      .insertInto("projects")
      .values({
        station_id: ctx.stationId,
        name,
        description,
        owner_unit_id: ctx.units[owner],
        budget_fen: budgetFen,
        funding_json: JSON.stringify(funding),
        start_date: startDate,
        end_date: endDate,
        status,
        percent: status === "completed" ? 100 : 60,
        outcomes_json: JSON.stringify(outcomes),
        cancel_reason: null,
        created_at: `${startDate}T01:00:00.000Z`,
        updated_at: `${endDate ?? startDate}T01:00:00.000Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const p of participants) await trx.insertInto("project_units").values({ project_id: row.id, unit_id: ctx.units[p] }).execute();
    await trx
      .insertInto("project_updates")
      .values({
        project_id: row.id,
        note: status === "completed" ? "项目完成，成效已统计" : "项目推进中",
        percent: status === "completed" ? 100 : 60,
        actor_user_id: staff.id,
        actor_name: staff.name,
        at: `${endDate ?? startDate}T02:00:00.000Z`,
      })
      .execute();
    for (const n of needIds) await trx.updateTable("needs").set({ project_id: row.id }).where("id", "=", n).execute();
    counts.projects++;
  };
  const y = stationDate(start).slice(0, 4);
  await project(
    "园区企业定向消费",
    "石化公司党委牵头，动员园区89家企业通过职工食堂采购、工会福利等方式到天源市场定向消费。",
    "石化公司党委",
    ["天源商圈联席会议", "区市场监督管理局"],
    0,
    [],
    `${y}-03-01`,
    `${y}-12-31`,
    "completed",
    [
      { label: "参与企业", value: 89, unit: "家" },
      { label: "定向消费金额", value: 370_500_000, unit: "fen" },
    ],
    [customersNeed],
  );
  await project(
    "“两免一贴”创业担保贴息贷款",
    "协助困难商户申请创业担保贷款并享受贴息。",
    "区人力资源和社会保障局",
    ["银河路街道网格化服务管理中心"],
    209_000_000,
    [{ source: "创业担保贷款", amountFen: 209_000_000 }],
    `${y}-02-15`,
    `${y}-06-30`,
    "completed",
    [
      { label: "受益商户", value: 47, unit: "户" },
      { label: "贷款金额", value: 209_000_000, unit: "fen" },
    ],
    [fundingNeed],
  );
  await project(
    "房租、暖气费减免",
    "疫情期间为商户减免房租和暖气费，全市场129户无一户关门。",
    "天源市场业主委员会",
    ["克拉玛依天源物业服务有限公司"],
    28_400_000,
    [{ source: "业主及物业让利", amountFen: 28_400_000 }],
    `${y}-01-10`,
    `${y}-04-30`,
    "completed",
    [
      { label: "受益商户", value: 109, unit: "户" },
      { label: "减免金额", value: 28_400_000, unit: "fen" },
    ],
    [],
  );
  await project(
    "党群服务站建设",
    "石化公司与区财政共同出资建设天源市场党群服务站。",
    "石化公司党委",
    ["区团委", "区妇联"],
    20_000_000,
    [
      { source: "石化公司", amountFen: 10_000_000 },
      { source: "区财政", amountFen: 10_000_000 },
    ],
    `${y}-01-05`,
    `${y}-05-20`,
    "completed",
    [{ label: "驻站便民服务事项", value: 32, unit: "项" }],
    [],
  );
  await project(
    "节日主题促销",
    "六一、端午、国庆等节日开展主题促销活动。",
    "天源商圈理事会",
    ["银河路街道网格化服务管理中心"],
    0,
    [],
    `${y}-06-01`,
    `${y}-10-07`,
    "completed",
    [
      { label: "增加客流", value: 3500, unit: "人次" },
      { label: "增加营业额", value: 17_500_000, unit: "fen" },
    ],
    [],
  );
  await project(
    "百姓大舞台",
    "酒店投资建设百姓大舞台，舞蹈队常态化开展文化活动。",
    "某大酒店党支部",
    ["天源商圈理事会"],
    47_000_000,
    [{ source: "酒店投资", amountFen: 47_000_000 }],
    `${y}-04-01`,
    `${y}-08-01`,
    "completed",
    [{ label: "舞蹈队", value: 2, unit: "支" }],
    [],
  );
  await project(
    "天源夜市",
    "投资建设夜市，带动夜间经济和就业。",
    "天源商圈联席会议",
    ["克拉玛依天源物业服务有限公司", "区市场监督管理局"],
    180_000_000,
    [{ source: "社会投资", amountFen: 180_000_000 }],
    `${y}-05-01`,
    null,
    "active",
    [
      { label: "每晚客流", value: 1500, unit: "人次" },
      { label: "每晚营业额（低）", value: 8_000_000, unit: "fen" },
      { label: "每晚营业额（高）", value: 10_000_000, unit: "fen" },
      { label: "吸纳就业", value: 14, unit: "人" },
    ],
    [],
  );
  return counts;
}
