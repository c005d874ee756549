// The volunteer service at Tianyuan (report §四): the four teams — the knife-sharpening team of old Party members and
// veterans, the neighbourhood barbers, the prosecutors' legal-lecture team and the counselling team — with forty
// volunteers (numbers TY-V-0001…), `zhiyuanzhe` among the knife-sharpeners; the two series "16·爱一直在行动" (the
// 16th) and "28惠民行" (the 28th) with their occurrences from a year ago to two months ahead. Past ones have their
// sign-ups, check-ins and check-outs, hours by the 60 % rule, and are certified (those within the last 7 days still on
// public notice); coming ones are open for sign-up, zhiyuanzhe's team taking part in each.
import type { Transaction } from "kysely";
import { addDays, monthRange, shiftMonth, stationDate, stationMonth } from "../contracts/calendar.ts";
import type { PoliticalStatus } from "../contracts/volunteers.ts";
import type { DB } from "../server/db/tables.ts";
import { MealsRepository } from "../server/modules/caring/meals.repository.ts";
import { VolunteerHours } from "../server/modules/volunteers/volunteer-hours.ts";
import { recordContent, recordNumber } from "../server/modules/volunteers/volunteer-records.service.ts";
import { VolunteerReportsRepository } from "../server/modules/volunteers/volunteer-reports.repository.ts";
import { occurrencesOf } from "../server/modules/volunteers/volunteer-series.service.ts";
import { publicUntilOf, serviceMinutes } from "../server/modules/volunteers/volunteers.workflow.ts";
import { givenNames, surnames } from "./names.ts";
import { type Random, seeded } from "./random.ts";

export interface VolunteersContext {
  trx: Transaction<DB>;
  r: Random;
  stationId: number;
  units: Record<string, number>;
  staffUserId: number;
  volunteerUserId: number;
  passwordHash: string;
  /** The station's merchants and residents (people served), and the demo accounts' own (shanghu's, jumin's). */
  merchantIds: number[];
  residentIds: number[];
  merchantId: number;
  residentId: number;
  merchantUserId: number;
  residentUserId: number;
  now: Date;
}

const teams: {
  name: string;
  description: string;
  unit: string | null;
  status: PoliticalStatus;
  skills: string[];
  menu: { kind: string; name: string }[];
}[] = [
  {
    name: "“老党员+退伍老兵”磨刀队",
    description: "老党员、退伍老兵为商户和居民免费磨刀、修剪刀",
    unit: "石化公司党委",
    status: "veteran",
    skills: ["磨刀", "修剪刀"],
    menu: [
      { kind: "knives", name: "磨菜刀" },
      { kind: "scissors", name: "磨剪刀" },
    ],
  },
  {
    name: "老街坊理发队",
    description: "为老人、商户义务理发",
    unit: "区妇联",
    status: "none",
    skills: ["理发"],
    menu: [{ kind: "haircuts", name: "义务理发" }],
  },
  {
    name: "“检察官”工作室法律宣讲分队",
    description: "检察官进商圈，讲解消费维权、合同纠纷、防范电信诈骗",
    unit: "区司法局",
    status: "party_member",
    skills: ["法律咨询", "普法宣讲"],
    menu: [
      { kind: "legal_consultations", name: "法律咨询" },
      { kind: "lectures", name: "普法宣讲" },
    ],
  },
  {
    name: "“爱天使”心理咨询小队",
    description: "心理咨询师为商户、居民提供情绪疏导和心理健康讲座",
    unit: "区卫生健康委员会",
    status: "none",
    skills: ["心理咨询"],
    menu: [{ kind: "counselling", name: "心理咨询" }],
  },
];

const VOLUNTEERS_PER_TEAM = 10;

export async function loadVolunteers(ctx: VolunteersContext) {
  const { trx, r, stationId, now } = ctx;
  const at = now.toISOString();
  const today = stationDate(now);
  await trx
    .insertInto("volunteer_settings")
    .values({ station_id: stationId, number_prefix: "TY", next_number: 1, updated_at: at })
    .execute();
  let next = 1;
  const newVolunteer = async (userId: number, name: string, status: PoliticalStatus, skills: string[], since: string) => {
    const number = `TY-V-${String(next++).padStart(4, "0")}`;
    const row = await trx
      .insertInto("volunteers")
      .values({
        station_id: stationId,
        user_id: userId,
        number,
        real_name: name,
        skills: JSON.stringify(skills),
        political_status: status,
        consent_at: since,
        created_at: since,
        updated_at: since,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const since = addDays(today, -400);
  const sinceAt = `${since}T02:00:00.000Z`;
  const teamIds: number[] = [];
  const members: number[][] = [];
  let account = 1;
  for (const [i, team] of teams.entries()) {
    const teamId = (
      await trx
        .insertInto("volunteer_teams")
        .values({
          station_id: stationId,
          name: team.name,
          description: team.description,
          leader_volunteer_id: null,
          unit_id: team.unit ? (ctx.units[team.unit] ?? null) : null,
          service_menu: JSON.stringify(team.menu),
          created_at: sinceAt,
          updated_at: sinceAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    teamIds.push(teamId);
    const ids: number[] = [];
    for (let k = 0; k < VOLUNTEERS_PER_TEAM; k++) {
      let userId: number;
      let name: string;
      if (i === 0 && k === 1) {
        // zhiyuanzhe (努尔古丽) sharpens knives with the veterans.
        userId = ctx.volunteerUserId;
        name = "努尔古丽";
      } else {
        name = r.pick(surnames) + r.pick(givenNames);
        const username = `zyz${String(account++).padStart(2, "0")}`;
        userId = (
          await trx
            .insertInto("users")
            .values({
              username,
              display_name: `志愿者 ${name}`,
              password_hash: ctx.passwordHash,
              role: "volunteer",
              org_unit_id: stationId,
              alliance_unit_id: null,
              merchant_id: null,
              resident_id: null,
              mobile_enc: null,
              mobile_hash: null,
              status: "active",
              locale: "zh-CN",
              last_login_at: null,
              password_changed_at: sinceAt,
              created_at: sinceAt,
              updated_at: sinceAt,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      }
      const status: PoliticalStatus = k < 4 ? team.status : r.pick(["party_member", "veteran", "none"] as const);
      const volunteerId = await newVolunteer(userId, name, status, team.skills, sinceAt);
      await trx
        .insertInto("volunteer_memberships")
        .values({
          team_id: teamId,
          volunteer_id: volunteerId,
          status: "approved",
          requested_at: sinceAt,
          decided_at: sinceAt,
          decided_by_user_id: ctx.staffUserId,
          left_at: null,
        })
        .execute();
      ids.push(volunteerId);
    }
    members.push(ids);
    await trx.updateTable("volunteer_teams").set({ leader_volunteer_id: ids[0] }).where("id", "=", teamId).execute();
  }
  await trx.updateTable("volunteer_settings").set({ next_number: next }).where("station_id", "=", stationId).execute();

  // The two series: every team takes part in the 16th; the barbers, the prosecutors and the knife-sharpeners on the 28th.
  const seriesDefs = [
    { title: "16·爱一直在行动", day: 16, teams: [0, 1, 2, 3], place: "天源市场党群服务站门前广场", start: "10:00", end: "12:30" },
    { title: "28惠民行", day: 28, teams: [0, 1, 2], place: "天源市场中心通道", start: "15:30", end: "18:00" },
  ];
  // From the first day of the month a year back, so each of the last twelve months has its 16th and its 28th.
  const from = `${shiftMonth(today.slice(0, 7), -12)}-01`;
  let occurrences = 0;
  let signups = 0;
  // People served on the occurrences held, drawn from a generator of their own (the sign-ups keep theirs).
  const servedRandom = seeded(82);
  const held: { id: number; teams: number[]; endsAt: string }[] = [];
  let minutesTotal = 0;
  for (const def of seriesDefs) {
    const ids = def.teams.map((t) => teamIds[t]);
    const seriesId = (
      await trx
        .insertInto("volunteer_series")
        .values({
          station_id: stationId,
          title: def.title,
          rule: JSON.stringify({ kind: "monthly_days", days: [def.day] }),
          once_date: null,
          valid_from: from,
          valid_to: null,
          place: def.place,
          start_time: def.start,
          end_time: def.end,
          team_ids: JSON.stringify(ids),
          places_per_team: 8,
          deadline_hours: 24,
          created_by_user_id: ctx.staffUserId,
          created_at: `${from}T02:00:00.000Z`,
          updated_at: `${from}T02:00:00.000Z`,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const series = await trx.selectFrom("volunteer_series").selectAll().where("id", "=", seriesId).executeTakeFirstOrThrow();
    for (const values of occurrencesOf(series, from, addDays(today, 60), at)) {
      const ended = Date.parse(values.ends_at) <= now.getTime();
      const certifiedAt = new Date(Date.parse(values.ends_at) + 3_600_000);
      const certified = ended && certifiedAt.getTime() <= now.getTime();
      const occId = (
        await trx
          .insertInto("volunteer_occurrences")
          .values({
            ...values,
            created_at: `${from}T02:00:00.000Z`,
            certified_at: certified ? certifiedAt.toISOString() : null,
            certified_by_user_id: certified ? ctx.staffUserId : null,
            public_until: certified ? publicUntilOf(certifiedAt).toISOString() : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      occurrences++;
      if (!ended) continue;
      let arrival = 0;
      for (const t of def.teams) {
        const team = members[t];
        const taking = team.filter((_, k) => k === 1 || r.chance(0.6)).slice(0, 8);
        for (const volunteerId of taking) {
          arrival++;
          const start = Date.parse(values.starts_at);
          const end = Date.parse(values.ends_at);
          const noShow = r.chance(0.06);
          const checkIn = new Date(start + r.int(-15, 20) * 60_000).toISOString();
          const checkOut = new Date(end + r.int(-50, 15) * 60_000).toISOString();
          const minutes = noShow ? 0 : serviceMinutes({ startsAt: values.starts_at, endsAt: values.ends_at }, checkIn, checkOut).minutes;
          minutesTotal += minutes;
          await trx
            .insertInto("volunteer_signups")
            .values({
              occurrence_id: occId,
              volunteer_id: volunteerId,
              team_id: teamIds[t],
              arrival,
              status: noShow ? (certified ? "no_show" : "signed_up") : "attended",
              signed_up_at: new Date(start - r.int(2, 10) * 86_400_000).toISOString(),
              withdrawn_at: null,
              checked_in_at: noShow ? null : checkIn,
              checked_out_at: noShow ? null : checkOut,
              minutes: noShow ? (certified ? 0 : null) : minutes,
              correction_reason: null,
              updated_at: values.ends_at,
            })
            .execute();
          signups++;
        }
      }
      await trx.updateTable("volunteer_occurrences").set({ arrivals: arrival }).where("id", "=", occId).execute();
      if (arrival > 0) held.push({ id: occId, teams: def.teams, endsAt: values.ends_at });
    }
  }
  const served = await loadServed(ctx, servedRandom, held, teamIds);
  const records = await issueLastMonthsRecords(ctx, [members[0][1], ...members.map((m) => m[0])]);
  return {
    volunteerRecords: records,
    volunteerServed: served,
    volunteers: next - 1,
    volunteerTeams: teamIds.length,
    volunteerOccurrences: occurrences,
    volunteerSignups: signups,
    volunteerMinutes: minutesTotal,
  };
}

/** How many people a team serves of each kind of its menu at one activity. */
const servedRange: Record<string, [number, number]> = {
  knives: [12, 30],
  scissors: [3, 10],
  haircuts: [6, 15],
  legal_consultations: [3, 10],
  lectures: [20, 60],
  counselling: [2, 6],
};

/**
 * People served at every activity held, by kind of each team's menu, recorded by the staff an hour after the end. A few
 * entries name a merchant or resident, most of them confirmed; on the latest activity one haircut is jumin's and one
 * knife-sharpening shanghu's, both waiting for their confirmation on the phone.
 */
async function loadServed(ctx: VolunteersContext, r: Random, held: { id: number; teams: number[]; endsAt: string }[], teamIds: number[]) {
  const { trx, stationId } = ctx;
  held.sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  let rows = 0;
  for (const [n, occ] of held.entries()) {
    const latest = n === held.length - 1;
    const at = new Date(Date.parse(occ.endsAt) + 3_600_000).toISOString();
    const values = [];
    for (const t of occ.teams) {
      for (const item of teams[t].menu) {
        const [min, max] = servedRange[item.kind] ?? [1, 5];
        const base = {
          station_id: stationId,
          occurrence_id: occ.id,
          team_id: teamIds[t],
          kind: item.kind,
          note: null,
          recorded_by_user_id: ctx.staffUserId,
          recorded_at: at,
          updated_at: at,
        };
        let count = r.int(min, max);
        // One served person named now and then: shanghu's shop or jumin (who confirm on their phones; the latest
        // activity's still waiting), or another merchant or resident without an account.
        const own = latest && (item.kind === "haircuts" || item.kind === "knives");
        if (own || r.chance(0.15)) {
          const merchant = own ? item.kind === "knives" : r.chance(0.5);
          const demoAccount = own || r.chance(0.4);
          const confirmed = demoAccount && !own;
          const merchantId = merchant ? (demoAccount ? ctx.merchantId : r.pick(ctx.merchantIds)) : null;
          const residentId = merchant ? null : demoAccount ? ctx.residentId : r.pick(ctx.residentIds);
          values.push({
            ...base,
            count: 1,
            merchant_id: merchantId,
            resident_id: residentId,
            confirmed_at: confirmed ? new Date(Date.parse(at) + 86_400_000).toISOString() : null,
            confirmed_by_user_id: confirmed ? (merchant ? ctx.merchantUserId : ctx.residentUserId) : null,
          });
          count = Math.max(1, count - 1);
        }
        values.push({ ...base, count, merchant_id: null, resident_id: null, confirmed_at: null, confirmed_by_user_id: null });
      }
    }
    await trx.insertInto("volunteer_served").values(values).execute();
    rows += values.length;
  }
  return rows;
}

/** Where the demo's record QR codes lead: the laptop default (npm start on port 3000). */
const DEMO_ORIGIN = "http://localhost:3000";

/**
 * Last month's service records, as the station issues them at the start of a month: zhiyuanzhe's and the four team
 * leaders', each over last month's final hours (and meal deliveries), numbered from the station's counter. Written
 * without their PDF, which is rendered from the stored content on first download (rendering costs the demo's load).
 */
async function issueLastMonthsRecords(ctx: VolunteersContext, volunteerIds: number[]) {
  const { trx, stationId, now } = ctx;
  const reports = new VolunteerReportsRepository(trx);
  const meals = new MealsRepository(trx);
  const hours = new VolunteerHours(reports, {
    deliveriesConfirmedBy: async (filter) =>
      (await meals.deliveriesConfirmedBy(filter)).map((d) => ({
        id: d.id,
        stationId: d.station_id,
        date: d.date,
        at: d.at,
        status: d.status,
        userId: d.confirmed_by_user_id as number,
      })),
  });
  const { from, to } = monthRange(shiftMonth(stationMonth(now), -1));
  const station = await trx.selectFrom("org_units").select("name").where("id", "=", stationId).executeTakeFirstOrThrow();
  const staff = await trx.selectFrom("users").select("display_name").where("id", "=", ctx.staffUserId).executeTakeFirstOrThrow();
  const year = Number(stationDate(now).slice(0, 4));
  let issued = 0;
  for (const volunteerId of volunteerIds) {
    const entries = await hours.counted({ stationIds: [stationId], volunteerId, from, to }, now);
    if (entries.length === 0) continue;
    const volunteer = await trx.selectFrom("volunteers").selectAll().where("id", "=", volunteerId).executeTakeFirstOrThrow();
    const teams = await reports.teamNamesOf([volunteerId]);
    const seq = await reports.takeRecordSeq(trx, stationId, year);
    const number = recordNumber("TY", year, seq);
    const { content, contentHash } = recordContent({
      number,
      station: { id: stationId, name: station.name },
      volunteer: { id: volunteerId, number: volunteer.number, realName: volunteer.real_name, teams: teams.map((t) => t.name) },
      period: { from, to },
      entries,
      issuedBy: { userId: ctx.staffUserId, name: staff.display_name },
      now,
      origin: DEMO_ORIGIN,
    });
    await reports.insertRecord(trx, {
      station_id: stationId,
      number,
      year,
      seq,
      volunteer_id: volunteerId,
      period_from: from,
      period_to: to,
      minutes: content.totals.minutes,
      entries: entries.length,
      content: JSON.stringify(content),
      content_hash: contentHash,
      pdf: null,
      pdf_sha256: null,
      issued_by_user_id: ctx.staffUserId,
      issued_by_name: staff.display_name,
      issued_at: now.toISOString(),
    });
    issued++;
  }
  return issued;
}
