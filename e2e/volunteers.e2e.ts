// Journey: the volunteer zhiyuanzhe (努尔古丽, of the knife-sharpening team) signs up on the phone for the coming
// 16th; the activity comes round (its window moved to now in data); the station's staff open it from the activity
// calendar and show its rotating check-in code; she checks in by typing the code, and out when it has ended; staff
// certify the service record, she finds it on public notice in 我的服务记录 and objects, and staff correct it. The
// console's volunteers and teams pages are looked at too, one of them in English.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { stationDate } from "../contracts/calendar.ts";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin, openFromMenu, SCREENSHOTS, settled } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const NAME = "努尔古丽";

const app = journeyApp();

type Activity = { id: number; title: string; date: string; mySignup: { id: number; status: string } | null };

async function myActivities(phone: Page): Promise<Activity[]> {
  return (await (await phone.request.get("/api/me/volunteering")).json()).activities;
}

/** The code the organiser's screen shows now (it turns every minute; a shown code stays valid into the next). */
async function shownCode(staff: Page): Promise<string> {
  const box = staff.getByTestId("checkin-code-text");
  await wait(async () => ((await box.textContent()) ?? "").trim()).toMatch(/^\d+\.\d+\.[A-Za-z0-9]{16}$/);
  return ((await box.textContent()) ?? "").trim();
}

const at = (minutesFromNow: number) => new Date(app.now().getTime() + minutesFromNow * 60_000).toISOString();

test("a volunteer joins the 16th on the phone, checks in and out with the organiser's code, and finds her certified hours", async () => {
  // The phone: the home screen's tile, then the coming activities of her team.
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "zhiyuanzhe");
  await phone.getByTestId("entry-volunteerRecords").waitFor();
  await phone.screenshot({ path: join(SCREENSHOTS, "volunteers-mobile-home.png") });
  await phone.getByTestId("entry-volunteering").click();
  await phone.waitForURL(/\/m\/volunteering$/);
  await wait(() => phone.getByTestId("volunteer-name").textContent()).toBe(NAME);
  const today = stationDate(app.now());
  const coming = (await myActivities(phone)).find((a) => a.title === "16·爱一直在行动" && a.date > today && a.date.endsWith("-16"));
  expect(coming, "the demo gives her team a coming 16th").toBeDefined();
  const id = (coming as Activity).id;
  await phone.getByTestId(`activity-${id}`).scrollIntoViewIfNeeded();
  await app.shot(phone, "volunteers-mobile-activities");
  await expectAccessible(phone, "volunteers-mobile-activities");
  await phone.getByTestId(`signup-${id}`).click();
  await wait(() => phone.getByTestId(`my-status-${id}`).textContent()).toBe("已报名");
  await phone.getByRole("tab", { name: /我的报名/ }).click();
  await wait(() => phone.getByTestId("activities-mine").textContent()).toContain("16·爱一直在行动");
  await settled(phone);
  await app.shot(phone, "volunteers-mobile-my-signups");

  // The day comes: the activity began five minutes ago and runs two hours (its window moved to now in data).
  await app.sql(
    `update volunteer_occurrences set date = '${today}', starts_at = '${at(-5)}', ends_at = '${at(115)}', signup_deadline = '${at(-60)}' where id = ${id}`,
  );

  // The console: staff find it on the activity calendar and open its check-in screen.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /^活动日历$/, /\/volunteer-activities/, /志愿服务$/);
  await staff.getByTestId(`occurrence-${id}`).waitFor();
  await app.shot(staff, "volunteers-console-calendar");
  await expectAccessible(staff, "volunteers-console-calendar");
  await staff.getByTestId(`occurrence-${id}`).click();
  await staff.waitForURL(new RegExp(`/volunteer-activities/${id}$`));
  await wait(() => staff.getByTestId("roster").textContent()).toContain(NAME);
  await app.shot(staff, "volunteers-console-occurrence");
  await expectAccessible(staff, "volunteers-console-occurrence");
  await staff.getByTestId("checkin-open").click();
  await staff.getByTestId("checkin-qr").locator("img").waitFor();
  const code = await shownCode(staff);
  await settled(staff);
  await app.shot(staff, "volunteers-console-checkin-code");

  // She types the code shown under the QR code.
  await phone.goto("/m/");
  await phone.getByTestId("entry-volunteerCheckin").click();
  await phone.waitForURL(/\/m\/volunteer-checkin$/);
  await wait(() => phone.getByTestId("checkin-today").textContent()).toContain("未签到");
  await phone.getByTestId("checkin-code").locator("input").fill(code);
  await wait(() => phone.getByTestId("checkin-submit").textContent()).toContain("签到");
  await app.shot(phone, "volunteers-mobile-checkin-typed");
  await expectAccessible(phone, "volunteers-mobile-checkin-typed");
  await phone.getByTestId("checkin-submit").click();
  await wait(() => phone.getByText("签到成功").count()).toBe(1);
  await wait(() => phone.getByTestId("checkin-result").textContent()).toContain("16·爱一直在行动");
  await app.shot(phone, "volunteers-mobile-checked-in");
  await wait(() => staff.getByTestId("checkin-list").textContent()).toContain(NAME);
  await app.shot(staff, "volunteers-console-checkin-present");

  // Two hours pass (in data: the window and her check-in move back); the activity has just ended. She checks out.
  const signupId = ((await myActivities(phone)).find((a) => a.id === id) as Activity).mySignup?.id;
  await app.sql(`update volunteer_occurrences set starts_at = '${at(-120)}', ends_at = '${at(-1)}' where id = ${id}`);
  await app.sql(`update volunteer_signups set checked_in_at = '${at(-118)}' where id = ${signupId}`);
  await phone.getByTestId("to-checkout").click();
  await phone
    .getByTestId("checkin-code")
    .locator("input")
    .fill(await shownCode(staff));
  await wait(() => phone.getByTestId("checkin-submit").textContent()).toContain("签退");
  await phone.getByTestId("checkin-submit").click();
  await wait(() => phone.getByText("签退成功").count()).toBe(1);
  await wait(() => phone.getByTestId("checkout-hours").textContent()).toMatch(/本次服务 \d\.\d 小时（11\d 分钟）/);
  await app.shot(phone, "volunteers-mobile-checked-out");

  // Staff certify the service record: it is on public notice for 7 days.
  await staff.keyboard.press("Escape");
  await staff.reload();
  await wait(() => staff.getByTestId("roster").textContent()).toContain("已签到");
  await staff.getByTestId("certify").click();
  await staff.getByTestId("certify-ok").click();
  await staff.getByTestId("publicised-notice").waitFor();
  await wait(() => staff.getByTestId("roster").textContent()).toContain("小时");
  await settled(staff);
  await app.shot(staff, "volunteers-console-certified");

  // The organiser records the people served, by kind of the team's service menu.
  await staff.getByTestId("served-record").click();
  await staff.getByTestId("served-kind").click();
  await staff.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
  await staff.locator(".ant-modal input#entries_0_count").fill("12");
  await settled(staff);
  await app.shot(staff, "volunteers-console-served-form");
  await staff.getByTestId("served-save").click();
  await wait(() => staff.getByTestId("served-total").textContent()).toContain("共服务 12 人次");
  await wait(() => staff.getByTestId("served-table").textContent()).toContain("无需确认");
  await staff.getByTestId("served-section").scrollIntoViewIfNeeded();
  await settled(staff);
  await app.shot(staff, "volunteers-console-served");

  // Her service record: the new hours on public notice; she objects.
  await phone.getByTestId("to-records").click();
  await phone.waitForURL(/\/m\/volunteering\/records$/);
  await wait(() => phone.getByTestId(`record-state-${id}`).textContent()).toBe("公示中");
  await wait(() => phone.getByTestId(`record-hours-${id}`).textContent()).toMatch(/^[1-9]\.\d 小时$/);
  // By month, each under its month and hours; the newest month holds the new record.
  const months = phone.locator('[data-testid^="records-month-"]');
  expect(await months.count()).toBeGreaterThan(1);
  expect(await months.first().getByTestId(`record-${id}`).count()).toBe(1);
  expect(await months.first().textContent()).toMatch(/^\d{4}年\d{1,2}月 · \d+(\.\d+)? 小时/);
  // Her caring-meal deliveries that count, under their months, as on her service record.
  const meals = phone.locator('[data-testid^="record-meals-"]');
  expect(await meals.count()).toBeGreaterThan(0);
  expect(await meals.first().textContent()).toMatch(/爱心餐送餐送餐 \d+ 天.*\d+(\.\d+)? 小时已确定/);
  await app.shot(phone, "volunteers-mobile-records");
  await phone.screenshot({ path: join(SCREENSHOTS, "volunteers-mobile-records-top.png") });
  await expectAccessible(phone, "volunteers-mobile-records");
  await phone.getByTestId(`record-object-${id}`).click();
  await phone.getByTestId("objection-reason").locator("textarea").fill("我提前十分钟到场帮忙布置，签到晚了");
  await phone.getByTestId("objection-submit").click();
  await wait(() => phone.getByTestId(`record-${id}`).textContent()).toContain("异议处理中");

  // Staff answer the objection with a correction and its reason; she sees it answered.
  await staff.reload();
  await wait(() => staff.getByTestId("objections").textContent()).toContain("签到晚了");
  await staff
    .getByTestId("objections")
    .getByRole("button", { name: /处\s*理/ })
    .click();
  await staff.locator(".ant-modal input#minutes").fill("119");
  await staff.locator(".ant-modal textarea#reason").fill("经队长核实，提前到场布置");
  await settled(staff);
  await app.shot(staff, "volunteers-console-correction");
  await staff.getByTestId("correction-ok").click();
  await wait(() => staff.getByTestId("objections").textContent()).toContain("已处理");
  await wait(() => staff.getByTestId("roster").textContent()).toContain("经队长核实");
  await settled(staff);
  await app.shot(staff, "volunteers-console-corrected");
  await phone.reload();
  await wait(() => phone.getByTestId(`record-${id}`).textContent()).toContain("异议已处理");
  await wait(() => phone.getByTestId(`record-hours-${id}`).textContent()).toBe("2.0 小时");
  await settled(phone);
  await phone.getByTestId(`record-${id}`).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(SCREENSHOTS, "volunteers-mobile-records-answered.png") });

  // The QR code's link, as a phone's camera opens it, is sent at once: checked out already, it is refused with the
  // server's reason, and the address no longer holds the code.
  const link = (await (await staff.request.get(`/api/volunteer-occurrences/${id}/checkin-code`)).json()).url as string;
  expect(new URL(link).pathname).toBe("/m/volunteer-checkin");
  await phone.goto(link);
  await wait(() => phone.getByTestId("checkin-error").textContent()).toBe("您已签退");
  expect(new URL(phone.url()).search).toBe("");
  await app.shot(phone, "volunteers-mobile-checkin-link-refused");

  // The public notice ends (in data): her hours are final. Staff issue her service record for this month, seeing
  // first what it would certify.
  await app.sql(`update volunteer_occurrences set public_until = '${at(-1)}' where id = ${id}`);
  await openFromMenu(staff, /^服务记录证明$/, /\/volunteer-records/, /志愿服务$/);
  await wait(() => staff.getByTestId("records-table").textContent()).toContain("-VR-");
  await app.shot(staff, "volunteers-console-records");
  await expectAccessible(staff, "volunteers-console-records");
  await staff.getByTestId("record-issue").click();
  await staff.locator(".ant-drawer input#volunteerId").fill(NAME);
  await staff.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: NAME }).click();
  const range = staff.locator(".ant-drawer .ant-picker-range input");
  await range.nth(0).click();
  await range.nth(0).fill(`${today.slice(0, 7)}-01`);
  await range.nth(0).press("Enter");
  await range.nth(1).fill(today);
  await range.nth(1).press("Enter");
  await wait(() => staff.getByTestId("record-preview").textContent()).toContain(today);
  await wait(() => staff.getByTestId("record-preview-totals").textContent()).toMatch(/[1-9]\d* 小时|\d+\.\d+ 小时/);
  await settled(staff);
  await app.shot(staff, "volunteers-console-record-issue");
  await staff.getByTestId("record-issue-ok").click();
  await wait(() => new URL(staff.url()).searchParams.get("q") ?? "").toMatch(/^TY-VR-\d{4}-\d{4}$/);
  const number = new URL(staff.url()).searchParams.get("q") as string;
  await wait(() => staff.locator("tbody tr.ant-table-row").count()).toBe(1);
  await settled(staff);
  await app.shot(staff, "volunteers-console-record-issued");

  // On her phone: the record among her service records, downloaded as a PDF.
  await phone.goto("/m/volunteering/records");
  await wait(() => phone.getByTestId("my-service-records").textContent()).toContain(number);
  const mine = (await (await phone.request.get("/api/me/volunteering/records")).json()) as {
    id: number;
    number: string;
    checkUrl: string;
  }[];
  const record = mine.find((r) => r.number === number) as (typeof mine)[number];
  await phone.getByTestId(`my-record-pdf-${record.id}`).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(SCREENSHOTS, "volunteers-mobile-service-records.png") });
  await expectAccessible(phone, "volunteers-mobile-service-records");
  const download = phone.waitForEvent("download");
  await phone.getByTestId(`my-record-pdf-${record.id}`).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
  const pdftoppm = spawnSync("pdftoppm", [
    "-png",
    "-r",
    "70",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    file,
    join(SCREENSHOTS, "volunteers-record-pdf"),
  ]);
  if (pdftoppm.error) console.warn("pdftoppm is not installed: the record's first page is not rendered");

  // The QR printed on the record holds this server's check page; opened on a phone, without signing in, it says
  // the record is genuine.
  const issued = (await (await staff.request.get(`/api/volunteer-records/${record.id}`)).json()) as { content: { checkUrl: string } };
  const qr = new URL(issued.content.checkUrl);
  expect(qr.origin).toBe(new URL(app.baseUrl).origin);
  expect(qr.pathname).toBe(`/api/public/volunteer-records/${number}/page`);
  expect(`${qr.pathname}${qr.search}`).toBe(record.checkUrl);
  const visitor = (await app.newPage({ mobile: true })).page;
  await visitor.goto(qr.toString());
  await wait(() => visitor.locator("body").textContent()).toContain("证明真实有效");
  await wait(() => visitor.locator("body").textContent()).toContain(number);
  await wait(() => visitor.locator("body").textContent()).toContain("努***");
  await visitor.screenshot({ path: join(SCREENSHOTS, "volunteers-record-check.png"), fullPage: true });
  await expectAccessible(visitor, "volunteers-record-check");
});

test("the console's volunteers and teams pages, and the series form; the volunteers list in English", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "zhanzhang");
  await openFromMenu(page, /^志愿者$/, /\/volunteers$/, /志愿服务$/);
  await wait(() => page.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(10);
  await expect.poll(() => page.locator("tbody").textContent()).not.toMatch(/\d{17}[\dX]/);
  await app.shot(page, "volunteers-console-list");
  await expectAccessible(page, "volunteers-console-list");
  await page.getByTestId("volunteer-political-filter").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "退役军人" }).click();
  // The filters apply together with 查询 (the query form of a list with more than two filters).
  await page.getByRole("button", { name: /查\s*询/ }).click();
  await wait(() => new URL(page.url()).searchParams.get("politicalStatus")).toBe("veteran");
  await wait(async () => (await page.locator("tbody tr.ant-table-row").allTextContents()).every((row) => row.includes("退役军人"))).toBe(
    true,
  );
  await page.getByPlaceholder("姓名或志愿者编号").fill(NAME);
  await page.getByPlaceholder("姓名或志愿者编号").press("Enter");
  await wait(() => page.locator("tbody tr.ant-table-row").count()).toBe(1);
  await page.locator("tbody tr.ant-table-row").first().click();
  await wait(() => page.getByTestId("volunteer-drawer").textContent()).toContain("磨刀队");
  await settled(page);
  await app.shot(page, "volunteers-console-volunteer-drawer");
  await page.keyboard.press("Escape");

  await openFromMenu(page, /^服务队$/, /\/volunteer-teams$/, /志愿服务$/);
  await wait(() => page.locator("tbody tr.ant-table-row").count()).toBe(4);
  await app.shot(page, "volunteers-console-teams");
  await expectAccessible(page, "volunteers-console-teams");
  await page.locator("tbody tr.ant-table-row", { hasText: "理发队" }).click();
  await wait(() => page.getByTestId("team-members").textContent()).toContain("TY-V-");
  await settled(page);
  await app.shot(page, "volunteers-console-team-drawer");
  await page.keyboard.press("Escape");

  await openFromMenu(page, /^活动日历$/, /\/volunteer-activities/, /志愿服务$/);
  await page.getByRole("tab", { name: "活动系列" }).click();
  await wait(() => page.getByTestId("series-table").textContent()).toContain("28惠民行");
  await settled(page);
  await app.shot(page, "volunteers-console-series");
  await page.getByTestId("series-create").click();
  await page.getByTestId("series-title").fill("周六义务理发");
  await page.getByTestId("series-kind").getByText("每周").click();
  await page.getByTestId("series-place").fill("天源市场中心通道");
  await page.getByTestId("series-teams").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "理发队" }).click();
  await page.getByTestId("series-title").click();
  await wait(() => page.getByTestId("series-preview").textContent()).toContain("每周六");
  await settled(page);
  await app.shot(page, "volunteers-console-series-form");
  await page.getByTestId("series-save").click();
  await wait(() => page.getByTestId("series-table").textContent()).toContain("周六义务理发");
  await page.getByTestId("occurrences-generate").click();
  // The journey before moved one 16th to its day: that date of the series is free again and is made anew.
  await wait(() => page.getByText(/已生成 1 场活动|未来 60 天的场次都已生成/).count()).toBe(1);

  await page.goto("/volunteers");
  await page.getByText("EN", { exact: true }).click();
  await wait(() => page.getByRole("heading", { name: "Volunteers" }).count()).toBe(1);
  await wait(() => page.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(10);
  await app.shot(page, "volunteers-console-list-en");
  await page.goto("/volunteer-activities");
  await page.getByTestId("volunteer-calendar").waitFor();
  await app.shot(page, "volunteers-console-calendar-en");
});

test("a resident registers as a volunteer on the phone and asks to join a team; the station approves in the console", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "jumin");
  await phone.getByTestId("entry-volunteering").click();
  await phone.getByTestId("volunteer-register").waitFor();
  const name = await phone.getByPlaceholder("请填写真实姓名").inputValue();
  expect(name.length).toBeGreaterThan(1);
  await phone.getByText("理发", { exact: true }).click();
  // Consent is asked for before anything is sent.
  await phone.getByTestId("register-submit").click();
  await wait(() => phone.getByText("请阅读并勾选同意").count()).toBe(1);
  await app.shot(phone, "volunteers-mobile-register");
  await expectAccessible(phone, "volunteers-mobile-register");
  await phone.getByTestId("register-consent").click();
  await phone.getByTestId("register-submit").click();
  await wait(() => phone.getByTestId("volunteer-name").textContent()).toBe(name);
  await wait(() => phone.getByText("还没有加入服务队").count()).toBe(1);
  await phone.getByRole("button", { name: "查看服务队" }).click();
  const barbers = phone.getByTestId("my-teams").locator(".adm-list", { hasText: "老街坊理发队" });
  await barbers.getByRole("button", { name: "申请加入" }).click();
  await wait(() => barbers.textContent()).toContain("申请中");
  await settled(phone);
  await app.shot(phone, "volunteers-mobile-teams");
  await expectAccessible(phone, "volunteers-mobile-teams");

  const { page } = await app.newPage();
  await consoleLogin(page, "zhanzhang");
  await openFromMenu(page, /^服务队$/, /\/volunteer-teams$/, /志愿服务$/);
  await wait(() => page.getByText("1 条入队申请待审批").count()).toBe(1);
  await page.locator("tbody tr.ant-table-row", { hasText: "理发队" }).click();
  await wait(() => page.getByTestId("team-requests").textContent()).toContain(name);
  await settled(page);
  await app.shot(page, "volunteers-console-team-request");
  await page
    .getByTestId("team-requests")
    .getByRole("button", { name: /同\s*意/ })
    .click();
  await wait(() => page.getByTestId("team-members").textContent()).toContain(name);

  await phone.reload();
  await wait(() => barbers.textContent()).toContain("已加入");
});

test("a merchant confirms on the phone the volunteer service her shop received", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "shanghu");
  // The home's tile appears while there is something to confirm, with the count.
  await phone.getByTestId("entry-volunteerServed").waitFor();
  await wait(() => phone.getByTestId("entry-volunteerServed").textContent()).toMatch(/1/);
  await phone.getByTestId("entry-volunteerServed").click();
  await phone.waitForURL(/\/m\/volunteer-served$/);
  const confirm = phone.locator('[data-testid^="served-confirm-"]').first();
  await confirm.waitFor();
  await app.shot(phone, "volunteers-mobile-served");
  await expectAccessible(phone, "volunteers-mobile-served");
  await confirm.click();
  await wait(() => phone.locator('[data-testid^="served-state-"]').count()).toBeGreaterThan(0);
  await wait(() => phone.locator('[data-testid^="served-confirm-"]').count()).toBe(0);
  await settled(phone);
  await app.shot(phone, "volunteers-mobile-served-confirmed");
});

test("the volunteer figures: charts with their citations, the records behind a figure, the national hours sheet", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "zhanzhang");
  await openFromMenu(page, /^志愿服务统计$/, /\/volunteer-figures/, /志愿服务$/);
  await page.getByTestId("chart-hours-by-team").locator("canvas").waitFor();
  await page.getByTestId("chart-hours-by-month").locator("canvas").waitFor();
  await page.getByTestId("chart-served-by-kind").locator("canvas").waitFor();
  await wait(() => page.getByTestId("honour-roll").locator("tbody tr.ant-table-row").count()).toBeGreaterThan(2);
  await wait(() => page.getByTestId("citation-hours_by_team").textContent()).toMatch(
    /^出处：天源市场党群服务站 · .* 条记录 · 摘要 [0-9a-f]{12}…$/,
  );
  await wait(() => page.getByTestId("activity-days").textContent()).toContain("16日");
  await settled(page);
  await app.shot(page, "volunteers-console-figures");
  await page.screenshot({ path: join(SCREENSHOTS, "volunteers-console-figures-full.png"), fullPage: true });
  await expectAccessible(page, "volunteers-console-figures");

  // A figure's records: they add up to it, with their own citation.
  await page.getByTestId("drill-served_by_kind").click();
  await wait(() => page.getByTestId("figure-drill-table").locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
  await wait(() => page.getByTestId("figure-drill").textContent()).toContain("出处：");
  await settled(page);
  await app.shot(page, "volunteers-console-figures-drill");
  await page.keyboard.press("Escape");
  await settled(page);

  // The national system's hours sheet (last month's final hours) opens as a workbook.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-button").click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  expect(header).toEqual(expect.arrayContaining(["志愿者姓名", "志愿者编号", "服务日期", "服务时长(小时)", "记录编号"]));
  expect(sheet.rowCount).toBeGreaterThan(1);
  const numbers = header.indexOf("志愿者编号");
  expect(String(sheet.getRow(2).getCell(numbers).value)).toMatch(/^TY-V-\d{4}$/);
});

test("the organiser assigns a member into a free place of a coming activity", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "zhanzhang");
  const today = stationDate(app.now());
  const months = [today.slice(0, 7), stationDate(new Date(app.now().getTime() + 31 * 86_400_000)).slice(0, 7)];
  type Row = { id: number; date: string; status: string; teams: { signedUp: number; places: number }[] };
  const rows: Row[] = [];
  for (const month of months) rows.push(...(await (await page.request.get(`/api/volunteer-occurrences?month=${month}`)).json()));
  const coming = rows.find((o) => o.date > today && o.status === "open" && o.teams.some((x) => x.signedUp < x.places)) as Row;
  expect(coming, "a coming activity with a free place").toBeDefined();
  await page.goto(`/volunteer-activities/${coming.id}`);
  await page.getByTestId("roster-section").waitFor();
  const before = await page.getByTestId("confirmations").locator("tbody tr.ant-table-row").count();
  await page.getByTestId("assign-open").click();
  await page.getByTestId("member-pick").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
  await settled(page);
  await app.shot(page, "volunteers-console-assign");
  await page.getByTestId("member-ok").click();
  await wait(() => page.getByTestId("confirmations").locator("tbody tr.ant-table-row").count()).toBe(before + 1);
  await wait(() => page.getByTestId("confirmations").textContent()).toContain("指派");
  await page.getByTestId("roster-section").scrollIntoViewIfNeeded();
  await settled(page);
  await app.shot(page, "volunteers-console-roster-section");
  await expectAccessible(page, "volunteers-console-roster-section");
});

test("a Party member's volunteer hours show on the branch's member list, from the volunteer service", async () => {
  const page = (await app.newPage()).page;
  await consoleLogin(page, "shuji");
  await page.goto("/party/members");
  await page.locator("tbody tr.ant-table-row").first().waitFor();
  // The first member listed is made the account of a volunteer with final hours (the demo keeps the two apart).
  const name = (await page.locator("tbody tr.ant-table-row td").first().textContent())?.trim() ?? "";
  expect(name.length).toBeGreaterThan(1);
  await app.sql(
    `update members set user_id = (select id from users where username = 'zhiyuanzhe') where name = '${name.replaceAll("'", "''")}'`,
  );
  await page.getByTestId("member-volunteer-hours-open").first().click();
  const hours = page.getByTestId("member-volunteer-hours");
  await hours.waitFor();
  await expect.poll(() => hours.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
  expect(await hours.textContent()).toContain("TY-V-");
  await settled(page);
  await app.shot(page, "volunteers-party-member-hours");
  await expectAccessible(page, "volunteers-party-member-hours");
});
