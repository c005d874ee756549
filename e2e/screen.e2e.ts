// Journey: the station admin creates a big-screen token in 系统设置 › 大屏管理 (shown once, with its QR code); the
// hall's display opens /screen/?token=… at 1920×1080 and shows the four parts of the report with their numbers (and
// English with ?lang=en, and scaled whole on a smaller display); the admin revokes the token and the screen, at its
// next refresh, says the token is no longer valid.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { ScreenData } from "../contracts/screen.ts";
import { fullScreen } from "./screen-fixture.ts";
import { consoleLogin, journeyApp, openFromMenu, SCREENSHOTS, settled } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const app = journeyApp();

/** The parts whose rows run out of their column (taller than it, or a row wider than it). */
const overflowingParts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".part")]
      .filter(
        (p) =>
          p.scrollHeight > p.clientHeight + 1 ||
          [...p.querySelectorAll<HTMLElement>(".figure")].some((f) => f.scrollWidth > f.clientWidth + 1),
      )
      .map((p) => p.dataset.testid),
  );

async function hall(path: string, viewport = { width: 1920, height: 1080 }, full = false) {
  const context = await app.browser.newContext({ baseURL: app.baseUrl, viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await context.clock.install({ time: app.now() });
  const page = await context.newPage();
  if (full) {
    // Every figure the dictionary will have, in place of today's answer: the layout at full load.
    await page.route("**/api/public/screen*", async (route) => {
      const res = await route.fetch({ headers: { ...route.request().headers(), "if-none-match": "" } });
      if (res.status() !== 200) return route.fulfill({ response: res });
      return route.fulfill({ response: res, json: fullScreen((await res.json()) as ScreenData) });
    });
  }
  await page.goto(path);
  return page;
}

test("a token opens the hall's big screen with the four parts' numbers, until it is revoked", async () => {
  const admin = (await app.newPage()).page;
  await consoleLogin(admin, "zhanzhang");
  await openFromMenu(admin, "大屏管理", /\/screen-tokens$/, "系统设置");
  await admin.getByRole("button", { name: "生成访问码" }).click();
  await admin.getByTestId("kiosk-label").fill("服务站一楼大厅");
  await admin
    .locator(".ant-modal")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
  const url = admin.getByTestId("kiosk-url");
  await wait(async () => ((await url.textContent()) ?? "").trim()).toMatch(/\/screen\/\?token=ddk_/);
  await expect.poll(() => admin.getByTestId("kiosk-qr").count()).toBe(1);
  const address = ((await url.textContent()) ?? "").trim();
  await settled(admin);
  await app.shot(admin, "console-screen-token-created");
  await admin.getByRole("button", { name: "已保存，关闭" }).click();
  await wait(() => admin.locator("tbody").textContent()).toContain("服务站一楼大厅");

  // The hall's display.
  const path = new URL(address).pathname + new URL(address).search;
  const screen = await hall(path);
  await wait(() => screen.getByTestId("screen-canvas").getAttribute("data-state")).toBe("shown");
  // The token leaves the address bar once kept.
  expect(new URL(screen.url()).search).toBe("");
  for (const part of [1, 2, 3, 4]) await expect.poll(() => screen.getByTestId(`screen-part-${part}`).count()).toBe(1);
  await expect.poll(() => screen.locator("h1").first().textContent()).toContain("天源市场党群服务站");
  const items = screen.getByTestId("screen-figure-counter.service_items");
  await wait(async () => ((await items.textContent()) ?? "").replace(/\s/g, "")).toMatch(/\d+项/);
  // Every part shows numbers (or says its figures are on their way), and a chart has been drawn.
  const numbers = await screen.locator(".figure .value b").allTextContents();
  expect(numbers.length).toBeGreaterThan(0);
  expect(numbers.every((n) => /^(¥?[\d,.]+[kM]?|<3|—)$/.test(n))).toBe(true);
  await wait(() => screen.locator(".part canvas, .part svg").count()).toBeGreaterThan(0);
  await expect.poll(() => screen.getByTestId("screen-updated").textContent()).toMatch(/更新于 \d\d:\d\d:\d\d/);
  // Nothing smaller than 28 px on the canvas (the ECharts canvases aside).
  const smallest = await screen.evaluate(() => {
    let min = 999;
    for (const el of document.querySelectorAll<HTMLElement>(".canvas *")) {
      if (!el.textContent?.trim() || el.closest("canvas") || el.children.length > 0) continue;
      min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(28);
  await screen.waitForTimeout(500);
  await screen.screenshot({ path: `${SCREENSHOTS}/screen-hall.png` });
  // Today's figures, with their real names: every part's rows inside its column.
  expect(await overflowingParts(screen)).toEqual([]);

  // English, and a smaller display: the canvas is scaled whole, letterboxed.
  const en = await hall("/screen/?lang=en", { width: 1280, height: 1024 });
  await en.evaluate((token) => localStorage.setItem("dandelion.kiosk-token", token), new URL(address).searchParams.get("token") ?? "");
  await en.reload();
  await wait(() => en.getByTestId("screen-canvas").getAttribute("data-state")).toBe("shown");
  await wait(() => en.getByTestId("screen-part-2").textContent()).toContain("Red Position");
  const box = await en.getByTestId("screen-canvas").boundingBox();
  expect(Math.round(box?.width ?? 0)).toBe(1280);
  expect(Math.round(box?.height ?? 0)).toBe(720);
  expect(Math.round(box?.y ?? 0)).toBe(152);
  await en.waitForTimeout(500);
  await en.screenshot({ path: `${SCREENSHOTS}/screen-hall-en-1280x1024.png` });
  // The English names are longer: the rows take the figures' short names, and still fit.
  expect(await overflowingParts(en)).toEqual([]);

  // The admin revokes the token; the screen's next refresh says it is no longer valid.
  // Every figure the dictionary will have, in Chinese and English: the layout at full load.
  const token = new URL(address).searchParams.get("token") ?? "";
  for (const [lang, name] of [
    ["", "screen-hall-full"],
    ["&lang=en", "screen-hall-full-en"],
  ]) {
    const full = await hall(`/screen/?token=${token}${lang}`, undefined, true);
    await wait(() => full.getByTestId("screen-canvas").getAttribute("data-state")).toBe("shown");
    await wait(() => full.locator(".figure").count()).toBe(35);
    await full.waitForTimeout(1500);
    await full.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
    await wait(() => full.locator(".part canvas").count()).toBeGreaterThanOrEqual(1);
    // No part's figures run out of their column.
    expect(await overflowingParts(full)).toEqual([]);
    if (!lang) await full.screenshot({ path: "docs/screenshots/screen-hall.png" });
  }

  await admin
    .getByRole("button", { name: /停\s*用/ })
    .first()
    .click();
  await admin
    .locator(".ant-modal-confirm")
    .getByRole("button", { name: /停\s*用/ })
    .click();
  await wait(() => admin.locator("tbody").textContent()).toContain("已停用");
  await screen.reload();
  await wait(() => screen.getByTestId("screen-canvas").getAttribute("data-state")).toBe("invalid");
  await expect.poll(() => screen.getByTestId("screen-invalid").textContent()).toContain("大屏访问码无效或已停用");
  await screen.screenshot({ path: `${SCREENSHOTS}/screen-revoked.png` });
  await settled(admin);
  await app.shot(admin, "console-screen-tokens");
});
