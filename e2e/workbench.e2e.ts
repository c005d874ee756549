// Journey: each console role signs in and finds its workbench on the home page — what waits for it, each figure a
// link to the records behind it; a resident who opens the console lands on the phone app; the platform admin's
// counter asks for a station; a supermarket's phone shows no meal delivery. No request to /api answers 401 or 404
// on the way, except the one session probe before signing in.
import type { Page } from "playwright-core";
import { afterEach, expect, test } from "vitest";
import { consoleLogin, DEMO_PASSWORD, journeyApp, mobileLogin } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const app = journeyApp();

/** The journey's page, left as a screenshot when the journey fails. */
let current: Page | null = null;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && current)
    await app.shot(current, `FAILED-workbench-${ctx.task.name.slice(0, 24).replace(/\W+/g, "-")}`).catch(() => {});
  current = null;
});

/** Every /api answer of 401 or 404 the page gets, but the session probe's 401 before anyone signed in. */
function watchNoise(page: Page): string[] {
  current = page;
  const noise: string[] = [];
  let signedIn = false;
  page.on("response", (res) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith("/api/")) return;
    if (url.pathname === "/api/auth/login" && res.status() === 200) signedIn = true;
    if (res.status() !== 401 && res.status() !== 404) return;
    if (!signedIn && res.status() === 401 && url.pathname === "/api/auth/me") return;
    noise.push(`${res.status()} ${res.request().method()} ${url.pathname}${url.search}`);
  });
  return noise;
}

test("station staff: today's work on the home page, new problems open the filtered list", async () => {
  const { page } = await app.newPage();
  const noise = watchNoise(page);
  await consoleLogin(page, "staff");
  await page.waitForURL((url) => url.pathname === "/");
  const today = page.getByTestId("workbench-station");
  await wait(() => today.isVisible()).toBe(true);
  for (const key of ["newProblems", "overdueProblems", "queueToday", "bookingsToday", "mealsUndelivered", "overdueLoans"]) {
    await wait(() => page.getByTestId(`figure-${key}`).isVisible()).toBe(true);
  }
  // The registry's counts stay below the workbench.
  await wait(() => page.getByTestId("registry-counts").getByText("商户").first().isVisible()).toBe(true);
  await wait(() => page.locator("canvas").count()).toBeGreaterThan(0);
  await app.shot(page, "workbench-staff");
  expect(noise).toEqual([]);

  const value = Number(await page.getByTestId("figure-newProblems-value").textContent());
  await page.getByTestId("figure-newProblems").click();
  await page.waitForURL(/\/problems\?status=submitted$/);
  await wait(() => page.locator(".ant-table-row").count()).toBe(Math.min(value, 20));
  const statuses = await page.locator(".ant-table-row .ant-tag").allTextContents();
  expect(statuses.length > 0 && statuses.every((s) => s === "待受理")).toBe(true);
  await app.shot(page, "workbench-staff-new-problems");
  expect(noise).toEqual([]);
});

test("branch secretary: development steps and the meetings due this month", async () => {
  const { page } = await app.newPage();
  const noise = watchNoise(page);
  await consoleLogin(page, "shuji");
  await page.waitForURL((url) => url.pathname === "/");
  await wait(() => page.getByTestId("workbench-party").isVisible()).toBe(true);
  await wait(() => page.getByTestId("figure-developmentDueSoon").isVisible()).toBe(true);
  await wait(() => page.getByText("本月应开的会议").isVisible()).toBe(true);
  // A secretary's home has no registry counts.
  expect(await page.getByTestId("registry-counts").count()).toBe(0);
  await app.shot(page, "workbench-shuji");
  expect(noise).toEqual([]);

  await page.getByTestId("figure-developmentOverdue").click();
  await page.waitForURL(/\/party\/development\?overdue=true$/);
  await wait(() => page.getByRole("switch", { checked: true }).count()).toBe(1);
  await app.shot(page, "workbench-shuji-overdue-steps");
  expect(noise).toEqual([]);
});

test("alliance unit: problems assigned to it with due dates, its duty days, and a counter without calling", async () => {
  const { page } = await app.newPage();
  const noise = watchNoise(page);
  await consoleLogin(page, "wuye");
  await page.waitForURL((url) => url.pathname === "/");
  await wait(() => page.getByTestId("workbench-unit").isVisible()).toBe(true);
  await wait(() => page.getByText("交办给本单位的问题（按办理期限）").isVisible()).toBe(true);
  await wait(() => page.getByText("近期坐班").isVisible()).toBe(true);
  expect(await page.getByTestId("registry-counts").count()).toBe(0);
  await app.shot(page, "workbench-wuye");
  expect(noise).toEqual([]);

  await page.getByTestId("figure-assignedProblems").click();
  await page.waitForURL(/\/problems\?tab=mine$/);
  await wait(() => page.getByRole("tab", { name: "待我处理", selected: true }).count()).toBe(1);

  // The counter: a unit follows it but does not call numbers, so no "叫号" button nor instruction.
  await page.goto("/services/counter");
  await wait(() => page.getByTestId("counter-handling").isVisible()).toBe(true);
  expect(await page.getByTestId("call-next").count()).toBe(0);
  expect(await page.getByText("叫号").count()).toBe(0);
  await app.shot(page, "workbench-wuye-counter");
  expect(noise).toEqual([]);
});

test("district officer (English): the stations side by side, a station's figure opens its list", async () => {
  const { page } = await app.newPage({ locale: "en" });
  const noise = watchNoise(page);
  await page.addInitScript(() => localStorage.setItem("dd_lang", "en"));
  await page.goto("/login");
  await page.getByRole("textbox").first().fill("district");
  await page.locator("input[type=password]").fill("Dandelion@2026");
  await page.locator("button[type=submit], button.ant-btn-primary").first().click();
  await page.waitForURL((url) => url.pathname === "/");
  await wait(() => page.getByTestId("workbench-stations").isVisible()).toBe(true);
  await wait(() => page.getByText("Stations side by side").isVisible()).toBe(true);
  const rows = page.getByTestId("workbench-stations").locator(".ant-table-row");
  await wait(() => rows.count()).toBeGreaterThanOrEqual(2);
  await wait(() => page.locator("canvas").count()).toBe(2);
  await app.shot(page, "workbench-district-en");
  expect(noise).toEqual([]);

  const link = page.locator('[data-testid^="station-"][data-testid$="-newProblems"]').first();
  const testId = (await link.getAttribute("data-testid")) ?? "";
  const stationId = /station-(\d+)-/.exec(testId)?.[1];
  await link.click();
  await page.waitForURL(new RegExp(`/problems\\?status=submitted&stationId=${stationId}$`));
  expect(noise).toEqual([]);
});

test("a resident who opens the console lands on the phone app", async () => {
  const { page } = await app.newPage();
  const noise = watchNoise(page);
  // Signed in on the console's login page, the console hands the page over to the phone app at once: wait for the
  // address and its screen, never for a load event (of the console's home or the phone's) that the hand-over aborts.
  await page.goto("/login");
  await page.getByPlaceholder("请输入用户名或手机号").fill("jumin");
  await page.getByPlaceholder("请输入密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  // Polled rather than awaited as a navigation: the console's own step after signing in (to its home or the page
  // asked for) is aborted by the hand-over, and waitForURL reports that abort as a failure.
  const path = () => new URL(page.url()).pathname;
  await wait(path).toBe("/m/");
  await wait(() => page.getByTestId("profile-name").isVisible()).toBe(true);
  await page.goto("/", { waitUntil: "commit" }).catch(() => undefined);
  await wait(path).toBe("/m/");
  await wait(() => page.getByTestId("profile-name").isVisible()).toBe(true);
  await app.shot(page, "workbench-resident-to-phone");
  expect(noise).toEqual([]);
});

test("a supermarket's phone shows redemption but no meal delivery, and asks nothing that 404s", async () => {
  const { page } = await app.newPage({ mobile: true });
  const noise = watchNoise(page);
  await mobileLogin(page, "shanghu");
  await wait(() => page.getByTestId("entry-redeem").isVisible()).toBe(true);
  expect(await page.getByTestId("entry-meals").count()).toBe(0);
  await app.shot(page, "workbench-merchant-phone-entries");
  expect(noise).toEqual([]);
});

test("the platform admin's counter asks for a station and keeps it in the address", async () => {
  const { page } = await app.newPage();
  const noise = watchNoise(page);
  await consoleLogin(page, "admin");
  await page.goto("/services/counter");
  await wait(() => page.getByTestId("counter-pick-station").isVisible()).toBe(true);
  await app.shot(page, "workbench-admin-counter-pick");
  await page.getByTestId("counter-station").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "天源市场党群服务站" }).click();
  await page.waitForURL(/\/services\/counter\?stationId=\d+$/);
  await wait(() => page.getByTestId("call-next").isVisible()).toBe(true);
  await page.reload();
  await wait(() => page.getByTestId("counter-queue").isVisible()).toBe(true);
  await app.shot(page, "workbench-admin-counter");
  expect(noise).toEqual([]);
});
