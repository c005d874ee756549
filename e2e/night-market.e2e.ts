// Journey: a season opens today (set up in data: a lottery season of three pitches, its first night today); the
// merchant shanghu applies on the phone for a food pitch; the station's staff approve the application and draw the
// lottery with a public seed, which the console shows with the result; the merchant sees the pitch on the phone,
// checks in and reports the night's takings; staff record the entrance counts on the night's board and close the
// night, and its figures appear on the figures page.
import { expect, test } from "vitest";
import { addDays, stationDate } from "../contracts/calendar.ts";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin, openFromMenu, settled } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const SEASON = "冬季周末夜市（演练）";

const app = journeyApp();

test("an operator applies on the phone, staff draw the lottery, the operator checks in and reports takings, staff close the night and its figures appear", async () => {
  const today = stationDate(app.now());
  const at = app.now().toISOString();
  const deadline = new Date(app.now().getTime() + 3 * 3_600_000).toISOString();
  const station = "(select id from org_units where name = '天源市场党群服务站')";
  await app.sql(
    `insert into night_market_seasons (station_id, name, starts_on, ends_on, opens_at, closes_at, closed_weekdays, closed_nights, application_deadline, allocation_rule, max_pitches_per_operator, checkin_by, suspend_after, deposit_fen, status, created_at, updated_at, version)
     values (${station}, '${SEASON}', '${today}', '${addDays(today, 6)}', '10:00', '23:30', '[]', '[]', '${deadline}', 'lottery', 1, '22:00', 3, 50000, 'open', '${at}', '${at}', 1)`,
  );
  const season = `(select id from night_market_seasons where name = '${SEASON}')`;
  for (const [i, [number, kind]] of [
    ["F01", "food"],
    ["F02", "food"],
    ["G01", "goods"],
  ].entries()) {
    await app.sql(
      `insert into night_market_pitches (season_id, station_id, number, kind, area, power_watts, fee_fen, x, y, w, h, active, created_at, updated_at, version)
       values (${season}, ${station}, '${number}', '${kind}', 9, 3000, 3000, ${20 + i * 50}, 720, 42, 40, 1, '${at}', '${at}', 1)`,
    );
  }

  // The phone: shanghu applies for a food pitch.
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "shanghu");
  await phone.getByTestId("entry-nightMarketOperator").click();
  await phone.waitForURL(/\/m\/night-market$/);
  await phone.getByTestId("nm-apply-goods").locator("input").fill("烤包子、手抓饭");
  await phone.getByTestId("nm-apply-licence").locator("input").fill("JY16502030012345");
  await app.shot(phone, "night-market-mobile-apply");
  await phone.getByTestId("nm-apply-submit").click();
  await wait(() => phone.getByText("待审核").count()).toBeGreaterThan(0);
  await settled(phone);
  await app.shot(phone, "night-market-mobile-applied");
  await expectAccessible(phone, "night-market-mobile-applied");

  // The console: staff approve and draw the lottery with a public seed.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /^夜市$/, /\/night-market$/, "活动与夜市");
  await staff.getByTestId("pitch-map").waitFor();
  await app.shot(staff, "night-market-console-seasons");
  await staff.getByTestId("nm-tab-applications").click();
  await staff.waitForURL(/\/night-market\/applications/);
  const approve = staff.locator('[data-testid^="approve-"]');
  await approve.first().waitFor();
  await approve.first().click();
  await wait(() => staff.locator('[data-testid^="approve-"]').count()).toBe(0);
  await staff.getByTestId("allocation-seed-input").fill("2026-12-02 公证抽取 4471");
  await staff.getByTestId("allocation-run").click();
  await staff.getByRole("button", { name: /确\s*定|OK/ }).click();
  await wait(() => staff.getByTestId("allocation-seed").textContent()).toContain("4471");
  await staff.getByTestId("allocation-verify").click();
  await wait(() => staff.getByText("重新摇号结果与记录一致").count()).toBeGreaterThan(0);
  // Every application decided: no empty 操作 column standing over the status.
  await wait(() => staff.locator(".ant-table-thead th", { hasText: "操作" }).count()).toBe(0);
  expect(await staff.locator(".ant-table-tbody .ant-tag", { hasText: "已通过" }).first().isVisible()).toBe(true);
  await settled(staff);
  await app.shot(staff, "night-market-console-lottery");
  await expectAccessible(staff, "night-market-console-lottery");

  // The phone: the pitch tonight, check-in, takings.
  await phone.reload();
  await wait(() => phone.getByTestId("nm-my-pitch").textContent()).toMatch(/F0[12]/);
  const pitch = ((await phone.getByTestId("nm-my-pitch").textContent()) ?? "").match(/F0[12]/)?.[0];
  await phone.getByTestId(`nm-checkin-${pitch}`).click();
  await wait(() => phone.getByText("已签到").count()).toBeGreaterThan(0);
  await phone.getByTestId("nm-takings-amount").locator("input").fill("2560.50");
  await phone.getByTestId("nm-takings-submit").click();
  await wait(() => phone.getByText("¥2,560.50").count()).toBeGreaterThan(0);
  await settled(phone);
  await app.shot(phone, "night-market-mobile-tonight");

  // A resident sees tonight's market and what the taken pitch sells.
  const resident = (await app.newPage({ mobile: true })).page;
  await mobileLogin(resident, "jumin");
  await resident.getByTestId("entry-nightMarketTonight").click();
  await resident.waitForURL(/\/m\/night-market\/tonight$/);
  await wait(() => resident.getByTestId("nm-tonight-open").textContent()).toContain("10:00");
  await wait(() => resident.getByText("烤包子、手抓饭").count()).toBeGreaterThan(0);
  await app.shot(resident, "night-market-mobile-resident-tonight");
  await expectAccessible(resident, "night-market-mobile-resident-tonight");

  // The console: tonight's board, the counts, the close; then the figures.
  await staff.getByTestId("nm-tab-board").click();
  await staff.waitForURL(/\/night-market\/board/);
  await staff.getByTestId("board-counts").click();
  for (const [i, [entries, exits]] of [
    [820, 760],
    [540, 560],
    [310, 280],
  ].entries()) {
    await staff.getByTestId(`count-in-${i}`).fill(String(entries));
    await staff.getByTestId(`count-out-${i}`).fill(String(exits));
  }
  await staff.getByTestId("counts-save").click();
  await staff.getByTestId("board-report").waitFor();
  await staff.getByTestId("board-close").click();
  await staff.getByRole("button", { name: /确\s*定|OK/ }).click();
  await wait(() => staff.getByTestId("board-report").textContent()).toContain("已关账");
  // The confirmation's popover fades out without a motion class to wait on.
  await staff.waitForTimeout(600);
  await app.shot(staff, "night-market-console-board");
  await staff.getByTestId("nm-tab-figures").click();
  await staff.waitForURL(/\/night-market\/figures/);
  await wait(() => staff.getByTestId("figure-jobs").textContent()).toContain("14");
  // The breadcrumb names the tab (not 详情).
  expect(await staff.locator(".ant-breadcrumb").textContent()).toMatch(/夜市.*夜市指标$/);
  // Where the jobs' holders come from, under its own words.
  expect(await staff.getByTestId("jobs-by-origin").textContent()).toMatch(/^当前就业岗位来源地.*喀什地区 \d+/);
  await app.shot(staff, "night-market-console-figures");
  const seasonId = await staff.evaluate(async (name) => {
    const seasons = (await (await fetch("/api/night-market-seasons")).json()) as { id: number; name: string }[];
    return seasons.find((s) => s.name === name)?.id;
  }, SEASON);
  await staff.goto(`/night-market/figures?seasonId=${seasonId}`);
  await wait(() => staff.getByTestId("figure-visitors").textContent()).toContain("1,670");
  await wait(() => staff.getByTestId("figure-turnover").textContent()).toContain("2,560.50");
  await app.shot(staff, "night-market-console-figures-season");
  await expectAccessible(staff, "night-market-console-figures-season");

  // The same figures and the demo summer's nightly reports, in English.
  await staff.getByText("EN", { exact: true }).click();
  await wait(() => staff.getByRole("heading", { name: "Night-market figures" }).count()).toBe(1);
  await app.shot(staff, "night-market-console-figures-en");
  await staff.goto("/night-market/nights?status=closed&weekday=6");
  await wait(() => staff.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(5);
  await app.shot(staff, "night-market-console-nights-en");
  await staff.locator("tbody tr.ant-table-row").first().click();
  await wait(() => staff.locator(".ant-drawer-body tbody tr.ant-table-row").count()).toBeGreaterThan(3);
  await settled(staff);
  await app.shot(staff, "night-market-console-night-en");
});
