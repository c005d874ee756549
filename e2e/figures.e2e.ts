// Journey: station staff open 指标 from the menu, see the dictionary by the report's four parts with the
// station's values, choose a period (a year), click a figure (the loans' 2.09 M) and see its citation and its
// records, whose count and sum give the value back; then the same page in English, and a drill-down address with
// a scope (`?scope=station:…`) as the district's comparison links to it.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { stationDate } from "../contracts/calendar.ts";
import { consoleLogin, expectAccessible, journeyApp, openFromMenu, SCREENSHOTS, settled } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

/** No menu, drawer or select still opening or closing. */
/** A drawer sits over the viewport: the screenshot is of what the reader sees, not of the page below. */
const viewShot = async (page: Page, name: string) => {
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
};

const app = journeyApp();

test("staff open 指标, choose a period, and a figure's records add up to its value", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /(^|\s)指标$/, /\/figures/);
  await staff.getByTestId("figures-part-1").waitFor();
  await staff.getByTestId("figure-link-economy.loans_fen").waitFor();
  await wait(() => staff.getByTestId("figure-link-economy.loans_fen").textContent()).toBe("209 万元");
  await wait(() => staff.getByTestId("figure-link-party.applicants").textContent()).toBe("9 人");
  await settled(staff);
  await app.shot(staff, "figures-console-dictionary");
  await expectAccessible(staff, "figures-console-dictionary");

  // A year: this year's values, the address keeping the choice.
  const year = stationDate(app.now()).slice(0, 4);
  await staff.getByTestId("figures-period").click();
  await staff
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: `${year}年` })
    .first()
    .click();
  await staff.waitForURL(new RegExp(`period=${year}`));
  await wait(() => staff.getByTestId("figure-link-economy.relief_fen").getAttribute("data-from")).toBe(`${year}-01-01`);

  // The relief paid: its drawer cites it and lists its records, whose sum is the value.
  const value = (await staff.getByTestId("figure-link-economy.relief_fen").textContent()) ?? "";
  await staff.getByTestId("figure-link-economy.relief_fen").click();
  const drawer = staff.getByTestId("figure-drawer");
  await drawer.getByTestId("figure-citation").waitFor();
  await drawer.locator("tbody tr.ant-table-row").first().waitFor();
  const how = (await drawer.getByTestId("figure-how").textContent()) ?? "";
  expect(how).toMatch(/共 \d+ 条记录，金额合计 ¥[\d,.]+ 即为数值/);
  const api = (await (await staff.request.get(`/api/figures/economy.relief_fen/records?period=${year}&pageSize=200`)).json()) as {
    total: number;
    amountSum: number;
    value: { value: number };
    items: { amount: number }[];
  };
  expect(api.amountSum).toBe(api.value.value);
  expect(api.items.reduce((s, r) => s + r.amount, 0)).toBe(api.value.value);
  expect(value).toContain("万元");
  await viewShot(staff, "figures-console-drawer");
  await staff.keyboard.press("Escape");

  // Search narrows the dictionary.
  await staff.getByTestId("figures-search").locator("input").fill("夜市");
  await staff.getByTestId("figures-search").locator("input").press("Enter");
  await staff.waitForURL(/q=/);
  await wait(() => staff.getByTestId("figures-part-1").count()).toBe(0);
  await staff.getByTestId("figure-link-night_market.jobs").waitFor();

  // In English, with the scope in the address (the district's drill-down).
  const stationId = (await (await staff.request.get("/api/figures/counter.service_items")).json()).citation.scope.split(":")[1];
  const en = (await app.newPage()).page;
  await consoleLogin(en, "staff");
  await en.goto(`/figures?scope=station:${stationId}`);
  await en.getByText("EN", { exact: true }).click();
  await wait(() => en.getByRole("heading", { name: "Figures" }).count()).toBe(1);
  await wait(() => en.getByTestId("figure-link-economy.loans_fen").textContent()).toBe("¥2.09 M");
  await settled(en);
  await app.shot(en, "figures-console-dictionary-en");
  await en.getByTestId("figure-link-night_market.visitors_per_night").click();
  const enDrawer = en.getByTestId("figure-drawer");
  await enDrawer.locator("tbody tr.ant-table-row").first().waitFor();
  await wait(() => enDrawer.getByTestId("figure-how").textContent()).toMatch(/records adding up to .*their average is the value/);
  await viewShot(en, "figures-console-drawer-en");
});
