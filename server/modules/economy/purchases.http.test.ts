import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

async function sheet(headers: string[], rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("消费");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = "purchases.xlsx") {
  const boundary = "----dandelion-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`directed consumption over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let merchant: Session;
  let merchantId: number;
  let merchantName: string;
  let otherMerchant: { id: number; name: string };
  let enterpriseId: number;
  let today: string;
  let month: string;

  const purchaseCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("economy_purchases")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ranking = async () => (await t.as(staff, { method: "GET", url: `/api/economy/ranking?month=${month}` })).json();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    merchant = await t.login("shanghu");
    const db = t.database.db;
    const user = await db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow();
    merchantId = user.merchant_id as number;
    const m = await db.selectFrom("merchants").select(["name", "station_id"]).where("id", "=", merchantId).executeTakeFirstOrThrow();
    merchantName = m.name;
    otherMerchant = await db
      .selectFrom("merchants")
      .select(["id", "name"])
      .where("station_id", "=", m.station_id)
      .where("id", "<>", merchantId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    today = stationDate(t.clock.now());
    month = stationMonth(t.clock.now());
    const e = await t.as(staff, {
      method: "POST",
      url: "/api/enterprises",
      payload: { name: "克拉玛依测试能源有限公司", contactName: "周主席", contactTitle: "工会" },
    });
    expect(e.statusCode, e.body).toBe(201);
    enterpriseId = e.json().id;
    const pledge = await t.as(staff, {
      method: "PUT",
      url: `/api/enterprises/${enterpriseId}/pledges`,
      payload: { period: month, amountFen: 1_000_000 },
    });
    expect(pledge.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("records a purchase that counts only once the merchant confirms it on the phone", async () => {
    const rec = await t.as(staff, {
      method: "POST",
      url: "/api/purchases",
      payload: { enterpriseId, merchantId, amountFen: 200_000, purchasedOn: today, invoiceNo: "T-0001" },
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().status).toBe("pending");
    const before = await purchaseCount();
    const dup = await t.as(staff, {
      method: "POST",
      url: "/api/purchases",
      payload: { enterpriseId, merchantId, amountFen: 100, purchasedOn: today, invoiceNo: "T-0001" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ id: "economy.invoice_taken", fields: [{ field: "invoiceNo" }] });
    const bad = await t.as(staff, {
      method: "POST",
      url: "/api/purchases",
      payload: { enterpriseId, merchantId, amountFen: 12.5, purchasedOn: today, invoiceNo: "T-9" },
    });
    expect(bad.json().error.fields[0].field).toBe("amountFen");
    expect(await purchaseCount()).toBe(before);

    const mineRow = (r: { enterpriseId: number }) => r.enterpriseId === enterpriseId;
    expect((await ranking()).rows.find(mineRow).confirmedFen).toBe(0);
    const phone = (await t.as(merchant, { method: "GET", url: "/api/me/purchases" })).json();
    expect(phone.items.find((p: { id: number }) => p.id === rec.json().id).status).toBe("pending");
    const ok = await t.as(merchant, { method: "POST", url: `/api/me/purchases/${rec.json().id}/confirm`, payload: {} });
    expect(ok.json().status).toBe("confirmed");
    const again = await t.as(merchant, { method: "POST", url: `/api/me/purchases/${rec.json().id}/dispute`, payload: {} });
    expect(again.json().error.id).toBe("economy.purchase_transition");
    const row = (await ranking()).rows.find(mineRow);
    expect(row).toMatchObject({ confirmedFen: 200_000, pledgedFen: 1_000_000, fulfilmentBp: 2000 });
  });

  it("imports an enterprise's own spreadsheet with its columns mapped, naming the bad rows, writing nothing until asked", async () => {
    const headers = ["日期", "店铺", "消费金额", "票据编号"];
    const file = await sheet(headers, [
      [today, merchantName, "1,000.00", "IMP-1"],
      [addDays(today, -1), `${otherMerchant.name.slice(0, -1)}`, "350.5", "IMP-2"],
      [today, "查无此店", "80", "IMP-3"],
      [today, merchantName, "12.345", "IMP-4"],
      [today, merchantName, "66", "IMP-1"],
      [today, merchantName, "88", "T-0001"],
    ]);
    const mapping = `enterpriseId=${enterpriseId}&date=${encodeURIComponent("日期")}&merchant=${encodeURIComponent("店铺")}&amount=${encodeURIComponent("消费金额")}&invoice=${encodeURIComponent("票据编号")}`;
    const before = await purchaseCount();
    const preview = await t.as(staff, { method: "POST", url: `/api/purchases/import?${mapping}`, ...multipart(file) });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ mode: "preview", totalRows: 6, acceptedRows: 2, importedRows: 0 });
    expect(p.rejected.map((x: { row: number }) => x.row)).toEqual([4, 5, 6, 7]);
    expect(p.rejected[0]).toMatchObject({ row: 4, column: "店铺" });
    expect(p.rejected.find((x: { row: number }) => x.row === 6).column).toBe("票据编号");
    expect(p.fuzzy).toEqual([{ row: 3, column: "店铺", given: otherMerchant.name.slice(0, -1), matched: otherMerchant.name }]);
    expect(await purchaseCount()).toBe(before);

    const all = await t.as(staff, { method: "POST", url: `/api/purchases/import?mode=all&${mapping}`, ...multipart(file) });
    expect(all.statusCode).toBe(400);
    expect(all.json().error.id).toBe("economy.import_rejected");
    expect(all.json().error.message).toContain("第 4 行");
    expect(await purchaseCount()).toBe(before);

    const missing = await t.as(staff, { method: "POST", url: `/api/purchases/import?enterpriseId=${enterpriseId}`, ...multipart(file) });
    expect(missing.json().error.id).toBe("economy.import_columns");

    const done = await t.as(staff, { method: "POST", url: `/api/purchases/import?mode=valid_only&${mapping}`, ...multipart(file) });
    expect(done.json()).toMatchObject({ importedRows: 2 });
    expect(await purchaseCount()).toBe(before + 2);
    // Imported again, the same receipts are refused as already recorded.
    const twice = (await t.as(staff, { method: "POST", url: `/api/purchases/import?${mapping}`, ...multipart(file) })).json();
    expect(twice.acceptedRows).toBe(0);

    // The merchant confirms theirs; the ranking moves; the other stays pending and uncounted.
    const phone = (await t.as(merchant, { method: "GET", url: "/api/me/purchases" })).json();
    const imported = phone.items.find((x: { invoiceNo: string }) => x.invoiceNo === "IMP-1");
    const before2 = (await ranking()).rows.find((r: { enterpriseId: number }) => r.enterpriseId === enterpriseId).confirmedFen;
    await t.as(merchant, { method: "POST", url: `/api/me/purchases/${imported.id}/confirm`, payload: {} });
    const after = (await ranking()).rows.find((r: { enterpriseId: number }) => r.enterpriseId === enterpriseId);
    expect(after.confirmedFen).toBe(before2 + 100_000);
    const totals = (
      await t.as(staff, { method: "GET", url: `/api/economy/merchant-totals?from=${addDays(today, -1)}&to=${today}` })
    ).json();
    expect(totals.find((x: { merchantId: number }) => x.merchantId === otherMerchant.id)).toMatchObject({ pendingFen: 35_050 });
  });

  it("keeps a merchant to their own purchases", async () => {
    const rec = await t.as(staff, {
      method: "POST",
      url: "/api/purchases",
      payload: { enterpriseId, merchantId: otherMerchant.id, amountFen: 5_000, purchasedOn: today, invoiceNo: "T-OTHER" },
    });
    const res = await t.as(merchant, { method: "POST", url: `/api/me/purchases/${rec.json().id}/confirm`, payload: {} });
    expect(res.statusCode).toBe(404);
  });
});
