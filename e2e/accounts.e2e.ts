// Journey: the station's head (站长) opens 系统设置 › 账号管理, adds an account for a new member of staff, who signs
// in with the initial password; a too-short new password is refused by name; the head resets the password (the
// old one no longer opens the console, the new one does), then disables the account: the open session ends and
// signing in says the account is disabled. Each step leaves its audit entry.
import { expect, test } from "vitest";
import { consoleLogin, journeyApp, openFromMenu, settled } from "./support.ts";

const app = journeyApp();
const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const FIRST = "Tianyuan#2026a";
const SECOND = "Karamay@2026b";

async function signIn(page: import("playwright-core").Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByPlaceholder("请输入用户名或手机号").fill(username);
  await page.getByPlaceholder("请输入密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
}

test("the station head adds a staff account, resets its password and disables it; the session ends", async () => {
  const head = (await app.newPage()).page;
  await consoleLogin(head, "zhanzhang");
  await openFromMenu(head, "账号管理", /\/users/, "系统设置");
  await head.getByRole("button", { name: /新增账号/ }).click();
  const drawer = head.locator(".ant-drawer");
  await drawer.locator("#username").fill("xiaochen");
  await drawer.locator("#password").fill("short");
  await drawer.locator("#displayName").fill("工作人员 陈晓");
  await drawer.locator("#mobile").fill("13899990123");
  await drawer.locator("#role").click();
  await head.locator(".ant-select-dropdown:visible").getByText("站点工作人员", { exact: true }).click();
  await drawer.getByRole("button", { name: /保\s*存/ }).click();
  // The password's rule is said at its field, and nothing is created.
  await wait(() => drawer.locator(".ant-form-item-has-error").count()).toBeGreaterThan(0);
  expect(await drawer.locator(".ant-form-item-has-error").first().textContent()).toContain("初始密码");
  await drawer.locator("#password").fill(FIRST);
  await drawer.getByRole("button", { name: /保\s*存/ }).click();
  await wait(() => head.locator(".ant-drawer-open").count()).toBe(0);
  await head.getByTestId("user-search").fill("xiaochen");
  await head.getByTestId("user-search").press("Enter");
  const row = head.locator("tbody tr.ant-table-row", { hasText: "xiaochen" });
  await wait(() => row.count()).toBe(1);
  expect(await row.textContent()).toContain("站点工作人员");
  // The mobile is masked in the list.
  expect(await row.textContent()).toMatch(/138\*{4}0123/);
  // The pointer left over the header's account menu after 保存 would hold it open in the picture.
  await head.mouse.move(600, 600);
  await settled(head);
  await app.shot(head, "accounts-console-created");

  // The new account signs in with the initial password.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "xiaochen", FIRST);
  await wait(() => staff.locator("header").textContent()).toContain("陈晓");

  // The head resets the password: the old one is refused, the new one opens the console.
  await row.getByRole("button", { name: "重置密码" }).click();
  const modal = head.locator(".ant-modal");
  await modal.locator("#password").fill(SECOND);
  await modal.getByRole("button", { name: /确\s*定|OK/ }).click();
  await wait(() => head.locator(".ant-message").textContent()).toContain("已重置“工作人员 陈晓”的密码");
  const other = (await app.newPage()).page;
  await signIn(other, "xiaochen", FIRST);
  await wait(() => other.locator(".ant-alert, .ant-message").first().textContent()).toContain("用户名或密码错误");
  await consoleLogin(other, "xiaochen", SECOND);
  // The reset ended the session opened with the old password.
  await staff.reload();
  await staff.waitForURL(/\/login/);

  // Disabled: asked first; then the open sessions end and signing in says why.
  await row.getByRole("button", { name: /停\s*用/ }).click();
  await head.locator(".ant-modal-confirm").getByText("停用后该账号立即无法登录").waitFor();
  await head
    .locator(".ant-modal-confirm")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
  await wait(() => row.textContent()).toContain("已停用");
  await other.reload();
  await other.waitForURL(/\/login/);
  await signIn(other, "xiaochen", SECOND);
  await wait(() => other.locator(".ant-alert, .ant-message").first().textContent()).toContain("账号已停用");

  // The audit trail has the three steps.
  const audit = await head.evaluate(async () => (await fetch("/api/audit?objectType=user&pageSize=50")).json());
  const actions = (audit.items as { action: string; after?: { username?: string } | null }[]).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(["user.created", "user.password_reset", "user.disabled"]));
});
