// Journey: station staff open the duty roster, drag a department's shift to a free day (it moves) and then onto a
// day where the same department already sits (refused with the message in view, nothing moved); they plan a new
// department "every Tuesday" with the date preview; the bureau's officer `scjg` sees their own duty days; the
// merchant `shanghu` books a Red Shield slot on the phone and the staff find it on the session's page.
import { expect, test } from "vitest";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

type Shift = { id: number; unitId: number; unitName: string; date: string; booked: number; past: boolean };
type Roster = { month: string; today: string; desks: number; shifts: Shift[] };

const app = journeyApp();

const nextMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};

test("staff move a shift by dragging it, a conflicting drop is refused, and a weekly rule is planned with its preview", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await staff.goto("/services/roster");
  await staff.getByTestId("roster-month").waitFor();
  await staff.locator(".dd-duty-today").waitFor();
  await app.shot(staff, "duty-roster-month");
  await expectAccessible(staff, "duty-roster-month");

  // Next month (or the one after, late in a month when bookings fill the next weeks): every day is ahead. A
  // department with two unbooked shifts there, and a free day.
  const current = (await (await staff.request.get("/api/duty/roster")).json()) as Roster;
  let month = current.month;
  let roster: Roster | undefined;
  let pair: Shift[] | undefined;
  for (let ahead = 1; ahead <= 2 && !pair; ahead++) {
    month = nextMonth(month);
    roster = (await (await staff.request.get(`/api/duty/roster?month=${month}`)).json()) as Roster;
    const byUnit = new Map<number, Shift[]>();
    for (const s of roster.shifts) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s]);
    pair = [...byUnit.values()].map((list) => list.filter((s) => s.booked === 0)).find((list) => list.length >= 2);
  }
  if (!pair || !roster) throw new Error("no department with two unbooked shifts in the next two months");
  const [moving, other] = pair;
  const taken = new Set(roster.shifts.map((s) => s.date));
  const free = Array.from({ length: 28 }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`).find((d) => !taken.has(d));
  if (!free) throw new Error("no free day next month");

  // A screen tall enough for the whole month: a synthetic drag does not scroll the page the way a person's does.
  await staff.setViewportSize({ width: 1440, height: 1500 });
  await staff.goto(`/services/roster?month=${month}`);
  const chip = staff.getByTestId(`shift-${moving.id}`);
  await chip.waitFor();
  await chip.dragTo(staff.getByTestId(`roster-day-${free}`));
  await staff.getByTestId(`roster-day-${free}`).getByTestId(`shift-${moving.id}`).waitFor();
  await wait(
    async () =>
      ((await (await staff.request.get(`/api/duty/roster?month=${month}`)).json()) as Roster).shifts.find((s) => s.id === moving.id)?.date,
  ).toBe(free);
  await app.shot(staff, "duty-roster-moved");

  // The same department already sits on the other day: refused, the message in view, the shift where it was.
  await staff.getByTestId(`shift-${moving.id}`).dragTo(staff.getByTestId(`roster-day-${other.date}`));
  const refusal = staff.getByTestId("roster-error");
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain(other.date);
  expect(await refusal.textContent()).toContain("同一部门一天只坐班一次");
  await staff.getByTestId(`roster-day-${free}`).getByTestId(`shift-${moving.id}`).waitFor();
  const after = (await (await staff.request.get(`/api/duty/roster?month=${month}`)).json()) as Roster;
  expect(after.shifts.find((s) => s.id === moving.id)?.date).toBe(free);
  expect(after.shifts.filter((s) => s.date === other.date && s.unitId === moving.unitId)).toHaveLength(1);
  await app.shot(staff, "duty-roster-refused");

  // A department not yet on the roster: every Tuesday (the form's default), previewed, then generated.
  await staff.getByTestId("rule-add").click();
  const modal = staff.locator(".ant-modal:visible");
  await modal.getByTestId("rule-unit").click();
  await staff.keyboard.type("区妇联");
  await staff.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "区妇联" }).first().click();
  await modal.getByTestId("rule-preview-button").click();
  const preview = modal.getByTestId("rule-preview");
  await preview.waitFor();
  expect(await preview.textContent()).toContain("每周二");
  const okDates = await preview.locator('[data-status="ok"]').count();
  expect(okDates).toBeGreaterThan(8);
  await app.shot(staff, "duty-rule-preview");
  await modal.getByTestId("rule-submit").click();
  await staff.locator(".ant-message", { hasText: "已生成" }).waitFor();
  const rules = (await (await staff.request.get("/api/duty/rules")).json()) as {
    unitName: string;
    shifts: number;
    rule: { kind: string; weekdays?: number[] };
  }[];
  const created = rules.find((r) => r.unitName === "区妇联");
  expect(created).toMatchObject({ rule: { kind: "weekly", weekdays: [2] } });
  expect(created?.shifts).toBe(okDates);
  await staff.getByText("排班规则").click();
  await staff.locator("tbody tr.ant-table-row", { hasText: "区妇联" }).waitFor();
  await app.shot(staff, "duty-rules");
});

test("the bureau's officer sees their own duty days, read-only", async () => {
  const officer = (await app.newPage()).page;
  await consoleLogin(officer, "scjg");
  await officer.goto("/services/roster");
  const mine = officer.getByTestId("my-shifts");
  await mine.waitFor();
  await wait(() => mine.textContent()).toContain("周二");
  expect(await mine.textContent()).toContain("区市场监督管理局");
  expect(await officer.getByTestId("shift-add").count()).toBe(0);
  await officer.getByTestId("roster-month").waitFor();
  await app.shot(officer, "duty-officer-roster");
});

test("a merchant books a Red Shield slot on the phone and the staff see it on the session's page", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "shanghu");
  const merchant = (await (await phone.request.get("/api/me/merchant")).json()) as { name: string };
  await phone.goto("/m/");
  await phone.getByTestId("entry-redShield").click();
  await phone.waitForURL(/\/m\/red-shield/);
  await phone.getByTestId("rs-history").waitFor();
  const mine = (await (await phone.request.get("/api/me/red-shield")).json()) as {
    today: string;
    upcoming: { id: number; date: string; slots: { slot: string; free: boolean }[]; myBooking: unknown }[];
  };
  const session = mine.upcoming.find((s) => s.myBooking === null && s.date > mine.today && s.slots.some((x) => x.free));
  if (!session) throw new Error("no session to book");
  const slot = session.slots.filter((x) => x.free).at(-1)?.slot ?? "";
  await app.shot(phone, "duty-mobile-red-shield");
  await expectAccessible(phone, "duty-mobile-red-shield");
  await phone.getByTestId(`rs-slot-${session.id}-${slot}`).click();
  const sheet = phone.getByTestId("rs-book-sheet");
  await sheet.waitFor();
  await sheet.getByText("名称预查").click();
  await app.shot(phone, "duty-mobile-red-shield-book");
  await sheet.getByTestId("rs-book-confirm").click();
  await wait(async () => {
    const texts = await phone.getByTestId("rs-my-booking").allTextContents();
    return texts.some((t) => t.includes(slot));
  }).toBe(true);
  await app.shot(phone, "duty-mobile-red-shield-booked");

  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await staff.goto("/services/red-shield");
  await staff.getByTestId("rs-sessions").locator("tbody tr.ant-table-row").first().waitFor();
  await app.shot(staff, "duty-red-shield");
  await staff.goto(`/services/red-shield/${session.id}`);
  const cell = staff.getByTestId(`rs-slot-${slot}`);
  await cell.waitFor();
  await wait(() => cell.textContent()).toContain(merchant.name);
  expect(await cell.textContent()).toContain("名称预查");
  await app.shot(staff, "duty-red-shield-session");
  await staff.goto("/services/red-shield?tab=figures");
  await staff.locator("canvas").first().waitFor();
  await app.shot(staff, "duty-red-shield-figures");
});
