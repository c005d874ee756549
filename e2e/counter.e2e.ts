// Journey: the `jumin` resident books 居住证明开具 on the phone for today, a day the grid centre sits at the station;
// staff at the console's counter check the booking in (it gets the next queue number), call it to the window and
// complete it; jumin, told it is done, rates the five hearts on the phone, and the rating shows in the console.
// The grid centre's shift for today is made here when the roster has none (the roster is another module's demo).
import { beforeAll, expect, test } from "vitest";
import { stationDate } from "../contracts/calendar.ts";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin, openFromMenu } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const app = journeyApp();
/** Today at the station (UTC+8), on the journey's clock. */
let today: string;
beforeAll(() => {
  today = stationDate(app.now());
});

/** The grid centre on duty today with places left, whatever the roster demo holds. */
async function gridCentreOnDutyToday() {
  const unit =
    "(select u.id from alliance_units u join org_units o on o.id = u.station_id where u.name = '银河路街道网格化服务管理中心' and o.name = '天源市场党群服务站')";
  const station = "(select id from org_units where name = '天源市场党群服务站')";
  await app.sql(`update duty_shifts set capacity = booked + 5 where unit_id = ${unit} and date = '${today}'`);
  const now = app.now().toISOString();
  await app.sql(
    `insert into duty_shifts (station_id, unit_id, date, start_time, end_time, capacity, booked, created_at, updated_at, version)
     select ${station}, ${unit}, '${today}', '09:30', '17:30', 5, 0, '${now}', '${now}', 1
     where not exists (select 1 from duty_shifts where unit_id = ${unit} and date = '${today}')`,
  );
}

test("a resident books on the phone, the counter checks in, handles and completes it, the resident rates it", async () => {
  await gridCentreOnDutyToday();

  // jumin finds the item, reads what to bring, picks today and books.
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "jumin");
  await phone.getByTestId("entry-services").click();
  await phone.waitForURL(/\/m\/services/);
  await phone.getByTestId("service-items").waitFor();
  // By department: a heading for each, the grid centre's among them.
  const headings = await phone.getByTestId("service-items").locator(".adm-list-header").allTextContents();
  expect(headings.length).toBeGreaterThan(1);
  expect(headings).toContain("银河路街道网格化服务管理中心");
  await app.shot(phone, "counter-mobile-services");
  await expectAccessible(phone, "counter-mobile-services");
  await phone.getByTestId("service-search").locator("input").fill("居住证明");
  await phone.getByTestId("service-search").locator("input").press("Enter");
  await phone.getByTestId("service-item-WG-01").click();
  await phone.getByTestId("item-materials").waitFor();
  await wait(() => phone.getByTestId("item-materials").textContent()).toContain("身份证");
  await phone.getByTestId(`day-${today}`).click();
  await app.shot(phone, "counter-mobile-book");
  await phone.getByTestId("book-submit").click();
  await phone.waitForURL(/\/m\/services\/requests\/\d+$/);
  const requestId = Number(phone.url().split("/").pop());
  await wait(() => phone.getByTestId("request-status").textContent()).toBe("已预约");
  await app.shot(phone, "counter-mobile-booked");

  // Staff: the booking is expected at the counter today; check it in, call it, complete it.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /窗口受理/, /\/services\/counter/, /站点服务/);
  await staff.getByTestId(`check-in-${requestId}`).waitFor();
  await app.shot(staff, "counter-console-expected");
  await staff.getByTestId(`check-in-${requestId}`).click();
  await staff.getByTestId(`start-${requestId}`).waitFor();
  const queueNo = await staff
    .getByTestId("counter-queue")
    .locator("tr", { has: staff.getByTestId(`start-${requestId}`) })
    .locator("td")
    .first()
    .textContent();
  expect(queueNo).toMatch(/^\d{3}$/);
  await app.shot(staff, "counter-console-queue");
  await expectAccessible(staff, "counter-console-queue");

  // The phone shows the number.
  await phone.reload();
  await wait(() => phone.getByTestId("queue-no").textContent()).toContain(queueNo ?? "?");
  await app.shot(phone, "counter-mobile-number");

  await staff.getByTestId(`start-${requestId}`).click();
  await staff.getByTestId(`complete-${requestId}`).waitFor();
  await app.shot(staff, "counter-console-window");
  await staff.getByTestId(`complete-${requestId}`).click();
  await staff.getByTestId("step-complete-text").fill("居住证明已当场开具");
  await staff.getByTestId("step-complete-ok").click();
  await staff.locator(".ant-message", { hasText: "已办结" }).waitFor();
  await wait(() => staff.getByTestId("counter-finished").textContent()).toContain("居住证明开具");

  // jumin rates the five hearts once.
  await phone.reload();
  await phone.getByTestId("rate-form").waitFor();
  for (const [heart, stars] of [
    ["easy", 5],
    ["satisfying", 5],
    ["warm", 4],
    ["considerate", 5],
    ["pleasant", 5],
  ] as const) {
    await phone
      .getByTestId(`rate-${heart}`)
      .locator(".adm-rate-star")
      .nth(stars - 1)
      .tap();
  }
  await app.shot(phone, "counter-mobile-rate");
  await phone.getByTestId("rate-submit").click();
  await phone.getByTestId("rating-shown").waitFor();
  await wait(() => phone.getByTestId("request-status").textContent()).toBe("已办结");
  await phone.evaluate(() => window.scrollTo(0, 0));
  await app.shot(phone, "counter-mobile-rated");

  // The rating and the timeline show in the console.
  await staff.goto(`/services/requests/${requestId}`);
  await staff.getByTestId("request-rating").waitFor();
  await wait(() => staff.getByTestId("request-timeline").textContent()).toContain("申请人完成五心评价");
  const stars = await staff.getByTestId("request-rating").locator(".ant-rate-star-full").count();
  expect(stars).toBe(24);
  await app.shot(staff, "counter-console-request");

  const detail = (await (await phone.request.get(`/api/services/requests/${requestId}`)).json()) as {
    status: string;
    rating: { easy: number; warm: number } | null;
  };
  expect(detail).toMatchObject({ status: "done", rating: { easy: 5, warm: 4 } });
}, 180_000);

test("the console's catalogue, requests and figures show the demo year", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await staff.goto("/services/catalogue");
  await staff.locator("tbody tr.ant-table-row").first().waitFor();
  await wait(() => staff.locator(".ant-pagination-total-text").textContent()).toContain("32");
  await app.shot(staff, "counter-console-catalogue");
  await staff.getByTestId("item-add").click();
  await staff.locator(".ant-modal").waitFor();
  await app.shot(staff, "counter-console-item-form");
  await staff.keyboard.press("Escape");

  await staff.goto("/services/requests");
  await staff.locator("tbody tr.ant-table-row").first().waitFor();
  await app.shot(staff, "counter-console-requests");
  await staff.goto("/services/requests?tab=figures");
  await staff.getByTestId("counter-figures").waitFor();
  await staff.locator("canvas").first().waitFor();
  await app.shot(staff, "counter-console-figures");

  // The same pages in English.
  await staff.evaluate(() => localStorage.setItem("dd_lang", "en"));
  await staff.reload();
  await staff.getByTestId("counter-figures").waitFor();
  await staff.locator("canvas").first().waitFor();
  await app.shot(staff, "counter-console-figures-en");
  await staff.goto("/services/counter");
  await staff.getByTestId("counter-queue").waitFor();
  await app.shot(staff, "counter-console-counter-en");
});

test("a department sees what was forwarded to it; the resident follows their requests on the phone", async () => {
  const bureau = (await app.newPage()).page;
  await consoleLogin(bureau, "scjg");
  await bureau.goto("/services/requests");
  await bureau.locator("tbody tr.ant-table-row, .ant-empty").first().waitFor();
  await app.shot(bureau, "counter-console-department");

  // jumin's list of requests on the phone.
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "jumin");
  await phone.goto("/m/services?tab=mine");
  await phone.getByTestId("my-requests").waitFor();
  await app.shot(phone, "counter-mobile-mine");
  await phone.evaluate(() => localStorage.setItem("dd_lang", "en"));
  await phone.goto("/m/services");
  await phone.getByTestId("service-items").waitFor();
  await phone.getByTestId("service-item-WS-03").click();
  await phone.getByTestId("item-sheet").waitFor();
  await app.shot(phone, "counter-mobile-item-en");
});
