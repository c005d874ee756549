// 友谊's meetings: the merchants' council held five weeks ago and the alliance's joint meeting next week.
import { addDays } from "../../contracts/calendar.ts";
import type { Random } from "../random.ts";
import type { YouyiContext } from "../youyi.ts";
import type { Admin } from "./common.ts";
import { at, GRID, HEALTH, HRSS, hhmm, JUSTICE, PROPERTY, SAMR } from "./common.ts";

/** The merchants' council met five weeks ago; the joint meeting of the alliance is next week. */
export async function loadMeetings(ctx: YouyiContext, r: Random, h: { admin: Admin; unitId: (name: string) => number; today: string }) {
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
