// The Party branch at Tianyuan (issue 5): the community's general branch and the market's branch of three —
// the secretary sent by the community Party committee, a member of the district market-regulation bureau
// stationed at the market, and one merchant — with the report's pipeline: 9 applications since the branch
// started, 5 of them activists and 2 candidates. Every step is checked by the rules engine as it is written,
// so the demo's dates are valid under the rules. Plus a year of branch life and two pioneer posts.
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, addMonths, shiftMonth, stationDate } from "../contracts/calendar.ts";
import type { BranchMeetingKind, MemberRole } from "../contracts/party.ts";
import type { DB } from "../server/db/tables.ts";
import { evaluate, stageOf, statusAfter } from "../server/modules/party/development.evaluate.ts";
import type { NewStep, RecordedStep } from "../server/modules/party/development.rules.ts";
import type { Vault } from "../server/platform/crypto.ts";
import { makeMobile } from "./identifiers.ts";
import { seeded } from "./random.ts";

export interface PartyContext {
  stationId: number;
  communityId: number;
  /** The market's merchant who is a Party member (flagged is_party_member). */
  partyMerchantId: number;
  secretaryUserId: number;
  bureauUserId: number;
  now: Date;
}

type Plan = { name: string; gender: "male" | "female"; birthDate: string; merchant?: boolean; steps: NewStep[] };

export async function loadParty(trx: Transaction<DB>, vault: Vault, ctx: PartyContext) {
  const today = stationDate(ctx.now);
  const stamp = ctx.now.toISOString();
  // Dates are counted from a day no later than the 28th, so month arithmetic never clamps.
  const base = `${today.slice(0, 8)}${String(Math.min(Number(today.slice(8)), 28)).padStart(2, "0")}`;
  const m = (months: number, days = 0) => addDays(addMonths(base, months), days);
  const started = m(-24);

  const general = await trx
    .insertInto("branches")
    .values({
      org_unit_id: ctx.communityId,
      parent_id: null,
      name: "中共天源社区总支部委员会",
      kind: "general_branch",
      created_at: `${m(-120)}T00:00:00.000Z`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const market = await trx
    .insertInto("branches")
    .values({
      org_unit_id: ctx.stationId,
      parent_id: general.id,
      name: "中共天源市场支部委员会",
      kind: "branch",
      created_at: `${started}T00:00:00.000Z`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const rng = seeded(55);
  let mobileSeq = 0;
  const member = async (v: {
    branchId: number;
    name: string;
    gender: "male" | "female";
    birthDate: string;
    sourceUnit: string;
    joinedOn: string;
    fullOn: string;
    role: MemberRole;
    partyGroup?: string;
    merchantId?: number;
    userId?: number;
    transferredInOn?: string;
  }) => {
    const row = await trx
      .insertInto("members")
      .values({
        branch_id: v.branchId,
        name: v.name,
        gender: v.gender,
        birth_date: v.birthDate,
        mobile_enc: vault.encrypt(makeMobile(rng, 40_000_000 + mobileSeq++)),
        source_unit: v.sourceUnit,
        status: "full",
        joined_on: v.joinedOn,
        full_on: v.fullOn,
        role: v.role,
        party_group: v.partyGroup ?? null,
        merchant_id: v.merchantId ?? null,
        resident_id: null,
        user_id: v.userId ?? null,
        transferred_in_on: v.transferredInOn ?? null,
        transferred_out_on: null,
        transferred_to: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  // The community's general branch: long-standing full members who serve as contacts and introducers.
  const elders: number[] = [];
  for (const [name, gender, birth, joined, role] of [
    ["刘卫东", "male", "1968-03-12", "1992-07-01", "secretary"],
    ["张秀兰", "female", "1972-09-25", "1998-06-15", "committee_member"],
    ["王建国", "male", "1965-11-02", "1989-05-20", "member"],
    ["古丽米拉", "female", "1980-04-18", "2006-07-01", "member"],
  ] as const) {
    elders.push(
      await member({
        branchId: general.id,
        name,
        gender,
        birthDate: birth,
        sourceUnit: "天源社区",
        joinedOn: joined,
        fullOn: addMonths(joined, 12),
        role,
        partyGroup: "社区第一党小组",
      }),
    );
  }

  // The market's branch of three.
  const merchant = await trx
    .selectFrom("merchants")
    .select(["id", "operator_name"])
    .where("id", "=", ctx.partyMerchantId)
    .executeTakeFirstOrThrow();
  const secretary = await member({
    branchId: market.id,
    name: "马志强",
    gender: "male",
    birthDate: "1975-08-16",
    sourceUnit: "社区党委派驻",
    joinedOn: "2001-06-28",
    fullOn: "2002-06-28",
    role: "secretary",
    partyGroup: "市场党小组",
    userId: ctx.secretaryUserId,
    transferredInOn: started,
  });
  const bureau = await member({
    branchId: market.id,
    name: "赵德明",
    gender: "male",
    birthDate: "1982-02-09",
    sourceUnit: "区市场监管局驻市场",
    joinedOn: "2008-12-10",
    fullOn: "2009-12-10",
    role: "committee_member",
    partyGroup: "市场党小组",
    userId: ctx.bureauUserId,
    transferredInOn: started,
  });
  const trader = await member({
    branchId: market.id,
    name: merchant.operator_name,
    gender: "female",
    birthDate: "1979-05-30",
    sourceUnit: "商户",
    joinedOn: "2010-07-01",
    fullOn: "2011-07-01",
    role: "committee_member",
    partyGroup: "市场党小组",
    merchantId: merchant.id,
    transferredInOn: started,
  });
  const branchMembers = [secretary, bureau, trader];
  const fullMembers = new Map<number, string | null>([...elders, ...branchMembers].map((id) => [id, null]));

  // The pipeline: 9 applications, 5 activists, 2 candidates; now 4 applicants, 3 activists, 2 candidates.
  const activistSteps = (rec: string, reviews: string[]): NewStep[] => [
    { step: "activist_recommendation", on: rec },
    { step: "activist_filing", on: addDays(rec, 7) },
    { step: "contacts_assigned", on: addDays(rec, 10), memberIds: [secretary, elders[1]] },
    ...reviews.map((on) => ({ step: "activist_review" as const, on })),
  ];
  const applied = (on: string, talkAfterDays: number | null): NewStep[] => [
    { step: "application", on },
    ...(talkAfterDays === null ? [] : [{ step: "talk" as const, on: addDays(on, talkAfterDays) }]),
  ];
  const plans: Plan[] = [
    {
      name: "李春燕",
      gender: "female",
      birthDate: "1988-10-03",
      merchant: true,
      steps: [
        ...applied(m(-23), 18),
        ...activistSteps(m(-20), [m(-14), m(-8), m(-2)]),
        { step: "candidate_determined", on: m(-1) },
        { step: "candidate_filing", on: m(-1, 6) },
        { step: "introducers_assigned", on: m(-1, 10), memberIds: [secretary, bureau] },
      ],
    },
    {
      name: "阿不都热合曼",
      gender: "male",
      birthDate: "1985-01-21",
      merchant: true,
      steps: [...applied(m(-19), 25), ...activistSteps(m(-16), [m(-10), m(-4)]), { step: "candidate_determined", on: m(-3, 5) }],
    },
    {
      name: "周海涛",
      gender: "male",
      birthDate: "1991-06-14",
      merchant: true,
      steps: [...applied(m(-14), 20), ...activistSteps(m(-10), [m(-4)])],
    },
    {
      name: "陈晓梅",
      gender: "female",
      birthDate: "1993-12-08",
      merchant: true,
      steps: [...applied(m(-10), 12), ...activistSteps(m(-7), [m(-1)])],
    },
    { name: "赵文博", gender: "male", birthDate: "1996-03-27", steps: [...applied(m(-6), 21), ...activistSteps(m(-3), [])] },
    { name: "孙丽娜", gender: "female", birthDate: "1990-07-19", merchant: true, steps: applied(m(-5), 15) },
    { name: "马小军", gender: "male", birthDate: "1998-09-05", steps: applied(m(-2), 20) },
    { name: "帕丽达", gender: "female", birthDate: "1994-02-11", merchant: true, steps: applied(m(0, -20), 15) },
    { name: "王磊", gender: "male", birthDate: "2000-11-30", steps: applied(m(0, -6), null) },
  ];
  const merchantPool = await trx
    .selectFrom("merchants")
    .select("id")
    .where("station_id", "=", ctx.stationId)
    .where("id", "!=", ctx.partyMerchantId)
    .orderBy("id")
    .limit(20)
    .offset(5)
    .execute();
  let pool = 0;
  for (const plan of plans) {
    const recorded: RecordedStep[] = [];
    const facts = { birthDate: plan.birthDate, status: "active" as const, extensionMonths: null };
    for (const s of plan.steps) {
      const verdict = evaluate(facts, recorded, s, { today, fullMembers });
      if (!verdict.ok) throw new Error(`demo party case ${plan.name}: ${s.step} on ${s.on} breaks ${verdict.rule}`);
      if (statusAfter(s) !== "active") throw new Error(`demo party case ${plan.name} would close`);
      recorded.push(s);
    }
    const created = `${plan.steps[0].on}T02:00:00.000Z`;
    const row = await trx
      .insertInto("development_cases")
      .values({
        branch_id: market.id,
        name: plan.name,
        gender: plan.gender,
        birth_date: plan.birthDate,
        mobile_enc: vault.encrypt(makeMobile(rng, 40_000_000 + mobileSeq++)),
        merchant_id: plan.merchant ? (merchantPool[pool++]?.id ?? null) : null,
        resident_id: null,
        stage: stageOf(recorded),
        status: "active",
        extension_months: null,
        member_id: null,
        note: null,
        created_at: created,
        updated_at: `${recorded.at(-1)?.on}T02:00:00.000Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const s of recorded) {
      const details: Record<string, unknown> = {};
      if (s.memberIds) details.memberIds = s.memberIds;
      await trx
        .insertInto("development_steps")
        .values({
          case_id: row.id,
          step: s.step,
          on_date: s.on,
          note: null,
          details_json: JSON.stringify(details),
          actor_user_id: ctx.secretaryUserId,
          actor_name: "支部书记 马志强",
          created_at: `${s.on}T02:00:00.000Z`,
        })
        .execute();
    }
  }

  // A year of branch life: monthly committee and group meetings and theme days, quarterly member meetings and lectures.
  let meetings = 0;
  const hold = async (kind: BranchMeetingKind, title: string, heldOn: string, attendees: number[]) => {
    const row = await trx
      .insertInto("branch_meetings")
      .values({
        branch_id: market.id,
        kind,
        title,
        held_on: heldOn,
        place: "天源市场党群服务站会议室",
        status: "held",
        minutes: `${title}：传达学习上级精神，研究支部近期工作，部署商户服务与先锋岗值守安排。`,
        checkin_secret: randomBytes(24).toString("base64url"),
        created_at: `${heldOn}T01:00:00.000Z`,
        updated_at: `${heldOn}T03:00:00.000Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (attendees.length > 0) {
      await trx
        .insertInto("branch_attendances")
        .values(attendees.map((id) => ({ meeting_id: row.id, member_id: id, method: "qr" as const, at: `${heldOn}T01:35:00.000Z` })))
        .execute();
    }
    meetings++;
  };
  const firstOfMonth = (offset: number) => `${shiftMonth(today.slice(0, 7), offset)}-01`;
  for (let k = -12; k <= -1; k++) {
    const month = firstOfMonth(k);
    const label = `${Number(month.slice(5, 7))}月`;
    const absent = k % 4 === 0 ? [trader] : [];
    const present = branchMembers.filter((id) => !absent.includes(id));
    await hold("committee_meeting", `${label}支委会`, addDays(month, 4), present);
    await hold("group_meeting", `${label}党小组会`, addDays(month, 11), present);
    await hold("theme_day", `${label}主题党日：先锋岗服务进商户`, addDays(month, 19), branchMembers);
    const monthNo = Number(month.slice(5, 7));
    if (monthNo % 3 === 0) {
      await hold("member_meeting", `第${monthNo / 3}季度党员大会`, addDays(month, 14), branchMembers);
      await hold("party_lecture", `第${monthNo / 3}季度党课：诚信经营与商圈党建`, addDays(month, 21), branchMembers);
    }
  }
  // This month's meetings so far.
  const thisMonth = firstOfMonth(0);
  if (addDays(thisMonth, 4) <= today)
    await hold("committee_meeting", `${Number(thisMonth.slice(5, 7))}月支委会`, addDays(thisMonth, 4), branchMembers);

  // Pioneer posts at the station.
  for (const [memberId, post, duty, service] of [
    [secretary, "政策咨询岗", "每周一、三上午", "为商户解读营商政策、贴息贷款与减免政策，代办咨询"],
    [bureau, "矛盾调解岗", "每周二、四下午", "调解商户之间、商户与顾客之间的纠纷，受理消费投诉"],
  ] as const) {
    await trx
      .insertInto("pioneer_posts")
      .values({
        member_id: memberId,
        station_id: ctx.stationId,
        post,
        duty,
        service,
        show_on_mobile: 1,
        active: 1,
        created_at: stamp,
      })
      .execute();
  }

  return { branches: 2, members: elders.length + branchMembers.length, cases: plans.length, branchMeetings: meetings, pioneerPosts: 2 };
}
