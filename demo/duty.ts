// The duty roster and the Red Shield post at Tianyuan (issue 4): three desks; the departments' repeat rules and
// their shifts from a year ago to two months ahead (the market-regulation bureau every Tuesday with `scjg` on duty,
// the health commission every Thursday, the grid centre Monday/Wednesday/Friday, human resources on the 1st and
// 15th, justice on the 1st and 3rd Friday), checked against the roster's own rules as they are laid; the Red
// Shield plan (the 2nd and 4th Wednesday) with its sessions over the same span — past ones held, with bookings and
// consultations per merchant and topic; `shanghu` with a past consultation and one upcoming booking. Shifts keep
// `booked` at 0: the counter's loader books requests onto them.
import type { Transaction } from "kysely";
import { addDays, stationDate, stationInstant } from "../contracts/calendar.ts";
import { type BookingStatus, type ConsultationTopic, consultationTopics, defaultPlan } from "../contracts/duty.ts";
import { expandRule, type RepeatRule } from "../contracts/schedule.ts";
import type { DB } from "../server/db/tables.ts";
import { slotsOf } from "../server/modules/duty/red-shield.workflow.ts";
import { planDates } from "../server/modules/duty/roster.workflow.ts";
import type { StationServicesContext } from "./station-services.ts";

const DESKS = 3;

interface DemoRule {
  unit: string;
  rule: RepeatRule;
  startTime: string;
  endTime: string;
  capacity: number;
  officer?: "bureau";
}

const rules: DemoRule[] = [
  {
    unit: "区市场监督管理局",
    rule: { kind: "weekly", weekdays: [2] },
    startTime: "09:30",
    endTime: "17:30",
    capacity: 10,
    officer: "bureau",
  },
  { unit: "区卫生健康委员会", rule: { kind: "weekly", weekdays: [4] }, startTime: "09:30", endTime: "17:30", capacity: 8 },
  {
    unit: "银河路街道网格化服务管理中心",
    rule: { kind: "weekly", weekdays: [1, 3, 5] },
    startTime: "09:30",
    endTime: "17:30",
    capacity: 12,
  },
  { unit: "区人力资源和社会保障局", rule: { kind: "monthly_days", days: [1, 15] }, startTime: "09:30", endTime: "13:00", capacity: 6 },
  { unit: "区司法局", rule: { kind: "monthly_nth", nth: [1, 3], weekday: 5 }, startTime: "14:00", endTime: "17:30", capacity: 6 },
];

const summaries: Record<(typeof consultationTopics)[number], string[]> = {
  annual_report: [
    "指导在国家企业信用信息公示系统填报上一年度年报，核对从业人数和资产总额",
    "个体户年报逾期未报，讲解补报流程并现场完成补报",
  ],
  licence_change: ["经营场所变更登记咨询，告知需提供新址租赁合同和变更申请书", "经营者变更办理，核对身份证明材料后指导网上提交"],
  name_check: ["新店名称预查，拟用字号与已登记名称近似，建议调整后重新预查", "分店名称预查通过，告知后续设立登记所需材料"],
  contract_filing: ["商铺租赁合同备案咨询，提示押金条款须写明退还期限", "预付卡消费合同格式条款审查，建议删除“最终解释权归商家”表述"],
  consumer_rights: [
    "顾客反映称重不足，现场复秤并讲解计量法有关规定，商户当场退还差价",
    "消费者投诉过期食品，指导商户下架并建立进货查验记录",
  ],
  dispute_mediation: ["与相邻摊位因占道摆放发生纠纷，会同网格员调解达成一致", "与顾客就退换货产生争议，依据七日无理由退货规定调解"],
  other: ["咨询食品经营许可证延续办理流程", "咨询小微企业贴息贷款政策，转介至区人社局"],
};

const pickOutcome = (n: number) => (n < 0.72 ? "solved" : n < 0.9 ? "follow_up" : "referred");
/** A station date and clock time as a UTC ISO instant. */
const at = (date: string, time: string) => stationInstant(date, time).toISOString();

async function insertMany<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: object[], chunk = 200) {
  for (let i = 0; i < rows.length; i += chunk) {
    // biome-ignore lint/suspicious/noExplicitAny: rows are built for the named table by the caller
    const batch = rows.slice(i, i + chunk) as any;
    await trx.insertInto(table).values(batch).execute();
  }
}

export async function loadDuty(ctx: StationServicesContext): Promise<Record<string, number>> {
  const { trx, r, stationId } = ctx;
  const today = stationDate(ctx.now);
  const stamp = ctx.now.toISOString();
  const from = addDays(today, -365);
  const to = addDays(today, 61);

  await trx.insertInto("duty_settings").values({ station_id: stationId, desks: DESKS, updated_at: stamp }).execute();

  // The roster: each rule's dates checked against what is already laid (as the console's generation does).
  const byDate = new Map<string, number[]>();
  const shifts: object[] = [];
  let ruleCount = 0;
  for (const rule of rules) {
    const unitId = ctx.units[rule.unit];
    if (!unitId) continue;
    const row = await trx
      .insertInto("duty_rules")
      .values({
        station_id: stationId,
        unit_id: unitId,
        rule: JSON.stringify(rule.rule),
        valid_from: from,
        valid_to: to,
        start_time: rule.startTime,
        end_time: rule.endTime,
        capacity: rule.capacity,
        created_by_user_id: ctx.staffUserId,
        created_at: at(from, "09:00"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ruleCount++;
    // Laid a year ago: "today" for the rules is the first day of the span.
    const planned = planDates({ dates: expandRule(rule.rule, from, to), today: from, unitId, desks: DESKS, byDate });
    for (const p of planned) {
      if (p.status !== "ok") continue;
      byDate.set(p.date, [...(byDate.get(p.date) ?? []), unitId]);
      shifts.push({
        station_id: stationId,
        unit_id: unitId,
        date: p.date,
        start_time: rule.startTime,
        end_time: rule.endTime,
        capacity: rule.capacity,
        booked: 0,
        officer_user_id: rule.officer === "bureau" ? ctx.bureauUserId : null,
        rule_id: row.id,
        note: null,
        created_at: at(from, "09:00"),
        updated_at: at(from, "09:00"),
      });
    }
  }
  await insertMany(trx, "duty_shifts", shifts);

  // The Red Shield post.
  const bureau = ctx.units.区市场监督管理局;
  const place = "服务站一楼红盾先锋驿站窗口";
  const plan = await trx
    .insertInto("red_shield_plans")
    .values({
      station_id: stationId,
      unit_id: bureau,
      rule: JSON.stringify(defaultPlan.rule),
      start_time: defaultPlan.startTime,
      end_time: defaultPlan.endTime,
      slot_minutes: defaultPlan.slotMinutes,
      place,
      active: 1,
      created_at: at(from, "09:00"),
      updated_at: at(from, "09:00"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const sessionDates = expandRule(defaultPlan.rule, from, to);
  const pastDates = sessionDates.filter((d) => d < today);
  // One past session called off for a blizzard, as happens in a Karamay winter.
  const cancelledDate = pastDates.find((d) => d.slice(5, 7) === "01") ?? null;
  const sessionRows = await trx
    .insertInto("red_shield_sessions")
    .values(
      sessionDates.map((date) => ({
        station_id: stationId,
        plan_id: plan.id,
        unit_id: bureau,
        date,
        start_time: defaultPlan.startTime,
        end_time: defaultPlan.endTime,
        slot_minutes: defaultPlan.slotMinutes,
        place,
        status: date >= today ? "scheduled" : date === cancelledDate ? "cancelled" : "held",
        cancel_reason: date === cancelledDate ? "暴雪红色预警，场次取消" : null,
        created_at: at(addDays(date, -30), "09:00"),
        updated_at: at(date, date >= today ? "09:00" : "12:00"),
      })),
    )
    .returning(["id", "date", "status"])
    .execute();
  const slots = slotsOf(defaultPlan.startTime, defaultPlan.endTime, defaultPlan.slotMinutes);
  const others = ctx.merchantIds.filter((id) => id !== ctx.merchantId);
  const past = sessionRows.filter((s) => s.date < today).sort((a, b) => a.date.localeCompare(b.date));
  const upcoming = sessionRows.filter((s) => s.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const lastHeld = [...past].reverse().find((s) => s.status === "held");

  type Booking = { session_id: number; slot: string; merchant_id: number; topic: ConsultationTopic; status: BookingStatus; date: string };
  const bookings: Booking[] = [];
  for (const s of past) {
    const count = r.int(3, slots.length);
    const chosen = new Set<number>();
    for (const [i, slot] of slots.slice(0, count).entries()) {
      let merchantId = s.id === lastHeld?.id && i === 0 ? ctx.merchantId : r.pick(others);
      while (chosen.has(merchantId)) merchantId = r.pick(others);
      chosen.add(merchantId);
      const shanghu = merchantId === ctx.merchantId;
      const status = s.status === "cancelled" ? "cancelled" : shanghu || r.chance(0.85) ? "attended" : "missed";
      const topic = shanghu ? "licence_change" : r.pick(consultationTopics);
      bookings.push({ session_id: s.id, slot, merchant_id: merchantId, topic, status, date: s.date });
    }
  }
  // The coming sessions: a few slots already taken; shanghu holds one in the next session that has not begun.
  const nextForShanghu = upcoming.find((s) => s.date > today);
  for (const s of upcoming) {
    const open = slots.slice(1);
    const chosen: string[] = [];
    for (let n = r.int(1, 3); n > 0 && open.length > 0; n--) chosen.push(open.splice(r.int(0, open.length - 1), 1)[0]);
    for (const slot of chosen.sort()) {
      bookings.push({
        session_id: s.id,
        slot,
        merchant_id: r.pick(others),
        topic: r.pick(consultationTopics),
        status: "booked",
        date: s.date,
      });
    }
    if (s.id === nextForShanghu?.id) {
      bookings.push({
        session_id: s.id,
        slot: slots[0],
        merchant_id: ctx.merchantId,
        topic: "annual_report",
        status: "booked",
        date: s.date,
      });
    }
  }
  const bookingUser = (merchantId: number) => (merchantId === ctx.merchantId ? ctx.merchantUserId : null);
  const bookingIds = new Map<string, number>();
  for (let i = 0; i < bookings.length; i += 200) {
    const rows = await trx
      .insertInto("red_shield_bookings")
      .values(
        bookings.slice(i, i + 200).map((b) => ({
          session_id: b.session_id,
          slot: b.slot,
          merchant_id: b.merchant_id,
          booked_by_user_id: bookingUser(b.merchant_id),
          topic: b.topic,
          note: null,
          status: b.status,
          created_at: at(addDays(b.date, -r.int(2, 12)), "15:00"),
          updated_at: at(b.status === "booked" ? addDays(b.date, -2) : b.date, "12:00"),
        })),
      )
      .returning(["id", "session_id", "slot"])
      .execute();
    for (const row of rows) bookingIds.set(`${row.session_id}/${row.slot}`, row.id);
  }

  // Consultations: one per merchant who came, and now and then a walk-in without a booking.
  const consultations: object[] = [];
  const recordedAt = (date: string) => at(date, "12:10");
  for (const b of bookings) {
    if (b.status !== "attended") continue;
    const shanghu = b.merchant_id === ctx.merchantId;
    const topic = b.topic;
    consultations.push({
      station_id: stationId,
      session_id: b.session_id,
      booking_id: bookingIds.get(`${b.session_id}/${b.slot}`) ?? null,
      merchant_id: b.merchant_id,
      topic,
      summary: r.pick(summaries[topic]),
      outcome: shanghu ? "solved" : pickOutcome(r.next()),
      officer_user_id: ctx.bureauUserId,
      date: b.date,
      created_at: recordedAt(b.date),
    });
  }
  for (const s of past) {
    if (s.status !== "held" || !r.chance(0.4)) continue;
    const topic = r.pick(consultationTopics);
    consultations.push({
      station_id: stationId,
      session_id: s.id,
      booking_id: null,
      merchant_id: r.pick(others),
      topic,
      summary: r.pick(summaries[topic]),
      outcome: pickOutcome(r.next()),
      officer_user_id: r.chance(0.5) ? ctx.bureauUserId : ctx.staffUserId,
      date: s.date,
      created_at: recordedAt(s.date),
    });
  }
  await insertMany(trx, "red_shield_consultations", consultations);

  return {
    dutyRules: ruleCount,
    dutyShifts: shifts.length,
    redShieldSessions: sessionRows.length,
    redShieldBookings: bookings.length,
    redShieldConsultations: consultations.length,
  };
}
