import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthRange, shiftMonth, stationMonth } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Row = { key: string; label: string; minutes: number; hours: number; records: number };
type Rec = { ref: string; kind: string; minutes: number | null; count: number | null; date: string; volunteerId: number | null };

describe(`volunteer figures and the national export over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;

  const figures = async (query = "", session: Session = staff) => {
    const res = await t.as(session, { method: "GET", url: `/api/volunteer-figures${query ? `?${query}` : ""}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const refsHash = (records: Rec[]) =>
    createHash("sha256")
      .update(
        records
          .flatMap((r) => r.ref.split(","))
          .sort()
          .join("\n"),
      )
      .digest("hex");

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it("adds up: hours by team, by month and by volunteer are the same hours, each with its citation", async () => {
    const f = await figures(`stationId=${stationId}`);
    const sum = (rows: Row[]) => rows.reduce((n, r) => n + r.minutes, 0);
    expect(f.hoursByTeam.minutes).toBeGreaterThan(0);
    for (const figure of [f.hoursByTeam, f.hoursByMonth, f.hoursByVolunteer]) {
      expect(sum(figure.rows)).toBe(f.hoursByTeam.minutes);
      expect(figure.citation).toMatchObject({ stationIds: [stationId], from: f.from, to: f.to, computedAt: f.computedAt });
      expect(figure.citation.recordCount).toBe(figure.rows.reduce((n: number, r: Row) => n + r.records, 0));
    }
    expect(f.hoursByMonth.rows).toHaveLength(12);
    expect(f.hoursByTeam.rows.map((r: Row) => r.label)).toEqual(expect.arrayContaining(["老街坊理发队", "爱心餐送餐"]));
    // Most hours first.
    const teamMinutes = f.hoursByTeam.rows.map((r: Row) => r.minutes);
    expect(teamMinutes).toEqual([...teamMinutes].sort((a, b) => b - a));
    // The honour roll: the most hours first, ranks shared by equal hours.
    const roll = f.honourRoll.rows as { rank: number; minutes: number; volunteerId: number }[];
    expect(roll).toHaveLength(10);
    for (let i = 1; i < roll.length; i++) {
      expect(roll[i].minutes).toBeLessThanOrEqual(roll[i - 1].minutes);
      expect(roll[i].rank).toBe(roll[i].minutes === roll[i - 1].minutes ? roll[i - 1].rank : i + 1);
    }
    expect(roll[0].minutes).toBe(f.hoursByVolunteer.rows[0].minutes);
    // A volunteer's row is what a service record for the period would certify.
    const zyz = await t.database.db.selectFrom("volunteers").select("id").where("real_name", "=", "努尔古丽").executeTakeFirstOrThrow();
    const preview = (await t.as(staff, { method: "GET", url: `/api/volunteers/${zyz.id}/service-hours?from=${f.from}&to=${f.to}` })).json();
    expect(f.hoursByVolunteer.rows.find((r: Row) => r.key === String(zyz.id))?.minutes).toBe(preview.totals.minutes);
  });

  it("lists the records behind a row, and they make the row", async () => {
    const f = await figures(`stationId=${stationId}`);
    const barbers = f.hoursByTeam.rows.find((r: Row) => r.label === "老街坊理发队") as Row;
    const drill = (await figures(`stationId=${stationId}&figure=hours_by_team&key=${barbers.key}`)).drill;
    expect(drill.records.reduce((n: number, r: Rec) => n + (r.minutes ?? 0), 0)).toBe(barbers.minutes);
    expect(drill.citation.recordCount).toBe(barbers.records);
    expect(drill.citation.recordSetHash).toBe(refsHash(drill.records));
    // Every record behind the hours is final: certified, out of notice.
    const all = (await figures(`stationId=${stationId}&figure=hours_by_month`)).drill;
    expect(all.citation.recordSetHash).toBe(f.hoursByMonth.citation.recordSetHash);
    const signupIds = all.records.filter((r: Rec) => r.kind === "signup").map((r: Rec) => Number(r.ref.split(":")[1]));
    const notFinal = await t.database.db
      .selectFrom("volunteer_signups as g")
      .innerJoin("volunteer_occurrences as o", "o.id", "g.occurrence_id")
      .select("g.id")
      .where("g.id", "in", signupIds)
      .where((eb) => eb.or([eb("o.certified_at", "is", null), eb("o.public_until", ">", t.clock.now().toISOString())]))
      .execute();
    expect(notFinal).toEqual([]);
    // A month's row, and the honour roll's first volunteer, are their records too.
    const month = f.hoursByMonth.rows.find((r: Row) => r.minutes > 0) as Row;
    const byMonth = (await figures(`stationId=${stationId}&figure=hours_by_month&key=${month.key}`)).drill;
    expect(byMonth.records.reduce((n: number, r: Rec) => n + (r.minutes ?? 0), 0)).toBe(month.minutes);
    expect(byMonth.records.every((r: Rec) => r.date.startsWith(month.key))).toBe(true);
    const first = f.honourRoll.rows[0];
    const honour = (await figures(`stationId=${stationId}&figure=honour_roll&key=${first.volunteerId}`)).drill;
    expect(honour.records.reduce((n: number, r: Rec) => n + (r.minutes ?? 0), 0)).toBe(first.minutes);
    const roll = (await figures(`stationId=${stationId}&figure=honour_roll`)).drill;
    expect(roll.citation.recordSetHash).toBe(f.honourRoll.citation.recordSetHash);
    expect(roll.citation.recordCount).toBe(f.honourRoll.rows.reduce((n: number, r: { records: number }) => n + r.records, 0));
    // Meal deliveries count for the volunteers who confirmed them.
    const meals = (await figures(`stationId=${stationId}&figure=hours_by_team&key=meal_delivery`)).drill;
    expect(meals.records.length).toBeGreaterThan(0);
    expect(meals.records.every((r: Rec) => r.kind === "meal_delivery" && (r.minutes ?? 0) >= 30)).toBe(true);
    // People served by kind, from their entries.
    const kinds = (await figures(`stationId=${stationId}&figure=served_by_kind&key=knives`)).drill;
    const knives = f.servedByKind.rows.find((r: { key: string }) => r.key === "knives");
    expect(knives.label).toBe("磨菜刀");
    expect(kinds.records.reduce((n: number, r: Rec) => n + (r.count ?? 0), 0)).toBe(knives.count);
  });

  it("tells which month missed its 16th or 28th, with the occurrences behind the days held", async () => {
    const f = await figures(`stationId=${stationId}`);
    expect(f.activityDays.allHeld).toBe(true);
    expect(f.activityDays.months.length).toBe(12);
    // Last month's 28th cancelled: that day is missing.
    const last = shiftMonth(stationMonth(t.clock.now()), -1);
    await t.database.db
      .updateTable("volunteer_occurrences")
      .set({ status: "cancelled", status_reason: "大风" })
      .where("station_id", "=", stationId)
      .where("date", "=", `${last}-28`)
      .execute();
    const after = await figures(`stationId=${stationId}`);
    expect(after.activityDays.allHeld).toBe(false);
    expect(after.activityDays.missing).toEqual([
      { stationId, stationName: "天源市场党群服务站", month: last, day: 28, date: `${last}-28` },
    ]);
    const day16 = after.activityDays.months
      .find((m: { month: string }) => m.month === last)
      .days.find((d: { day: number }) => d.day === 16);
    const drill = (await figures(`stationId=${stationId}&figure=activity_days&key=${last}-16`)).drill;
    expect(drill.records.map((r: Rec) => Number(r.ref.split(":")[1]))).toEqual(day16.occurrenceIds);
  });

  it("refuses bad periods naming the field, and shows another station nothing of this one", async () => {
    const bad = await t.as(staff, { method: "GET", url: "/api/volunteer-figures?from=2026-05-01&to=2026-04-01" });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad)).toContain("querystring.to");
    const noFigure = await t.as(staff, { method: "GET", url: "/api/volunteer-figures?key=1" });
    expect(fieldsNamed(noFigure)).toContain("querystring.figure");
    const youyi = await t.login("youyi");
    const theirs = await figures(`stationId=${stationId}`, youyi);
    expect(theirs.hoursByTeam.minutes).toBe(0);
    expect(theirs.servedByKind.count).toBe(0);
    expect(theirs.honourRoll.rows).toEqual([]);
  });

  it("exports last month's final hours in the national import layout, with volunteer numbers and no ID numbers", async () => {
    const res = await t.as(staff, { method: "GET", url: `/api/volunteer-figures/hours.xlsx?stationId=${stationId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "序号",
      "志愿者姓名",
      "志愿者编号",
      "服务日期",
      "开始时间",
      "结束时间",
      "服务时长(小时)",
      "活动名称",
      "服务地点",
      "服务内容",
      "服务队伍",
      "记录人",
      "记录单位",
      "记录编号",
    ]);
    const { from, to } = monthRange(shiftMonth(stationMonth(t.clock.now()), -1));
    const f = await figures(`stationId=${stationId}&from=${from}&to=${to}&figure=hours_by_month`);
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    expect(rows.length).toBe(f.drill.total);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => String(r.getCell(14).value))).toEqual(f.drill.records.map((r: Rec) => r.ref));
    const hours = rows.reduce((n, row) => n + Number(row.getCell(7).value), 0);
    expect(Math.abs(hours - f.hoursByMonth.hours)).toBeLessThan(0.01 * rows.length + 0.01);
    for (const row of rows) {
      expect(String(row.getCell(3).value)).toMatch(/^TY-V-\d{4}$/);
      expect(String(row.getCell(4).value) >= from && String(row.getCell(4).value) <= to).toBe(true);
    }
    expect(JSON.stringify(rows.map((r) => r.values))).not.toMatch(/\d{17}[\dXx]/);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("after_json")
      .where("action", "=", "list.exported")
      .where("object_type", "=", "volunteer_hours")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({ rows: rows.length, layout: "national" });
  });
});
