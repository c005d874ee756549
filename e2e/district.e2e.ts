// Journey: the district officer (`district`) opens 站点对比, sees the stations side by side on the dictionary's
// figures with their red/yellow/green legend and "n of m stations reporting", sorts by a figure, picks another one
// and drills into a station (its row detail, and the link to its figures page); then in 组织架构 adds a street, a
// community and a station under the district, sees the new station's onboarding checklist (nothing done yet) and
// finds it in the comparison as not reporting.
import { expect, test } from "vitest";
import { consoleLogin, expectAccessible, journeyApp, openFromMenu, settled } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const app = journeyApp();

test("a district officer compares stations, sorts, drills into one, adds a station and sees its checklist", async () => {
  const { page } = await app.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await consoleLogin(page, "district");
  await openFromMenu(page, "站点对比", /\/district/);
  const table = page.getByTestId("compare-table");
  await table.locator("tbody tr.ant-table-row").first().waitFor();
  await wait(() => table.locator("tbody tr.ant-table-row").count()).toBeGreaterThanOrEqual(2);
  await page.getByTestId("rag-legend").waitFor();
  await wait(() => page.getByTestId("reporting").textContent()).toMatch(/\d+ \/ \d+ 个站点报送/);
  await page.getByTestId("compare-chart").waitFor();
  // The menu of the district's sections in place (the picture once showed it half drawn).
  await page.locator(".ant-menu-item-selected", { hasText: "站点对比" }).waitFor();
  await settled(page);
  await app.shot(page, "district-compare");
  await expectAccessible(page, "district-compare");

  // Sort by another figure's column (the chosen figure's is sorted already): ascending, then descending.
  const header = table.locator("thead th.ant-table-column-has-sorters").nth(1);
  await header.click();
  await wait(() => page.url()).toMatch(/sort=[a-z_]+\.[a-z0-9_]+.*order=asc/);
  // The table shows the order the address now holds before the next click turns it.
  await header.locator(".ant-table-column-sorter-up.active").waitFor();
  await header.click();
  await wait(() => page.url()).toMatch(/order=desc/);

  // Another figure from the chooser (grouped by the report's parts).
  await page.getByTestId("figure-select").click();
  const dropdown = page.locator(".ant-select-dropdown:visible");
  const options = dropdown.locator(".ant-select-item-option");
  await wait(() => options.count()).toBeGreaterThan(1);
  // The list has finished sliding open before an option is chosen, and the one chosen is not the current one.
  await wait(() => dropdown.evaluate((e) => e.className.includes("slide"))).toBe(false);
  await dropdown.locator(".ant-select-item-option:not(.ant-select-item-option-selected)").first().click();
  await wait(() => page.url()).toMatch(/figure=/);

  // Drill into 天源: the row detail lists its figures and links to the station's figures page.
  await table.getByText("天源市场党群服务站").click();
  const detail = page.getByTestId("station-detail");
  await detail.waitFor();
  await wait(() => detail.locator("tbody tr").count()).toBeGreaterThan(0);
  // The drawer has finished sliding in before the picture.
  await wait(() => page.locator(".ant-drawer-content-wrapper").evaluate((e) => e.className.includes("motion"))).toBe(false);
  await app.shot(page, "district-station-detail");
  const link = page.getByTestId("open-station-figures");
  expect(await link.getAttribute("href")).toMatch(/^\/figures\?scope=station:\d+&period=/);
  await page.keyboard.press("Escape");

  // 组织架构: add a street, a community under it and a station under that.
  await openFromMenu(page, "组织架构", /\/org/);
  await page.getByTestId("org-tree").waitFor();
  await page.getByTestId("org-add-street").click();
  const fill = async (name: string, code: string, address?: string, refused = false) => {
    const form = page.getByTestId("org-form");
    await form.getByLabel("名称").fill(name);
    await form.getByLabel("编码").fill(code);
    if (address) await form.getByLabel("地址").fill(address);
    await page.getByTestId("org-save").click();
    const confirm = page.locator(".ant-modal-confirm");
    await confirm.waitFor();
    // The dialog has finished zooming in before its button is pressed.
    await wait(() => confirm.evaluate((e) => e.className.includes("zoom"))).toBe(false);
    await confirm.getByRole("button", { name: /保\s*存/ }).click();
    await confirm.waitFor({ state: "detached" });
    if (!refused) await page.getByTestId("org-form").waitFor({ state: "detached" });
  };
  // A code already used is refused on its field.
  await fill("重复编码街道", "650203-01", undefined, true);
  await wait(() => page.getByTestId("org-form").textContent()).toContain("已被使用");
  await app.shot(page, "district-org-duplicate");
  await fill("胜利路街道", "650203-02");
  await wait(() => page.getByTestId("org-detail").textContent()).toContain("胜利路街道");
  await page.getByTestId("org-add-community").click();
  await fill("胜利社区", "650203-02-01");
  await wait(() => page.getByTestId("org-detail").textContent()).toContain("胜利社区");
  await page.getByTestId("org-add-station").click();
  await fill("胜利市场党群服务站", "650203-02-01-S1", "克拉玛依区胜利路 8 号");
  await wait(() => page.getByTestId("org-detail").textContent()).toContain("胜利市场党群服务站");
  const checklist = page.getByTestId("station-onboarding");
  await checklist.getByTestId("onboarding-list").waitFor();
  await wait(() => checklist.locator('[data-done="false"]').count()).toBe(4);
  await app.shot(page, "district-org-new-station");
  await expectAccessible(page, "district-org");

  // The comparison lists the new station, not reporting, with its checklist at 0/4.
  await openFromMenu(page, "站点对比", /\/district/);
  const row = table.locator("tbody tr.ant-table-row", { hasText: "胜利市场党群服务站" });
  await row.waitFor();
  await wait(() => row.getByTestId("not-reporting").count()).toBeGreaterThan(0);
  await wait(() => row.locator('[data-testid^="onboarding-"]').textContent()).toBe("0/4");
  await app.shot(page, "district-compare-new-station");

  // The same page in English.
  await page.getByText("EN", { exact: true }).click();
  await wait(() => page.getByTestId("reporting").textContent()).toMatch(/of \d+ stations reporting/);
  // The texts came in with a re-render: the chart's bars grow again and the table fades back in.
  await page.locator(".ant-table-wrapper .ant-spin-blur").waitFor({ state: "detached" });
  await page.waitForTimeout(1_500);
  await app.shot(page, "district-compare-en");
});
