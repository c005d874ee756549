// Journey: staff schedule a joint meeting inviting two units, a unit's contact checks in by the QR code on a
// phone (signing in first), staff hold it with minutes and add two resolutions owned by the two units; each
// unit's user marks theirs done, and the action items list shows both done.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { consoleLogin, DEMO_PASSWORD, expectAccessible, journeyApp, openFromMenu } from "./support.ts";

const PROPERTY = "克拉玛依天源物业服务有限公司";
const MARKET_REGULATION = "区市场监督管理局";
const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const app = journeyApp();

async function pickOption(page: Page, select: string, typed: string, option: string) {
  await page.locator(select).click();
  await page.keyboard.type(typed);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first().click();
}

async function markDone(username: string, text: string, note: string) {
  const page = (await app.newPage()).page;
  await consoleLogin(page, username);
  await openFromMenu(page, /决议事项/, /\/action-items/, /共建共治/);
  const row = page.locator("tbody tr.ant-table-row", { hasText: text });
  await wait(() => row.count()).toBe(1);
  await row.getByTestId("action-item-done").click();
  await page.getByTestId("action-item-note").fill(note);
  await page.getByTestId("action-item-ok").click();
  await wait(() => row.textContent()).toContain("已完成");
  await app.shot(page, `console-action-items-${username}`);
}

test("a joint meeting is held and its two resolutions are followed to done", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /^会议$/, /\/meetings$/, /共建共治/);
  // The page comes in lazily after the address: wait for it, so the check below reads the meetings, not the home page.
  await staff.getByTestId("meeting-create").waitFor();
  await app.shot(staff, "console-meetings");
  await expectAccessible(staff, "console-meetings");

  // Schedule it for a few minutes from now, so the QR check-in is open today.
  const title = `E2E 联席会议 ${Date.now() % 100000}`;
  await staff.getByTestId("meeting-create").click();
  await staff.locator(".ant-drawer input#title").fill(title);
  await staff.locator(".ant-drawer input#startsAt").click();
  // Typed as the browser reads it: the station's clock (Asia/Shanghai), not this process's.
  const startsAt = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(
    new Date(app.now().getTime() + 10 * 60_000),
  );
  await staff.locator(".ant-drawer input#startsAt").fill(startsAt);
  await staff.keyboard.press("Enter");
  await staff.locator(".ant-drawer input#place").click();
  await staff.locator(".ant-drawer input#place").fill("天源市场党群服务站会议室");
  await pickOption(staff, ".ant-drawer [data-testid=meeting-units]", "天源物业", PROPERTY);
  await pickOption(staff, ".ant-drawer [data-testid=meeting-units]", "市场监督", MARKET_REGULATION);
  await staff.keyboard.press("Escape");
  await app.shot(staff, "console-meeting-schedule");
  await staff.getByTestId("meeting-save").click();
  await staff.waitForURL(/\/meetings\/\d+$/);
  const id = Number(new URL(staff.url()).pathname.split("/").pop());
  await wait(() => staff.getByTestId("meeting-title").textContent()).toBe(title);

  // QR check-in: the property company's contact opens the code's link on a phone, signs in, and is recorded.
  await staff.getByTestId("meeting-checkin").click();
  await staff.getByTestId("checkin-qr").locator("svg").waitFor();
  const code = (await (await staff.request.get(`/api/meetings/${id}/checkin-code`)).json()) as { token: string };
  const phone = (await app.newPage({ mobile: true })).page;
  await phone.goto(`/m/checkin?token=${encodeURIComponent(code.token)}`);
  await phone.waitForURL(/\/m\/login\?next=/);
  await phone.getByPlaceholder("请输入用户名或手机号").fill("wuye");
  await phone.getByPlaceholder("请输入密码").fill(DEMO_PASSWORD);
  await phone.getByRole("button", { name: /登\s*录/ }).click();
  await wait(() => phone.getByTestId("checkin-result").textContent()).toContain(title);
  await app.shot(phone, "mobile-checkin");
  await expectAccessible(phone, "mobile-checkin");
  await wait(() => staff.getByTestId("checkin-list").textContent()).toContain("陈国强");
  await app.shot(staff, "console-meeting-checkin");
  await staff.keyboard.press("Escape");

  // Hold it with minutes.
  await staff.getByTestId("meeting-minutes-input").fill("会议听取了超期问题办理情况汇报，研究了通道积水和夜市秩序问题，议定两项决议事项。");
  await staff.getByTestId("meeting-hold").click();
  await staff.locator(".ant-modal-confirm .ant-btn-primary").click();
  await wait(() => staff.getByTestId("meeting-minutes").textContent()).toContain("议定两项决议事项");

  // Two resolutions, one per unit.
  const resolutions = [
    { text: `疏通东侧通道排水沟 ${id}`, typed: "天源物业", unit: PROPERTY },
    { text: `开展夜市食品安全检查 ${id}`, typed: "市场监督", unit: MARKET_REGULATION },
  ];
  for (const r of resolutions) {
    await staff.getByTestId("resolution-add").click();
    await staff.getByTestId("resolution-text").fill(r.text);
    await pickOption(staff, ".ant-modal [data-testid=resolution-unit]", r.typed, r.unit);
    await staff.locator(".ant-modal-footer .ant-btn-primary").click();
    await wait(() => staff.locator("tbody tr.ant-table-row", { hasText: r.text }).count()).toBe(1);
  }
  await app.shot(staff, "console-meeting-held");

  await markDone("wuye", resolutions[0].text, "排水沟已疏通，通道无积水。");
  await markDone("scjg", resolutions[1].text, "已完成夜市食品安全专项检查。");

  await staff.goto("/action-items?status=done&pageSize=200");
  for (const r of resolutions) {
    const row = staff.locator("tbody tr.ant-table-row", { hasText: r.text });
    await wait(() => row.textContent()).toContain("已完成");
  }
  await app.shot(staff, "console-action-items");
});
