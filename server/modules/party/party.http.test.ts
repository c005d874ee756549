import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, monthRange, shiftMonth, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import type { DevelopmentStep } from "../../../contracts/party.ts";
import { DEMO_PASSWORD } from "../../../demo/tianyuan.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";
import { endingPeriods } from "./branch-life.service.ts";
import { type RuleId, rules } from "./development.rules.ts";

/**
 * A refusal's error with the rule it names: the message opens with the rule's text and ends with its source
 * (one rule only), so a test reads `rule` as the branch does.
 */
function refusal(res: { json(): { error: { message: string } } }) {
  const error = res.json().error;
  const named = (Object.keys(rules) as RuleId[]).filter(
    (id) => error.message.startsWith(rules[id].text["zh-CN"]) && error.message.endsWith(`——${rules[id].source}`),
  );
  return { ...error, rule: named.length === 1 ? named[0] : named };
}

describe(`the Party branch over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let shuji: Session;
  let staff: Session;
  let district: Session;
  let zhanzhang: Session;
  let marketBranch: number;
  let members: { id: number; name: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    [shuji, staff, district, zhanzhang] = await Promise.all(["shuji", "staff", "district", "zhanzhang"].map((u) => t.login(u)));
    const branches = (await t.as(shuji, { method: "GET", url: "/api/party/branches" })).json();
    marketBranch = branches[0].id;
    members = (await t.as(shuji, { method: "GET", url: `/api/party/members?branchId=${marketBranch}` })).json().items;
  });
  afterAll(() => t.close());

  it("gives the whole birth date only to the branch's keepers: others read the year, which a masked ID number cannot complete", async () => {
    const asDistrict = (await t.as(district, { method: "GET", url: `/api/party/members?branchId=${marketBranch}` })).json().items as {
      birthDate: string | null;
      birthYear: number;
    }[];
    expect(asDistrict.length).toBeGreaterThan(0);
    expect(asDistrict.every((m) => m.birthDate === null && m.birthYear > 1900)).toBe(true);
    const asSecretary = members as unknown as { birthDate: string | null; birthYear: number }[];
    expect(
      asSecretary.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate ?? "") && m.birthYear === Number(m.birthDate?.slice(0, 4))),
    ).toBe(true);
    const cases = (await t.as(district, { method: "GET", url: "/api/party/cases" })).json();
    const items = (Array.isArray(cases) ? cases : cases.items) as { birthDate: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.birthDate === null)).toBe(true);
    // The member's own record is theirs whole.
    expect((await t.as(shuji, { method: "GET", url: "/api/me/party" })).json().birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("masks members' mobiles and shows members their own record only", async () => {
    expect(members.every((m) => /\*{4}/.test((m as { mobile?: string }).mobile ?? "****"))).toBe(true);
    const me = await t.as(shuji, { method: "GET", url: "/api/me/party" });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: "马志强", role: "secretary", status: "full" });
    const scjg = await t.login("scjg");
    expect((await t.as(scjg, { method: "GET", url: "/api/me/party" })).json()).toMatchObject({ sourceUnit: "区市场监管局驻市场" });
    const shanghu = await t.login("shanghu");
    // Not a member: an answer, not an error (the phone asks on every visit).
    const none = await t.as(shanghu, { method: "GET", url: "/api/me/party" });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    expect((await t.as(shanghu, { method: "GET", url: "/api/party/cases" })).statusCode).toBe(403);
  });

  it("takes an applicant through all 25 steps, refusing an early step, a failed vote recorded as passed, and a skip", async () => {
    const [a, b] = members;
    const start = "2022-03-07";
    const at = (months: number, days = 0) => addDays(addMonths(start, months), days);
    const created = await t.as(shuji, {
      method: "POST",
      url: "/api/party/cases",
      payload: {
        branchId: marketBranch,
        name: "测试申请人",
        gender: "female",
        birthDate: "1995-04-01",
        mobile: "13912345678",
        appliedOn: start,
      },
    });
    expect(created.statusCode).toBe(201);
    let c = created.json();
    expect(c).toMatchObject({ stage: "applicant", status: "active", mobile: "139****5678", next: { step: "talk", due: at(1) } });
    const id = c.id;
    const record = (step: DevelopmentStep, on: string, extra: Record<string, unknown> = {}) =>
      t.as(shuji, { method: "POST", url: `/api/party/cases/${id}/steps`, payload: { step, on, version: c.version, ...extra } });
    const ok = async (step: DevelopmentStep, on: string, extra: Record<string, unknown> = {}) => {
      const res = await record(step, on, extra);
      expect({ step, status: res.statusCode, body: res.statusCode === 200 ? null : res.json() }).toEqual({ step, status: 200, body: null });
      c = res.json();
    };
    const vote = { entitled: 3, present: 3, inFavour: 2, against: 1, abstain: 0 };

    // Skipping a step is refused as out of order.
    const skip = await record("activist_recommendation", at(0, 10));
    expect(skip.statusCode).toBe(409);
    expect(refusal(skip)).toMatchObject({ id: "development.out_of_order", rule: "order.sequence" });
    // The talk a day after the month is refused, naming the rule; exactly a month is fine.
    const late = await record("talk", at(1, 1));
    expect(late.statusCode).toBe(400);
    expect(refusal(late)).toMatchObject({ id: "development.rule", rule: "talk.one_month", fields: [{ field: "on" }] });
    expect(late.json().error.message).toContain("第八条");
    await ok("talk", at(1));
    await ok("activist_recommendation", at(2));
    expect(c.stage).toBe("activist");
    await ok("activist_filing", at(2, 5));
    const oneContact = await record("contacts_assigned", at(2, 10), { memberIds: [a.id] });
    expect(refusal(oneContact)).toMatchObject({ rule: "contacts.two_full_members", fields: [{ field: "memberIds" }] });
    await ok("contacts_assigned", at(2, 10), { memberIds: [a.id, b.id] });
    await ok("activist_review", at(8));
    await ok("activist_review", at(13));

    // A day before the year as activist has passed: refused, nothing written.
    const before = await t.database.db.selectFrom("development_steps").select("id").where("case_id", "=", id).execute();
    const early = await record("candidate_determined", at(14, -1));
    expect(early.statusCode).toBe(400);
    expect(refusal(early)).toMatchObject({ id: "development.rule", rule: "candidate.one_year", fields: [{ field: "on" }] });
    expect(early.json().error.message).toContain(at(14));
    const after = await t.database.db.selectFrom("development_steps").select("id").where("case_id", "=", id).execute();
    expect(after).toHaveLength(before.length);
    expect((await t.as(shuji, { method: "GET", url: `/api/party/cases/${id}` })).json().version).toBe(c.version);

    await ok("candidate_determined", at(14));
    expect(c.stage).toBe("candidate");
    await ok("candidate_filing", at(14, 5));
    await ok("introducers_assigned", at(14, 10), { memberIds: [a.id, b.id] });
    await ok("political_review", at(15), { conclusion: "政治审查合格" });
    await ok("concentrated_training", at(16));
    await ok("committee_review", at(16, 10));
    await ok("higher_pre_review", at(16, 20));
    await ok("application_form", at(17));
    await ok("publicity", at(17, 2), { publicityUntil: at(17, 8) });
    const duringPublicity = await record("branch_vote", at(17, 8), { vote });
    expect(refusal(duringPublicity)).toMatchObject({ rule: "branch_vote.after_publicity" });
    const minority = await record("branch_vote", at(17, 9), { vote: { entitled: 4, present: 4, inFavour: 2, against: 2, abstain: 0 } });
    expect(minority.statusCode).toBe(400);
    expect(refusal(minority)).toMatchObject({ id: "development.rule", rule: "vote.majority", fields: [{ field: "vote.inFavour" }] });
    await ok("branch_vote", at(17, 9), { vote });
    await ok("higher_talk", at(17, 20));
    const lateApproval = await record("higher_approval", at(20, 10));
    expect(refusal(lateApproval)).toMatchObject({ rule: "higher_approval.three_months" });
    await ok("higher_approval", at(20, 9));
    expect(c).toMatchObject({ stage: "probationary", probationEnds: at(29, 9) });
    const probationer = (
      await t.as(shuji, { method: "GET", url: `/api/party/members?branchId=${marketBranch}&status=probationary` })
    ).json();
    expect(probationer.items.map((m: { name: string }) => m.name)).toContain("测试申请人");
    await ok("approval_filing", at(20, 15));
    await ok("oath", at(21));
    await ok("probation_education", at(24));
    await ok("conversion_application", at(29));
    const tooSoon = await record("conversion_vote", at(29, 8), { vote });
    expect(refusal(tooSoon)).toMatchObject({ rule: "conversion_vote.probation_served" });
    await ok("conversion_vote", at(29, 9), { vote });
    await ok("conversion_approval", at(30));
    expect(c.stage).toBe("full");
    await ok("archived", at(30, 10));
    expect(c).toMatchObject({ status: "completed", next: null });
    expect(c.steps).toHaveLength(26);
    const full = (
      await t.as(shuji, { method: "GET", url: `/api/party/members?branchId=${marketBranch}&q=${encodeURIComponent("测试申请人")}` })
    ).json();
    expect(full.items[0]).toMatchObject({ status: "full", fullOn: at(29, 9), joinedOn: at(17, 9) });
    const again = await record("archived", at(30, 11));
    expect(again.json().error).toMatchObject({ id: "development.closed" });
  });

  it("refuses an applicant under 18, writing nothing; refuses a stale version", async () => {
    const count = async () => (await t.database.db.selectFrom("development_cases").select("id").execute()).length;
    const n = await count();
    const res = await t.as(shuji, {
      method: "POST",
      url: "/api/party/cases",
      payload: { branchId: marketBranch, name: "未成年", gender: "male", birthDate: "2008-03-08", appliedOn: "2026-03-07" },
    });
    expect(res.statusCode).toBe(400);
    expect(refusal(res)).toMatchObject({ id: "development.rule", rule: "application.age", fields: [{ field: "birthDate" }] });
    expect(res.json().error.message).toContain("第五条");
    expect(await count()).toBe(n);
    const enRes = await t.as(shuji, {
      method: "POST",
      url: "/api/party/cases",
      headers: { "accept-language": "en" },
      payload: { branchId: marketBranch, name: "未成年", gender: "male", birthDate: "2008-03-08", appliedOn: "2026-03-07" },
    });
    expect(enRes.json().error.message).toMatch(/18 years/);
    const cases = (await t.as(shuji, { method: "GET", url: "/api/party/cases?stage=applicant" })).json().items;
    const stale = await t.as(shuji, {
      method: "POST",
      url: `/api/party/cases/${cases[0].id}/steps`,
      payload: { step: "talk", on: stationDate(t.clock.now()), version: cases[0].version + 5 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("access: station staff get 403 on development; the station admin reads the branch but not development; another station gets 404", async () => {
    for (const url of ["/api/party/cases", "/api/party/funnel", "/api/party/members"]) {
      expect((await t.as(staff, { method: "GET", url })).statusCode).toBe(403);
    }
    expect((await t.as(zhanzhang, { method: "GET", url: "/api/party/members" })).statusCode).toBe(200);
    expect((await t.as(zhanzhang, { method: "GET", url: "/api/party/cases" })).statusCode).toBe(403);
    const branchCases = (await t.as(shuji, { method: "GET", url: "/api/party/cases" })).json().total;
    expect(branchCases).toBeGreaterThan(0);
    expect((await t.as(district, { method: "GET", url: "/api/party/cases" })).json().total).toBeGreaterThanOrEqual(branchCases);
    expect(
      (
        await t.as(district, {
          method: "POST",
          url: "/api/party/cases",
          payload: { branchId: marketBranch, name: "甲", gender: "male", birthDate: "1990-01-01", appliedOn: "2026-01-01" },
        })
      ).statusCode,
    ).toBe(403);

    const other = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "友谊市场党群服务站")
      .executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto("users")
      .values({
        username: "youyi_shuji",
        display_name: "友谊支部书记",
        password_hash: await hashPassword(DEMO_PASSWORD),
        role: "branch_secretary",
        org_unit_id: other.id,
        alliance_unit_id: null,
        merchant_id: null,
        resident_id: null,
        mobile_enc: null,
        mobile_hash: null,
        status: "active",
        locale: "zh-CN",
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const outsider = await t.login("youyi_shuji");
    const someCase = (await t.as(shuji, { method: "GET", url: "/api/party/cases" })).json().items[0];
    expect((await t.as(outsider, { method: "GET", url: `/api/party/cases/${someCase.id}` })).statusCode).toBe(404);
    const write = await t.as(outsider, {
      method: "POST",
      url: `/api/party/cases/${someCase.id}/steps`,
      payload: { step: "talk", on: stationDate(t.clock.now()), version: someCase.version },
    });
    expect(write.statusCode).toBe(404);
    expect((await t.as(outsider, { method: "GET", url: `/api/party/members/${members[0].id}` })).statusCode).toBe(404);
    expect((await t.as(outsider, { method: "GET", url: "/api/party/cases" })).json().total).toBe(0);
    expect((await t.as(outsider, { method: "GET", url: `/api/party/funnel?orgUnitId=${marketBranch}` })).statusCode).toBe(404);
  });

  it("extends a probation once, 6–12 months, and stops a case", async () => {
    const before = (await t.as(shuji, { method: "GET", url: "/api/party/funnel" })).json();
    const cases = (await t.as(shuji, { method: "GET", url: "/api/party/cases?stage=activist" })).json().items;
    const target = cases[0];
    const ext = await t.as(shuji, {
      method: "POST",
      url: `/api/party/cases/${target.id}/extension`,
      payload: { months: 6, on: stationDate(t.clock.now()), reason: "尚需考察", version: target.version },
    });
    expect(ext.statusCode).toBe(400);
    expect(refusal(ext)).toMatchObject({ rule: "extension.while_probationary" });
    const stop = await t.as(shuji, {
      method: "POST",
      url: `/api/party/cases/${target.id}/stop`,
      payload: { on: stationDate(t.clock.now()), reason: "本人申请撤回", version: target.version },
    });
    expect(stop.statusCode).toBe(200);
    expect(stop.json()).toMatchObject({ status: "stopped", next: null });
    const funnel = (await t.as(shuji, { method: "GET", url: "/api/party/funnel" })).json();
    expect(funnel.activists).toBe(before.activists - 1);
    expect(funnel.everActivists).toBe(before.everActivists);
  });

  it("reminds the secretary of a step due within 14 days, once a week", async () => {
    const remind = () => t.app.jobs.find((j) => j.name === "party.remind_development")?.run(t.clock.now());
    // Whatever the branch already has due this week is reminded first, so the counts below are this case's alone.
    await remind();
    const res = await t.as(shuji, {
      method: "POST",
      url: "/api/party/cases",
      payload: {
        branchId: marketBranch,
        name: "提醒测试",
        gender: "male",
        birthDate: "1990-01-01",
        appliedOn: addDays(stationDate(t.clock.now()), -20),
      },
    });
    expect(res.statusCode).toBe(201);
    expect(await remind()).toMatchObject({ reminded: 1 });
    expect(await remind()).toMatchObject({ reminded: 0 });
    const notes = (await t.as(shuji, { method: "GET", url: "/api/notifications" })).json();
    expect(JSON.stringify(notes)).toContain("提醒测试");
  });

  it("branch life: a year of meetings with no required meeting missing; schedule and hold one", async () => {
    const year = Number(stationDate(t.clock.now()).slice(0, 4));
    const report = (await t.as(shuji, { method: "GET", url: `/api/party/attendance?year=${year}` })).json();
    expect(report.members.length).toBeGreaterThanOrEqual(members.length);
    expect(report.missing).toEqual([]);
    // Before the branch's year of meetings, the missing required meetings are named with their rule.
    const earlier = (await t.as(shuji, { method: "GET", url: `/api/party/attendance?year=${year - 1}&branchId=${marketBranch}` })).json();
    for (const m of earlier.missing) expect(m.rule).toContain("第十九条");
    const lectures = async () => (await t.as(shuji, { method: "GET", url: "/api/party/meetings?kind=party_lecture" })).json().total;
    const lecturesBefore = await lectures();
    const created = await t.as(shuji, {
      method: "POST",
      url: "/api/party/meetings",
      payload: { branchId: marketBranch, kind: "party_lecture", title: "党课：学习党章", heldOn: stationDate(t.clock.now()) },
    });
    expect(created.statusCode).toBe(201);
    expect(await lectures()).toBe(lecturesBefore + 1);
    const m = created.json();
    const stranger = await t.as(shuji, {
      method: "POST",
      url: `/api/party/meetings/${m.id}/hold`,
      payload: { minutes: "学习党章第一章，讨论党员义务。", memberIds: [999999], version: m.version },
    });
    expect(stranger.statusCode).toBe(400);
    const held = await t.as(shuji, {
      method: "POST",
      url: `/api/party/meetings/${m.id}/hold`,
      payload: { minutes: "学习党章第一章，讨论党员义务。", memberIds: members.map((x) => x.id), version: m.version },
    });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: "held" });
    expect(held.json().attendance).toHaveLength(members.length);
  });

  it("pioneer posts: listed for the branch and shown publicly with the member's name only", async () => {
    const posts = (await t.as(shuji, { method: "GET", url: "/api/party/pioneer-posts" })).json();
    expect(posts.length).toBeGreaterThan(0);
    const station = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    const pub = await t.as(null, { method: "GET", url: `/api/public/pioneer-posts?stationId=${station.id}` });
    expect(pub.statusCode).toBe(200);
    const shown = posts.filter((p: { showOnMobile: boolean }) => p.showOnMobile).length;
    expect(pub.json()).toHaveLength(shown);
    expect(JSON.stringify(pub.json())).not.toMatch(/\d{3}\*{4}\d{4}|birth|mobile/);
    const visible = posts.find((p: { showOnMobile: boolean }) => p.showOnMobile);
    const hidden = await t.as(shuji, { method: "PATCH", url: `/api/party/pioneer-posts/${visible.id}`, payload: { showOnMobile: false } });
    expect(hidden.json()).toMatchObject({ showOnMobile: false });
    expect((await t.as(null, { method: "GET", url: `/api/public/pioneer-posts?stationId=${station.id}` })).json()).toHaveLength(shown - 1);
    const created = await t.as(shuji, {
      method: "POST",
      url: "/api/party/pioneer-posts",
      payload: { memberId: members[2].id, post: "诚信经营示范岗", duty: "营业时间" },
    });
    expect(created.statusCode).toBe(201);
  });

  it("checks members in by the meeting's QR code once, and the minutes keep them", async () => {
    const today = stationDate(t.clock.now());
    const created = await t.as(shuji, {
      method: "POST",
      url: "/api/party/meetings",
      payload: { branchId: marketBranch, kind: "theme_day", title: "主题党日：走访商户", heldOn: today },
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    const code = await t.as(shuji, { method: "GET", url: `/api/party/meetings/${meeting.id}/checkin-code` });
    expect(code.statusCode).toBe(200);
    expect(code.json().url).toContain("/m/checkin?kind=branch&token=");
    expect(code.json().qrSvg).toContain("<svg");
    const token = code.json().token as string;
    const scjg = await t.login("scjg");
    const first = await t.as(scjg, { method: "POST", url: "/api/party/meetings/checkin", payload: { token } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ meetingId: meeting.id, created: true });
    const again = await t.as(scjg, { method: "POST", url: "/api/party/meetings/checkin", payload: { token } });
    expect(again.json().created).toBe(false);
    const notMember = await t.as(staff, { method: "POST", url: "/api/party/meetings/checkin", payload: { token } });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.id).toBe("party.not_member");
    const forged = await t.as(scjg, {
      method: "POST",
      url: "/api/party/meetings/checkin",
      payload: { token: `${token.split(".")[0]}.${"A".repeat(43)}` },
    });
    expect(forged.json().error.id).toBe("meeting.checkin_invalid");
    const held = await t.as(shuji, {
      method: "POST",
      url: `/api/party/meetings/${meeting.id}/hold`,
      payload: { minutes: "走访商户十二户，宣讲惠企政策，收集意见三条。", memberIds: members.map((m) => m.id), version: meeting.version },
    });
    expect(held.statusCode).toBe(200);
    const scanned = held.json().attendance.filter((a: { method: string }) => a.method === "qr");
    expect(scanned).toHaveLength(1);
    expect(held.json().attendance).toHaveLength(new Set(members.map((m) => m.id)).size);
  });

  // Last: it moves the suite's clock to the end of next month.
  it("reminds the secretary in a period's last week of a required meeting neither held nor scheduled, once", async () => {
    const last = monthRange(shiftMonth(stationDate(t.clock.now()).slice(0, 7), 1)).to;
    t.clock.set(stationInstant(addDays(last, -3), "10:00"));
    shuji = await t.login("shuji");
    const today = stationDate(t.clock.now());
    const db = t.database.db;
    // A Party group meeting scheduled in the period: not reminded.
    const scheduled = await t.as(shuji, {
      method: "POST",
      url: "/api/party/meetings",
      payload: { branchId: marketBranch, kind: "group_meeting", title: "党小组会：学习交流", heldOn: addDays(today, 1) },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const ending = endingPeriods(today);
    const dated = await db.selectFrom("branch_meetings").select(["kind", "held_on"]).where("branch_id", "=", marketBranch).execute();
    const expected = ending
      .filter((p) => !dated.some((m) => m.kind === p.kind && m.held_on >= p.from && m.held_on <= p.to))
      .map((p) => p.kind)
      .sort();
    expect(expected).toContain("committee_meeting");
    expect(expected).not.toContain("group_meeting");
    const me = await db.selectFrom("users").select("id").where("username", "=", "shuji").executeTakeFirstOrThrow();
    const notes = () =>
      db
        .selectFrom("notifications")
        .select(["body", "link"])
        .where("user_id", "=", me.id)
        .where("kind", "=", "party.meeting_missing")
        .where("link", "like", `/party/branch-life?branchId=${marketBranch}#%`)
        .execute();
    const job = t.app.jobs.find((j) => j.name === "party.remind_meetings");
    expect(job).toBeDefined();
    await job?.run(t.clock.now());
    const told = await notes();
    expect(told.map((n) => (n.link ?? "").split("#")[1].replace(/-\d{4}-(Q\d|\d{2})$/, "")).sort()).toEqual(expected);
    const committee = told.find((n) => n.link?.includes("#committee_meeting-"));
    expect(committee?.body).toContain(`尚未召开支部委员会会议，本期于 ${last} 结束`);
    expect(committee?.body).toContain("第十九条");
    // Again the same day and the next: nothing more.
    await job?.run(t.clock.now());
    t.clock.advance(86_400_000);
    await job?.run(t.clock.now());
    expect(await notes()).toHaveLength(told.length);
  });
});
