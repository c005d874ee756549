// Journey: the district officer, who sees two stations, opens the merchants from the grouped menu, narrows the
// list to one station with the query form (查询/重置), exports it and reads the workbook back, follows the
// breadcrumb of a merchant's page, finds no 待我处理 tab on the problems (read-only), and reads the lists and
// the menu in English without a clipped label.
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { consoleLogin, openFromMenu, type Running, start } from "./support.ts";

let app: Running;
beforeAll(async () => {
  app = await start();
});
afterAll(async () => {
  await app?.stop();
});

const TIANYUAN = "天源市场党群服务站";
const totalShown = async (page: Page) =>
  Number(/(\d+)/.exec((await page.locator(".ant-pagination-total-text").textContent()) ?? "")?.[1] ?? -1);
const headers = (page: Page) => page.locator("thead th").allTextContents();

/** Texts in the page that are cut without an ellipsis's tooltip (a title attribute). */
const clipped = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
      .filter((e) => !(e.getAttribute("title") || e.closest("[title]")))
      .map((e) => e.textContent ?? ""),
  );

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
  await expect
    .poll(async () => {
      const cells = await page.locator("tbody tr.ant-table-row td:last-child").allTextContents();
      return cells.length > 0 && cells.every((c) => c === TIANYUAN);
    })
    .toBe(true);
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
  await app.shot(page, "console-lists-problems-district");
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
  await app.shot(page, "console-lists-merchants-en");

  await openFromMenu(page, /^Alliance units$/, /\/alliance-units/, /Registers/);
  await expect.poll(() => page.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await clipped(page, "thead th")).toEqual([]);
  expect(await clipped(page, "tbody td")).toEqual([]);
  await app.shot(page, "console-lists-units-en");
});
