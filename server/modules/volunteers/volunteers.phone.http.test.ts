// The pieces the console and phone pages read beyond the core service: the volunteers list's political-status
// filter and its export, a volunteer's service records (服务记录) with their minutes by certification, and the
// station's teams with the caller's membership.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Record = {
  occurrence: { id: number; startsAt: string; certification: string; title: string };
  signup: { id: number; volunteerId: number; status: string; minutes: number | null };
  objection: { status: string; reason: string } | null;
};

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
    if (n > 1) rows.push(headers.map((_, i) => String(row.getCell(i + 1).value ?? "")));
  });
  return { headers, rows, column: (header: string) => rows.map((r) => r[headers.indexOf(header)]) };
}

describe(`volunteers: the list's filter and export, my service records and teams (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let volunteer: Session;
  let resident: Session;

  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });

  beforeAll(async () => {
    t = await createTestApp();
    [staff, volunteer, resident] = await Promise.all(["staff", "zhiyuanzhe", "jumin"].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it("filters the volunteers by political status, and refuses a status it does not know, naming the field", async () => {
    const all = (await get(staff, "/api/volunteers?pageSize=200")).json();
    let sum = 0;
    for (const status of ["party_member", "veteran", "none"]) {
      const page = (await get(staff, `/api/volunteers?pageSize=200&politicalStatus=${status}`)).json();
      expect(page.items.every((v: { politicalStatus: string }) => v.politicalStatus === status)).toBe(true);
      expect(page.items.length).toBe(page.total);
      sum += page.total;
    }
    expect(sum).toBe(all.total);
    const bad = await get(staff, "/api/volunteers?politicalStatus=soldier");
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad)).toContain("querystring.politicalStatus");
  });

  it("exports the list's selection (all pages) by volunteer number, in the caller's words, and audits it", async () => {
    const listed = (await get(staff, "/api/volunteers?politicalStatus=party_member&pageSize=200")).json();
    const res = await get(staff, "/api/volunteers/export?politicalStatus=party_member&pageSize=1");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.rows.length).toBe(listed.total);
    expect(sheet.headers).toEqual(expect.arrayContaining(["志愿者编号", "姓名", "政治面貌", "所在服务队"]));
    expect(sheet.column("志愿者编号")).toEqual(listed.items.map((v: { number: string }) => v.number));
    expect(new Set(sheet.column("政治面貌"))).toEqual(new Set(["中共党员"]));
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("after_json")
      .where("action", "=", "list.exported")
      .where("object_type", "=", "volunteers")
      .execute();
    expect(audit.map((a) => JSON.parse(a.after_json as string).rows)).toContain(listed.total);
    // Those without the volunteer permission do not export.
    expect((await get(resident, "/api/volunteers/export")).statusCode).toBe(403);
  });

  it("lists the station's teams with the caller's membership; an unregistered resident sees them with none and has no records", async () => {
    const mine = (await get(volunteer, "/api/me/volunteering/teams")).json() as { name: string; membership: { status: string } | null }[];
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.filter((team) => team.membership?.status === "approved").map((team) => team.name)).toEqual(["“老党员+退伍老兵”磨刀队"]);
    const theirs = (await get(resident, "/api/me/volunteering/teams")).json() as { membership: unknown }[];
    expect(theirs.length).toBe(mine.length);
    expect(theirs.every((team) => team.membership === null)).toBe(true);
    expect((await get(resident, "/api/me/volunteering/hours")).json()).toEqual({
      records: [],
      minutes: { uncertified: 0, publicised: 0, final: 0 },
      meals: [],
    });
  });

  it("gives a volunteer their service records newest first: pending after check-out, on public notice once certified, with their objection", async () => {
    const before = (await get(volunteer, "/api/me/volunteering/hours")).json() as {
      records: Record[];
      minutes: { uncertified: number; publicised: number; final: number };
      meals: { minutes: number }[];
    };
    expect(before.records.length).toBeGreaterThan(10);
    const starts = before.records.map((r) => r.occurrence.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(starts.every((s) => Date.parse(s) <= t.clock.now().getTime())).toBe(true);
    const me = before.records[0].signup.volunteerId;
    expect(before.records.every((r) => r.signup.volunteerId === me)).toBe(true);
    const byState = (state: string) =>
      before.records.filter((r) => r.occurrence.certification === state).reduce((n, r) => n + (r.signup.minutes ?? 0), 0);
    // The final ones with the counted meal deliveries.
    const meals = before.meals.reduce((n, m) => n + m.minutes, 0);
    expect(before.minutes).toEqual({
      uncertified: byState("uncertified"),
      publicised: byState("publicised"),
      final: byState("final") + meals,
    });

    // Tomorrow, 10:00–11:00, for the knife-sharpeners: sign up now, check in at 09:50, out at 11:05, certified after.
    const knives = (await get(volunteer, "/api/me/volunteering"))
      .json()
      .volunteer.teams.find((m: { status: string }) => m.status === "approved").teamId as number;
    const date = addDays(stationDate(t.clock.now()), 1);
    const created = await t.as(staff, {
      method: "POST",
      url: "/api/volunteer-series",
      payload: {
        title: "磨刀进社区",
        repeat: { kind: "once", date },
        place: "服务站门前",
        startTime: "10:00",
        endTime: "11:00",
        teamIds: [knives],
        placesPerTeam: 5,
        deadlineHours: 0,
      },
    });
    expect(created.statusCode).toBe(201);
    const occ = await t.database.db
      .selectFrom("volunteer_occurrences")
      .select("id")
      .where("series_id", "=", created.json().series.id)
      .executeTakeFirstOrThrow();
    expect((await t.as(volunteer, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/signups`, payload: {} })).statusCode).toBe(
      201,
    );
    // Not begun: not a record yet.
    const signedUp = (await get(volunteer, "/api/me/volunteering/hours")).json().records as Record[];
    expect(signedUp.some((r) => r.occurrence.id === occ.id)).toBe(false);

    const presence = async (at: string, kind: "check-in" | "check-out") => {
      t.clock.set(stationInstant(date, at));
      // Sessions lapse after 30 idle minutes: moving the clock on means signing in again.
      [staff, volunteer] = await Promise.all(["staff", "zhiyuanzhe"].map((u) => t.login(u)));
      const code = (await get(staff, `/api/volunteer-occurrences/${occ.id}/checkin-code`)).json().code;
      const res = await t.as(volunteer, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/${kind}`, payload: { code } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await presence("09:50", "check-in");
    expect((await presence("11:05", "check-out")).minutes).toBe(60);
    const pending = (await get(volunteer, "/api/me/volunteering/hours")).json();
    expect(pending.records[0]).toMatchObject({
      occurrence: { id: occ.id, certification: "uncertified", title: "磨刀进社区" },
      signup: { status: "attended", minutes: 60 },
      objection: null,
    });
    expect(pending.minutes.uncertified).toBe(60);

    expect((await t.as(staff, { method: "POST", url: `/api/volunteer-occurrences/${occ.id}/certify` })).statusCode).toBe(200);
    const objection = await t.as(volunteer, {
      method: "POST",
      url: `/api/volunteer-occurrences/${occ.id}/objections`,
      payload: { reason: "我 11:20 才离开" },
    });
    expect(objection.statusCode).toBe(201);
    const certified = (await get(volunteer, "/api/me/volunteering/hours")).json();
    expect(certified.records[0]).toMatchObject({
      occurrence: { id: occ.id, certification: "publicised" },
      objection: { status: "open", reason: "我 11:20 才离开" },
    });
    expect(certified.minutes.uncertified).toBe(pending.minutes.uncertified - 60);
    // The demo's records on notice may have become final as the clock moved; ours is on notice.
    expect(certified.minutes.publicised).toBeGreaterThanOrEqual(60);
  });
});
