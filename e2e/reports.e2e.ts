// Journey: station staff start the yearly acceptance report, read the draft (figures as tags with their values),
// edit a sentence (an edit that drops a figure is refused on the spot), generate version 1 and download it (the
// Word document opens, with its four sections and the edited sentence), a record changes (a service item is taken
// off the catalogue through the API), and version 2 shows the change against version 1.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { CSRF_COOKIE, CSRF_HEADER } from "../contracts/cookies.ts";
import { docxText } from "../server/modules/reports/docx-text.ts";
import { consoleLogin, expectAccessible, journeyApp, openFromMenu, SCREENSHOTS } from "./support.ts";

const app = journeyApp();
const T = { timeout: 15_000 };

const patch = async (page: Page, url: string, data: unknown) => {
  const csrf = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? "";
  return page.request.patch(url, { data: data as object, headers: { [CSRF_HEADER]: csrf } });
};

test("staff generate the acceptance report, edit a sentence, download it and see a changed record in the next version", async () => {
  const { page } = await app.newPage();
  await consoleLogin(page, "staff");
  await openFromMenu(page, /报告生成/, /\/reports$/);
  await expect.poll(() => page.locator(".ant-empty-description, tbody tr.ant-table-row").count(), T).toBeGreaterThan(0);
  await app.shot(page, "reports-list-empty");
  await expectAccessible(page, "reports-list");

  // A new report: the acceptance report of the station for this year.
  await page.getByTestId("new-report").click();
  await expect.poll(() => page.locator(".ant-modal").textContent(), T).toContain("红色堡垒");
  await app.shot(page, "reports-new");
  await page.getByRole("button", { name: /创建草稿/ }).click();
  await page.waitForURL(/\/reports\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  await expect.poll(() => page.getByTestId("report-title").textContent(), T).toContain("验收交流会上的汇报提纲");
  for (const h of ["一、破壁垒促联合，建强“红色堡垒”", "四、挖潜力树特色，绘就“红色名片”"])
    await expect.poll(() => page.getByText(h).count(), T).toBe(1);
  // The service items are a figure the dictionary has: a tag with its value, not editable text.
  const itemsTag = page.locator('[data-testid="paragraph-p2.3"] [data-figure="counter.service_items"]');
  await expect.poll(() => itemsTag.getAttribute("data-missing"), T).toBe("false");
  const itemsBefore = (await itemsTag.textContent()) ?? "";
  expect(itemsBefore).toMatch(/^\d+项$/);
  await app.shot(page, "reports-draft");
  await expectAccessible(page, "reports-draft");

  // Editing: dropping the figure is refused before saving; changing the words is kept.
  await page.getByTestId("edit-p2.3").click();
  const box = page.getByTestId("text-p2.3");
  const original = await box.inputValue();
  await box.fill(original.replace("{counter.service_items}", "32项"));
  await expect.poll(() => page.getByTestId("paragraph-p2.3").textContent(), T).toContain("缺少指标 {counter.service_items}");
  await expect.poll(() => page.getByTestId("save-p2.3").isDisabled(), T).toBe(true);
  await app.shot(page, "reports-edit-refused");
  await box.fill(original.replace("二是服务关口前移。", "二是服务关口前移，服务送到商户门口。"));
  await page.getByTestId("save-p2.3").click();
  await expect.poll(() => page.getByTestId("paragraph-p2.3").textContent(), T).toContain("服务送到商户门口");
  await expect.poll(() => page.getByTestId("paragraph-p2.3").textContent(), T).toContain("已修改");

  // Generate version 1 (confirmed), then download it: the document opens and reads as the draft.
  await page.getByTestId("generate").click();
  await page.getByRole("button", { name: /^生\s*成$/ }).click();
  await expect.poll(() => page.getByTestId("versions-table").textContent(), { timeout: 30_000 }).toContain("v1");
  const download = page.waitForEvent("download");
  await page.getByTestId("download-1").click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const bytes = readFileSync(file);
  writeFileSync(join(SCREENSHOTS, "reports-acceptance-v1.docx"), bytes);
  const doc = await docxText(bytes);
  for (const h of [
    "一、破壁垒促联合，建强“红色堡垒”",
    "二、强谋划整资源，打造“红色阵地”",
    "三、创载体建平台，激发“红色动能”",
    "四、挖潜力树特色，绘就“红色名片”",
  ])
    expect(doc.body).toContain(h);
  expect(doc.body.some((p) => p.includes("服务送到商户门口") && p.includes(itemsBefore))).toBe(true);
  expect(doc.footnotes.some((n) => n.includes("指标 counter.service_items"))).toBe(true);
  expect(doc.media.length).toBeGreaterThan(0);

  // A record changes: a service item is taken off the catalogue (through the API, as the counter's page would).
  const items = (await (await page.request.get("/api/services/items?pageSize=200")).json()) as {
    items: { id: number; active: boolean; version: number }[];
  };
  const item = items.items.find((i) => i.active);
  expect(item).toBeDefined();
  const off = await patch(page, `/api/services/items/${item?.id}`, { active: false, version: item?.version });
  expect(off.status()).toBe(200);

  // Version 2 shows the change: the figure's value moved, the edited sentence is the same in both.
  await page.reload();
  await expect.poll(() => itemsTag.textContent(), T).not.toBe(itemsBefore);
  await page.getByTestId("generate").click();
  await page.getByRole("button", { name: /^生\s*成$/ }).click();
  await expect.poll(() => page.getByTestId("versions-table").textContent(), { timeout: 30_000 }).toContain("v2");
  await expect.poll(() => page.getByTestId("diff").textContent(), { timeout: 15_000 }).toContain("counter.service_items");
  await expect.poll(() => page.getByTestId("diff").textContent(), T).toContain("数值变化");
  await expect.poll(() => page.getByTestId("diff").textContent(), T).toContain(itemsBefore);
  await app.shot(page, "reports-versions-diff");
  await expectAccessible(page, "reports-versions");

  // The list shows the report with its two versions.
  await page.goto("/reports");
  await expect.poll(() => page.locator("tbody tr.ant-table-row").first().textContent(), T).toContain("验收汇报");
  await app.shot(page, "reports-list");
  expect(id).toBeGreaterThan(0);
});
