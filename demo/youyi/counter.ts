// 友谊's counter: two departments' duty days over half a year and the month ahead, with the requests booked on them.
import { addDays } from "../../contracts/calendar.ts";
import { expandRule, type RepeatRule } from "../../contracts/schedule.ts";
import { planDates } from "../../server/modules/duty/roster.workflow.ts";
import { catalogue } from "../counter-catalogue.ts";
import type { Random } from "../random.ts";
import type { YouyiContext } from "../youyi.ts";
import type { Admin, Merchant, Resident } from "./common.ts";
import { at, HOUR, HRSS, hhmm, iso, SAMR } from "./common.ts";

/** Two departments' duty days at the counter over half a year and the month ahead, and requests on them. */
export async function loadCounterDays(
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
