import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, weekdayOf } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

type Shift = {
  id: number;
  unitId: number;
  unitName: string;
  date: string;
  booked: number;
  capacity: number;
  mine: boolean;
  version: number;
  officerName: string | null;
};

describe(`duty roster over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let scjg: Session;
  let wuye: Session;
  let district: Session;
  let youyi: Session;
  let stationId: number;
  const units: Record<string, number> = {};
  let today: string;
  /** Free weekend days ahead (no rule of the demo puts anyone there, except the 1st and 15th). */
  const weekends: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [staff, scjg, wuye, district, youyi] = await Promise.all(["staff", "scjg", "wuye", "district", "youyi"].map((u) => t.login(u)));
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    for (const u of await db.selectFrom("alliance_units").select(["id", "name"]).where("station_id", "=", stationId).execute())
      units[u.name] = u.id;
    for (let d = addDays(today, 2); weekends.length < 10; d = addDays(d, 1)) {
      if (weekdayOf(d) >= 6 && !["01", "15"].includes(d.slice(8))) weekends.push(d);
    }
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: object) => t.as(s, { method: "POST", url, payload });
  const create = (s: Session, unit: string, date: string, extra: object = {}) =>
    post(s, "/api/duty/shifts", { unitId: units[unit], date, ...extra });
  const roster = async (s: Session, month: string) => (await t.as(s, { method: "GET", url: `/api/duty/roster?month=${month}` })).json();

  it("creates a shift and refuses the same unit twice a day and a fourth department, naming the date", async () => {
    const day = weekends[0];
    const first = await create(staff, "区妇联", day, { capacity: 6, startTime: "09:30", endTime: "13:00" });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      unitName: "区妇联",
      date: day,
      capacity: 6,
      booked: 0,
      startTime: "09:30",
      endTime: "13:00",
      past: false,
    });

    const twice = await create(staff, "区妇联", day);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe("duty.conflict");
    expect(twice.json().error.message).toContain(day);
    expect(twice.json().error.message).toContain("区妇联");
    expect(twice.json().error.fields[0].field).toBe("date");

    expect((await create(staff, "区团委", day)).statusCode).toBe(201);
    expect((await create(staff, "石化公司党委", day)).statusCode).toBe(201);
    const fourth = await create(staff, "某大酒店党支部", day);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.id).toBe("duty.desks_full");
    expect(fourth.json().error.message).toContain(day);
    expect(fourth.json().error.message).toContain("3");
    const english = await t.as(staff, {
      method: "POST",
      url: "/api/duty/shifts",
      payload: { unitId: units.某大酒店党支部, date: day },
      headers: { "accept-language": "en" },
    });
    expect(english.json().error.message).toBe(`${day} already has 3 departments on duty; the station has 3 desks`);

    const past = await create(staff, "区妇联", addDays(today, -1));
    expect(past.statusCode).toBe(409);
    expect(past.json().error.id).toBe("duty.past_day");

    const badTimes = await create(staff, "区妇联", weekends[1], { startTime: "14:00", endTime: "13:00" });
    expect(badTimes.statusCode).toBe(400);
    expect(badTimes.json().error.fields[0].field).toBe("endTime");
    const otherStationUnit = await t.database.db
      .selectFrom("alliance_units")
      .select("id")
      .where("station_id", "!=", stationId)
      .executeTakeFirstOrThrow();
    const foreign = await post(staff, "/api/duty/shifts", { unitId: otherStationUnit.id, date: weekends[1] });
    expect(foreign.json().error.id).toBe("duty.bad_unit");
    const wrongOfficer = await create(staff, "区妇联", weekends[1], {
      officerUserId: (await t.database.db.selectFrom("users").select("id").where("username", "=", "scjg").executeTakeFirstOrThrow()).id,
    });
    expect(wrongOfficer.json().error.id).toBe("duty.bad_officer");
    // Nothing of the refused requests was written.
    const onDay = await t.database.db
      .selectFrom("duty_shifts")
      .select("id")
      .where("station_id", "=", stationId)
      .where("date", "=", weekends[1])
      .execute();
    expect(onDay).toHaveLength(0);
  });

  it("moves a shift by date with its version; refuses a day where the unit already sits and a full day", async () => {
    const a = (await create(staff, "天源商圈理事会", weekends[2])).json() as Shift;
    await create(staff, "天源商圈理事会", weekends[3]);
    const moved = await t.as(staff, {
      method: "PATCH",
      url: `/api/duty/shifts/${a.id}`,
      payload: { version: a.version, date: weekends[4] },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ date: weekends[4], version: a.version + 1 });

    const clash = await t.as(staff, {
      method: "PATCH",
      url: `/api/duty/shifts/${a.id}`,
      payload: { version: a.version + 1, date: weekends[3] },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ id: "duty.conflict" });
    expect(clash.json().error.message).toContain(weekends[3]);
    const full = await t.as(staff, {
      method: "PATCH",
      url: `/api/duty/shifts/${a.id}`,
      payload: { version: a.version + 1, date: weekends[0] },
    });
    expect(full.json().error.id).toBe("duty.desks_full");
    const stale = await t.as(staff, { method: "PATCH", url: `/api/duty/shifts/${a.id}`, payload: { version: a.version, capacity: 9 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    const row = await t.database.db.selectFrom("duty_shifts").select(["date", "version"]).where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ date: weekends[4], version: a.version + 1 });

    // Past days are read-only.
    const pastShift = await t.database.db
      .selectFrom("duty_shifts")
      .select(["id", "version"])
      .where("station_id", "=", stationId)
      .where("date", "<", today)
      .executeTakeFirstOrThrow();
    const pastEdit = await t.as(staff, {
      method: "PATCH",
      url: `/api/duty/shifts/${pastShift.id}`,
      payload: { version: pastShift.version, capacity: 3 },
    });
    expect(pastEdit.json().error.id).toBe("duty.past_day");
  });

  it("a shift holding bookings neither moves nor goes away, and keeps capacity at least what is booked", async () => {
    const db = t.database.db;
    const s = (await create(staff, "某大酒店党支部", weekends[5], { capacity: 8 })).json() as Shift;
    // The counter books two requests onto it.
    await db.updateTable("duty_shifts").set({ booked: 2 }).where("id", "=", s.id).execute();
    const move = await t.as(staff, {
      method: "PATCH",
      url: `/api/duty/shifts/${s.id}`,
      payload: { version: s.version, date: weekends[6] },
    });
    expect(move.statusCode).toBe(409);
    expect(move.json().error.id).toBe("duty.shift_booked");
    expect(move.json().error.message).toContain("2");
    const del = await t.as(staff, { method: "DELETE", url: `/api/duty/shifts/${s.id}?version=${s.version}` });
    expect(del.json().error.id).toBe("duty.shift_booked");
    const tooSmall = await t.as(staff, { method: "PATCH", url: `/api/duty/shifts/${s.id}`, payload: { version: s.version, capacity: 1 } });
    expect(tooSmall.json().error.id).toBe("duty.capacity_below_booked");
    const ok = await t.as(staff, {
      method: "PATCH",
      url: `/api/duty/shifts/${s.id}`,
      payload: { version: s.version, capacity: 2, startTime: "14:00" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ capacity: 2, booked: 2, startTime: "14:00", date: weekends[5] });

    await db.updateTable("duty_shifts").set({ booked: 0 }).where("id", "=", s.id).execute();
    const gone = await t.as(staff, { method: "DELETE", url: `/api/duty/shifts/${s.id}?version=${s.version + 1}` });
    expect(gone.statusCode).toBe(200);
    expect(await db.selectFrom("duty_shifts").select("id").where("id", "=", s.id).executeTakeFirst()).toBeUndefined();
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "duty_shift")
      .where("object_id", "=", String(s.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["duty_shift.created", "duty_shift.updated", "duty_shift.deleted"]);
  });

  it("desks change only down to the busiest planned day", async () => {
    const settings = (await t.as(staff, { method: "GET", url: "/api/duty/settings" })).json();
    expect(settings).toMatchObject({ stationId, desks: 3, busiest: { count: 3 } });
    const down = await t.as(staff, { method: "PUT", url: "/api/duty/settings", payload: { desks: 2 } });
    expect(down.statusCode).toBe(409);
    expect(down.json().error.id).toBe("duty.desks_below_planned");
    expect(down.json().error.message).toContain(settings.busiest.date);
    expect((await t.as(scjg, { method: "PUT", url: "/api/duty/settings", payload: { desks: 4 } })).statusCode).toBe(403);
    const up = await t.as(staff, { method: "PUT", url: "/api/duty/settings", payload: { desks: 4 } });
    expect(up.statusCode).toBe(200);
    expect(up.json().desks).toBe(4);
    expect((await create(staff, "某大酒店党支部", weekends[0])).statusCode).toBe(201);
    const back = await t.as(staff, { method: "PUT", url: "/api/duty/settings", payload: { desks: 3 } });
    expect(back.json().error.id).toBe("duty.desks_below_planned");
  });

  it("a repeat rule is previewed with its conflicts, refused as a whole, then generated skipping them", async () => {
    const body = {
      unitId: units.区妇联,
      rule: { kind: "weekly", weekdays: [6, 7] },
      validFrom: weekends[0],
      validTo: weekends[7],
      capacity: 6,
      startTime: "09:30",
      endTime: "13:00",
    };
    const preview = await post(staff, "/api/duty/rules/preview", body);
    expect(preview.statusCode).toBe(200);
    const p = preview.json() as { dates: { date: string; status: string }[]; ok: number; refused: number };
    expect(p.dates.find((d) => d.date === weekends[0])?.status).toBe("conflict");
    expect(p.refused).toBeGreaterThanOrEqual(1);
    expect(p.ok + p.refused).toBe(p.dates.length);
    expect(p.dates.every((d) => weekdayOf(d.date) >= 6)).toBe(true);

    const refused = await post(staff, "/api/duty/rules", body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.id).toBe("duty.rule_conflicts");
    expect(refused.json().error.message).toContain(weekends[0]);
    const before = await t.database.db.selectFrom("duty_shifts").select("id").where("unit_id", "=", units.区妇联).execute();

    const generated = await post(staff, "/api/duty/rules", { ...body, skipConflicts: true });
    expect(generated.statusCode, generated.body).toBe(201);
    expect(generated.json().created).toBe(p.ok);
    expect(generated.json().skipped.map((d: { date: string }) => d.date)).toContain(weekends[0]);
    const after = await t.database.db.selectFrom("duty_shifts").select(["id", "rule_id"]).where("unit_id", "=", units.区妇联).execute();
    expect(after.length).toBe(before.length + p.ok);
    const rules = (await t.as(staff, { method: "GET", url: "/api/duty/rules" })).json();
    const mine = rules.find((r: { id: number }) => r.id === generated.json().rule.id);
    expect(mine).toMatchObject({ unitName: "区妇联", shifts: p.ok, rule: { kind: "weekly", weekdays: [6, 7] } });

    // The 31st over one day that is not a 31st: no dates at all.
    const notThe31st = today.endsWith("-31") ? addDays(today, 1) : today;
    const empty = await post(staff, "/api/duty/rules", {
      ...body,
      rule: { kind: "monthly_days", days: [31] },
      validFrom: notThe31st,
      validTo: notThe31st,
    });
    expect([400, 409]).toContain(empty.statusCode);
  });

  it("unit accounts see their own days; the district reads; nobody else writes; other stations see nothing", async () => {
    let free = addDays(weekends[9], 1);
    while (weekdayOf(free) < 6 || ["01", "15"].includes(free.slice(8))) free = addDays(free, 1);
    const made = (await create(staff, "区市场监督管理局", free)).json() as Shift;
    const bureauDays = await t.database.db
      .selectFrom("duty_shifts")
      .select("id")
      .where("unit_id", "=", units.区市场监督管理局)
      .where("date", ">=", today)
      .execute();
    const mine = (await t.as(scjg, { method: "GET", url: "/api/duty/my-shifts" })).json();
    expect(mine.unitName).toBe("区市场监督管理局");
    expect(mine.items.length).toBe(bureauDays.length);
    expect(mine.items.some((s: Shift) => s.id === made.id)).toBe(true);
    expect(mine.items.every((s: Shift) => s.mine && s.unitId === units.区市场监督管理局 && s.date >= today)).toBe(true);
    const view = await roster(scjg, today.slice(0, 7));
    expect((view.shifts as Shift[]).some((s) => !s.mine)).toBe(true);
    expect((view.shifts as Shift[]).filter((s) => s.mine).every((s) => s.unitId === units.区市场监督管理局)).toBe(true);
    expect((await create(scjg, "区市场监督管理局", weekends[7])).statusCode).toBe(403);
    expect((await t.as(wuye, { method: "GET", url: "/api/duty/my-shifts" })).json().items).toEqual([]);

    const read = await t.as(district, { method: "GET", url: `/api/duty/roster?stationId=${stationId}&month=${today.slice(0, 7)}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().shifts.length).toBeGreaterThan(0);
    expect((await create(district, "区妇联", weekends[7])).statusCode).toBe(403);

    const shift = (view.shifts as Shift[])[0];
    expect((await t.as(youyi, { method: "GET", url: `/api/duty/shifts/${shift.id}` })).statusCode).toBe(404);
    expect((await t.as(youyi, { method: "GET", url: `/api/duty/roster?stationId=${stationId}` })).statusCode).toBe(404);
    const theirs = (await t.as(youyi, { method: "GET", url: "/api/duty/roster" })).json();
    expect(theirs.stationId).not.toBe(stationId);
    const patch = await t.as(youyi, {
      method: "PATCH",
      url: `/api/duty/shifts/${shift.id}`,
      payload: { version: shift.version, capacity: 5 },
    });
    expect(patch.statusCode).toBe(404);
  });

  it("parallel requests for the same unit on the same day make one shift; a day never passes its desks", async () => {
    const day = weekends[9];
    const same = await Promise.all(Array.from({ length: 10 }, () => create(staff, "区司法局", day)));
    expect(same.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(same.filter((r) => r.statusCode === 409).every((r) => r.json().error.id === "duty.conflict")).toBe(true);
    expect(same.filter((r) => r.statusCode === 409)).toHaveLength(9);

    const others = ["区团委", "石化公司党委", "某大酒店党支部", "区妇联", "区卫生健康委员会", "天源商圈联席会议"];
    const many = await Promise.all(others.map((u) => create(staff, u, day)));
    const desks = (await t.as(staff, { method: "GET", url: "/api/duty/settings" })).json().desks;
    expect(many.filter((r) => r.statusCode === 201).length, many.map((r) => r.body).join("\n")).toBe(desks - 1);
    const rows = await t.database.db
      .selectFrom("duty_shifts")
      .select("unit_id")
      .where("station_id", "=", stationId)
      .where("date", "=", day)
      .execute();
    expect(rows).toHaveLength(desks);
    expect(new Set(rows.map((r) => r.unit_id)).size).toBe(desks);
  });

  it("refuses a shift or a rule on a date that is not on the calendar, naming the field", async () => {
    const before = await t.database.db.selectFrom("duty_shifts").select("id").execute();
    const year = Number(today.slice(0, 4)) + 1;
    const bad = await create(staff, "区司法局", `${year}-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("date");
    const month13 = await create(staff, "区司法局", `${year}-13-01`);
    expect(month13.statusCode).toBe(400);
    const rule = await post(staff, "/api/duty/rules/preview", {
      unitId: units.区司法局,
      rule: { kind: "weekly", weekdays: [2] },
      validFrom: `${year}-01-01`,
      validTo: `${year}-02-30`,
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.fields[0].field).toBe("validTo");
    expect(await t.database.db.selectFrom("duty_shifts").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses an id beyond any record's range with 400 naming the field, instead of failing", async () => {
    const huge = 99_999_999_999;
    const shift = await post(staff, "/api/duty/shifts", { unitId: huge, date: weekends[8] });
    expect(shift.statusCode).toBe(400);
    expect(shift.json().error.fields[0].field).toBe("unitId");
    expect((await t.as(staff, { method: "GET", url: `/api/duty/shifts/${huge}` })).statusCode).toBe(400);
    const consultation = await post(staff, "/api/red-shield/consultations", {
      sessionId: huge,
      merchantId: 1,
      topic: "other",
      summary: "咨询营业执照",
      outcome: "solved",
    });
    expect(consultation.statusCode).toBe(400);
    expect(consultation.json().error.fields[0].field).toBe("sessionId");
  });
});
