// Journey: the platform admin issues an API key for the district's grid platform in 系统设置 › 对接密钥 (shown once);
// the grid platform reports a problem through Open311 GeoReport v2 (form-encoded, as the specification posts); it
// appears in the station's problems list with its source, staff accept, assign, start and resolve it in the
// console, and the Open311 request then reads closed with the resolution in status_notes (JSON and XML).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { consoleLogin, expectAccessible, journeyApp, mobileLogin, openFromMenu, SCREENSHOTS, settled } from "./support.ts";

const UNIT = "克拉玛依天源物业服务有限公司";
const BASE = "/api/open311/v2";
const wait = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const app = journeyApp();

/** Waits until no modal, dropdown or toast is still moving in or out, so a screenshot shows it at rest. */
const status = (page: Page) => page.locator(".ant-card").first().locator(".ant-tag").last().textContent();

test("a problem reported through Open311 is resolved in the console and reads closed with its resolution", async () => {
  // 1. The platform admin issues the grid platform's key.
  const admin = (await app.newPage()).page;
  await consoleLogin(admin, "admin");
  await openFromMenu(admin, "对接密钥", /\/interop\/api-keys$/, "系统设置");
  await admin.getByRole("button", { name: "签发密钥" }).click();
  await admin.getByTestId("api-key-name").fill("区网格化平台");
  await admin.locator(".ant-modal [data-testid=api-key-station]").click();
  await admin.locator(".ant-select-item-option", { hasText: "天源市场党群服务站" }).click();
  await admin
    .locator(".ant-modal")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
  const secret = admin.getByTestId("api-key-secret");
  await wait(async () => ((await secret.textContent()) ?? "").trim()).toMatch(/^dd311_/);
  const key = ((await secret.textContent()) ?? "").trim();
  await settled(admin);
  await app.shot(admin, "console-api-key-issued");
  await admin.getByRole("button", { name: "已复制，关闭" }).click();
  await wait(() => admin.locator("tbody").textContent()).toContain("区网格化平台");
  await settled(admin);
  await app.shot(admin, "console-api-keys");
  await expectAccessible(admin, "console-api-keys");

  // 2. The grid platform posts a service request, as the specification's example does.
  const description = `网格员巡查发现东门消防通道被货物堵占 ${Date.now() % 100000}`;
  const posted = await admin.request.post(`${BASE}/requests.json`, {
    form: {
      api_key: key,
      service_code: "safety",
      address_string: "天源市场东门",
      lat: "45.5951",
      long: "84.8892",
      description,
      "attribute[TITLE]": "东门消防通道堵占",
      first_name: "网格员",
      last_name: "王",
    },
  });
  expect(posted.status()).toBe(201);
  const [{ service_request_id: code }] = (await posted.json()) as { service_request_id: string }[];
  const read = async () =>
    ((await (await admin.request.get(`${BASE}/requests/${code}.json`)).json()) as { status: string; status_notes: string }[])[0];
  expect(await read()).toMatchObject({ status: "open", status_notes: "已收到，等待服务站受理" });

  // 3. Staff find it in the problems list, with its source, and take it through the loop.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await staff.goto(`/problems?q=${code}`);
  await wait(() => staff.locator("tbody").textContent()).toContain("东门消防通道堵占");
  expect(await staff.locator("tbody").textContent()).toContain("开放接口");
  await app.shot(staff, "console-problems-open311");
  await staff.locator("tbody").getByText("东门消防通道堵占").click();
  await staff.waitForURL(/\/problems\/\d+$/);
  await staff.getByTestId("problem-action-accept").click();
  await wait(() => status(staff)).toBe("已受理");
  await staff.getByTestId("problem-action-assign").click();
  await staff.locator(".ant-modal [data-testid=assign-unit]").click();
  await staff.keyboard.type("天源物业");
  await staff.locator(".ant-select-item-option", { hasText: UNIT }).click();
  await staff.getByTestId("problem-action-ok").click();
  await wait(() => status(staff)).toBe("已交办");
  expect(await read()).toMatchObject({ status: "open", status_notes: `已交办${UNIT}` });
  await staff.getByTestId("problem-action-start").click();
  await wait(() => status(staff)).toBe("办理中");
  await staff.getByTestId("problem-action-resolve").click();
  const resolution = "已联系相关商户清走货物，通道已恢复畅通。";
  await staff.locator(".ant-modal textarea").first().fill(resolution);
  // The dialog at rest before its OK (a click during its opening once missed the moving button).
  await settled(staff);
  await staff.getByTestId("problem-action-ok").click();
  await wait(() => status(staff)).toBe("已办结");
  await app.shot(staff, "console-problem-open311-resolved");

  // 4. The Open311 request now reads closed, the resolution in its status notes, the unit responsible named.
  const closed = (await (await admin.request.get(`${BASE}/requests/${code}.json`)).json())[0];
  expect(closed).toMatchObject({ status: "closed", status_notes: `已解决：${resolution}`, agency_responsible: UNIT });
  const xml = await (await admin.request.get(`${BASE}/requests/${code}.xml`)).text();
  expect(xml).toContain(`<status>closed</status><status_notes>已解决：${resolution}</status_notes>`);
});

test("a 12345 order of a new category waits for its mapping, is taken on the resend and signed off by staff", async () => {
  // The platform admin issues the hotline's key (through the API, as the console does, with its CSRF token).
  const admin = (await app.newPage()).page;
  await consoleLogin(admin, "admin");
  const csrf = (await admin.context().cookies()).find((c) => c.name === "dd_csrf")?.value ?? "";
  const stations = (await (await admin.request.get("/api/auth/me")).json()).stations as { id: number; name: string }[];
  const stationId = stations.find((s) => s.name === "天源市场党群服务站")?.id;
  const issued = await admin.request.post("/api/interop/api-keys", {
    data: { name: "区 12345 热线", purpose: "hotline", stationId },
    headers: { "x-csrf-token": csrf },
  });
  expect(issued.status()).toBe(201);
  const key = ((await issued.json()) as { key: string }).key;

  const order = {
    orderNumber: `GD${Date.now()}`,
    category: "占道经营",
    title: "西门外流动摊贩占道",
    content: "市民来电反映天源市场西门外有流动摊贩占道经营，影响通行。",
    address: "天源市场西门",
    dispatchedAt: app.now().toISOString(),
    signOffHours: 2,
    replyBy: new Date(app.now().getTime() + 5 * 86_400_000).toISOString(),
  };
  const send = () => admin.request.post("/api/hotline/v1/orders", { data: order, headers: { "x-api-key": key } });
  const refused = await send();
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { id: string } }).error.id).toBe("hotline.unmapped_category");

  // The admin maps the new category in 类别对照; the hotline's resend is taken.
  await admin.goto("/interop/hotline");
  await admin.getByRole("tab", { name: "类别对照" }).click();
  const mapRow = admin.locator("tr", { hasText: "占道经营" });
  await wait(() => mapRow.count()).toBe(1);
  await mapRow.locator(".ant-select").click();
  await admin.locator(".ant-select-item-option", { hasText: "市场秩序" }).click();
  await wait(() => admin.getByText("已保存对照").count()).toBeGreaterThan(0);
  await settled(admin);
  await app.shot(admin, "console-hotline-category-map");
  const taken = await send();
  expect(taken.status()).toBe(201);
  const again = await send();
  expect(again.status()).toBe(200);
  expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);

  // Staff sign it off in 12345 工单, within the hotline's limit.
  const staff = (await app.newPage()).page;
  await consoleLogin(staff, "staff");
  await openFromMenu(staff, "12345 工单", /\/interop\/hotline$/, "共建共治");
  const row = staff.locator("tbody tr", { hasText: order.orderNumber });
  await wait(() => row.textContent()).toContain("待签收");
  await row.getByRole("button", { name: "签收" }).click();
  await staff
    .locator(".ant-modal-confirm")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
  await wait(() => row.textContent()).toContain("已签收");
  expect(await row.textContent()).toContain("1 条待回传");
  await settled(staff);
  await app.shot(staff, "console-hotline-orders");
  await expectAccessible(staff, "console-hotline-orders");
});

test("the station admin reads where the station's text messages went, and why one was not sent", async () => {
  // The station's log as a configured provider would have left it: one delivered by its receipt, one failed, one
  // not sent because the merchant turned SMS off.
  const at = (minutes: number) => new Date(app.now().getTime() - minutes * 60_000).toISOString();
  const day = at(0).slice(0, 10);
  const row = (status: string, extra: string, minutes: number) =>
    `select u.id, u.org_unit_id, 'problem.accept', 'SMS_100', '{}', ${status === "skipped" ? "null" : "u.mobile_enc"}, '${day}', '${status}', ${extra}, '${at(minutes)}'
       from users u where u.username = 'shanghu'`;
  await app.sql(`insert into sms_messages (user_id, org_unit_id, kind, template, params, phone_enc, day, status, skip_reason, provider,
      provider_message_id, attempts, next_attempt_at, last_error, sent_at, receipt_at, created_at)
    ${row("delivered", `null, 'aliyun', 'biz-1', 1, '${at(30)}', null, '${at(30)}', '${at(29)}'`, 30)}
    union all ${row("failed", `null, 'aliyun', null, 1, '${at(20)}', 'isv.MOBILE_NUMBER_ILLEGAL', null, null`, 20)}
    union all ${row("skipped", `'opted_out', 'aliyun', null, 0, '${at(10)}', null, null, null`, 10)}`);

  const admin = (await app.newPage()).page;
  await consoleLogin(admin, "zhanzhang");
  await openFromMenu(admin, "短信通知设置", /\/interop\/sms$/, "系统设置");
  await admin.getByRole("tab", { name: "发送记录" }).click();
  await admin.waitForURL(/tab=log/);
  const rows = admin.getByRole("tabpanel", { name: "发送记录" }).locator("tr.ant-table-row");
  await wait(() => rows.count()).toBe(3);
  // Newest first: not sent (and why), failed (the provider's code), delivered (with its receipt).
  await wait(() => rows.nth(0).textContent()).toContain("接收人已关闭短信");
  expect(await rows.nth(0).textContent()).toContain("未发送");
  expect(await rows.nth(1).textContent()).toContain("isv.MOBILE_NUMBER_ILLEGAL");
  expect(await rows.nth(2).textContent()).toContain("已送达");
  expect(await rows.nth(2).textContent()).toMatch(/1[3-9]\d\*{4}\d{4}/);
  // The kind in words (problem.accept: the reporter told the report was accepted).
  expect(await rows.nth(2).textContent()).toContain("问题受理");
  await settled(admin);
  await app.shot(admin, "console-sms-log");
  await expectAccessible(admin, "console-sms-log");

  await admin.getByRole("combobox", { name: "状态" }).click();
  await admin.locator(".ant-select-item-option", { hasText: "已送达" }).click();
  await wait(() => rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain("阿里云");
});

test("a resident turns text messages off on the phone, and makes and revokes her calendar feed", async () => {
  const phone = (await app.newPage({ mobile: true })).page;
  await mobileLogin(phone, "jumin");
  // 通知设置 is its own tile beside the messages (消息), with another icon.
  await phone.getByText("通知设置", { exact: true }).click();
  await phone.waitForURL(/\/m\/notify-settings$/);
  const sms = phone.getByTestId("sms-switch");
  await wait(() => sms.getAttribute("aria-checked")).toBe("true");
  await sms.click();
  await wait(() => sms.getAttribute("aria-checked")).toBe("false");
  // Kept by the server: the page read again says off, and so does the API.
  await phone.reload();
  await wait(() => phone.getByTestId("sms-switch").getAttribute("aria-checked")).toBe("false");
  const mine = await phone.evaluate(async () => (await fetch("/api/me/sms")).json());
  expect(mine).toEqual({ optedOut: true });
  // The calendar feed: made, shown as an address to paste, then revoked.
  await phone.getByRole("button", { name: "生成订阅地址" }).click();
  await wait(() => phone.getByTestId("calendar-url").textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+/);
  await settled(phone);
  await phone.screenshot({ path: join(SCREENSHOTS, "interop-mobile-notify-settings.png"), fullPage: true });
  // Stopping it is asked first: cancelled, the address stays; confirmed, it is gone.
  const address = await phone.getByTestId("calendar-url").textContent();
  await phone.getByRole("button", { name: "停用" }).click();
  await phone.locator(".adm-dialog").getByText("确定停用？", { exact: false }).waitFor();
  await phone.locator(".adm-dialog").getByRole("button", { name: "取消" }).click();
  await wait(() => phone.locator(".adm-dialog").count()).toBe(0);
  expect(await phone.getByTestId("calendar-url").textContent()).toBe(address);
  await phone.getByRole("button", { name: "停用" }).click();
  await phone.locator(".adm-dialog").getByRole("button", { name: "确定" }).click();
  await wait(() => phone.getByTestId("calendar-url").count()).toBe(0);
  // The feed's address no longer answers.
  const gone = await phone.evaluate(async (url) => (await fetch(url ?? "")).status, address);
  expect(gone).toBe(404);
});
