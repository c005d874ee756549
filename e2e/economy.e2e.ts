// Journeys of the merchant economy:
// 1. the merchant shanghu opens 政策帮扶 on the phone, finds this winter's heating relief open with its guide and
//    applies for 1,200 yuan; the station's staff find the application under 帮扶申请, review it, approve 1,000 yuan
//    and record the disbursement; the policy's coverage on 政策帮扶 then counts one merchant reached;
// 2. staff import an enterprise's purchases from its own spreadsheet (its headers mapped; one row names a shop the
//    market does not have and is refused by row), the merchant confirms one on the phone, and the month's ranking
//    moves; the merchant file (一户一档) of the shop shows the relief and the purchase;
// 3. staff record a funding source in 资金台账, allocate from it split 60/40 across two projects, record an
//    expenditure with a receipt photo and approve it, and the allocation's balance goes down; lowering the source
//    below what it allocated is refused on the field; under 定向消费 they register an enterprise with its contact and
//    mobilising unit and set its pledge for the month; the market map draws the night market's pitches beside the
//    stalls, and a pitch shows its operator.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { stationDate, stationMonth } from "../contracts/calendar.ts";
import { makePng } from "./png.ts";
import { clipped, consoleLogin, journeyApp, mobileLogin, openFromMenu, SCREENSHOTS, settled, spilling } from "./support.ts";

const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const app = journeyApp();

test("a merchant applies for heating relief on the phone; staff review, approve and record the disbursement; coverage counts it", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "shanghu");
  await phone.getByTestId("entry-relief").click();
  await phone.waitForURL(/\/m\/relief$/);
  const mine = await (await phone.request.get("/api/me/relief")).json();
  const open = mine.policies.find((p: { kind: string; eligible: boolean }) => p.kind === "heating_relief" && p.eligible);
  expect(open, "the demo opens this winter's heating relief").toBeDefined();
  await phone.getByTestId(`policy-${open.id}`).waitFor();
  await phone.screenshot({ path: join(SCREENSHOTS, "economy-mobile-relief.png"), fullPage: true });
  await phone.getByTestId(`apply-${open.id}`).click();
  await phone.getByPlaceholder("0.00").fill("1200");
  await phone.locator("textarea").first().fill("今冬营业额下降，申请暖气费减免");
  await phone.getByTestId("relief-submit").click();
  await wait(async () => (await (await phone.request.get("/api/me/relief")).json()).applications.length).toBe(mine.applications.length + 1);
  const applied = (await (await phone.request.get("/api/me/relief")).json()).applications.find(
    (a: { policyId: number }) => a.policyId === open.id,
  );
  expect(applied).toMatchObject({ status: "applied", requestedFen: 120_000, channel: "phone" });
  await phone.getByTestId(`relief-status-${applied.id}`).waitFor();
  await settled(phone);
  await phone.screenshot({ path: join(SCREENSHOTS, "economy-mobile-relief-applied.png"), fullPage: true });

  // The station: coverage before, then the application's steps in the console.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const before = await (await staff.request.get(`/api/policies/${open.id}/coverage`)).json();
  await openFromMenu(staff, /^帮扶申请$/, /\/economy\/relief/, /商圈经济$/);
  await staff.goto(`/economy/relief?policyId=${open.id}`);
  // Each step's write is awaited through the API before the next step's button is looked for, so a refused or slow
  // step is named by the status it left, not by a missing button.
  const statusOf = async () =>
    ((await (await staff.request.get(`/api/relief-applications/${applied.id}`)).json()) as { status: string }).status;
  await staff.getByTestId(`relief-review-${applied.id}`).click();
  await staff.getByTestId("step-ok").click();
  await wait(statusOf).toBe("reviewed");
  await staff.getByTestId(`relief-approve-${applied.id}`).click();
  await staff.getByTestId("step-approved").fill("1000");
  await staff.getByTestId("step-ok").click();
  await wait(statusOf).toBe("approved");
  await staff.getByTestId(`relief-disburse-${applied.id}`).click();
  await staff.getByTestId("step-disbursed").fill("1000");
  await staff.getByTestId("step-payer").fill("克拉玛依天源物业服务有限公司");
  await staff.getByTestId("step-ok").click();
  await wait(statusOf).toBe("disbursed");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-relief.png") });
  const paid = await (await staff.request.get(`/api/relief-applications/${applied.id}`)).json();
  expect(paid).toMatchObject({ approvedFen: 100_000, disbursedFen: 100_000 });

  await staff.goto(`/economy/policies?policy=${open.id}`);
  await staff.getByTestId("coverage-figures").waitFor();
  const after = await (await staff.request.get(`/api/policies/${open.id}/coverage`)).json();
  expect(after.reached).toBe(before.reached + 1);
  expect(after.disbursedFen).toBe(before.disbursedFen + 100_000);
  await wait(() => staff.getByTestId("coverage-figures").textContent()).toContain("1,000.00");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-coverage.png") });
});

test("staff import an enterprise's purchases with one bad row; the merchant confirms one; the ranking moves", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const month = stationMonth(app.now());
  const today = stationDate(app.now());
  const ranking = async () =>
    (await (await staff.request.get(`/api/economy/ranking?month=${month}`)).json()) as {
      rows: { name: string; confirmedFen: number; rank: number }[];
    };
  const before = await ranking();
  const enterprise = before.rows[before.rows.length - 1].name;
  const me = await (await staff.request.get("/api/merchants?pageSize=1")).json();
  const shanghu = await (await staff.request.get(`/api/merchants/${me.items[0].id}/file`)).json();

  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("消费明细");
  ws.addRow(["单位", "店铺名称", "金额", "日期", "票据号"]);
  ws.addRow([enterprise, shanghu.merchant.name, "88000", today, "E2E-0001"]);
  ws.addRow([enterprise, "查无此店", "300", today, "E2E-0002"]);
  const file = join(tmpdir(), `economy-e2e-${Date.now()}.xlsx`);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));

  await openFromMenu(staff, /^定向消费$/, /\/economy\/consumption/, /商圈经济$/);
  await staff.goto(`/economy/consumption?month=${month}`);
  await staff.getByTestId("purchases-import").click();
  await staff.locator('input[type="file"]').setInputFiles(file);
  for (const [key, header] of [
    ["enterprise", "单位"],
    ["merchant", "店铺名称"],
    ["amount", "金额"],
    ["date", "日期"],
    ["invoice", "票据号"],
  ]) {
    await staff.getByTestId(`map-${key}`).fill(header);
  }
  await staff.getByTestId("import-preview").click();
  await staff.getByTestId("import-rejected").waitFor();
  await wait(() => staff.getByTestId("import-rejected").textContent()).toContain("查无此店");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-import.png") });
  await staff.getByTestId("import-commit").click();
  await wait(async () => (await (await staff.request.get("/api/purchases?q=E2E-0001")).json()).total).toBe(1);

  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "shanghu");
  await phone.getByTestId("entry-purchases").click();
  await phone.waitForURL(/\/m\/purchases$/);
  const purchases = await (await phone.request.get("/api/me/purchases")).json();
  const mine = purchases.items.find((p: { invoiceNo: string }) => p.invoiceNo === "E2E-0001");
  await phone.getByTestId(`purchase-confirm-${mine.id}`).waitFor();
  await phone.screenshot({ path: join(SCREENSHOTS, "economy-mobile-purchases.png"), fullPage: true });
  await phone.getByTestId(`purchase-confirm-${mine.id}`).click();
  await wait(async () => (await (await phone.request.get("/api/me/purchases")).json()).confirmedFen).toBe(
    purchases.confirmedFen + 8_800_000,
  );

  // The month's operating status, confirmed on the phone.
  await phone.goto("/m/operating");
  await phone.getByTestId("operating-submit").click();
  await phone.getByText("已确认，谢谢").waitFor();
  await phone.screenshot({ path: join(SCREENSHOTS, "economy-mobile-operating.png") });

  const after = await ranking();
  const was = before.rows.find((r) => r.name === enterprise);
  const now = after.rows.find((r) => r.name === enterprise);
  expect(now?.confirmedFen).toBe((was?.confirmedFen ?? 0) + 8_800_000);
  expect(now?.rank).toBeLessThan(was?.rank ?? 0);
  await staff.reload();
  await staff.getByTestId("ranking-table").waitFor();
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-ranking.png") });

  await staff.goto(`/merchant-files/${shanghu.merchant.id}`);
  await staff.getByTestId("file-name").waitFor();
  await wait(() => staff.getByTestId("file-consumption").textContent()).toContain("88,000.00");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-merchant-file.png"), fullPage: true });
});

test("the map coloured by relief opens a merchant's file, and staff move a stall by dragging it", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, /^市场平面图$/, /\/economy\/map/, /商圈经济$/);
  await staff.getByTestId("map-layer").getByText("获得帮扶").click();
  await staff.waitForURL(/layer=relief/);
  await staff.getByTestId("stall-A01").waitFor();
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-map-relief.png") });

  // Arrange: drag A02 right by a little; the plan keeps it there.
  const before = (await (await staff.request.get("/api/economy/map")).json()).stalls.find((s: { code: string }) => s.code === "A02");
  await staff.getByTestId("map-edit").click();
  const box = await staff.getByTestId("stall-A02").locator("rect").first().boundingBox();
  if (!box) throw new Error("stall A02 is not drawn");
  await staff.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await staff.mouse.down();
  await staff.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 5 });
  await staff.mouse.up();
  await wait(
    async () => (await (await staff.request.get("/api/economy/map")).json()).stalls.find((s: { code: string }) => s.code === "A02").x,
  ).toBeGreaterThan(before.x);
  await staff.getByTestId("map-edit").click();

  await staff.getByTestId("stall-A01").click();
  await staff.waitForURL(/\/merchant-files\/\d+/);
  await staff.getByTestId("file-name").waitFor();
  await wait(() => staff.getByTestId("file-relief").textContent()).toContain("已办结");

  // A new policy: saved empty, each required field says so, and nothing is written.
  const policiesBefore = (await (await staff.request.get("/api/policies")).json()).total;
  await staff.goto("/economy/policies");
  await staff.getByTestId("policy-new").click();
  await staff.getByTestId("policy-save").click();
  await wait(() => staff.locator(".ant-drawer .ant-form-item-explain-error").count()).toBeGreaterThan(3);
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-policy-form.png") });
  expect((await (await staff.request.get("/api/policies")).json()).total).toBe(policiesBefore);
  await staff.keyboard.press("Escape");

  // A project's figures come from the records: the directed-consumption project counts the confirmed purchases.
  const projects = await (await staff.request.get("/api/projects?q=定向消费")).json();
  await staff.goto(`/projects/${projects.items[0].id}`);
  await staff.getByTestId("project-live-figures").waitFor();
  await wait(() => staff.getByTestId("project-live-figures").textContent()).toContain("89");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-project-figures.png") });

  // The public page of the funds, opened without signing in.
  const stationId = (await (await staff.request.get("/api/funding-sources")).json())[0].stationId;
  const anyone = (await app.newPage({ mobile: true })).page;
  await anyone.goto(`/m/funds?stationId=${stationId}`);
  await anyone.getByTestId("public-funds").waitFor();
  await wait(() => anyone.getByTestId("public-funds").textContent()).toContain("翼龙宾馆");
  await anyone.screenshot({ path: join(SCREENSHOTS, "economy-mobile-public-funds.png"), fullPage: true });

  // The funding ledger, in English: the four sources and what they were spent on.
  const en = (await app.newPage()).page;
  await consoleLogin(en, "staff");
  await en.goto("/economy/ledger");
  await en.getByText("EN", { exact: true }).click();
  await wait(() => en.getByRole("heading", { name: "Funding ledger" }).count()).toBe(1);
  await en.getByTestId("sources-table").getByText("翼龙宾馆").waitFor();
  await settled(en);
  // Every header and cell whole in English (the actions and the approval's tag included).
  expect(await clipped(en, "thead th")).toEqual([]);
  expect(await clipped(en, "tbody td")).toEqual([]);
  expect(await spilling(en)).toEqual([]);
  await en.screenshot({ path: join(SCREENSHOTS, "economy-console-ledger-en.png"), fullPage: true });
});

test("staff fund, allocate across two projects, spend with a receipt and approve; register an enterprise and its pledge; the map shows the pitches", async () => {
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  const get = async <T>(url: string): Promise<T> => (await staff.request.get(url)).json() as Promise<T>;
  const option = (text: string) => staff.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text }).first();
  const drawer = (id: string) => staff.getByTestId(id);
  /** Choose in a searchable select: type, take the option offered, and wait until its list has closed. */
  const pick = async (testId: string, search: string, text = search) => {
    await staff.getByTestId(testId).click();
    await staff.keyboard.type(search);
    await option(text).waitFor();
    await staff.keyboard.press("Enter");
    await wait(() => staff.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").count()).toBe(0);
  };
  const run = Date.now().toString(36).slice(-5);
  const sourceName = `天山公益基金会${run}`;
  const projects = (await get<{ items: { id: number; name: string }[] }>("/api/projects?pageSize=100")).items;
  const [first, second] = projects;

  // A new source: saved empty, each required field says so; then recorded with 50,000 yuan received.
  await openFromMenu(staff, /^资金台账$/, /\/economy\/ledger/, /商圈经济$/);
  await staff.getByTestId("source-new").click();
  await drawer("source-form-save").click();
  await wait(() => drawer("source-form").locator(".ant-form-item-explain-error").count()).toBeGreaterThanOrEqual(2);
  await staff.getByTestId("source-name").fill(sourceName);
  await staff.getByTestId("source-received").fill("50000");
  await drawer("source-form-save").click();
  await staff.getByTestId("sources-table").getByText(sourceName).waitFor();
  const source = (await get<{ id: number; name: string; receivedFen: number }[]>("/api/funding-sources")).find(
    (s) => s.name === sourceName,
  );
  expect(source).toMatchObject({ receivedFen: 5_000_000 });
  if (!source) throw new Error("the source was not recorded");

  // An allocation of 30,000 yuan split across two projects; shares adding up to 90 % are refused first.
  await staff.getByTestId("allocation-new").click();
  await staff.getByTestId("allocation-source").click();
  await option(sourceName).click();
  await wait(() => drawer("allocation-form").textContent()).toContain("尚可拨付");
  await staff.getByTestId("allocation-amount").fill("30000");
  for (const [i, project] of [first, second].entries()) {
    await pick(`target-project-${i}`, project.name);
  }
  await staff.getByTestId("target-share-0").fill("60");
  await staff.getByTestId("target-share-1").fill("30");
  await wait(() => staff.getByTestId("shares-sum").textContent()).toContain("90.00");
  await drawer("allocation-form-save").click();
  await wait(() => drawer("allocation-form").textContent()).toContain("各项份额合计须为 100%");
  await staff.getByTestId("target-share-1").fill("40");
  await wait(() => staff.getByTestId("shares-sum").textContent()).toContain("100.00");
  await wait(() => drawer("allocation-form").textContent()).toContain("12,000.00");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-allocation-form.png") });
  await drawer("allocation-form-save").click();
  type Line = { id: number; projectId: number; amountFen: number; balanceFen: number };
  await wait(async () => (await get<Line[]>(`/api/funding-allocations?sourceId=${source.id}`)).length).toBe(2);
  const lines = await get<Line[]>(`/api/funding-allocations?sourceId=${source.id}`);
  const line = lines.find((l) => l.projectId === first.id);
  expect(lines.map((l) => l.amountFen).sort()).toEqual([1_200_000, 1_800_000]);
  if (!line) throw new Error("no allocation to the first project");

  // An expenditure of 5,000 yuan against the first project's line, with a receipt photo.
  await staff.getByTestId("expenditure-new").click();
  await pick("expenditure-allocation", `${first.name} · ${sourceName}`);
  await staff.getByTestId("expenditure-amount").fill("5000");
  await staff.getByTestId("expenditure-payee").fill(`克拉玛依天源广告装饰部${run}`);
  await staff.getByTestId("expenditure-purpose").fill("服务站宣传栏制作");
  await drawer("expenditure-form")
    .locator('input[type="file"]')
    .setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: makePng(120, 80, [240, 240, 230]) });
  await wait(() =>
    drawer("expenditure-form").locator(".ant-upload-list-item-done, .ant-upload-list-item-container img").count(),
  ).toBeGreaterThan(0);
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-expenditure-form.png") });
  await drawer("expenditure-form-save").click();
  type Spent = { id: number; payee: string; status: string; receiptIds: string[] };
  const spentOf = async () =>
    (await get<{ items: Spent[] }>(`/api/funding-expenditures?allocationId=${line.id}`)).items.find((e) => e.payee.endsWith(run));
  await wait(async () => (await spentOf())?.status).toBe("requested");
  expect((await spentOf())?.receiptIds.length).toBe(1);

  // Approved after a confirmation; the line's balance is 13,000 yuan.
  const row = staff.getByTestId("expenditures-table").locator("tr", { hasText: `克拉玛依天源广告装饰部${run}` });
  await row.getByRole("button", { name: "批准" }).click();
  // The confirmation at rest before its OK (a click while it opens can miss), and a refusal's message named if any.
  await staff.locator(".ant-modal-confirm").waitFor();
  await settled(staff);
  await staff.locator(".ant-modal-confirm .ant-btn-primary").click();
  await wait(async () => {
    const refused = await staff.locator(".ant-message-error").allInnerTexts();
    return `${(await spentOf())?.status}${refused.length ? ` (${refused.join("; ")})` : ""}`;
  }).toBe("approved");
  await wait(
    async () => (await get<Line[]>(`/api/funding-allocations?sourceId=${source.id}`)).find((l) => l.id === line.id)?.balanceFen,
  ).toBe(1_300_000);
  await staff.getByTestId("allocations-table").locator("tr", { hasText: first.name }).getByText("¥13,000.00").first().waitFor();
  await settled(staff);
  await staff.getByTestId("allocations-table").scrollIntoViewIfNeeded();
  // The pointer rests on the table's header, where nothing opens on hover (a row's menu would stay in the picture).
  await staff.getByTestId("allocations-table").locator("thead th").first().hover();
  await wait(() => staff.locator(".ant-dropdown:not(.ant-dropdown-hidden)").count()).toBe(0);
  // The approval's message has gone (it would sit over the approved row in the picture).
  await wait(() => staff.locator(".ant-message-notice").count()).toBe(0);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-ledger-forms.png") });

  // The source lowered below the 30,000 yuan it allocated: confirmed, then refused on the field; closing asks first.
  await staff.getByTestId(`source-edit-${source.id}`).click();
  await wait(() => staff.getByTestId("source-name").inputValue()).toBe(sourceName);
  await staff.getByTestId("source-received").fill("20000");
  await drawer("source-form-save").click();
  await staff.locator(".ant-modal-confirm", { hasText: "确认调减到账金额" }).locator(".ant-modal-confirm-btns button").last().click();
  await wait(() => drawer("source-form").locator(".ant-form-item-explain-error").textContent()).toContain("30000.00");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-source-refused.png") });
  expect((await get<{ id: number; receivedFen: number }[]>("/api/funding-sources")).find((s) => s.id === source.id)?.receivedFen).toBe(
    5_000_000,
  );
  await staff.keyboard.press("Escape");
  await staff.locator(".ant-modal-confirm", { hasText: "放弃未保存的修改" }).getByRole("button", { name: "放弃修改" }).click();
  await wait(() => drawer("source-form").count()).toBe(0);

  // An enterprise with its contact and mobilising unit, and its pledge for this month.
  const enterprise = `克拉玛依准噶尔能源有限公司${run}`;
  await openFromMenu(staff, /^定向消费$/, /\/economy\/consumption/, /商圈经济$/);
  await staff.getByTestId("enterprise-new").click();
  await staff.getByTestId("enterprise-name").fill(enterprise);
  await staff.getByTestId("enterprise-contact").fill("马文华");
  const unit = (await get<{ items: { name: string }[] }>("/api/alliance-units?pageSize=200")).items[0].name;
  await pick("enterprise-unit", unit);
  await drawer("enterprise-form-save").click();
  await wait(() => drawer("enterprise-form").count()).toBe(0);
  await staff.getByTestId("enterprise-search").locator("input").fill(run);
  await staff.getByTestId("enterprise-search").locator("input").press("Enter");
  await staff.getByTestId("enterprises-table").getByText(enterprise).waitFor();
  const made = (await get<{ items: { id: number; mobilisedByUnitName: string }[] }>(`/api/enterprises?q=${encodeURIComponent(run)}`))
    .items[0];
  expect(made.mobilisedByUnitName).toBe(unit);
  await staff.getByTestId(`enterprise-pledges-${made.id}`).click();
  await staff.getByTestId("pledge-amount").fill("20000");
  await drawer("pledge-form-save").click();
  await drawer("pledge-form").getByTestId("pledges-table").getByText("¥20,000.00").waitFor();
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-pledges.png") });
  const pledges = await get<{ period: string; amountFen: number }[]>(`/api/enterprises/${made.id}/pledges`);
  expect(pledges).toEqual([{ period: stationMonth(app.now()), amountFen: 2_000_000 }]);
  await staff.keyboard.press("Escape");
  await staff.getByTestId("enterprises-table").locator("tr", { hasText: enterprise }).getByText("马文华").waitFor();
  await settled(staff);
  await staff.getByTestId("enterprises-table").scrollIntoViewIfNeeded();
  // The pointer rests on the table's header, where nothing opens on hover (a row's menu would stay in the picture).
  await staff.getByTestId("enterprises-table").locator("thead th").first().hover();
  await wait(() => staff.locator(".ant-dropdown:not(.ant-dropdown-hidden)").count()).toBe(0);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-enterprises.png") });

  // The market map: the night market's pitches beside the stalls; one shows whom it was allotted to.
  const map = await get<{ pitches: { number: string; operatorName: string | null; merchantId: number | null }[] }>("/api/economy/map");
  // A pitch traded by one of the market's own merchants when the season has one (its file opens from the pitch).
  const held = map.pitches.find((p) => p.merchantId !== null) ?? map.pitches.find((p) => p.operatorName);
  expect(held, "the demo's season allots its pitches").toBeDefined();
  if (!held) return;
  await openFromMenu(staff, /^市场平面图$/, /\/economy\/map/, /商圈经济$/);
  await staff.getByTestId("map-pitch-layer").waitFor();
  await staff.getByTestId(`pitch-${held.number}`).click();
  await wait(() => staff.getByTestId("pitch-drawer").textContent()).toContain(held.operatorName ?? "");
  await settled(staff);
  await staff.screenshot({ path: join(SCREENSHOTS, "economy-console-map-pitches.png") });
  if (held.merchantId !== null) {
    await staff.getByTestId("pitch-file").click();
    await staff.waitForURL(new RegExp(`/merchant-files/${held.merchantId}$`));
    await staff.getByTestId("file-name").waitFor();
    await staff.goBack();
  } else await staff.keyboard.press("Escape");
  await staff.getByTestId("map-pitches").click();
  await staff.waitForURL(/pitches=off/);
  await wait(() => staff.getByTestId("map-pitch-layer").count()).toBe(0);
});
