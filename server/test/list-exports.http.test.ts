// Every list's 导出: the sheet holds every row the list's filters select (all pages), masked exactly as the list
// shows it, headers in the caller's language, and each export leaves an audit entry.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, systemActor } from "../platform/audit.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "./helpers.ts";

type Row = Record<string, unknown>;

async function sheetOf(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(cell.value ?? "");
  });
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    rows.push(headers.map((_, i) => String(row.getCell(i + 1).value ?? "")));
  });
  return { headers, rows, column: (header: string) => rows.map((r) => r[headers.indexOf(header)]) };
}

describe(`list exports (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let district: Session;
  let staff: Session;

  const get = (s: Session, url: string, headers: Record<string, string> = {}) => t.as(s, { method: "GET", url, headers });
  const totalOf = async (s: Session, url: string) => {
    const body = (await get(s, url)).json();
    // A capped total (above 1,000, server/db/paging.ts) is a lower bound the export would exceed: the lists below
    // are filtered to fewer rows.
    expect(body.totalCapped, url).toBeUndefined();
    return Array.isArray(body) ? body.length : (body.total as number);
  };
  const exportsAudited = async (objectType: string) =>
    t.database.db
      .selectFrom("audit_log")
      .select(["after_json", "station_id"])
      .where("action", "=", "list.exported")
      .where("object_type", "=", objectType)
      .orderBy("seq", "desc")
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    [admin, district, staff] = await Promise.all(["admin", "district", "staff"].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  // [audit name, list address, query]: the export answers at <list>/export with the same query.
  const lists: [string, string, string][] = [
    ["merchants", "/api/merchants", "category=pharmacy"],
    ["residents", "/api/residents", ""],
    ["alliance-units", "/api/alliance-units", ""],
    ["stalls", "/api/stalls", "occupied=true"],
    ["users", "/api/users", ""],
    ["audit", "/api/audit", "objectType=merchant"],
    ["problems", "/api/problems", "status=submitted"],
    ["problem-categories", "/api/problem-categories", ""],
    ["needs", "/api/needs", ""],
    ["offers", "/api/offers", ""],
    ["projects", "/api/projects", ""],
    ["meetings", "/api/meetings", ""],
    ["action-items", "/api/action-items", ""],
    ["party-members", "/api/party/members", ""],
    ["development-cases", "/api/party/cases", ""],
    ["branch-meetings", "/api/party/meetings", ""],
    ["pioneer-posts", "/api/party/pioneer-posts", ""],
    ["caring-rounds", "/api/caring/rounds", ""],
    ["caring-cards", "/api/caring/cards", ""],
    ["caring-shops", "/api/caring/shops", ""],
    ["caring-redemptions", "/api/caring/redemptions", ""],
    ["meal-recipients", "/api/caring/meals/recipients", ""],
    ["service-items", "/api/services/items", ""],
    ["service-requests", "/api/services/requests", "status=forwarded"],
    ["red-shield-sessions", "/api/red-shield/sessions", "when=all"],
    ["red-shield-consultations", "/api/red-shield/consultations", ""],
    ["lending-items", "/api/lending/items", ""],
    ["loans", "/api/lending/loans", "borrowerKind=merchant"],
    ["reweighs", "/api/fair-scale/reweighs", ""],
  ];

  it.each(lists)("%s: 200, a workbook, one row per listed row, audited", async (name, path, query) => {
    const total = await totalOf(admin, `${path}?${query}`);
    const before = (await exportsAudited(name)).length;
    const res = await get(admin, `${path}/export?${query}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(".xlsx");
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.rows.length).toBe(total);
    // Headers are words, not keys left untranslated.
    for (const h of sheet.headers) expect(h).not.toMatch(/^[a-z]+[:.][a-zA-Z.]+$/);
    const audited = await exportsAudited(name);
    expect(audited.length).toBe(before + 1);
    expect(JSON.parse(audited[0].after_json as string).rows).toBe(total);
  });

  it("a list of more than one page exports all its pages, not just the first", async () => {
    await t.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 230; i++)
        await appendAudit(trx, systemActor, { at: t.clock.now(), action: "test.filled", objectType: "merchant", objectId: i });
    });
    const total = await totalOf(admin, "/api/audit?pageSize=1");
    expect(total).toBeGreaterThan(200);
    const sheet = await sheetOf((await get(admin, "/api/audit/export?pageSize=1")).rawPayload);
    expect(sheet.rows.length).toBe(total);
    expect(new Set(sheet.column("序号")).size).toBe(total);
  });

  it("masks personal data exactly as the list shows it: reporters' phones, account mobiles, card holders", async () => {
    const walkIn = await t.as(staff, {
      method: "POST",
      url: "/api/problems",
      payload: {
        title: "楼道灯坏了",
        description: "三楼楼道灯不亮",
        categoryCode: "market_order",
        source: "phone",
        reporterName: "王大妈",
        reporterPhone: "13912345678",
      },
    });
    expect(walkIn.statusCode).toBe(201);

    const problems = (await get(district, "/api/problems?pageSize=200&source=phone")).json().items as Row[];
    const problemSheet = await sheetOf((await get(district, "/api/problems/export?source=phone")).rawPayload);
    expect(problemSheet.column("联系电话")).toEqual(problems.map((p) => String(p.reporterPhone ?? "")));
    expect(problemSheet.column("联系电话")).toContain("139****5678");
    expect(problemSheet.rows.flat().join()).not.toContain("13912345678");

    const users = (await get(admin, "/api/users?pageSize=200")).json().items as Row[];
    const userSheet = await sheetOf((await get(admin, "/api/users/export")).rawPayload);
    expect(userSheet.column("手机号")).toEqual(users.map((u) => String(u.mobile ?? "")));
    expect(
      userSheet
        .column("手机号")
        .filter((m) => m !== "")
        .every((m) => m.includes("****")),
    ).toBe(true);

    const cards = (await get(district, "/api/caring/cards?pageSize=200")).json().items as Row[];
    const cardSheet = await sheetOf((await get(district, "/api/caring/cards/export")).rawPayload);
    expect(cardSheet.column("持卡人")).toEqual(cards.map((c) => String(c.holderName)));
  });

  it("follows the station filter and names each row's station; headers follow the caller's language", async () => {
    const stations = (await get(district, "/api/auth/me")).json().stations as { id: number; name: string }[];
    expect(stations.length).toBeGreaterThan(1);
    for (const station of stations) {
      const total = await totalOf(district, `/api/stalls?stationId=${station.id}`);
      const sheet = await sheetOf((await get(district, `/api/stalls/export?stationId=${station.id}`)).rawPayload);
      expect(sheet.rows.length).toBe(total);
      expect(sheet.column("服务站").every((s) => s === station.name)).toBe(true);
      const [entry] = await exportsAudited("stalls");
      expect(entry.station_id).toBe(station.id);
    }
    const english = await sheetOf((await get(district, "/api/stalls/export", { "accept-language": "en" })).rawPayload);
    expect(english.headers).toContain("Station");
    expect(english.headers.some((h) => /[\u4e00-\u9fff]/.test(h))).toBe(false);
  });
});
