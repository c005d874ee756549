// The neighbouring Youyi Market station (友谊市场党群服务站): a smaller station than Tianyuan, but a living one,
// so the district has two stations to compare. From the clock's instant back: a year of problems in every state
// (some overdue, most resolved and rated), a merchants' council meeting held and a joint meeting coming, the
// market-regulation bureau's and the human-resources bureau's duty days with requests at the counter (mostly done
// and rated), a caring restaurant and a caring supermarket with a few cards and their redemptions, shared
// umbrellas with their loans, and re-weighs on the fair scale. Every record points at Youyi's own station,
// merchants, residents and units; the only account acting is Youyi's station admin `youyi`.
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, addMonths, shiftMonth, stationDate, stationInstant } from "../contracts/calendar.ts";
import type { ProblemStatus } from "../contracts/problems.ts";
import { expandRule, type RepeatRule } from "../contracts/schedule.ts";
import type { DB } from "../server/db/tables.ts";
import { planDates } from "../server/modules/duty/roster.workflow.ts";
import { findingSummary, judgeReweigh } from "../server/modules/lending/fair-scale.workflow.ts";
import { itemCode, kindNames, stationPrefix } from "../server/modules/lending/loan.workflow.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import { isOverdue, problemDueAt } from "../server/modules/problems/problems.workflow.ts";
import { catalogue } from "./counter-catalogue.ts";
import type { Random } from "./random.ts";

export interface YouyiContext {
  trx: Transaction<DB>;
  /** One generator per area, so that a change in one area leaves the others' records as they were. */
  random: (area: "problems" | "meetings" | "counter" | "caring" | "lending") => Random;
  stationId: number;
  /** Youyi's alliance units by name. */
  units: Record<string, number>;
  merchantIds: number[];
  residentIds: number[];
  /** `youyi`, the station admin, who does the station's desk work in the demo. */
  adminUserId: number;
  adminName: string;
  problems: ProblemsService;
  now: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (t: number) => new Date(t).toISOString();
/** A station date and clock time as a UTC ISO instant. */
const at = (date: string, time: string) => stationInstant(date, time).toISOString();
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export const PROPERTY = "克拉玛依友谊物业服务有限公司";
const GRID = "银河路街道网格化服务管理中心";
const SAMR = "区市场监督管理局";
const HEALTH = "区卫生健康委员会";
const HRSS = "区人力资源和社会保障局";
const JUSTICE = "区司法局";

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

export async function loadYouyi(ctx: YouyiContext): Promise<Record<string, number>> {
  const { trx } = ctx;
  const now = ctx.now.getTime();
  const today = stationDate(ctx.now);
  const stamp = ctx.now.toISOString();
  const admin = { id: ctx.adminUserId, name: ctx.adminName };
  const unitId = (name: string) => {
    const id = ctx.units[name];
    if (id === undefined) throw new Error(`Youyi has no unit ${name}`);
    return id;
  };
  const merchants = await trx
    .selectFrom("merchants")
    .select(["id", "name", "category", "operator_name", "mobile_enc"])
    .where("id", "in", ctx.merchantIds)
    .orderBy("id")
    .execute();
  const residents = await trx
    .selectFrom("residents")
    .select(["id", "name", "mobile_enc"])
    .where("id", "in", ctx.residentIds)
    .orderBy("id")
    .execute();
  const stalls = await trx
    .selectFrom("stalls")
    .select(["id", "code", "merchant_id"])
    .where("station_id", "=", ctx.stationId)
    .where("merchant_id", "is not", null)
    .orderBy("id")
    .execute();

  const problems = await loadProblems(ctx, ctx.random("problems"), { admin, unitId, merchants, stalls });
  const meetings = await loadMeetings(ctx, ctx.random("meetings"), { admin, unitId, today });
  const counter = await loadCounterDays(ctx, ctx.random("counter"), { admin, unitId, today, stamp, merchants, residents });
  const caring = await loadCaringShops(ctx, ctx.random("caring"), { admin, today, merchants, residents });
  const lending = await loadLendingAndScale(ctx, ctx.random("lending"), { admin, now, merchants, residents, stalls });
  return { ...problems, ...meetings, ...counter, ...caring, ...lending };
}

type Admin = { id: number; name: string };
type Merchant = { id: number; name: string; category: string; operator_name: string; mobile_enc: string | null };
type Resident = { id: number; name: string; mobile_enc: string | null };
type Stall = { id: number; code: string; merchant_id: number | null };

/** 36 problems over the year: the older ones settled (confirmed and rated, two turned away), the latest still worked. */
async function loadProblems(
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

/** The merchants' council met five weeks ago; the joint meeting of the alliance is next week. */
async function loadMeetings(ctx: YouyiContext, r: Random, h: { admin: Admin; unitId: (name: string) => number; today: string }) {
  const held = addDays(h.today, -36);
  const coming = addDays(h.today, 8);
  const invitedHeld = [PROPERTY, GRID, SAMR].map(h.unitId);
  const invitedComing = [PROPERTY, GRID, SAMR, HEALTH, HRSS, JUSTICE].map(h.unitId);
  const rows = [
    {
      kind: "council" as const,
      title: `友谊市场商户议事会${held.slice(0, 7).replace("-", "年")}月例会`,
      starts_at: at(held, "10:00"),
      status: "held" as const,
      minutes: "商户代表反映通道照明、垃圾清运和占道经营等问题，研究形成决议两项，明确责任单位和完成时限。",
      created_at: at(addDays(held, -7), "09:00"),
      updated_at: at(held, "12:00"),
      units: invitedHeld,
    },
    {
      kind: "joint" as const,
      title: `友谊市场党建联盟联席会议（${coming.slice(0, 4)}年）`,
      starts_at: at(coming, "15:30"),
      status: "scheduled" as const,
      minutes: null,
      created_at: at(addDays(h.today, -2), "09:00"),
      updated_at: at(addDays(h.today, -2), "09:00"),
      units: invitedComing,
    },
  ];
  let attendances = 0;
  let actionItems = 0;
  for (const [i, m] of rows.entries()) {
    const { units, ...values } = m;
    const row = await ctx.trx
      .insertInto("meetings")
      .values({
        ...values,
        station_id: ctx.stationId,
        place: "友谊市场党群服务站会议室",
        cancel_reason: null,
        checkin_secret: `youyi-${i}-${r.int(100000, 999999)}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.trx
      .insertInto("meeting_units")
      .values(units.map((unit_id) => ({ meeting_id: row.id, unit_id })))
      .execute();
    if (m.status !== "held") continue;
    // The units' representatives have no accounts here: staff signed them in by name.
    const people = [
      { name: `${h.admin.name.replace(/^站长\s*/, "")}`, unit: null },
      { name: "物业主管 韩立新", unit: h.unitId(PROPERTY) },
      { name: "网格员 古丽米热", unit: h.unitId(GRID) },
      { name: "市场监管所 何振东", unit: h.unitId(SAMR) },
    ];
    for (const [k, p] of people.entries()) {
      await ctx.trx
        .insertInto("attendances")
        .values({
          meeting_id: row.id,
          user_id: k === 0 ? h.admin.id : null,
          name: p.name,
          unit_id: p.unit,
          method: "staff",
          checked_in_at: at(held, hhmm(9 * 60 + 45 + k * 3)),
        })
        .execute();
      attendances++;
    }
    const resolutions = [
      { text: "更换北门至南侧通道损坏照明灯具", unit: PROPERTY, done: true },
      { text: "对占道经营商户逐户劝导，月底前回访", unit: GRID, done: false },
    ];
    for (const res of resolutions) {
      const due = addDays(held, res.done ? 14 : 30);
      await ctx.trx
        .insertInto("action_items")
        .values({
          meeting_id: row.id,
          station_id: ctx.stationId,
          text: res.text,
          owner_unit_id: h.unitId(res.unit),
          due_date: due,
          status: res.done ? "done" : "open",
          note: res.done ? "已按期完成" : null,
          done_at: res.done ? at(addDays(due, -3), "16:00") : null,
          created_at: at(held, "12:00"),
          updated_at: res.done ? at(addDays(due, -3), "16:00") : at(held, "12:00"),
        })
        .execute();
      actionItems++;
    }
  }
  return { meetings: rows.length, attendances, actionItems };
}

/** Two departments' duty days at the counter over half a year and the month ahead, and requests on them. */
async function loadCounterDays(
  ctx: YouyiContext,
  r: Random,
  h: {
    admin: Admin;
    unitId: (name: string) => number;
    today: string;
    stamp: string;
    merchants: Merchant[];
    residents: Resident[];
  },
) {
  const desks = 2;
  const from = addDays(h.today, -182);
  const to = addDays(h.today, 28);
  await ctx.trx
    .insertInto("duty_settings")
    .values({ station_id: ctx.stationId, desks, updated_at: at(from, "09:00") })
    .execute();
  const rules: { unit: string; rule: RepeatRule; startTime: string; endTime: string; capacity: number }[] = [
    { unit: SAMR, rule: { kind: "weekly", weekdays: [3] }, startTime: "10:00", endTime: "13:00", capacity: 4 },
    { unit: HRSS, rule: { kind: "monthly_days", days: [5, 20] }, startTime: "10:00", endTime: "13:00", capacity: 4 },
  ];
  const byDate = new Map<string, number[]>();
  const shifts: { id: number; unit: string; date: string; booked: number; capacity: number; start: string }[] = [];
  for (const rule of rules) {
    const unit = h.unitId(rule.unit);
    const row = await ctx.trx
      .insertInto("duty_rules")
      .values({
        station_id: ctx.stationId,
        unit_id: unit,
        rule: JSON.stringify(rule.rule),
        valid_from: from,
        valid_to: to,
        start_time: rule.startTime,
        end_time: rule.endTime,
        capacity: rule.capacity,
        created_by_user_id: h.admin.id,
        created_at: at(from, "09:00"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const planned = planDates({ dates: expandRule(rule.rule, from, to), today: from, unitId: unit, desks, byDate });
    const values = planned
      .filter((p) => p.status === "ok")
      .map((p) => {
        byDate.set(p.date, [...(byDate.get(p.date) ?? []), unit]);
        return {
          station_id: ctx.stationId,
          unit_id: unit,
          date: p.date,
          start_time: rule.startTime,
          end_time: rule.endTime,
          capacity: rule.capacity,
          booked: 0,
          officer_user_id: null,
          rule_id: row.id,
          note: null,
          created_at: at(from, "09:00"),
          updated_at: at(from, "09:00"),
        };
      });
    const inserted = await ctx.trx.insertInto("duty_shifts").values(values).returning(["id", "date"]).execute();
    for (const s of inserted)
      shifts.push({ id: s.id, unit: rule.unit, date: s.date, booked: 0, capacity: rule.capacity, start: rule.startTime });
  }

  // The items the two departments handle at Youyi's counter (from the district's catalogue).
  const specs = catalogue.filter((s) => ["SC-01", "SC-02", "SC-04", "SC-07", "RS-01", "RS-02", "RS-03", "RS-05"].includes(s.code));
  const items = await ctx.trx
    .insertInto("service_items")
    .values(
      specs.map((s) => ({
        station_id: ctx.stationId,
        code: s.code,
        name: s.name,
        unit_id: h.unitId(s.unit),
        audience: s.audience,
        materials: JSON.stringify(s.materials),
        time_limit_days: s.days,
        handling: s.handling,
        fee_fen: s.feeFen ?? 0,
        description: s.description ?? null,
        active: 1,
        created_at: at(from, "09:00"),
        updated_at: at(from, "09:00"),
      })),
    )
    .returning("id")
    .execute();

  const applicant = (audience: string) => {
    const merchant = audience === "merchant" || (audience === "both" && r.chance(0.5));
    if (merchant) {
      const m = r.pick(h.merchants);
      return { applicant_name: `${m.operator_name}（${m.name}）`, applicant_mobile: m.mobile_enc, merchant_id: m.id, resident_id: null };
    }
    const p = r.pick(h.residents);
    return { applicant_name: p.name, applicant_mobile: p.mobile_enc, merchant_id: null, resident_id: p.id };
  };
  const requests: { values: object; events: object[]; rating: object | null }[] = [];
  const staff = { actor_user_id: h.admin.id, actor_name: h.admin.name };
  const queue = new Map<string, number>();
  for (const shift of shifts) {
    const past = shift.date < h.today;
    if (shift.date === h.today) continue;
    const want = past ? r.int(0, 2) : shift.date <= addDays(h.today, 14) ? r.int(0, 1) : 0;
    const unitItems = specs.map((s, i) => ({ s, i })).filter((x) => x.s.unit === shift.unit);
    for (let k = 0; k < want && shift.booked < shift.capacity; k++) {
      const { s, i } = r.pick(unitItems);
      const who = applicant(s.audience);
      const bookedAt = Math.min(Date.parse(at(addDays(shift.date, -r.int(1, 6)), hhmm(r.int(9 * 60, 20 * 60)))), ctx.now.getTime() - HOUR);
      const events: object[] = [{ kind: "booked", note: null, actor_user_id: null, actor_name: who.applicant_name, at: iso(bookedAt) }];
      let status: string = "booked";
      let completedAt: string | null = null;
      let forwardedAt: string | null = null;
      let dueDate: string | null = null;
      let queueNo: number | null = null;
      let handled: number | null = null;
      let updatedAt = iso(bookedAt);
      let rating: object | null = null;
      if (past) {
        const start = Number(shift.start.slice(0, 2)) * 60 + r.int(0, 150);
        if (r.chance(0.08)) {
          status = "cancelled";
          updatedAt = at(addDays(shift.date, -1), "18:00");
          events.push({
            kind: "cancelled",
            note: "临时有事，改天再来",
            actor_user_id: null,
            actor_name: who.applicant_name,
            at: updatedAt,
          });
        } else {
          queueNo = (queue.get(shift.date) ?? 0) + 1;
          queue.set(shift.date, queueNo);
          handled = h.admin.id;
          events.push({ kind: "checked_in", note: null, ...staff, at: at(shift.date, hhmm(start)) });
          events.push({ kind: "started", note: null, ...staff, at: at(shift.date, hhmm(start + 5)) });
          let doneDate = shift.date;
          if (s.handling === "forwarded") {
            forwardedAt = at(shift.date, hhmm(start + 25));
            dueDate = addDays(shift.date, s.days);
            events.push({ kind: "forwarded", note: "材料齐全，已转部门办理", ...staff, at: forwardedAt });
            doneDate = addDays(shift.date, r.int(1, s.days));
          }
          if (doneDate >= h.today) {
            status = "forwarded";
            updatedAt = forwardedAt ?? updatedAt;
          } else {
            status = "done";
            completedAt = at(doneDate, s.handling === "forwarded" ? "16:30" : hhmm(start + 25));
            updatedAt = completedAt;
            events.push({
              kind: "done",
              note: s.handling === "forwarded" ? "已办结，结果已告知申请人" : null,
              actor_user_id: s.handling === "forwarded" ? null : h.admin.id,
              actor_name: s.handling === "forwarded" ? s.unit : h.admin.name,
              at: completedAt,
            });
            if (r.chance(0.8)) {
              const score = () => (r.chance(0.7) ? 5 : 4);
              const ratedAt = iso(Date.parse(completedAt) + r.int(20, 600) * 60_000);
              rating = {
                easy: score(),
                satisfying: score(),
                warm: score(),
                considerate: score(),
                pleasant: score(),
                comment: r.chance(0.3) ? "家门口就办了，很方便" : null,
                created_at: ratedAt,
              };
              events.push({ kind: "rated", note: null, actor_user_id: null, actor_name: who.applicant_name, at: ratedAt });
            }
          }
        }
      }
      if (status !== "cancelled") shift.booked++;
      requests.push({
        values: {
          station_id: ctx.stationId,
          item_id: items[i].id,
          channel: "booking",
          applicant_user_id: null,
          ...who,
          date: shift.date,
          shift_id: shift.id,
          queue_no: queueNo,
          status,
          note: null,
          handled_by_user_id: handled,
          forwarded_at: forwardedAt,
          due_date: dueDate,
          completed_at: completedAt,
          created_at: iso(bookedAt),
          updated_at: updatedAt,
        },
        events,
        rating,
      });
    }
  }
  let ratings = 0;
  for (const req of requests) {
    const row = await ctx.trx
      .insertInto("service_requests")
      .values(req.values as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.trx
      .insertInto("service_request_events")
      .values(req.events.map((e) => ({ ...e, request_id: row.id })) as never)
      .execute();
    if (req.rating) {
      await ctx.trx
        .insertInto("service_ratings")
        .values({ ...req.rating, request_id: row.id } as never)
        .execute();
      ratings++;
    }
  }
  for (const s of shifts.filter((x) => x.booked > 0))
    await ctx.trx.updateTable("duty_shifts").set({ booked: s.booked }).where("id", "=", s.id).execute();
  return {
    dutyRules: rules.length,
    dutyShifts: shifts.length,
    serviceItems: items.length,
    serviceRequests: requests.length,
    serviceRatings: ratings,
  };
}

/** A caring restaurant and a caring supermarket, two award rounds' cards and their redemptions since. */
async function loadCaringShops(
  ctx: YouyiContext,
  r: Random,
  h: { admin: Admin; today: string; merchants: Merchant[]; residents: Resident[] },
) {
  const base = `${h.today.slice(0, 8)}${String(Math.min(Number(h.today.slice(8)), 28)).padStart(2, "0")}`;
  const restaurant = h.merchants.find((m) => m.category === "catering");
  const supermarket = h.merchants.find((m) => m.category === "supermarket");
  const plan = [
    { merchant: restaurant, category: "restaurant" as const, rate: 800, months: 8 },
    { merchant: supermarket, category: "supermarket" as const, rate: 850, months: 5 },
  ];
  const shops: { id: number; rate: number; since: string; category: string }[] = [];
  const staff = { actor_user_id: h.admin.id, actor_name: h.admin.name };
  for (const p of plan) {
    if (!p.merchant) continue;
    const plaque = addMonths(base, -p.months);
    const applied = addDays(plaque, -18);
    const row = await ctx.trx
      .insertInto("caring_shops")
      .values({
        station_id: ctx.stationId,
        merchant_id: p.merchant.id,
        category: p.category,
        status: "certified",
        discount_rate_permille: p.rate,
        plaque_date: plaque,
        certified_at: at(plaque, "10:00"),
        review_due: addMonths(plaque, 12),
        created_at: at(applied, "09:00"),
        updated_at: at(plaque, "10:00"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    shops.push({ id: row.id, rate: p.rate, since: plaque, category: p.category });
    await ctx.trx
      .insertInto("shop_events")
      .values([
        {
          ...staff,
          shop_id: row.id,
          action: "apply",
          from_status: null,
          to_status: "applied",
          note: "商户自愿申请加入蒲公英爱心联盟",
          at: at(applied, "09:00"),
        },
        {
          ...staff,
          shop_id: row.id,
          action: "inspect",
          from_status: "applied",
          to_status: "inspected",
          note: "实地检查：明码标价、计量器具检定合格",
          at: at(addDays(applied, 8), "15:00"),
        },
        {
          ...staff,
          shop_id: row.id,
          action: "certify",
          from_status: "inspected",
          to_status: "certified",
          note: `认定为蒲公英爱心${p.category === "restaurant" ? "餐厅" : "超市"}，持卡${p.rate / 100}折`,
          at: at(plaque, "10:00"),
        },
      ])
      .execute();
  }

  const cards: { id: number; validFrom: string }[] = [];
  let nominee = 0;
  for (const monthsBack of [4, 2]) {
    const month = shiftMonth(base.slice(0, 7), -monthsBack);
    const publicityFrom = `${month}-20`;
    const publicityUntil = addDays(publicityFrom, 5);
    const awarded = addDays(publicityUntil, 1);
    const round = await ctx.trx
      .insertInto("award_rounds")
      .values({
        station_id: ctx.stationId,
        category: "civilised_resident",
        month,
        status: "awarded",
        publicity_days: 5,
        publicity_from: publicityFrom,
        publicity_until: publicityUntil,
        card_valid_months: 12,
        cancel_reason: null,
        created_at: at(`${month}-01`, "09:00"),
        updated_at: at(awarded, "09:00"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let k = 0; k < 3; k++) {
      const person = h.residents[(nominee++ * 7) % h.residents.length];
      const winner = k < 2;
      await ctx.trx
        .insertInto("nominations")
        .values({
          round_id: round.id,
          resident_id: person.id,
          nominated_by_user_id: h.admin.id,
          nominated_by_name: h.admin.name,
          reason: ["热心邻里互助，常年义务打扫楼道", "带头垃圾分类，劝导文明购物", "照顾独居老人，坚持每周探望"][k],
          status: winner ? "winner" : "rejected",
          review_note: winner ? "事迹属实，同意公示" : "事迹材料不足，建议下月补充后再推荐",
          created_at: at(addDays(`${month}-01`, 3 + k), "10:00"),
          updated_at: at(awarded, "09:00"),
        })
        .execute();
      if (!winner) continue;
      const card = await ctx.trx
        .insertInto("discount_cards")
        .values({
          station_id: ctx.stationId,
          card_no: `YY${awarded.slice(0, 4)}-${String(r.int(100_000, 999_999)).padStart(6, "0")}`,
          resident_id: person.id,
          round_id: round.id,
          category: "civilised_resident",
          valid_from: awarded,
          valid_to: addDays(addMonths(awarded, 12), -1),
          status: "active",
          monthly_cap_fen: 5000,
          monthly_cap_uses: 8,
          pin_hash: null,
          qr_secret: randomBytes(32).toString("base64url"),
          revoked_reason: null,
          created_at: at(awarded, "09:30"),
          updated_at: at(awarded, "09:30"),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      cards.push({ id: card.id, validFrom: awarded });
    }
  }

  const redemptions: object[] = [];
  const end = addDays(h.today, -1);
  for (const card of cards) {
    for (let month = card.validFrom.slice(0, 7); month <= end.slice(0, 7); month = shiftMonth(month, 1)) {
      let discountSum = 0;
      for (let v = r.int(1, 3); v > 0; v--) {
        const day = `${month}-${String(r.int(1, 28)).padStart(2, "0")}`;
        const shop = r.pick(shops);
        if (day < card.validFrom || day > end || day < shop.since) continue;
        const amount = shop.category === "restaurant" ? r.int(15, 60) * 100 : r.int(2_000, 12_000);
        const pay = Math.floor((amount * shop.rate + 500) / 1000);
        if (discountSum + amount - pay > 5000) continue;
        discountSum += amount - pay;
        redemptions.push({
          card_id: card.id,
          shop_id: shop.id,
          operator_user_id: null,
          method: r.chance(0.8) ? "qr" : "code",
          presentation_jti: null,
          amount_fen: amount,
          discount_rate_permille: shop.rate,
          pay_fen: pay,
          discount_fen: amount - pay,
          month,
          created_at: at(day, hhmm(r.int(9 * 60, 19 * 60))),
        });
      }
    }
  }
  redemptions.sort((a, b) => String((a as { created_at: string }).created_at).localeCompare((b as { created_at: string }).created_at));
  if (redemptions.length)
    await ctx.trx
      .insertInto("redemptions")
      .values(redemptions as never)
      .execute();
  return { caringShops: shops.length, discountCards: cards.length, redemptions: redemptions.length };
}

/** Ten shared umbrellas and a fair scale, half a year of loans and re-weighs. */
async function loadLendingAndScale(
  ctx: YouyiContext,
  r: Random,
  h: { admin: Admin; now: number; merchants: Merchant[]; residents: Resident[]; stalls: Stall[] },
) {
  const { now } = h;
  const station = await ctx.trx.selectFrom("org_units").select("name").where("id", "=", ctx.stationId).executeTakeFirstOrThrow();
  const prefix = stationPrefix(station.name);
  const bought = now - 200 * DAY;
  const itemValues = [
    ...Array.from({ length: 10 }, (_, i) => ({ kind: "umbrella" as const, code: itemCode(prefix, "umbrella", i + 1), note: null })),
    { kind: "scale" as const, code: itemCode(prefix, "scale", 1), note: "服务站门口公平秤，供顾客复秤" },
  ].map((x) => ({
    station_id: ctx.stationId,
    ...x,
    name: kindNames[x.kind],
    status: "available" as const,
    loan_days: x.kind === "umbrella" ? 3 : 1,
    created_at: iso(bought),
    updated_at: iso(bought),
  }));
  const items = await ctx.trx.insertInto("lend_items").values(itemValues).returning(["id", "kind"]).execute();
  const umbrellas = items.filter((i) => i.kind === "umbrella");
  const scale = items.find((i) => i.kind === "scale");
  const openHours = (t: number) => Date.parse(at(stationDate(new Date(t)), hhmm(r.int(9 * 60, 19 * 60))));
  const borrower = () => {
    if (r.chance(0.2))
      return { borrower_kind: "merchant" as const, resident_id: null, merchant_id: r.pick(h.merchants).id, borrower_user_id: null };
    return { borrower_kind: "resident" as const, resident_id: r.pick(h.residents).id, merchant_id: null, borrower_user_id: null };
  };
  const loans: object[] = [];
  const loan = (itemId: number, lentAt: number, end: { status: "out" | "returned"; at?: number; reminded?: number }) => {
    loans.push({
      station_id: ctx.stationId,
      item_id: itemId,
      ...borrower(),
      status: end.status,
      lent_at: iso(lentAt),
      due_at: iso(lentAt + 3 * DAY),
      returned_at: end.at === undefined ? null : iso(end.at),
      reminded_at: end.reminded === undefined ? null : iso(end.reminded),
      lent_by_user_id: h.admin.id,
      closed_by_user_id: end.status === "out" ? null : h.admin.id,
      note: null,
      created_at: iso(lentAt),
      updated_at: iso(end.at ?? lentAt),
    });
  };
  // Out now: two in time, one overdue and reminded.
  const out = [
    { item: umbrellas[1], ago: 1 * DAY, reminded: undefined },
    { item: umbrellas[4], ago: 6 * HOUR, reminded: undefined },
    { item: umbrellas[7], ago: 6 * DAY, reminded: 3 * DAY + HOUR },
  ];
  for (const o of out)
    loan(o.item.id, now - o.ago, { status: "out", reminded: o.reminded === undefined ? undefined : now - o.ago + o.reminded });
  for (const u of umbrellas) {
    const busyFrom = out.find((o) => o.item.id === u.id);
    const until = busyFrom ? now - busyFrom.ago - 2 * DAY : now - 2 * DAY;
    let t = bought + r.int(20, 60) * DAY;
    while (t < until) {
      const lentAt = openHours(t);
      const back = lentAt + r.int(2 * 60, 3 * 24 * 60) * 60_000;
      if (back >= until) break;
      loan(u.id, lentAt, { status: "returned", at: back });
      t = back + r.int(12, 40) * DAY;
    }
  }
  loans.sort((a, b) => String((a as { lent_at: string }).lent_at).localeCompare((b as { lent_at: string }).lent_at));
  await ctx.trx
    .insertInto("loans")
    .values(loans as never)
    .execute();
  for (const o of out)
    await ctx.trx
      .updateTable("lend_items")
      .set({ status: "lent", updated_at: iso(now - o.ago) })
      .where("id", "=", o.item.id)
      .execute();

  // Re-weighs at the stalls that sell by weight; two found short, each a finding on the merchant's record.
  const goods: Record<string, { goods: string; price: [number, number]; grams: [number, number] }[]> = {
    fruit_vegetable: [
      { goods: "苹果", price: [350, 600], grams: [800, 3000] },
      { goods: "西红柿", price: [300, 500], grams: [500, 2000] },
      { goods: "土豆", price: [150, 250], grams: [1000, 4000] },
    ],
    non_staple_food: [
      { goods: "羊肉", price: [3800, 4500], grams: [500, 2500] },
      { goods: "红枣", price: [1200, 2000], grams: [500, 1500] },
    ],
  };
  const categoryOf = new Map(h.merchants.map((m) => [m.id, m.category]));
  const weighing = h.stalls.filter((s) => s.merchant_id !== null && goods[categoryOf.get(s.merchant_id) ?? ""]);
  const total = 24;
  let reweighs = 0;
  let findings = 0;
  for (let i = 0; i < total; i++) {
    const stall = weighing[(i * 3 + r.int(0, 1)) % weighing.length];
    const merchantId = stall.merchant_id as number;
    const g = r.pick(goods[categoryOf.get(merchantId) ?? ""]);
    const claimed = r.int(g.grams[0], g.grams[1]);
    const price = Math.round(r.int(g.price[0], g.price[1]) / 10) * 10;
    const short = i === 8 || i === 19;
    const actual = short ? claimed - Math.max(8, Math.round((claimed * r.int(4, 8)) / 100)) : claimed + r.int(-3, 8);
    const j = judgeReweigh({ claimedGrams: claimed, actualGrams: actual, unitPriceFen: price });
    const createdAt = iso(Math.min(openHours(now - Math.floor(((total - i) / total) * 180 * DAY)), now - HOUR));
    const row = await ctx.trx
      .insertInto("reweighs")
      .values({
        station_id: ctx.stationId,
        stall_id: stall.id,
        merchant_id: merchantId,
        goods: g.goods,
        claimed_grams: claimed,
        actual_grams: actual,
        unit_price_fen: price,
        short_grams: j.shortGrams,
        overcharge_fen: j.overchargeFen,
        outcome: j.outcome,
        scale_item_id: scale?.id ?? null,
        shopper_user_id: null,
        shopper_name: r.chance(0.6) ? r.pick(h.residents).name : null,
        recorded_by_user_id: h.admin.id,
        problem_id: null,
        created_at: createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    reweighs++;
    if (j.outcome !== "short") continue;
    await ctx.trx
      .insertInto("merchant_findings")
      .values({
        station_id: ctx.stationId,
        merchant_id: merchantId,
        source: "fair_scale",
        reweigh_id: row.id,
        summary: findingSummary({
          stallCode: stall.code,
          goods: g.goods,
          claimedGrams: claimed,
          actualGrams: actual,
          shortGrams: j.shortGrams,
          overchargeFen: j.overchargeFen,
        }),
        created_at: createdAt,
      })
      .execute();
    findings++;
  }
  return { lendItems: items.length, loans: loans.length, loansOut: out.length, reweighs, reweighsShort: findings };
}
