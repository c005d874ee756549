// Journey: a merchant reports a problem with a photo on /m/ → staff accept it and assign it to the property
// company in the console → the company's contact starts and resolves it → the merchant rates it 5 → it is on
// the public board (no sign-in) and in the unit's scorecard. Neither rating form presets a score.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { UnitScore } from "../contracts/meetings.ts";
import { makePng } from "./png.ts";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin } from "./support.ts";

const UNIT = "克拉玛依天源物业服务有限公司";
/** The server and the browser take a moment after each click; a second is too tight under load. */
const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const app = journeyApp();

async function unitScore(page: Page): Promise<UnitScore> {
  const scores = (await (await page.request.get("/api/scorecard")).json()) as UnitScore[];
  const score = scores.find((s) => s.unitName === UNIT);
  if (!score) throw new Error(`${UNIT} missing from the scorecard`);
  return score;
}

const status = (page: Page) => page.locator(".ant-card").first().locator(".ant-tag").last().textContent();

test("a problem goes from a merchant's phone to the unit and back, then onto the board and the scorecard", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const before = await unitScore(staff);

  // 1. The merchant reports it on the phone, with a photo.
  const merchant = (await app.newPage({ mobile: true })).page;
  await mobileLogin(merchant, "shanghu");
  await merchant.getByTestId("entry-report").click();
  await merchant.waitForURL(/\/m\/report$/);
  await merchant.locator("[data-testid=report-category] .adm-selector-item").first().click();
  const title = `E2E 通道地面积水 ${Date.now() % 100000}`;
  await merchant.locator("[data-testid=report-title] input").fill(title);
  await merchant.locator("[data-testid=report-description] textarea").fill("下雨后摊位前通道积水，顾客进出不便，请尽快处理。");
  await merchant.getByTestId("photo-input").setInputFiles({ name: "water.png", mimeType: "image/png", buffer: makePng(64, 48) });
  await wait(() => merchant.locator(".adm-progress-circle").count()).toBe(0);
  await wait(() => merchant.locator("img[src^='blob:']").count()).toBe(1);
  await app.shot(merchant, "mobile-report");
  await expectAccessible(merchant, "mobile-report");
  await merchant.getByTestId("report-submit").click();
  // Similar open problems at the same stall are shown first; file it anyway.
  const anyway = merchant.getByRole("button", { name: "仍然提交" });
  const done = merchant.getByText("反映已提交");
  await wait(async () => (await anyway.count()) + (await done.count())).toBeGreaterThan(0);
  if (await anyway.count()) {
    await app.shot(merchant, "mobile-report-similar");
    await anyway.click();
  }
  await done.waitFor();
  await merchant.getByRole("button", { name: "查看办理进度" }).click();
  await merchant.waitForURL(/\/m\/problems\/\d+$/);
  const id = Number(new URL(merchant.url()).pathname.split("/").pop());
  await wait(() => merchant.getByTestId("problem-status").textContent()).toBe("待受理");

  // 2. Staff accept it and assign it to the property company; the due date comes from the category.
  await staff.goto(`/problems/${id}`);
  await wait(() => staff.getByTestId("problem-title").textContent()).toBe(title);
  await wait(() => staff.locator(".ant-image img").count()).toBeGreaterThan(0);
  await staff.getByTestId("problem-action-accept").click();
  await wait(() => status(staff)).toBe("已受理");
  await staff.getByTestId("problem-action-assign").click();
  await staff.locator(".ant-modal [data-testid=assign-unit]").click();
  await staff.keyboard.type("天源物业");
  await staff.locator(".ant-select-item-option", { hasText: UNIT }).click();
  await wait(() => staff.locator(".ant-modal .ant-picker input").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await app.shot(staff, "console-problem-assign");
  await staff.getByTestId("problem-action-ok").click();
  await wait(() => status(staff)).toBe("已交办");

  // 3. The property company's contact starts and resolves it with a note.
  const wuye = (await app.newPage()).page;
  await consoleLogin(wuye, "wuye");
  await wuye.goto("/problems?tab=mine");
  await wait(() => wuye.locator("tbody").textContent()).toContain(title);
  await app.shot(wuye, "console-problems-unit");
  await expectAccessible(wuye, "console-problems-unit");
  await wuye.goto(`/problems/${id}`);
  await wuye.getByTestId("problem-action-start").click();
  await wait(() => status(wuye)).toBe("办理中");
  await app.shot(wuye, "console-problem-started");
  await wuye.getByTestId("problem-action-resolve").click();
  await wuye.locator(".ant-modal textarea").first().fill("已疏通排水沟并铺设防滑垫，通道恢复正常。");
  await wuye.getByTestId("problem-action-ok").click();
  await wait(() => status(wuye)).toBe("已办结");
  await app.shot(wuye, "console-problem-resolved");

  // 4. Staff could confirm it on the reporter's behalf: the form presets no rating and refuses to go without one.
  await staff.reload();
  await wait(() => status(staff)).toBe("已办结");
  await staff.getByTestId("problem-action-confirm").click();
  await staff.locator(".ant-modal [data-testid=confirm-rating]").waitFor();
  expect(await staff.locator(".ant-modal .ant-rate-star-full").count()).toBe(0);
  await staff.getByTestId("problem-action-ok").click();
  await wait(() => staff.locator(".ant-modal .ant-form-item-explain-error").textContent()).toBe("请选择评分星级");
  await app.shot(staff, "console-problem-confirm-unrated");
  await staff.locator(".ant-modal .ant-modal-close").click();
  expect(await status(staff)).toBe("已办结");

  // The merchant rates it 5 on the phone: no star is lit until chosen, and the button waits for the choice.
  await merchant.reload();
  await wait(() => merchant.getByTestId("problem-status").textContent()).toBe("已办结");
  expect(await merchant.locator("[data-testid=rate] .adm-rate-star-active").count()).toBe(0);
  expect(await merchant.getByTestId("rate-submit").isDisabled()).toBe(true);
  expect(await merchant.getByTestId("rate-submit").textContent()).toBe("请先点选星级");
  await app.shot(merchant, "mobile-problem-unrated");
  await merchant.locator("[data-testid=rate] .adm-rate-star").nth(4).tap();
  await wait(() => merchant.getByTestId("rate-submit").isDisabled()).toBe(false);
  await merchant.getByTestId("rate-submit").click();
  await wait(() => merchant.getByTestId("problem-status").textContent()).toBe("已评价");
  await app.shot(merchant, "mobile-problem-rated");
  const stationId = ((await (await merchant.request.get(`/api/problems/${id}`)).json()) as { stationId: number }).stationId;

  // 5. Anyone sees it on the public board, without personal data.
  const visitor = (await app.newPage({ mobile: true })).page;
  await visitor.goto(`/m/board?stationId=${stationId}`);
  await wait(() => visitor.getByTestId("board").textContent()).toContain(title);
  const board = (await visitor.getByTestId("board").textContent()) ?? "";
  expect(board).not.toContain("严浩然");
  await app.shot(visitor, "mobile-board");

  // 6. The scorecard counts it for the unit.
  const after = await unitScore(staff);
  expect(after.problemsResolved).toBe(before.problemsResolved + 1);
  await staff.goto("/scorecard");
  await wait(() => staff.getByTestId("scorecard-table").textContent()).toContain(UNIT);
  await staff.waitForTimeout(800);
  await app.shot(staff, "console-scorecard");
  await expectAccessible(staff, "console-scorecard");
  await staff.getByTestId("scorecard-table").getByText(UNIT).click();
  await staff.locator(".ant-drawer canvas").first().waitFor();
  await staff.waitForTimeout(800);
  await app.shot(staff, "console-scorecard-history");
});
