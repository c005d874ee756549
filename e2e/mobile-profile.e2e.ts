// Journey: a volunteer signs in on the phone, sees their profile, switches on elderly mode and signs out.
import { expect, test } from "vitest";
import { DEMO_PASSWORD, expectAccessible, journeyApp } from "./support.ts";

const app = journeyApp();

test("volunteer profile, elderly mode, sign-out", async () => {
  const { page } = await app.newPage({ mobile: true });
  await page.goto("/m/");
  await page.waitForURL(/\/m\/login$/);
  await page.getByPlaceholder("请输入密码").waitFor();
  await expectAccessible(page, "mobile-login");
  await page.getByPlaceholder("请输入用户名或手机号").fill("zhiyuanzhe");
  await page.getByPlaceholder("请输入密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect.poll(() => page.getByTestId("profile-name").textContent()).toContain("努尔古丽");
  await expect.poll(() => page.getByText("天源市场党群服务站").first().isVisible()).toBe(true);
  await expectAccessible(page, "mobile-profile");

  await page.getByRole("switch").click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dd-elderly"))).toBe(true);
  await app.shot(page, "mobile-profile-elderly");
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dd-elderly"))).toBe(true);

  await page.getByRole("button", { name: "退出登录" }).click();
  // The confirmation opens as a dialog over the page; its own button confirms (the page's button sits under the mask).
  await page.getByRole("dialog").getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/m\/login$/);
});

test("a merchant signs in on the phone and sees their own shop", async () => {
  const { page } = await app.newPage({ mobile: true });
  await page.goto("/m/login");
  await page.getByPlaceholder("请输入用户名或手机号").fill("shanghu");
  await page.getByPlaceholder("请输入密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect.poll(() => page.getByText("统一社会信用代码").first().isVisible()).toBe(true);
  await app.shot(page, "mobile-merchant-profile");
  await expect.poll(() => page.getByText(/1\d{2}\*{4}\d{4}/).count()).toBeGreaterThan(0);
});
