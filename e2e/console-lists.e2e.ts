// Journey: the district officer, who sees two stations, opens the merchants from the grouped menu, narrows the
// list to one station with the query form (查询/重置), exports it and reads the workbook back, follows the
// breadcrumb of a merchant's page, finds no 待我处理 tab on the problems (read-only); follows a station's figure
// from the home page to the problems and the loans filtered to that station, and queries and resets the problems;
// the platform admin follows a chosen station's meals and bookings of today; every list whose rows have actions
// ends in one 操作 column fixed on the right; the station column reads whole at 1440 px; and the lists and the
// menu read in English without a clipped label.
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { clipped, consoleLogin, journeyApp, openFromMenu, spilling } from "./support.ts";

const app = journeyApp();

const TIANYUAN = "天源市场党群服务站";
const totalShown = async (page: Page) =>
  Number(/(\d+)/.exec((await page.locator(".ant-pagination-total-text").textContent()) ?? "")?.[1] ?? -1);
const headers = (page: Page) => page.locator("thead th").allTextContents();

/** The texts of one column's cells, found by its header. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const titles = await headers(page);
  const index = titles.indexOf(header);
  expect(index, `a column titled ${header} among ${titles.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return page.locator(`tbody tr.ant-table-row > td:nth-child(${index + 1})`).allTextContents();
}

/** Waits until the list shows rows and every one of them, in the column titled `header`, reads `value`. */
async function everyRowReads(page: Page, header: string, value: string) {
  await expect
    .poll(
      async () => {
        const cells = await columnTexts(page, header);
        return cells.length > 0 && cells.every((c) => c === value);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** Where the header titled `title` sits against the table's visible (scrolled) area, and whether its text is cut. */
const headerPlace = (page: Page, title: string) =>
  page.locator("thead th").evaluateAll((ths, wanted) => {
    const th = ths.find((e) => e.textContent === wanted);
    const area = th?.closest(".ant-table-content, .ant-table-container");
    if (!th || !area) return null;
    const a = th.getBoundingClientRect();
    const b = area.getBoundingClientRect();
    return { inside: a.left >= b.left - 0.5 && a.right <= b.right + 0.5, cut: th.scrollWidth > th.clientWidth + 1 };
  }, title);

/** The station filter's chosen station, as the query form shows it. */
const stationChosen = (page: Page) =>
  page.getByTestId("station-filter").locator(".ant-select-content, .ant-select-selection-item").first().textContent();

test("the district officer compares stations on the merchants, exports a station's rows, and finds pages by group", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "district");

  // The menu is grouped; the side menu scrolls on its own while the header stays.
  await expect.poll(() => page.getByRole("menuitem", { name: /基础台账/ }).count()).toBe(1);
  await expect.poll(() => page.getByRole("menuitem", { name: /共建共治/ }).count()).toBe(1);
  await openFromMenu(page, /商户管理/, /\/merchants/, /基础台账/);
  const sider = page.getByTestId("side-menu");
  expect(await sider.evaluate((e) => getComputedStyle(e).overflowY)).toBe("auto");
  expect(await sider.evaluate((e) => getComputedStyle(e).position)).toBe("sticky");

  // A station column, since the district sees more than one station.
  await expect.poll(() => headers(page)).toContain("服务站");
  const all = await totalShown(page);
  expect(all).toBeGreaterThan(0);
  // At 1440 px every column fits beside the menu: the station's header reads whole, in sight without scrolling.
  expect(await headerPlace(page, "服务站")).toEqual({ inside: true, cut: false });
  await app.shot(page, "console-lists-merchants-district");

  // The query form: choose the station and a category, 查询; 重置 clears them.
  await page.getByTestId("station-filter").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: TIANYUAN }).click();
  const answered = page.waitForResponse((r) => r.url().includes("/api/merchants?") && r.url().includes("stationId="));
  await page.getByRole("button", { name: /查\s*询/ }).click();
  await page.waitForURL(/stationId=\d+/);
  const listed = (await (await answered).json()).total as number;
  expect(listed).toBeLessThan(all);
  await expect.poll(() => totalShown(page), { timeout: 10_000 }).toBe(listed);
  await everyRowReads(page, "服务站", TIANYUAN);
  const selected = await totalShown(page);
  expect(selected).toBeGreaterThan(0);
  expect(selected).toBeLessThanOrEqual(all);

  // 导出 writes every row of the selection (all pages) as a workbook that opens.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-button").click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  expect(sheet.rowCount - 1).toBe(selected);
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const stationCol = header.indexOf("服务站");
  expect(stationCol).toBeGreaterThan(0);
  for (let r = 2; r <= sheet.rowCount; r++) expect(String(sheet.getRow(r).getCell(stationCol).value)).toBe(TIANYUAN);
  const mobileCol = header.indexOf("手机号");
  expect(String(sheet.getRow(2).getCell(mobileCol).value)).toMatch(/\*{4}/);
  await app.shot(page, "console-lists-merchants-one-station");

  await page.getByRole("button", { name: /重\s*置/ }).click();
  await page.waitForURL((url) => !url.search.includes("stationId"));
  await expect.poll(() => totalShown(page)).toBe(all);

  // A merchant's page says where it sits.
  await page.locator("tbody tr.ant-table-row td a").first().click();
  await page.waitForURL(/\/merchants\/\d+/);
  const crumbs = page.getByTestId("breadcrumb");
  await expect.poll(() => crumbs.textContent()).toMatch(/首页.*基础台账.*商户管理.*详情/);
  await app.shot(page, "console-lists-breadcrumb");
  await crumbs.getByRole("link", { name: "商户管理" }).click();
  await page.waitForURL(/\/merchants$/);

  // Problems: newest first, no 待我处理 for a read-only account, and the station column.
  await openFromMenu(page, /问题清单/, /\/problems/, /共建共治/);
  await expect.poll(() => page.getByRole("tab").allTextContents(), { timeout: 15_000 }).toContain("全部");
  expect(await page.getByRole("tab", { name: "待我处理" }).count()).toBe(0);
  await expect.poll(() => headers(page)).toContain("服务站");
  // The header is drawn before the rows arrive: wait for the rows, not just the table.
  await expect.poll(() => page.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await headerPlace(page, "服务站")).toEqual({ inside: true, cut: false });
  await app.shot(page, "console-lists-problems-district");
});

test("the district officer follows a station's figure on the home page to its problems and loans, and queries and resets the problems", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "district");
  await page.waitForURL((url) => url.pathname === "/");
  const row = page.getByTestId("workbench-stations").locator(".ant-table-row", { hasText: TIANYUAN });
  const figure = row.locator('[data-testid$="-newProblems"]');
  await figure.waitFor({ timeout: 15_000 });
  const stationId = /station-(\d+)-/.exec((await figure.getAttribute("data-testid")) ?? "")?.[1];
  const fresh = Number(await figure.textContent());
  expect(fresh).toBeGreaterThan(0);

  // The figure opens the problems of that station only: every row says so, and so does the query form.
  await figure.click();
  await page.waitForURL(new RegExp(`/problems\\?status=submitted&stationId=${stationId}$`));
  await expect.poll(() => totalShown(page), { timeout: 15_000 }).toBe(fresh);
  await expect.poll(() => page.locator("tbody tr.ant-table-row").count()).toBe(Math.min(fresh, 20));
  await everyRowReads(page, "服务站", TIANYUAN);
  expect(await columnTexts(page, "状态")).toEqual(Array(Math.min(fresh, 20)).fill("待受理"));
  expect(await stationChosen(page)).toBe(TIANYUAN);
  // The status the figure chose shows in the query form (its options open in a pop-up outside the form).
  expect(await page.getByTestId("query-form").textContent()).toContain("待受理");
  await app.shot(page, "console-lists-problems-from-home");

  // 重置 clears every filter the form holds (status, station): all the district's problems again.
  await page.getByRole("button", { name: /重\s*置/ }).click();
  await page.waitForURL((url) => url.pathname === "/problems" && url.search === "");
  await expect.poll(() => totalShown(page), { timeout: 15_000 }).toBeGreaterThan(fresh);
  const all = await totalShown(page);
  expect(await stationChosen(page)).not.toBe(TIANYUAN);

  // Choosing filters changes nothing until 查询; 查询 applies them together and keeps them in the address.
  await page.getByRole("combobox", { name: "来源" }).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "商户反映" }).click();
  await page.getByTestId("station-filter").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: TIANYUAN }).click();
  expect(new URL(page.url()).search).toBe("");
  await page.getByRole("button", { name: /查\s*询/ }).click();
  await page.waitForURL(new RegExp(`source=merchant.*stationId=${stationId}|stationId=${stationId}.*source=merchant`));
  await expect.poll(() => totalShown(page), { timeout: 15_000 }).toBeLessThan(all);
  await everyRowReads(page, "来源", "商户反映");
  await everyRowReads(page, "服务站", TIANYUAN);
  await app.shot(page, "console-lists-problems-query");
  await page.getByRole("button", { name: /重\s*置/ }).click();
  await page.waitForURL((url) => url.pathname === "/problems" && url.search === "");
  await expect.poll(() => totalShown(page), { timeout: 15_000 }).toBe(all);

  // The station's overdue loans open the loans of that station only.
  await page.goto("/");
  const loans = page.getByTestId(`station-${stationId}-overdueLoans`);
  await loans.waitFor({ timeout: 15_000 });
  const overdue = Number(await loans.textContent());
  await loans.click();
  await page.waitForURL(new RegExp(`/services/lending\\?tab=loans&view=overdue&stationId=${stationId}$`));
  await expect.poll(() => stationChosen(page), { timeout: 15_000 }).toBe(TIANYUAN);
  await expect.poll(() => totalShown(page), { timeout: 15_000 }).toBe(overdue);
  if (overdue > 0) await everyRowReads(page, "服务站", TIANYUAN);
  await app.shot(page, "console-lists-loans-from-home");
});

test("the platform admin's figures of a chosen station open that station's meals and bookings of today", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "admin");
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByTestId("home-station").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: TIANYUAN }).click();
  await page.waitForURL(/\/\?stationId=\d+$/);
  const stationId = new URL(page.url()).searchParams.get("stationId");

  const meals = page.getByTestId("figure-mealsUndelivered");
  await meals.waitFor({ timeout: 15_000 });
  const answered = page.waitForResponse((r) => r.url().includes("/api/caring/meals/day?") && r.url().includes(`stationId=${stationId}`));
  await meals.click();
  await page.waitForURL(new RegExp(`/caring/meals\\?stationId=${stationId}$`));
  const day = (await (await answered).json()) as { items: { stationId: number }[] };
  expect(day.items.every((i) => i.stationId === Number(stationId))).toBe(true);
  await expect.poll(() => stationChosen(page), { timeout: 15_000 }).toBe(TIANYUAN);
  if (day.items.length > 0) await everyRowReads(page, "服务站", TIANYUAN);
  await app.shot(page, "console-lists-meals-from-home");

  await page.goBack();
  await page.waitForURL(/\/\?stationId=\d+$/);
  const bookings = page.getByTestId("figure-bookingsToday");
  await bookings.waitFor({ timeout: 15_000 });
  const booked = Number(await page.getByTestId("figure-bookingsToday-value").textContent());
  await bookings.click();
  await page.waitForURL(new RegExp(`/services/requests\\?status=booked&from=[\\d-]+&to=[\\d-]+&stationId=${stationId}$`));
  await expect.poll(() => stationChosen(page), { timeout: 15_000 }).toBe(TIANYUAN);
  await expect.poll(() => totalShown(page), { timeout: 15_000 }).toBe(booked);
  if (booked > 0) await everyRowReads(page, "服务站", TIANYUAN);
  await app.shot(page, "console-lists-bookings-from-home");
});

test("every list whose rows have actions ends in one 操作 column, fixed on the right, of link buttons", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "admin");
  for (const path of [
    "/users",
    "/alliance-units",
    "/services/catalogue",
    "/services/lending?tab=loans",
    "/caring/cards",
    "/needs",
    "/party/members",
  ]) {
    await page.goto(path);
    await expect.poll(() => page.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const last = page.locator("thead th").last();
    expect(await last.textContent(), path).toBe("操作");
    expect(await last.getAttribute("class"), path).toMatch(/ant-table-cell-fix-(end|right)/);
    expect(await headers(page).then((all) => all.filter((h) => h === "操作").length), path).toBe(1);
    const actions = page.locator("tbody tr.ant-table-row > td:last-child .ant-btn");
    await expect.poll(() => actions.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await actions.evaluateAll((buttons) => buttons.filter((b) => !b.classList.contains("ant-btn-link")).length), path).toBe(0);
  }
  await app.shot(page, "console-lists-actions-members");
});

test("in English the lists and the menu show every label whole (or with its tooltip)", async () => {
  const { page } = await app.newPage({ locale: "en" });
  await consoleLogin(page, "admin");
  await page.getByText("EN", { exact: true }).click();
  await openFromMenu(page, /^Merchants$/, /\/merchants/, /Registers/);
  await expect.poll(() => headers(page), { timeout: 15_000 }).toContain("Party member");
  // Open every group so that all entries are measured.
  for (const group of await page.locator("[role=menuitem][aria-expanded]").all()) {
    if ((await group.getAttribute("aria-expanded")) !== "true") await group.click();
  }
  await page.waitForTimeout(400);
  expect(await clipped(page, "thead th")).toEqual([]);
  expect(await clipped(page, ".ant-menu-title-content")).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.shot(page, "console-lists-merchants-en");

  await openFromMenu(page, /^Alliance units$/, /\/alliance-units/, /Registers/);
  // The page comes in after the address: wait for its own header, not the merchants' rows still on screen.
  await expect.poll(() => headers(page), { timeout: 15_000 }).toContain("Contact mobile");
  await expect.poll(() => page.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await clipped(page, "thead th")).toEqual([]);
  expect(await clipped(page, "tbody td")).toEqual([]);
  expect(await spilling(page)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.shot(page, "console-lists-units-en");

  // The problems and the accounts: every header whole, the actions on one line or wrapped, never cut.
  await openFromMenu(page, /^Problems$/, /\/problems/, /Co-governance/);
  await expect.poll(() => headers(page), { timeout: 15_000 }).toContain("Assigned unit");
  await expect.poll(() => page.locator("tbody tr.ant-table-row td a[href^='/problems/']").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await clipped(page, "thead th")).toEqual([]);
  expect(await headerPlace(page, "Station")).toEqual({ inside: true, cut: false });
  expect(await spilling(page)).toEqual([]);
  // An overdue problem's row is as tall as the others (its due date and "Overdue" on one line).
  await expect.poll(() => page.locator("tbody tr.ant-table-row [data-testid='overdue']").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const heights = await page.locator("tbody tr.ant-table-row").evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(4);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.shot(page, "console-lists-problems-en");
  await openFromMenu(page, /^Accounts$/, /\/users/, /Settings/);
  await expect.poll(() => headers(page), { timeout: 15_000 }).toContain("Username");
  await expect.poll(() => page.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await clipped(page, "thead th")).toEqual([]);
  expect(await clipped(page, "tbody td:last-child")).toEqual([]);
  expect(await spilling(page)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.shot(page, "console-lists-users-en");
});
