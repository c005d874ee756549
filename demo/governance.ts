// A year of the governance loop at Tianyuan: the council's 31 problems with their outcomes, problems still
// being worked, monthly council meetings and quarterly joint meetings with minutes and resolutions, the
// projects the report names with their figures, and needs and offers.
import type { Transaction } from "kysely";
import { stationDate, stationInstant } from "../contracts/calendar.ts";
import type { MeetingKind } from "../contracts/meetings.ts";
import type { ProblemStatus } from "../contracts/problems.ts";
import type { DB } from "../server/db/tables.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import { problemDueAt } from "../server/modules/problems/problems.workflow.ts";
import { councilProblems } from "./council-problems.ts";
import { loadServiceLists } from "./governance-lists.ts";
import { type Random, seeded } from "./random.ts";

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
  // The units without an account of their own are signed in by the station's staff: their contact, most times.
  const contacts = new Map(
    (await trx.selectFrom("alliance_units").select(["id", "contact_name"]).where("id", "in", allUnitIds).execute()).map((u) => [
      u.id,
      (u.contact_name ?? "").replace(/（.*）$/, ""),
    ]),
  );
  const present = seeded(73);
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
      const signedIn = invited.filter((unitId) => !ctx.unitUsers.some((u) => u.unitId === unitId) && present.chance(0.85));
      if (signedIn.length)
        await trx
          .insertInto("attendances")
          .values(
            signedIn.map((unitId) => ({
              meeting_id: row.id,
              user_id: null,
              name: contacts.get(unitId) || "联络员",
              unit_id: unitId,
              method: "staff" as const,
              checked_in_at: iso(new Date(m.at.getTime() - present.int(2, 15) * 60_000)),
            })),
          )
          .execute();
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

  await loadServiceLists(trx, ctx, { start, staff, counts });
  return counts;
}
