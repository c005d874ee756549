// Journeys of events and the people's stage: the leader of 舞动田园扇剑队 (the resident jumin) asks for a rehearsal on
// the phone and staff approve it on the stage's requests, while the same slot asked again is refused, and she signs
// up for a lecture and withdraws again; staff run a promotion, two participating shops report their takings on the
// phone and the uplift appears with how it was counted; an inspection round's finding becomes a problem in the
// governance loop.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { addDays, stationDate, stationInstant } from "../contracts/calendar.ts";
import { CSRF_COOKIE, CSRF_HEADER } from "../contracts/cookies.ts";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin, openFromMenu, SCREENSHOTS, settled } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const app = journeyApp();

/** An antd number box by its test id (the id sits on the input or on its wrapper). */
const numberBox = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** A POST as the page's signed-in account (its CSRF cookie sent back as the header). */
async function post(page: Page, url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? "";
  const res = await page.request.post(url, { data: data as object, headers: { [CSRF_HEADER]: csrf } });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test("a team leader asks for a rehearsal on the phone, staff approve it, the same slot asked again is refused; she signs up for a lecture and withdraws", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "jumin");
  await phone.getByTestId("entry-stageBooking").click();
  await phone.waitForURL(/\/m\/stage-booking$/);
  await wait(() => phone.getByText("舞动田园扇剑队").count()).toBeGreaterThan(0);
  await phone.getByTestId("m-stage-title").locator("input").fill("扇子舞新节目排练");
  await phone.getByTestId("m-stage-date").click();
  await phone.getByRole("button", { name: "确定" }).click();
  await wait(() => phone.getByTestId("m-stage-date").textContent()).toBe(stationDate(app.now()));
  await settled(phone);
  await app.shot(phone, "events-mobile-stage-request");
  await phone.getByTestId("m-stage-submit").click();
  await wait(() => phone.getByText(/已提交 1 次预约/).count()).toBe(1);
  const mine = await (await phone.request.get("/api/me/stage")).json();
  const booking = mine.bookings.find((b: { title: string }) => b.title === "扇子舞新节目排练");
  expect(booking).toMatchObject({ status: "requested", teamName: "舞动田园扇剑队" });
  await wait(() => phone.getByTestId("m-stage-bookings").textContent()).toContain("扇子舞新节目排练");
  await settled(phone);
  await app.shot(phone, "events-mobile-stage-requested");

  // The same slot once more: refused, saying what holds it.
  await phone.getByTestId("m-stage-submit").click();
  await wait(() => phone.getByTestId("m-stage-error").textContent()).toContain("已被“扇子舞新节目排练”占用");
  await app.shot(phone, "events-mobile-stage-refused");
  await expectAccessible(phone, "events-mobile-stage-refused");

  // Staff decide it on the stage's requests.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /百姓大舞台$/, /\/stage/, "活动与夜市");
  await staff.getByTestId("stage-calendar").waitFor();
  await wait(() => staff.getByTestId("stage-venue").textContent()).toContain("翼龙宾馆");
  await app.shot(staff, "events-console-stage-calendar");
  await expectAccessible(staff, "events-console-stage-calendar");
  await staff.getByRole("tab", { name: "预约审批" }).click();
  await staff.getByTestId(`booking-approve-${booking.id}`).click();
  await wait(() => staff.getByText("已批准预约").count()).toBeGreaterThan(0);
  await staff.getByTestId("booking-status-filter").getByText("已批准").click();
  await wait(() => staff.getByTestId("bookings-table").textContent()).toContain("扇子舞新节目排练");
  await settled(staff);
  await app.shot(staff, "events-console-stage-approved");
  await phone.reload();
  await wait(() => phone.getByTestId("m-stage-bookings").textContent()).toMatch(/扇子舞新节目排练已批准/);

  // The same resident signs up for a coming lecture.
  await phone.goto("/m/");
  await phone.getByTestId("entry-events").click();
  await phone.waitForURL(/\/m\/events$/);
  const coming = await (await phone.request.get("/api/me/events")).json();
  const lecture = coming.find((e: { title: string }) => e.title === "老年人防诈骗普法讲座");
  await phone.getByTestId(`m-event-signup-${lecture.id}`).click();
  await wait(() => phone.getByTestId(`m-event-${lecture.id}`).textContent()).toContain("已报名 1 / 40");
  await settled(phone);
  await app.shot(phone, "events-mobile-events");
  await expectAccessible(phone, "events-mobile-events");

  // Plans change: she withdraws, after confirming, and the place is free again.
  await phone.getByTestId(`m-event-withdraw-${lecture.id}`).click();
  const dialog = phone.locator(".adm-dialog");
  await wait(() => dialog.textContent()).toContain("确定取消报名“老年人防诈骗普法讲座”？");
  // the dialog fades in by its inline opacity, not a class
  await wait(() => dialog.locator(".adm-center-popup-body").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
  await settled(phone);
  await app.shot(phone, "events-mobile-withdraw-confirm");
  await dialog.getByRole("button", { name: "取消报名" }).click();
  await wait(() => phone.getByTestId(`m-event-${lecture.id}`).textContent()).toContain("已报名 0 / 40");
  await phone.getByTestId(`m-event-signup-${lecture.id}`).waitFor();
});

test("staff run a promotion, two shops report their takings on the phone, and the uplift appears with its method", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const today = stationDate(app.now());
  const promo = addDays(today, -1);
  const merchants: number[] = [];
  for (const username of ["shanghu", "canting"]) {
    const phone = (await app.newPage({ mobile: true })).page;
    await mobileLogin(phone, username);
    merchants.push((await (await phone.request.get("/api/auth/me")).json()).merchantId);
    await phone.close();
  }
  const created = await post(staff, "/api/events", {
    kind: "promotion",
    title: "冬季暖心购物节",
    themes: ["节日促销"],
    place: "天源市场",
    startsAt: stationInstant(promo, "09:00").toISOString(),
    endsAt: stationInstant(promo, "21:00").toISOString(),
    merchantIds: merchants,
    holiday: "冬季购物节",
    baselineKind: "same_weekdays",
    promotionDates: [promo],
  });
  const base = created.baselineDates as string[];
  await openFromMenu(staff, /活动与促销$/, /\/events/, "活动与夜市");
  await wait(() => staff.getByTestId("events-table").textContent()).toContain("冬季暖心购物节");
  await app.shot(staff, "events-console-list");
  await expectAccessible(staff, "events-console-list");
  await staff.getByTestId(`event-open-${created.id}`).click();
  await staff.waitForURL(new RegExp(`/events/${created.id}$`));
  await staff.getByTestId("event-step-approved").click();
  await wait(() => staff.getByTestId("event-status").textContent()).toBe("已批准");

  // Counts at the gates: one by the form, the rest as the gate keepers handed them in.
  await staff.getByTestId("count-add").click();
  await staff.getByTestId("count-date").click();
  await staff.keyboard.type(promo);
  await staff.keyboard.press("Enter");
  await staff.getByTestId("count-entrance").fill("东门");
  await numberBox(staff, "count-entries").fill("1300");
  await numberBox(staff, "count-exits").fill("1400");
  await settled(staff);
  await staff.getByTestId("count-submit").click();
  await wait(() => staff.getByText("出场人数不能多于入场人数").count()).toBeGreaterThan(0);
  await app.shot(staff, "events-console-count-refused");
  await numberBox(staff, "count-exits").fill("1250");
  await staff.getByTestId("count-submit").click();
  await wait(() => staff.getByTestId("counts-table").textContent()).toContain("东门");
  for (const [date, entries] of [
    [promo, 900],
    [base[0], 1000],
    [base[1], 1100],
  ] as const)
    await post(staff, `/api/events/${created.id}/counts`, {
      date,
      method: "gates",
      entrance: date === promo ? "西门" : "东门",
      entries,
      reEntries: 0,
    });

  // Two shops report on the phone: a baseline day and the promotion day each.
  for (const [username, baseline, promotion] of [
    ["shanghu", "3000", "4500.50"],
    ["canting", "2000", "2600"],
  ] as const) {
    const phone = (await app.newPage({ mobile: true })).page;
    await mobileLogin(phone, username);
    await phone.getByTestId("entry-promotionTakings").click();
    await phone.waitForURL(/\/m\/promotion-takings$/);
    const card = phone.getByTestId(`m-promotion-${created.id}`);
    await card.waitFor();
    for (const [date, amount] of [
      [base[0], baseline],
      [promo, promotion],
    ] as const) {
      await card.getByTestId(`m-takings-days-${created.id}`).getByText(`${date} `, { exact: false }).click();
      await card.getByTestId(`m-takings-amount-${created.id}`).locator("input").fill(amount);
      await card.getByTestId(`m-takings-submit-${created.id}`).click();
      await wait(() => card.textContent()).toContain(`¥${Number(amount).toLocaleString("zh-CN", { minimumFractionDigits: 2 })}`);
    }
    await settled(phone);
    if (username === "shanghu") {
      await app.shot(phone, "events-mobile-takings");
      await expectAccessible(phone, "events-mobile-takings");
    }
    await phone.close();
  }

  // The uplift, from those records: visits (2,200 − 1,050) × 1 = 1,150 at the gates; takings (1,500.50 + 600) × 1.
  await staff.reload();
  await wait(() => staff.getByTestId("uplift-visits-method").textContent()).toContain("出入口计数");
  expect(await staff.getByTestId("uplift-visits-method").textContent()).toContain("基期日均 1050 人次（2 天），促销日均 2200 人次（1 天）");
  expect(await staff.getByTestId("uplift-takings-method").textContent()).toContain("2 户商户");
  await wait(() => staff.getByTestId("event-uplift").textContent()).toContain("¥2,100.50");
  await staff.getByTestId("event-uplift").scrollIntoViewIfNeeded();
  await settled(staff);
  await app.shot(staff, "events-console-uplift");
  await expectAccessible(staff, "events-console-uplift");

  // The figures page: the demo's holiday promotions, each linking to its records.
  await openFromMenu(staff, /活动统计$/, /\/event-figures/, "活动与夜市");
  await wait(() => staff.getByTestId("figures-promotions").textContent()).toContain("浓情端午");
  // The events by month as bars, named for a screen reader; a bar opens that month's events.
  const byMonth = staff.getByTestId("chart-events-by-month");
  await byMonth.locator("canvas").waitFor();
  const label = (await byMonth.getAttribute("aria-label")) ?? "";
  expect(label).toContain("2026-06 3 场");
  const months = [...label.matchAll(/(\d{4}-\d{2}) \d+ 场/g)].map((m) => m[1]);
  await app.shot(staff, "events-console-figures");
  // Just above the axis June's bar is drawn (June has three events): the middle of June's place.
  await byMonth.scrollIntoViewIfNeeded();
  const box = await byMonth.boundingBox();
  if (!box) throw new Error("no chart");
  const plotLeft = box.x + 40;
  const width = (box.x + box.width - 16 - plotLeft) / months.length;
  await staff.mouse.click(plotLeft + width * (months.indexOf("2026-06") + 0.5), box.y + box.height - 36);
  await staff.waitForURL(/\/events\?month=2026-06/);
});

test("an inspection round's finding becomes a problem in the governance loop", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /环境整治$/, /\/environment/, "活动与夜市");
  await staff.getByTestId("rounds-table").waitFor();
  await wait(() => staff.getByTestId("rounds-table").locator("tbody tr").count()).toBeGreaterThan(3);
  await app.shot(staff, "events-console-rounds");
  await expectAccessible(staff, "events-console-rounds");
  await staff.getByTestId("round-create").click();
  await staff.getByTestId("round-area").fill("北侧通道");
  await staff.getByText("通道无堆物").click();
  await staff.getByTestId("round-submit").click();
  await staff.getByTestId("round-drawer").waitFor();
  await staff.getByTestId("finding-description").fill("通道堆放纸箱，影响消防通行");
  await staff.getByTestId("finding-submit").click();
  await wait(() => staff.getByTestId("round-findings").textContent()).toContain("通道堆放纸箱");
  await wait(() => staff.getByTestId("round-solved").textContent()).toContain("已解决 0 / 1");
  await settled(staff);
  await app.shot(staff, "events-console-finding");
  const link = staff.locator('[data-testid^="finding-problem-"]');
  const code = (await link.textContent()) ?? "";
  expect(code).toMatch(/\d/);
  await link.click();
  await staff.waitForURL(/\/problems\/\d+$/);
  await wait(() => staff.locator("body").textContent()).toContain("通道堆放纸箱，影响消防通行");
  await app.shot(staff, "events-console-finding-problem");

  // The figures, in English.
  await openFromMenu(staff, /活动统计$/, /\/event-figures/, "活动与夜市");
  await staff.getByText("EN", { exact: true }).click();
  await wait(() => staff.getByTestId("event-figures").textContent()).toContain("Extra visits from promotions");
  await app.shot(staff, "events-console-figures-en");
  void SCREENSHOTS;
  void join;
});
