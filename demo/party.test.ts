// The demo's Party branch: a branch of three under the community's general branch, the report's development
// funnel, a year of branch meetings and two pioneer posts. No other suite depends on these counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

describe(`the Tianyuan demo's Party branch (${dialectName})`, () => {
  let t: TestApp;
  let shuji: Session;
  let district: Session;
  let members: { id: number; name: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    [shuji, district] = await Promise.all(["shuji", "district"].map((u) => t.login(u)));
    const branches = (await t.as(shuji, { method: "GET", url: "/api/party/branches" })).json();
    members = (await t.as(shuji, { method: "GET", url: `/api/party/members?branchId=${branches[0].id}` })).json().items;
  });
  afterAll(() => t.close());

  it("the demo: a branch of three under the community's general branch, and the report's funnel 9/5/2", async () => {
    const branches = (await t.as(shuji, { method: "GET", url: "/api/party/branches" })).json();
    expect(branches).toHaveLength(1);
    expect(branches[0]).toMatchObject({ kind: "branch", members: 3 });
    expect(members.map((m) => m.name)).toContain("马志强");
    const all = (await t.as(district, { method: "GET", url: "/api/party/branches" })).json();
    expect(all.map((b: { kind: string }) => b.kind).sort()).toEqual(["branch", "general_branch"]);

    const funnel = (await t.as(shuji, { method: "GET", url: "/api/party/funnel" })).json();
    expect(funnel).toMatchObject({ everApplied: 9, everActivists: 5, everCandidates: 2, applicants: 4, activists: 3, candidates: 2 });
    const districtUnit = await t.database.db.selectFrom("org_units").select("id").where("kind", "=", "district").executeTakeFirstOrThrow();
    const rolled = (await t.as(district, { method: "GET", url: `/api/party/funnel?orgUnitId=${districtUnit.id}` })).json();
    expect(rolled).toMatchObject({ everApplied: 9, everActivists: 5, everCandidates: 2 });
    expect(rolled.byBranch).toHaveLength(2);

    const cases = (await t.as(shuji, { method: "GET", url: "/api/party/cases?pageSize=50" })).json();
    expect(cases.total).toBe(9);
    expect(cases.items.every((c: { mobile: string }) => /\*{4}/.test(c.mobile))).toBe(true);
    expect((await t.as(shuji, { method: "GET", url: "/api/party/cases?stage=candidate" })).json().total).toBe(2);
    expect((await t.as(shuji, { method: "GET", url: "/api/party/cases?overdue=true" })).json().total).toBe(0);
  });

  it("a year of branch meetings with no required meeting missing, and two pioneer posts shown publicly", async () => {
    const year = Number(stationDate(t.clock.now()).slice(0, 4));
    const report = (await t.as(shuji, { method: "GET", url: `/api/party/attendance?year=${year}` })).json();
    expect(report.members.length).toBeGreaterThanOrEqual(3);
    expect(report.missing).toEqual([]);
    const list = (await t.as(shuji, { method: "GET", url: "/api/party/meetings?kind=member_meeting" })).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    const posts = (await t.as(shuji, { method: "GET", url: "/api/party/pioneer-posts" })).json();
    expect(posts.map((p: { post: string }) => p.post).sort()).toEqual(["政策咨询岗", "矛盾调解岗"].sort());
    const station = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    expect((await t.as(null, { method: "GET", url: `/api/public/pioneer-posts?stationId=${station.id}` })).json()).toHaveLength(2);
  });
});
