// 12345 work orders over HTTP, against a stand-in for the hotline's feedback endpoint (a local server on a random
// port that checks the signature and answers as told: accepted, an error, silence, a malformed body).
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../../../contracts/calendar.ts";
import { hotlineSheetColumns } from "../../../contracts/interop.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

const SECRET = "hotline-shared-secret-0001";

/** The stand-in hotline: records what it is sent; `mode` says how it answers the next requests. */
function standIn() {
  const received: { body: Record<string, unknown>; delivery: string }[] = [];
  const state = { mode: "ok" as "ok" | "error" | "hang" | "malformed", badSignatures: 0 };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const expected = `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}`;
      if (req.headers["x-dandelion-signature"] !== expected) {
        state.badSignatures++;
        res.writeHead(401, { "content-type": "application/json" }).end('{"code":401,"msg":"bad signature"}');
        return;
      }
      if (state.mode === "hang") return; // never answers
      if (state.mode === "error") {
        res.writeHead(503, { "content-type": "application/json" }).end('{"code":503,"msg":"busy"}');
        return;
      }
      received.push({ body: JSON.parse(raw), delivery: String(req.headers["x-dandelion-delivery"]) });
      if (state.mode === "malformed") res.writeHead(200, { "content-type": "application/json" }).end("{not json");
      else res.writeHead(200, { "content-type": "application/json" }).end('{"code":0,"msg":"ok"}');
    });
  });
  return { server, received, state };
}

async function sheet(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("工单");
  ws.addRow(hotlineSheetColumns.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const boundary = "----dandelion-test";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`12345 work orders (${dialectName})`, () => {
  const hotline = standIn();
  let t: TestApp;
  let admin: Session;
  let staff: Session;
  let stationId: number;
  let key: string;
  let openKey: string;
  const dispatchedAt = () => new Date(t.clock.now().getTime() - 60_000).toISOString();
  const order = (n: string, extra: object = {}) => ({
    orderNumber: n,
    category: "市容环境",
    title: "东门垃圾清运不及时",
    content: "市民来电反映天源市场东门垃圾桶满溢，气味较大。",
    address: "天源市场东门",
    callerName: "张先生",
    callerPhone: "13800138000",
    dispatchedAt: dispatchedAt(),
    signOffHours: 2,
    replyBy: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(),
    ...extra,
  });
  const send = (payload: object, apiKey: string | null = key) =>
    t.as(null, { method: "POST", url: "/api/hotline/v1/orders", payload, headers: apiKey ? { "x-api-key": apiKey } : {} });
  const count = async (table: "problems" | "hotline_orders" | "hotline_feedback") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const orderOf = async (n: string) =>
    (await t.as(staff, { method: "GET", url: `/api/hotline/orders?q=${n}` }))
      .json()
      .items.find((o: { orderNumber: string }) => o.orderNumber === n);
  const act = (id: number, payload: object) => t.as(staff, { method: "POST", url: `/api/hotline/orders/${id}/actions`, payload });
  const job = () => {
    const j = t.app.jobs.find((x) => x.name === "interop.hotline_feedback");
    if (!j) throw new Error("no feedback job");
    return j.run(t.clock.now()) as Promise<{ sent: number; retried: number; failed: number }>;
  };
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));

  beforeAll(async () => {
    await new Promise<void>((resolve) => hotline.server.listen(0, "127.0.0.1", resolve));
    const port = (hotline.server.address() as AddressInfo).port;
    t = await createTestApp({
      env: {
        HOTLINE_FEEDBACK_URL: `http://127.0.0.1:${port}/feedback`,
        HOTLINE_FEEDBACK_SECRET: SECRET,
        HOTLINE_FEEDBACK_TIMEOUT_MS: "300",
      },
    });
    admin = await t.login("admin");
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
    key = (
      await t.as(admin, { method: "POST", url: "/api/interop/api-keys", payload: { name: "区 12345 热线", purpose: "hotline", stationId } })
    ).json().key;
    openKey = (await t.as(admin, { method: "POST", url: "/api/interop/api-keys", payload: { name: "网格平台", stationId } })).json().key;
  });
  afterAll(async () => {
    await t.close();
    hotline.server.closeAllConnections();
    await new Promise((resolve) => hotline.server.close(resolve));
  });

  it("refuses an order of an unmapped category, keeps the category for the map, and takes the order once mapped", async () => {
    const before = await count("problems");
    const res = await send(order("GD2026111800001"));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ id: "hotline.unmapped_category", fields: [{ field: "category" }] });
    expect(res.json().error.message).toContain("市容环境");
    expect(await count("problems")).toBe(before);
    const map = (await t.as(staff, { method: "GET", url: "/api/hotline/category-map" })).json();
    expect(map).toEqual([expect.objectContaining({ hotlineCategory: "市容环境", categoryCode: null, unmappedOrders: 1 })]);
    expect(
      (
        await t.as(staff, {
          method: "PUT",
          url: "/api/hotline/category-map",
          payload: { hotlineCategory: "市容环境", categoryCode: "sanitation" },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await t.as(admin, {
      method: "PUT",
      url: "/api/hotline/category-map",
      payload: { hotlineCategory: "市容环境", categoryCode: "nope" },
    });
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: "categoryCode" })]);
    const mapped = await t.as(admin, {
      method: "PUT",
      url: "/api/hotline/category-map",
      payload: { hotlineCategory: "市容环境", categoryCode: "sanitation" },
    });
    expect(mapped.json()[0]).toMatchObject({ categoryCode: "sanitation" });

    const again = await send(order("GD2026111800001"));
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ orderNumber: "GD2026111800001", status: "received", duplicate: false });
    const problem = await t.database.db
      .selectFrom("problems")
      .selectAll()
      .where("code", "=", again.json().problemCode)
      .executeTakeFirstOrThrow();
    expect(problem).toMatchObject({
      source: "hotline",
      category_code: "sanitation",
      station_id: stationId,
      title: "东门垃圾清运不及时",
      reporter_name: "张先生",
    });
  });

  it("answers a repeated order number with the existing problem, also when both arrive at once", async () => {
    const first = await send(order("GD2026111800001"));
    expect(first.statusCode).toBe(200);
    expect(first.json().duplicate).toBe(true);
    const before = await count("problems");
    const [a, b] = await Promise.all([send(order("GD2026111800002")), send(order("GD2026111800002"))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().problemCode).toBe(b.json().problemCode);
    expect(await count("problems")).toBe(before + 1);
  });

  it("refuses a missing, forged or other-purpose key and bad orders, 4xx naming the field, writing nothing", async () => {
    const before = [await count("problems"), await count("hotline_orders")];
    expect((await send(order("GD2026111800003"), null)).json().error).toMatchObject({
      id: "interop.key_required",
      fields: [{ field: "x-api-key" }],
    });
    expect((await send(order("GD2026111800003"), "dd311_forged")).statusCode).toBe(403);
    expect((await send(order("GD2026111800003"), openKey)).statusCode).toBe(403);
    const bad = await send({ ...order("GD 1"), dispatchedAt: "yesterday" });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad).sort()).toEqual(["dispatchedAt", "orderNumber"]);
    expect((await send(order("GD2026111800003", { callerPhone: "12345" }))).json().error.fields[0].field).toBe("callerPhone");
    expect((await send(order("GD2026111800003", { replyBy: dispatchedAt() }))).json().error.fields[0].field).toBe("replyBy");
    expect((await send(order("GD2026111800003", { extra: 1 }))).json().error.fields[0].field).toBe("extra");
    expect(
      (
        await t.as(null, {
          method: "POST",
          url: "/api/hotline/v1/orders",
          payload: "{oops",
          headers: { "x-api-key": key, "content-type": "application/json" },
        })
      ).statusCode,
    ).toBe(400);
    expect([await count("problems"), await count("hotline_orders")]).toEqual(before);
  });

  it("signs off, asks once for an extension, replies after the problem is resolved, records the follow-up call", async () => {
    let o = await orderOf("GD2026111800001");
    const signed = await act(o.id, { action: "sign_off", version: o.version });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: "signed_off", signedOffLate: false, feedbackPending: 1 });
    o = signed.json();
    expect((await act(o.id, { action: "sign_off", version: o.version })).json().error.id).toBe("hotline.transition");
    expect((await act(o.id, { action: "visit", satisfaction: "satisfied", version: o.version - 1 })).statusCode).toBe(409);
    o = (await act(o.id, { action: "extend", days: 3, reason: "需协调环卫所增派车辆", version: o.version })).json();
    expect(o).toMatchObject({ extensionDays: 3, status: "signed_off" });
    expect((await act(o.id, { action: "extend", days: 2, reason: "再延", version: o.version })).json().error.id).toBe(
      "hotline.extension_used",
    );
    expect((await act(o.id, { action: "reply", version: o.version })).json().error.id).toBe("hotline.not_resolved");
    expect(fieldsNamed(await act(o.id, { action: "extend", days: 99, reason: "x", version: o.version }))).toEqual(["days", "reason"]);

    // The problem goes round the loop in the console.
    const unit = await t.database.db
      .selectFrom("alliance_units")
      .select("id")
      .where("station_id", "=", stationId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    for (const step of [
      { action: "accept" },
      { action: "assign", unitId: unit.id },
      { action: "start" },
      { action: "resolve", note: "已协调环卫所每日加清一次" },
    ]) {
      const p = (await t.as(staff, { method: "GET", url: `/api/problems/${o.problemId}` })).json();
      expect(
        (await t.as(staff, { method: "POST", url: `/api/problems/${o.problemId}/actions`, payload: { ...step, version: p.version } }))
          .statusCode,
      ).toBe(200);
    }
    o = (await act(o.id, { action: "reply", version: o.version })).json();
    expect(o).toMatchObject({ status: "replied", replyText: "已协调环卫所每日加清一次" });
    o = (await act(o.id, { action: "visit", satisfaction: "satisfied", version: o.version })).json();
    expect(o).toMatchObject({ status: "visited", satisfaction: "satisfied", feedbackPending: 4 });

    const other = await orderOf("GD2026111800002");
    const returned = await act(other.id, { action: "return", reason: "不属本站辖区", version: other.version });
    expect(returned.json()).toMatchObject({ status: "returned", returnReason: "不属本站辖区" });
    expect((await t.as(admin, { method: "GET", url: "/api/hotline/orders" })).json().total).toBe(2);
    expect((await t.as(await t.login("shanghu"), { method: "GET", url: "/api/hotline/orders" })).statusCode).toBe(403);
  });

  it("sends the feedback back in order, retrying errors and silence with back-off, never twice", async () => {
    hotline.state.mode = "error";
    expect(await job()).toMatchObject({ sent: 0, retried: 2 }); // the first step of each order; the rest wait behind it
    expect(await job()).toMatchObject({ sent: 0, retried: 0 }); // not due again yet
    const rows = await t.database.db.selectFrom("hotline_feedback").selectAll().where("attempts", "=", 1).execute();
    expect(rows.map((r) => r.last_error)).toEqual(["HTTP 503", "HTTP 503"]);
    hotline.state.mode = "hang";
    later(61_000);
    expect(await job()).toMatchObject({ sent: 0, retried: 2 });
    expect(
      (await t.database.db.selectFrom("hotline_feedback").select("last_error").where("attempts", "=", 2).execute()).map(
        (r) => r.last_error,
      ),
    ).toEqual(["timeout", "timeout"]);
    hotline.state.mode = "malformed"; // a 2xx with a body that is not JSON still took the feedback
    later(3_600_000);
    expect(await job()).toMatchObject({ sent: 5, retried: 0 });
    expect(await job()).toMatchObject({ sent: 0 });
    const sent = hotline.received.map((r) => `${r.body.orderNumber} ${r.body.kind}`);
    expect(sent).toEqual([
      "GD2026111800001 sign_off",
      "GD2026111800001 extension",
      "GD2026111800001 reply",
      "GD2026111800001 visit",
      "GD2026111800002 return",
    ]);
    expect(new Set(hotline.received.map((r) => r.delivery)).size).toBe(5);
    expect(hotline.received[3].body).toMatchObject({ satisfaction: "satisfied" });
    expect(hotline.state.badSignatures).toBe(0);
    expect(await count("hotline_feedback")).toBe(5);
  });

  it("computes the response, resolution and satisfaction rates as the hotline does", async () => {
    staff = await t.login("staff"); // the clock ran on past the session's idle limit
    const day = stationDate(dispatchedAt());
    await send(order("GD2026111800004", { dispatchedAt: new Date(t.clock.now().getTime() - 3 * 3_600_000).toISOString() }));
    const late = await orderOf("GD2026111800004");
    const signedLate = (await act(late.id, { action: "sign_off", version: late.version })).json();
    expect(signedLate.signedOffLate).toBe(true);
    const res = await t.as(staff, {
      method: "GET",
      url: `/api/hotline/figures?from=${stationDate(late.dispatchedAt)}&to=${day}`,
    });
    expect(res.statusCode).toBe(200);
    // 3 orders: 001 signed off in time, replied, satisfied; 002 returned; 004 signed off late.
    expect(res.json()).toMatchObject({
      received: 3,
      signedOffInTime: 1,
      responseRate: 0.3333,
      returned: 1,
      replied: 1,
      resolutionRate: 0.5,
      visited: 1,
      satisfied: 1,
      satisfactionRate: 1,
    });
    expect((await t.as(staff, { method: "GET", url: "/api/hotline/figures?from=2026-13-01" })).statusCode).toBe(400);
  });

  it("imports orders from Excel once per order number, refusing rows of unmapped categories and bad times", async () => {
    staff = await t.login("staff");
    const before = await count("problems");
    const row = (n: string, extra: Partial<Record<string, string>> = {}) => {
      const v: Record<string, string> = {
        orderNumber: n,
        category: "市容环境",
        title: "北门夜间噪音",
        content: "市民来电反映北门卸货噪音扰民。",
        address: "天源市场北门",
        callerName: "李女士",
        callerPhone: "13900001111",
        dispatchedAt: "2026-11-18 09:30",
        signOffHours: "4",
        replyBy: "2026-11-21 18:00",
        ...extra,
      };
      return hotlineSheetColumns.map((c) => v[c.key] ?? "");
    };
    const upload = await t.as(staff, {
      method: "POST",
      url: "/api/hotline-orders/imports",
      ...(await sheet([
        row("GD2026111800010"),
        row("GD2026111800001"), // received through the interface already
        row("GD2026111800011", { category: "噪音污染" }),
        row("GD2026111800012", { dispatchedAt: "18/11/2026" }),
        row("GD2026111800010"),
      ])),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const preview = upload.json();
    expect(preview).toMatchObject({ kind: "hotline-orders", totalRows: 5, validRows: 1 });
    const byRow = Object.fromEntries(
      preview.errors.map((e: { row: number; column: string; message: string }) => [e.row, `${e.column}: ${e.message}`]),
    );
    expect(byRow[3]).toMatch(/^工单号: 已接收（问题 P\d{8}-\d{5}）$/);
    expect(byRow[4]).toContain("热线类别");
    expect(byRow[5]).toBe("派单时间: 请按 2026-11-18 09:30 填写");
    expect(byRow[6]).toBe("工单号: 文件中重复");
    expect(await count("problems")).toBe(before);
    const done = await t.as(staff, { method: "POST", url: `/api/imports/${preview.id}/commit`, payload: { mode: "valid_only" } });
    expect(done.statusCode, done.body).toBe(200);
    expect(await count("problems")).toBe(before + 1);
    const imported = await orderOf("GD2026111800010");
    expect(imported).toMatchObject({
      via: "excel",
      status: "received",
      hotlineCategory: "市容环境",
      dispatchedAt: "2026-11-18T01:30:00.000Z",
    });
    expect(imported.signOffDueAt).toBe("2026-11-18T05:30:00.000Z");
  });
});
