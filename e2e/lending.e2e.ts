// Journey: station staff lend a shared umbrella at the desk by typing its code into the scan field (what a hand
// scanner does), choosing a resident; then return it by scanning the label again and see it back on the shelf. The
// umbrellas' label sheet downloads as a real PDF. A shopper's re-weigh is recorded short with redress: the finding
// shows on the merchant's record and the problem exists in the loop. The phone shows jumin's loans and the shelf,
// and the re-weigh form.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin, openFromMenu } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const app = journeyApp();

type Item = { id: number; code: string; status: string };

test("an umbrella is lent and returned by scanning its label; the label sheet is a PDF", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const shelf = (await (await staff.request.get("/api/lending/items?kind=umbrella&status=available&pageSize=5")).json()) as {
    items: Item[];
  };
  const umbrella = shelf.items[0];
  const borrowers = (await (await staff.request.get("/api/lending/borrowers")).json()) as { kind: string; name: string }[];
  const resident = borrowers.find((b) => b.kind === "resident");
  if (!resident) throw new Error("no resident to lend to");

  // The menu leads to the page; the desk is the first thing staff see, the scan field focused.
  await openFromMenu(staff, /便民物品/, /\/services\/lending/, /站点服务/);
  const scan = staff.getByTestId("desk-scan");
  await scan.waitFor();
  await wait(() => scan.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);

  // Lend: the scanner types the code and Enter.
  await scan.fill(umbrella.code.toLowerCase());
  await scan.press("Enter");
  await wait(() => staff.getByTestId("desk-item").getAttribute("data-status")).toBe("available");
  await staff.getByTestId("desk-borrower").click();
  await staff.keyboard.type(resident.name);
  await staff.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: resident.name }).first().click();
  await app.shot(staff, "lending-console-desk-lend");
  await staff.getByTestId("desk-lend").click();
  await wait(() => staff.getByTestId("desk-recent").textContent()).toContain(umbrella.code);
  await wait(() => staff.getByTestId("desk-recent").textContent()).toContain(resident.name);
  const lent = (await (await staff.request.get(`/api/lending/items/${umbrella.id}`)).json()) as Item & { loan: { borrowerName: string } };
  expect(lent.status).toBe("lent");
  expect(lent.loan.borrowerName).toBe(resident.name);

  // Return: scan the label again; the item shows lent to the resident; 归还.
  await scan.fill(umbrella.code);
  await scan.press("Enter");
  await wait(() => staff.getByTestId("desk-item-status").textContent()).toBe("已借出");
  expect(await staff.getByTestId("desk-item").textContent()).toContain(resident.name);
  await app.shot(staff, "lending-console-desk-return");
  await staff.getByTestId("desk-return").click();
  await wait(() => staff.getByTestId("desk-recent").textContent()).toContain("已归还");
  // Scanned once more it is on the shelf again.
  await scan.fill(umbrella.code);
  await scan.press("Enter");
  await wait(() => staff.getByTestId("desk-item-status").textContent()).toBe("在架");
  await app.shot(staff, "lending-console-desk");
  await expectAccessible(staff, "lending-console-desk");
  const back = (await (await staff.request.get(`/api/lending/items/${umbrella.id}`)).json()) as Item;
  expect(back.status).toBe("available");

  // The inventory: the shelf as a small picture, the list, and the umbrellas' label sheet.
  await staff.getByTestId("lending-tab-inventory").click();
  await staff.getByTestId("lending-availability").waitFor();
  await staff.locator("tbody tr.ant-table-row").first().waitFor();
  await app.shot(staff, "lending-console-inventory");
  const download = staff.waitForEvent("download");
  await staff.getByTestId("labels-by-kind").hover();
  await staff.locator(".ant-dropdown:visible .ant-dropdown-menu-item", { hasText: "共享雨伞" }).click();
  const file = await (await download).path();
  const pdf = readFileSync(file);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBe(2);

  // The loans: the overdue ones at a glance.
  await staff.getByTestId("lending-tab-loans").click();
  await staff.locator("tbody tr.ant-table-row").first().waitFor();
  await staff.getByText("已逾期", { exact: true }).first().click();
  await wait(() => staff.locator("tbody tr.ant-table-row").count()).toBe(3);
  await app.shot(staff, "lending-console-loans-overdue");
});

test("a short re-weigh with redress: a finding on the merchant's record and a problem in the loop", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const stalls = (await (await staff.request.get("/api/fair-scale/stalls")).json()) as {
    id: number;
    code: string;
    merchantId: number;
    merchantName: string;
  }[];
  const stall = stalls[5];

  await staff.goto("/services/fair-scale");
  await staff.getByTestId("reweigh-submit").waitFor();
  await staff.getByTestId("reweigh-stall").click();
  await staff.keyboard.type(stall.code);
  await staff.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: stall.merchantName }).first().click();
  await staff.getByLabel("商品").fill("羊肉");
  await staff.getByLabel("商户称重（克）").fill("1000");
  await staff.getByLabel("公平秤复秤（克）").fill("950");
  await staff.getByLabel("单价（元/斤）").fill("42");
  await staff.getByLabel("顾客姓名").fill("马大姐");
  await wait(() => staff.getByTestId("reweigh-preview").textContent()).toContain("短 50 克");
  await staff.getByTestId("reweigh-redress").check();
  await app.shot(staff, "lending-console-reweigh-form");
  await staff.getByTestId("reweigh-submit").click();
  await wait(() => staff.getByTestId("reweigh-result").getAttribute("data-outcome")).toBe("short");
  await staff.getByTestId("reweigh-problem").waitFor();
  await app.shot(staff, "lending-console-reweigh-done");

  const latest = (await (await staff.request.get(`/api/fair-scale/reweighs?merchantId=${stall.merchantId}&outcome=short`)).json()) as {
    items: { goods: string; problemId: number | null; shortGrams: number }[];
  };
  const recorded = latest.items[0];
  expect(recorded).toMatchObject({ goods: "羊肉", shortGrams: 50 });
  expect(recorded.problemId).not.toBeNull();
  const problem = await staff.request.get(`/api/problems/${recorded.problemId}`);
  expect(problem.status()).toBe(200);
  expect(((await problem.json()) as { title: string }).title).toContain(stall.code);

  // The merchant's record shows the finding.
  await staff.goto(`/merchants/${stall.merchantId}`);
  await wait(() => staff.getByTestId("merchant-findings").textContent()).toContain("羊肉");
  expect(await staff.getByTestId("merchant-findings").textContent()).toContain("短 50 克");
  await app.shot(staff, "lending-console-merchant-findings");

  // The list and the figures.
  await staff.goto("/services/fair-scale?tab=list");
  await staff.locator("tbody tr.ant-table-row").first().waitFor();
  await app.shot(staff, "lending-console-reweighs");
  await staff.goto("/services/fair-scale?tab=figures");
  await staff.locator("canvas").first().waitFor();
  await staff.waitForTimeout(800);
  await app.shot(staff, "lending-console-scale-figures");
});

test("the phone: jumin's loans with the shelf now, and the re-weigh form", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "jumin");
  await phone.goto("/m/");
  await phone.getByTestId("entry-loans").click();
  await phone.waitForURL(/\/m\/loans/);
  await phone.getByTestId("my-open-loan").first().waitFor();
  expect(await phone.getByTestId("my-open-loan").count()).toBe(1);
  const mine = (await (await phone.request.get("/api/me/loans")).json()) as { available: { umbrella: number } };
  await wait(() => phone.getByTestId("shelf-umbrella").textContent()).toBe(String(mine.available.umbrella));
  await app.shot(phone, "lending-mobile-loans");
  await expectAccessible(phone, "lending-mobile-loans");

  await phone.goto("/m/");
  await phone.getByTestId("entry-reweigh").click();
  await phone.waitForURL(/\/m\/reweigh/);
  await phone.getByTestId("m-reweigh-stall").click();
  await phone.locator(".adm-check-list-item").nth(2).click();
  await phone.getByTestId("m-reweigh-goods").locator("input").fill("苹果");
  await phone.getByTestId("m-reweigh-claimed").locator("input").fill("2000");
  await phone.getByTestId("m-reweigh-actual").locator("input").fill("1995");
  await phone.getByTestId("m-reweigh-price").locator("input").fill("4.5");
  await wait(() => phone.getByTestId("m-reweigh-preview").textContent()).toContain("足秤");
  await app.shot(phone, "lending-mobile-reweigh");
  await phone.getByTestId("m-reweigh-submit").click();
  await phone.getByText("已登记：足秤").waitFor();
  await app.shot(phone, "lending-mobile-reweigh-done");
});
