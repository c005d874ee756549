// Journey: the branch secretary registers a written application (two and a half years ago, so the rules' clocks
// have run in the data), then records the twenty-five steps in the console: talk → activist → two half-yearly
// reviews → a candidate determined too early is refused with the rule on screen → the corrected date is accepted
// → … → the branch meeting's vote → probationary member → a year of probation → full member, who then appears in
// 党员名册.
import dayjs, { type Dayjs } from "dayjs";
import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { stationDate } from "../contracts/calendar.ts";
import { consoleLogin, expectAccessible, journeyApp, openFromMenu } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const app = journeyApp();

/** The input behind a test id, whether antd put the id on the input itself or on its wrapper. */
const inputOf = (page: Page, testId: string): Locator =>
  page.locator(`input[data-testid=${testId}], [data-testid=${testId}] input`).first();

async function fillDate(page: Page, testId: string, date: Dayjs) {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(date.format("YYYY-MM-DD"));
  await input.press("Enter");
}

/** The dropdown just opened (a closing one may linger during its animation). */
const openDropdown = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").last();

interface Extra {
  members?: boolean;
  vote?: { entitled: number; present: number; inFavour: number; against: number; abstain: number };
  conclusion?: string;
  publicityUntil?: Dayjs;
}

const stepLabels: Record<string, string> = {
  talk: "2. 党组织派人谈话",
  activist_recommendation: "3. 推荐和确定入党积极分子",
  activist_filing: "4. 入党积极分子报上级党委备案",
  contacts_assigned: "5. 指定培养联系人",
  activist_review: "6. 培养教育考察",
  candidate_determined: "7. 确定发展对象",
  candidate_filing: "8. 发展对象报上级党委备案",
  introducers_assigned: "9. 确定入党介绍人",
  political_review: "10. 进行政治审查",
  concentrated_training: "11. 开展集中培训",
  committee_review: "12. 支部委员会审查",
  higher_pre_review: "13. 上级党委预审",
  application_form: "14. 填写入党志愿书",
  publicity: "15. 公示",
  branch_vote: "16. 支部大会讨论接收预备党员",
  higher_talk: "17. 上级党委派人谈话",
  higher_approval: "18. 上级党委审批",
  approval_filing: "19. 再上一级党委组织部门备案",
  oath: "20. 入党宣誓",
  probation_education: "21. 继续教育考察",
  conversion_application: "22. 提出转正申请",
  conversion_vote: "23. 支部大会讨论转正",
  conversion_approval: "24. 上级党委审批转正",
  archived: "25. 材料归档",
};

/** Fill the step form and submit; resolves with the HTTP status the server answered. */
async function recordStep(page: Page, step: string, on: Dayjs, extra: Extra = {}): Promise<number> {
  const form = page.getByTestId("step-form");
  await form.waitFor();
  await page.locator("[data-testid=step-select]").first().click();
  await openDropdown(page).locator(".ant-select-item-option", { hasText: stepLabels[step] }).first().click();
  await fillDate(page, "step-on", on);
  if (extra.members) {
    const members = page.locator("[data-testid=step-members]").first();
    await members.click();
    // The branch's members come from a query: wait for two before choosing (a busy machine answers late).
    const options = openDropdown(page).locator(".ant-select-item-option");
    await options.nth(1).waitFor();
    // Two members chosen, whatever the form already holds (a step may start from the case's earlier choice).
    const chosen = () => members.locator(".ant-select-selection-item").count();
    for (let i = 0; i < 4 && (await chosen()) < 2; i++) {
      await openDropdown(page).locator(".ant-select-item-option:not(.ant-select-item-option-selected)").first().click();
      await wait(chosen).toBeGreaterThan(0);
    }
    await page.keyboard.press("Escape");
    await wait(chosen).toBe(2);
  }
  if (extra.vote) {
    for (const [key, value] of Object.entries(extra.vote)) await inputOf(page, `vote-${key}`).fill(String(value));
  }
  if (extra.conclusion) await page.locator("[data-testid=step-conclusion]").fill(extra.conclusion);
  if (extra.publicityUntil) await fillDate(page, "step-publicity", extra.publicityUntil);
  const answer = page.waitForResponse((r) => r.url().endsWith("/steps") && r.request().method() === "POST");
  await page.getByTestId("step-submit").click();
  return (await answer).status();
}

test("an applicant is taken through the 25 steps to full member, with an early step refused on the way", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "shuji");

  // The 党建 menu group opens the pipeline.
  await openFromMenu(page, "发展党员", /\/party\/development$/, "党建");
  await page.getByTestId("case-create").waitFor();

  // 1. Register the written application: born 1990, applied two and a half years ago.
  const today = dayjs(stationDate(app.now()));
  const applied = today.subtract(30, "month");
  const name = `张E2E${Date.now() % 10000}`;
  await page.getByTestId("case-create").click();
  await page.getByTestId("case-name").fill(name);
  await fillDate(page, "case-birth", dayjs("1990-04-18"));
  await fillDate(page, "case-applied", applied);
  const branch = page.locator("[data-testid=case-branch]").first();
  if ((await branch.locator(".ant-select-selection-item").count()) === 0) {
    await branch.click();
    await openDropdown(page).locator(".ant-select-item-option").last().click();
  }
  await app.shot(page, "party-case-create");
  await page.getByTestId("case-save").click();
  await page.waitForURL(/\/party\/development\/\d+$/);
  await wait(() => page.getByTestId("case-name").textContent()).toBe(name);
  await wait(() => page.getByTestId("case-stage").textContent()).toBe("申请人");

  // 2–6. Talk, activist, filing, two contacts, two half-yearly reviews.
  const recommended = applied.add(1, "month");
  expect(await recordStep(page, "talk", applied.add(20, "day"))).toBe(200);
  expect(await recordStep(page, "activist_recommendation", recommended)).toBe(200);
  await wait(() => page.getByTestId("case-stage").textContent()).toBe("积极分子");
  expect(await recordStep(page, "activist_filing", recommended.add(5, "day"))).toBe(200);
  expect(await recordStep(page, "contacts_assigned", recommended.add(10, "day"), { members: true })).toBe(200);
  expect(await recordStep(page, "activist_review", recommended.add(5, "month"))).toBe(200);
  expect(await recordStep(page, "activist_review", recommended.add(10, "month"))).toBe(200);
  await app.shot(page, "party-case-activist");

  // 7. Too early: less than a year after becoming an activist. Refused, and the rule is on screen.
  expect(await recordStep(page, "candidate_determined", recommended.add(11, "month"))).toBe(400);
  const refusal = page.getByTestId("rule-refusal");
  await refusal.waitFor();
  await wait(() => refusal.textContent()).toContain("一年");
  await app.shot(page, "party-case-refused");

  // Corrected: a year and five days after.
  const candidate = recommended.add(12, "month").add(5, "day");
  expect(await recordStep(page, "candidate_determined", candidate)).toBe(200);
  await wait(() => page.getByTestId("case-stage").textContent()).toBe("发展对象");
  await wait(() => page.getByTestId("rule-refusal").count()).toBe(0);

  // 8–16. Filing, introducers, review, training, committee, pre-review, form, publicity, the branch meeting's vote.
  expect(await recordStep(page, "candidate_filing", candidate.add(5, "day"))).toBe(200);
  expect(await recordStep(page, "introducers_assigned", candidate.add(10, "day"), { members: true })).toBe(200);
  expect(await recordStep(page, "political_review", candidate.add(1, "month"), { conclusion: "政治审查合格" })).toBe(200);
  expect(await recordStep(page, "concentrated_training", candidate.add(40, "day"))).toBe(200);
  expect(await recordStep(page, "committee_review", candidate.add(2, "month"), { conclusion: "同意提交预审" })).toBe(200);
  expect(await recordStep(page, "higher_pre_review", candidate.add(70, "day"), { conclusion: "预审合格" })).toBe(200);
  expect(await recordStep(page, "application_form", candidate.add(75, "day"))).toBe(200);
  expect(await recordStep(page, "publicity", candidate.add(80, "day"), { publicityUntil: candidate.add(87, "day") })).toBe(200);
  const vote = candidate.add(3, "month");
  await page.locator("[data-testid=step-select]").first().click();
  await openDropdown(page).locator(".ant-select-item-option", { hasText: stepLabels.branch_vote }).first().click();
  await inputOf(page, "vote-entitled").fill("3");
  await inputOf(page, "vote-inFavour").fill("1");
  await wait(() => page.getByTestId("vote-indicator").textContent()).toContain("未过半数");
  await inputOf(page, "vote-inFavour").fill("3");
  await wait(() => page.getByTestId("vote-indicator").textContent()).toBe("赞成 3 / 应到 3 — 过半数");
  await app.shot(page, "party-case-vote");
  expect(await recordStep(page, "branch_vote", vote, { vote: { entitled: 3, present: 3, inFavour: 3, against: 0, abstain: 0 } })).toBe(200);

  // 17–20. Approval within three months: a probationary member from the branch meeting's date.
  expect(await recordStep(page, "higher_talk", vote.add(15, "day"))).toBe(200);
  expect(await recordStep(page, "higher_approval", vote.add(1, "month"), { conclusion: "同意接收为预备党员" })).toBe(200);
  await wait(() => page.getByTestId("case-stage").textContent()).toBe("预备党员");
  expect(await recordStep(page, "approval_filing", vote.add(35, "day"))).toBe(200);
  expect(await recordStep(page, "oath", vote.add(2, "month"))).toBe(200);

  // 21–25. A year of probation (in the data), conversion voted and approved, records archived.
  expect(await recordStep(page, "probation_education", vote.add(6, "month"))).toBe(200);
  expect(await recordStep(page, "conversion_application", vote.add(11, "month").add(15, "day"))).toBe(200);
  expect(
    await recordStep(page, "conversion_vote", vote.add(12, "month").add(5, "day"), {
      vote: { entitled: 3, present: 3, inFavour: 3, against: 0, abstain: 0 },
    }),
  ).toBe(200);
  expect(await recordStep(page, "conversion_approval", vote.add(12, "month").add(20, "day"), { conclusion: "同意按期转为正式党员" })).toBe(
    200,
  );
  expect(await recordStep(page, "archived", vote.add(13, "month"))).toBe(200);
  await wait(() => page.getByTestId("case-stage").textContent()).toBe("正式党员");
  await wait(() => page.getByTestId("case-status").textContent()).toBe("已完成");
  await app.shot(page, "party-case-full");

  // The new full member is in 党员名册.
  await page.goto(`/party/members?q=${encodeURIComponent(name)}`);
  const row = page.locator(".ant-table-row", { hasText: name });
  await row.waitFor();
  await wait(() => row.textContent()).toContain("正式党员");
  await app.shot(page, "party-members");
  await expectAccessible(page, "party-members");

  // The pipeline, the funnel and branch life render on the same data.
  await page.goto("/party/development");
  await page.locator(".ant-table-row").first().waitFor();
  await app.shot(page, "party-pipeline");
  await page.goto("/party/funnel");
  await page.getByTestId("funnel-ever").waitFor();
  await page.getByTestId("funnel-chart").waitFor();
  await app.shot(page, "party-funnel");
  await page.goto("/party/branch-life");
  await page.locator(".ant-table").first().waitFor();
  // This month's committee meeting is named by its month; with every meeting held there is no empty 操作 column.
  await page.getByText("11月支委会", { exact: true }).waitFor();
  expect(await page.locator(".ant-table thead").first().textContent()).not.toContain("操作");
  await app.shot(page, "party-branch-life");

  // The pioneer posts on the phone, without signing in.
  const phone = (await app.newPage({ mobile: true })).page;
  // The secretary's station, not the district above it: the page lists that station's posts.
  const me = (await (await page.request.get("/api/auth/me")).json()) as { stations: { id: number }[] };
  await phone.goto(`${app.baseUrl}/m/pioneers?stationId=${me.stations[0].id}`);
  await phone.getByText("党员先锋岗").first().waitFor();
  await expect.poll(() => phone.getByTestId("pioneers").locator(".adm-list-item").count()).toBeGreaterThan(0);
  await app.shot(phone, "mobile-pioneers");
  await expectAccessible(phone, "mobile-pioneers");
  // Twenty-five steps through the drawer: the longest journey, given room on a loaded machine (it took 90 s under load 8).
}, 180_000);
