// Journey: station staff sign in, find a merchant by a Chinese substring, open it, reveal the full mobile
// number (audited), and are refused a field the contract rejects before the server is asked.
import { expect, test } from "vitest";
import { makeCreditCode } from "../demo/identifiers.ts";
import { DEMO_PASSWORD, expectAccessible, journeyApp, openFromMenu } from "./support.ts";

const app = journeyApp();

test("staff find, open and inspect a merchant in Chinese", async () => {
  const { page } = await app.newPage();
  await page.goto("/merchants");
  await page.waitForURL(/\/login\?next=/);
  await page.getByPlaceholder("请输入密码").waitFor();
  await expectAccessible(page, "console-login");
  await page.getByPlaceholder("请输入用户名或手机号").fill("staff");
  await page.getByPlaceholder("请输入密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL(/\/merchants$/);
  await expect.poll(() => page.getByTestId("station-name").textContent()).toContain("天源市场");

  // The search is the query form's first field: Enter applies the form (查询).
  await page.locator("input[data-testid=merchant-search], [data-testid=merchant-search] input").fill("超市");
  await page.keyboard.press("Enter");
  await page.waitForURL(/q=/);
  // The list keeps the previous page on screen while the search runs: wait for the matching rows.
  const names = () => page.locator("tbody tr td:first-child a").allTextContents();
  await expect
    .poll(async () => (await names()).length > 0 && (await names()).every((n) => n.includes("超市")), { timeout: 15_000 })
    .toBe(true);
  await expect.poll(() => page.locator(".ant-pagination-total-text").textContent()).toMatch(/共 \d+ 条/);
  await app.shot(page, "console-merchants-search");
  await expectAccessible(page, "console-merchants-search");

  await page.locator("tbody tr td:first-child a").first().click();
  await page.waitForURL(/\/merchants\/\d+$/);
  const masked = page.locator(".ant-descriptions").getByText(/^1\d{2}\*{4}\d{4}$/);
  await expect.poll(() => masked.count()).toBe(1);
  await page.getByRole("button", { name: /查看完整手机号/ }).click();
  await expect
    .poll(() =>
      page
        .locator(".ant-descriptions")
        .getByText(/^1\d{10}$/)
        .count(),
    )
    .toBe(1);
  await app.shot(page, "console-merchant-detail");

  await page.getByRole("button", { name: /编\s*辑/ }).click();
  await page.locator(".ant-drawer #creditCode").fill("123");
  await page.getByTestId("merchant-save").click();
  await expect.poll(() => page.locator(".ant-drawer .ant-form-item-explain-error").first().textContent()).toContain("统一社会信用代码无效");
  await app.shot(page, "console-merchant-edit-invalid");

  // Fix it: the edit is saved, shown on the detail page, and recorded in the audit log with before and after.
  const fixed = makeCreditCode(987_654);
  await page.locator(".ant-drawer #creditCode").fill(fixed);
  await page.getByTestId("merchant-save").click();
  await expect.poll(() => page.locator(".ant-descriptions").getByText(fixed).count()).toBe(1);

  await openFromMenu(page, /操作日志/, /\/audit/, /系统设置/);
  const firstRow = page.locator("tbody tr.ant-table-row").first();
  await expect.poll(() => firstRow.textContent()).toContain("修改商户");
  await firstRow.locator(".ant-table-row-expand-icon").click();
  await expect.poll(() => page.locator(".ant-table-expanded-row").first().textContent()).toContain(fixed);
  await app.shot(page, "console-audit");
});

test("an alliance contact sees only their sections and a 403 elsewhere", async () => {
  const { page } = await app.newPage();
  await page.goto("/login");
  await page.getByPlaceholder("请输入用户名或手机号").fill("wuye");
  await page.getByPlaceholder("请输入密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/");
  // The menu's groups hold their sections: the unit's are under 共建共治 and 基础台账.
  await expect.poll(() => page.locator("[role=menuitem][aria-expanded]").allTextContents()).toEqual(["共建共治", "站点服务", "基础台账"]);
  for (const group of ["共建共治", "基础台账"]) await page.getByRole("menuitem", { name: group }).click();
  await expect
    .poll(() => page.locator(".ant-menu-item").allTextContents())
    .toEqual(["首页", "问题清单", "需求清单", "服务清单", "项目", "会议", "决议事项", "单位考评", "联盟单位"]);
  await page.goto("/merchants");
  await expect.poll(() => page.locator(".ant-result-title").textContent()).toBe("403");
});
