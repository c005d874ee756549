// The counter over HTTP, one suite over one database: its cases share the sign-ins and the shift helper below
// and run in order over the same records (a booking made early is checked in, forwarded and rated later), so
// the file stays whole at ~600 lines rather than splitting one story across files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import { Notifier } from "../../platform/notify.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";
import { DutyService } from "../duty/duty.service.ts";
import { CounterService } from "./counter.service.ts";

type Req = { id: number; status: string; queueNo: number | null; version: number; dueDate: string | null; overdue: boolean };

describe(`the station counter over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let jumin: Session;
  let shanghu: Session;
  let scjg: Session;
  let wuye: Session;
  let youyi: Session;
  let stationId: number;
  let units: Record<string, number>;
  let items: Record<string, { id: number; unit_id: number; version: number }>;
  let today: string;

  const post = (s: Session, url: string, payload: object) => t.as(s, { method: "POST", url, payload });
  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });

  /** The shift of a unit on a day with `places` free (made here, or an existing one resized): tests never rely on the roster demo. */
  async function ensureShift(unitId: number, date: string, places: number): Promise<number> {
    const db = t.database.db;
    const existing = await db
      .selectFrom("duty_shifts")
      .select(["id", "booked"])
      .where("station_id", "=", stationId)
      .where("unit_id", "=", unitId)
      .where("date", "=", date)
      .executeTakeFirst();
    if (existing) {
      await db
        .updateTable("duty_shifts")
        .set({ capacity: existing.booked + places })
        .where("id", "=", existing.id)
        .execute();
      return existing.id;
    }
    const at = t.clock.now().toISOString();
    const row = await db
      .insertInto("duty_shifts")
      .values({
        station_id: stationId,
        unit_id: unitId,
        date,
        start_time: "10:00",
        end_time: "17:30",
        capacity: places,
        booked: 0,
        officer_user_id: null,
        rule_id: null,
        note: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A future day on which a unit has no shift. */
  async function dayWithoutDuty(unitId: number, from = 2): Promise<string> {
    const taken = new Set(
      (await t.database.db.selectFrom("duty_shifts").select("date").where("unit_id", "=", unitId).execute()).map((s) => s.date),
    );
    for (let i = from; ; i++) if (!taken.has(addDays(today, i))) return addDays(today, i);
  }

  const shiftOf = (id: number) =>
    t.database.db.selectFrom("duty_shifts").select(["booked", "capacity"]).where("id", "=", id).executeTakeFirstOrThrow();
  const requestCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("service_requests")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [staff, jumin, shanghu, scjg, wuye, youyi] = await Promise.all(
      ["staff", "jumin", "shanghu", "scjg", "wuye", "youyi"].map((u) => t.login(u)),
    );
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    units = Object.fromEntries(
      (await db.selectFrom("alliance_units").select(["id", "name"]).where("station_id", "=", stationId).execute()).map((u) => [
        u.name,
        u.id,
      ]),
    );
    items = Object.fromEntries(
      (await db.selectFrom("service_items").select(["id", "code", "unit_id", "version"]).where("station_id", "=", stationId).execute()).map(
        (i) => [i.code, i],
      ),
    );
  });
  afterAll(() => t.close());

  it("keeps the catalogue: search, filters, create, edit with its version, deactivate; read-only for others", async () => {
    const bureauUrl = `/api/services/items?unitId=${units.区市场监督管理局}&pageSize=1`;
    const bureauBefore = (await get(staff, bureauUrl)).json().total;
    const word = encodeURIComponent("蒲英食品");
    const own = [
      { code: "PY-01", name: "蒲英食品经营咨询", audience: "resident", materials: [], handling: "on_site" },
      { code: "PY-02", name: "蒲英证照咨询", audience: "merchant", materials: ["蒲英食品许可证"], handling: "forwarded" },
      { code: "PY-03", name: "蒲英食品标签咨询", audience: "both", materials: [], handling: "on_site" },
    ];
    for (const o of own) {
      const made = await post(staff, "/api/services/items", { ...o, unitId: units.区市场监督管理局, timeLimitDays: 3 });
      expect(made.statusCode).toBe(201);
    }
    const search = (await get(staff, `/api/services/items?q=${word}`)).json();
    expect(search.total).toBe(3);
    expect(search.items.every((i: { name: string; materials: string[] }) => `${i.name}${i.materials.join("")}`.includes("蒲英食品"))).toBe(
      true,
    );
    const bureau = (await get(staff, `/api/services/items?unitId=${units.区市场监督管理局}&pageSize=50`)).json();
    expect(bureau.total).toBe(bureauBefore + 3);
    expect(bureau.items.every((i: { unitName: string }) => i.unitName === "区市场监督管理局")).toBe(true);
    const onSite = (await get(staff, `/api/services/items?handling=on_site&pageSize=50&q=${word}`)).json();
    expect(onSite.total).toBe(2);
    expect(onSite.items.every((i: { handling: string }) => i.handling === "on_site")).toBe(true);
    // Applicants see what they may apply for.
    const forResident = (await get(jumin, `/api/services/items?pageSize=50&q=${word}`)).json();
    expect(forResident.items.every((i: { audience: string }) => i.audience !== "merchant")).toBe(true);
    const forMerchant = (await get(shanghu, `/api/services/items?pageSize=50&q=${word}`)).json();
    expect(forMerchant.items.every((i: { audience: string }) => i.audience !== "resident")).toBe(true);
    expect(forResident.total + forMerchant.total).toBeGreaterThan(3);

    const invalid = await post(staff, "/api/services/items", { code: "X", name: "", unitId: units.区司法局, audience: "all" });
    expect(invalid.statusCode).toBe(400);
    const fields = fieldsNamed(invalid);
    expect(fields).toEqual(expect.arrayContaining(["code", "name", "audience", "timeLimitDays", "handling"]));

    const input = {
      code: "SF-04",
      name: "公证事项咨询",
      unitId: units.区司法局,
      audience: "both",
      materials: ["身份证", "需公证的材料"],
      timeLimitDays: 5,
      handling: "forwarded",
      feeFen: 0,
    };
    const created = await post(staff, "/api/services/items", input);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: "SF-04",
      unitName: "区司法局",
      materials: ["身份证", "需公证的材料"],
      active: true,
      version: 1,
    });
    const again = await post(staff, "/api/services/items", input);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ id: "service.code_taken", fields: [{ field: "code" }] });
    const otherStationUnit = await t.database.db
      .selectFrom("alliance_units")
      .select("id")
      .where("station_id", "!=", stationId)
      .executeTakeFirst();
    if (otherStationUnit) {
      const foreign = await post(staff, "/api/services/items", { ...input, code: "SF-05", unitId: otherStationUnit.id });
      expect(foreign.json().error).toMatchObject({ id: "service.unit_invalid", fields: [{ field: "unitId" }] });
    }

    const id = created.json().id;
    const edited = await t.as(staff, { method: "PATCH", url: `/api/services/items/${id}`, payload: { timeLimitDays: 3, version: 1 } });
    expect(edited.json()).toMatchObject({ timeLimitDays: 3, version: 2 });
    const stale = await t.as(staff, { method: "PATCH", url: `/api/services/items/${id}`, payload: { name: "改名", version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    expect((await get(jumin, `/api/services/items/${id}`)).statusCode).toBe(200);
    const off = await t.as(staff, { method: "PATCH", url: `/api/services/items/${id}`, payload: { active: false, version: 2 } });
    expect(off.json().active).toBe(false);
    expect((await get(jumin, `/api/services/items/${id}`)).statusCode).toBe(404);
    const notarial = (await get(jumin, `/api/services/items?q=${encodeURIComponent("公证")}&pageSize=50`)).json();
    expect(notarial.items.some((i: { id: number }) => i.id === id)).toBe(false);
    const shiftId = await ensureShift(units.区司法局, addDays(today, 3), 3);
    const placesTaken = (await shiftOf(shiftId)).booked;
    const inactive = await post(jumin, "/api/services/bookings", { itemId: id, date: addDays(today, 3) });
    expect(inactive.json().error).toMatchObject({ id: "service.item_inactive", fields: [{ field: "itemId" }] });
    expect((await shiftOf(shiftId)).booked).toBe(placesTaken);

    // A department reads the catalogue but does not edit it; another station does not see it.
    expect((await get(scjg, "/api/services/items")).statusCode).toBe(200);
    expect((await t.as(scjg, { method: "PATCH", url: `/api/services/items/${id}`, payload: { version: 3 } })).statusCode).toBe(403);
    expect((await get(youyi, `/api/services/items/${id}`)).statusCode).toBe(404);
    // …its list holds only its own catalogue (友谊's demo counter has one of its own).
    const youyiStation = (
      await t.database.db.selectFrom("users").select("org_unit_id").where("username", "=", "youyi").executeTakeFirstOrThrow()
    ).org_unit_id;
    const theirs = (await get(youyi, "/api/services/items?pageSize=100")).json();
    expect(theirs.total).toBeGreaterThan(0);
    expect(theirs.items.every((i: { stationId: number }) => i.stationId === youyiStation)).toBe(true);
    expect(theirs.items.map((i: { id: number }) => i.id)).not.toContain(id);
  });

  it("books only a day the item's department is on duty, in the future, for its audience, within the places", async () => {
    const grid = units.银河路街道网格化服务管理中心;
    const item = items["WG-01"].id; // residents only
    const date = addDays(today, 4);
    const shiftId = await ensureShift(grid, date, 1);
    const before = await requestCount();
    const booked = (await shiftOf(shiftId)).booked;

    const past = await post(jumin, "/api/services/bookings", { itemId: item, date: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ id: "service.date_past", fields: [{ field: "date" }] });
    const noDuty = await post(jumin, "/api/services/bookings", { itemId: item, date: await dayWithoutDuty(grid) });
    expect(noDuty.statusCode).toBe(400);
    expect(noDuty.json().error).toMatchObject({ id: "service.no_duty", fields: [{ field: "date" }] });
    const tooFar = await post(jumin, "/api/services/bookings", { itemId: item, date: addDays(today, 90) });
    expect(tooFar.json().error).toMatchObject({ id: "service.date_too_far", fields: [{ field: "date" }] });
    const wrongAudience = await post(shanghu, "/api/services/bookings", { itemId: item, date });
    expect(wrongAudience.statusCode).toBe(400);
    expect(wrongAudience.json().error).toMatchObject({ id: "service.wrong_audience", fields: [{ field: "itemId" }] });
    const merchantsOnly = await post(jumin, "/api/services/bookings", { itemId: items["SC-04"].id, date });
    expect(merchantsOnly.json().error.id).toBe("service.wrong_audience");
    const badDate = await post(jumin, "/api/services/bookings", { itemId: item, date: "tomorrow" });
    expect(badDate.json().error.fields[0].field).toBe("date");
    expect(await requestCount()).toBe(before);
    expect((await shiftOf(shiftId)).booked).toBe(booked);

    const ok = await post(jumin, "/api/services/bookings", { itemId: item, date, note: "带老人一起来" });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      status: "booked",
      channel: "booking",
      date,
      queueNo: null,
      shift: { startTime: expect.any(String) },
    });
    expect(ok.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(["booked"]);
    expect((await shiftOf(shiftId)).booked).toBe(booked + 1);
    // The same thing twice the same day is refused; the day is now full for anybody else.
    expect((await post(jumin, "/api/services/bookings", { itemId: item, date })).json().error.id).toBe("service.already_booked");
    const full = await post(jumin, "/api/services/bookings", { itemId: items["WG-05"].id, date });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ id: "service.shift_full", fields: [{ field: "date" }] });
    expect((await get(jumin, `/api/services/items/${item}/days`)).json().some((d: { date: string }) => d.date === date)).toBe(false);

    // Withdrawn by the applicant: the place is given back and the day is offered again.
    const cancelled = await post(jumin, `/api/me/service-requests/${ok.json().id}/cancel`, {
      reason: "临时有事",
      version: ok.json().version,
    });
    expect(cancelled.json().status).toBe("cancelled");
    expect((await shiftOf(shiftId)).booked).toBe(booked);
    const days = (await get(jumin, `/api/services/items/${item}/days`)).json();
    expect(days.find((d: { date: string }) => d.date === date)).toMatchObject({ left: 1 });
    expect((await post(jumin, `/api/me/service-requests/${ok.json().id}/cancel`, { reason: "再取消", version: 2 })).json().error.id).toBe(
      "service.transition",
    );
  });

  it("checks a booking in on its day with the next queue number, calls it, completes it and tells the applicant", async () => {
    const grid = units.银河路街道网格化服务管理中心;
    await ensureShift(grid, today, 5);
    const tomorrowShift = await ensureShift(grid, addDays(today, 1), 5);
    expect(tomorrowShift).toBeGreaterThan(0);
    const booking = (await post(jumin, "/api/services/bookings", { itemId: items["WG-05"].id, date: today })).json() as Req;
    const later = (await post(jumin, "/api/services/bookings", { itemId: items["WG-05"].id, date: addDays(today, 1) })).json() as Req;
    const notToday = await post(staff, `/api/services/requests/${later.id}/actions`, { action: "check_in", version: later.version });
    expect(notToday.statusCode).toBe(409);
    expect(notToday.json().error.id).toBe("service.not_today");

    const day = (await get(staff, "/api/services/counter")).json();
    expect(day.date).toBe(today);
    expect(day.expected.map((r: Req) => r.id)).toContain(booking.id);
    const maxBefore = Math.max(0, ...[...day.queue, ...day.handling, ...day.finished].map((r: Req) => r.queueNo ?? 0));
    const checked = await post(staff, `/api/services/requests/${booking.id}/actions`, { action: "check_in", version: booking.version });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ status: "waiting", queueNo: maxBefore + 1 });
    const stale = await post(staff, `/api/services/requests/${booking.id}/actions`, { action: "check_in", version: booking.version });
    expect(stale.json().error.id).toBe("service.transition");

    // A walk-in joins the queue behind it with the next number.
    const walkIn = await post(staff, "/api/services/walk-ins", { itemId: items["SF-01"].id, name: "王建国", mobile: "13909901234" });
    expect(walkIn.statusCode).toBe(201);
    expect(walkIn.json()).toMatchObject({ status: "waiting", channel: "walk_in", queueNo: maxBefore + 2, applicantMobile: "139****1234" });
    const noApplicant = await post(staff, "/api/services/walk-ins", { itemId: items["SF-01"].id });
    expect(noApplicant.json().error.fields[0].field).toBe("name");

    // Calling the next number takes the lowest one waiting.
    const queue = (await get(staff, "/api/services/counter")).json().queue as Req[];
    const lowest = [...queue].sort((a, b) => (a.queueNo ?? 0) - (b.queueNo ?? 0))[0];
    const called = await post(staff, "/api/services/counter/call-next", {});
    expect(called.json()).toMatchObject({ id: lowest.id, status: "handling" });
    let current = booking.id === lowest.id ? called.json() : (await get(staff, `/api/services/requests/${booking.id}`)).json();
    if (current.status === "waiting") {
      current = (await post(staff, `/api/services/requests/${booking.id}/actions`, { action: "start", version: current.version })).json();
    }
    const done = await post(staff, `/api/services/requests/${booking.id}/actions`, {
      action: "complete",
      note: "现场出具",
      version: current.version,
    });
    expect(done.json()).toMatchObject({ status: "done", completedAt: expect.any(String) });
    expect(done.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(["booked", "checked_in", "started", "done"]);
    const notices = await t.database.db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select("n.kind")
      .where("u.username", "=", "jumin")
      .where("n.link", "=", `/m/services/requests/${booking.id}`)
      .execute();
    expect(notices.map((n) => n.kind).sort()).toEqual(["service.checked_in", "service.done"]);

    // Cancelling a done request is refused; the queue empties eventually.
    expect(
      (await post(staff, `/api/services/requests/${booking.id}/actions`, { action: "cancel", reason: "误操作", version: 5 })).json().error
        .id,
    ).toBe("service.transition");
  });

  it("forwards to the department, which alone (with the station) sees and completes it; overdue ones are flagged", async () => {
    const merchantId = (
      await t.database.db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow()
    ).merchant_id;
    const walkIn = (await post(staff, "/api/services/walk-ins", { itemId: items["SC-05"].id, merchantId })).json() as Req;
    const started = (
      await post(staff, `/api/services/requests/${walkIn.id}/actions`, { action: "start", version: walkIn.version })
    ).json() as Req;
    expect((await get(scjg, `/api/services/requests/${walkIn.id}`)).statusCode).toBe(404);
    const forwarded = await post(staff, `/api/services/requests/${walkIn.id}/actions`, {
      action: "forward",
      note: "材料齐全",
      version: started.version,
    });
    expect(forwarded.json()).toMatchObject({ status: "forwarded", dueDate: addDays(today, 10), overdue: false });

    const bureauList = (await get(scjg, "/api/services/requests?pageSize=200")).json();
    expect(bureauList.items.map((r: Req) => r.id)).toContain(walkIn.id);
    expect(
      bureauList.items.every((r: { unitName: string; forwardedAt: string | null }) => r.unitName === "区市场监督管理局" && r.forwardedAt),
    ).toBe(true);
    expect((await get(wuye, `/api/services/requests/${walkIn.id}`)).statusCode).toBe(404);
    expect((await get(wuye, "/api/services/requests")).json().items.map((r: Req) => r.id)).not.toContain(walkIn.id);
    expect(
      (await post(wuye, `/api/services/requests/${walkIn.id}/actions`, { action: "complete", version: forwarded.json().version }))
        .statusCode,
    ).toBe(404);
    // shanghu was told, and so was the bureau.
    const kinds = await t.database.db
      .selectFrom("notifications")
      .select(["kind", "user_id"])
      .where("link", "in", [`/m/services/requests/${walkIn.id}`, `/services/requests/${walkIn.id}`])
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(["service.checked_in", "service.forwarded", "service.forwarded_to_unit"]),
    );

    const finished = await post(scjg, `/api/services/requests/${walkIn.id}/actions`, {
      action: "complete",
      note: "许可证已核发",
      version: forwarded.json().version,
    });
    expect(finished.json()).toMatchObject({ status: "done", handledBy: expect.stringContaining("") });
    // Overdue: a forwarded request past its due date is flagged and filtered.
    const other = (await post(staff, "/api/services/walk-ins", { itemId: items["SC-09"].id, merchantId })).json() as Req;
    const s2 = (await post(staff, `/api/services/requests/${other.id}/actions`, { action: "start", version: other.version })).json() as Req;
    await post(staff, `/api/services/requests/${other.id}/actions`, { action: "forward", version: s2.version });
    await t.database.db
      .updateTable("service_requests")
      .set({ due_date: addDays(today, -1) })
      .where("id", "=", other.id)
      .execute();
    const overdue = (await get(staff, "/api/services/requests?overdue=true&pageSize=200")).json();
    expect(overdue.items.find((r: Req) => r.id === other.id)).toMatchObject({ overdue: true });
    expect(overdue.items.every((r: Req) => r.overdue && r.status === "forwarded")).toBe(true);
  });

  it("takes the five hearts once, from the applicant, after completion; applicants see only their own", async () => {
    const mine = (await get(jumin, "/api/me/service-requests?pageSize=100")).json().items as (Req & { rating: unknown })[];
    const unrated = mine.find((r) => r.status === "done" && r.rating === null);
    if (!unrated) throw new Error("jumin has no finished request to rate");
    const hearts = { easy: 5, satisfying: 5, warm: 4, considerate: 5, pleasant: 5, comment: "很方便" };
    expect((await post(shanghu, `/api/me/service-requests/${unrated.id}/rating`, hearts)).statusCode).toBe(404);
    const bad = await post(jumin, `/api/me/service-requests/${unrated.id}/rating`, { ...hearts, easy: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("easy");
    const rated = await post(jumin, `/api/me/service-requests/${unrated.id}/rating`, hearts);
    expect(rated.statusCode).toBe(201);
    expect(rated.json().rating).toMatchObject({ easy: 5, warm: 4, comment: "很方便" });
    const twice = await post(jumin, `/api/me/service-requests/${unrated.id}/rating`, hearts);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe("service.already_rated");
    const open = mine.find((r) => r.status === "booked");
    if (open)
      expect((await post(jumin, `/api/me/service-requests/${open.id}/rating`, hearts)).json().error.id).toBe("service.not_rateable");

    // Only their own: shanghu's requests are not jumin's to read.
    const theirs = (await get(shanghu, "/api/me/service-requests")).json().items as Req[];
    expect((await get(jumin, `/api/services/requests/${theirs[0].id}`)).statusCode).toBe(404);
    expect((await get(shanghu, `/api/services/requests/${theirs[0].id}`)).statusCode).toBe(200);
    expect((await get(jumin, "/api/services/requests")).statusCode).toBe(403);
    expect((await get(youyi, `/api/services/requests/${theirs[0].id}`)).statusCode).toBe(404);
  });

  it("one applicant booking the same item for the same day several times at once gets exactly one booking", async () => {
    const grid = units.银河路街道网格化服务管理中心;
    const date = await dayWithoutDuty(grid, 7);
    const shiftId = await ensureShift(grid, date, 10);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(jumin, "/api/services/bookings", { itemId: items["WG-02"].id, date })),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode !== 201).every((a) => a.json().error.id === "service.already_booked")).toBe(true);
    expect((await shiftOf(shiftId)).booked).toBe(1);
  });

  it("never books a shift beyond its capacity: 20 at once for 5 places", async () => {
    const db = t.database.db;
    const jumin = await db.selectFrom("users").selectAll().where("username", "=", "jumin").executeTakeFirstOrThrow();
    const residents = await db
      .selectFrom("residents")
      .select("id")
      .where("station_id", "=", stationId)
      .orderBy("id", "desc")
      .limit(20)
      .execute();
    const at = t.clock.now().toISOString();
    await db
      .insertInto("users")
      .values(
        residents.map((r, i) => ({
          username: `counter_r${i}`,
          display_name: `测试居民${i}`,
          password_hash: jumin.password_hash,
          role: "resident",
          org_unit_id: jumin.org_unit_id,
          alliance_unit_id: null,
          merchant_id: null,
          resident_id: r.id,
          mobile_enc: null,
          mobile_hash: null,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    const sessions = await Promise.all(residents.map((_, i) => t.login(`counter_r${i}`)));
    const health = units.区卫生健康委员会;
    const date = await dayWithoutDuty(health, 5);
    const shiftId = await ensureShift(health, date, 5);
    const answers = await Promise.all(sessions.map((s) => post(s, "/api/services/bookings", { itemId: items["WS-03"].id, date })));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.id === "service.shift_full")).toBe(true);
    expect(await shiftOf(shiftId)).toEqual({ booked: 5, capacity: 5 });
    const live = await db
      .selectFrom("service_requests")
      .select("id")
      .where("shift_id", "=", shiftId)
      .where("status", "=", "booked")
      .execute();
    expect(live).toHaveLength(5);

    // 10 bookings today checked in at once by two windows: 10 different numbers.
    const grid = units.银河路街道网格化服务管理中心;
    await ensureShift(grid, today, 10);
    const todays: Req[] = [];
    for (const s of sessions.slice(0, 10)) {
      const res = await post(s, "/api/services/bookings", { itemId: items["WG-01"].id, date: today });
      expect(res.statusCode).toBe(201);
      todays.push(res.json());
    }
    const staff2 = await t.login("zhanzhang");
    const checked = await Promise.all(
      todays.map((r, i) =>
        post(i % 2 ? staff : staff2, `/api/services/requests/${r.id}/actions`, { action: "check_in", version: r.version }),
      ),
    );
    expect(checked.map((c) => c.statusCode)).toEqual(Array(10).fill(200));
    const numbers = checked.map((c) => c.json().queueNo as number);
    expect(new Set(numbers).size).toBe(10);
    const all = await db
      .selectFrom("service_requests")
      .select("queue_no")
      .where("station_id", "=", stationId)
      .where("date", "=", today)
      .execute();
    const issued = all.map((r) => r.queue_no).filter((n) => n !== null);
    expect(new Set(issued).size).toBe(issued.length);
  });

  it("marks past bookings that never checked in as missed, keeping their place counted", async () => {
    const grid = units.银河路街道网格化服务管理中心;
    const date = addDays(today, 6);
    const shiftId = await ensureShift(grid, date, 2);
    const booking = (await post(jumin, "/api/services/bookings", { itemId: items["WG-03"].id, date })).json() as Req;
    const booked = (await shiftOf(shiftId)).booked;
    const db = t.database.db;
    const notifier = new Notifier({ send() {} }, { info() {}, warn() {} }, t.clock);
    const service = new CounterService(db, t.vault, notifier, new DutyService(db, t.clock), t.clock);
    await service.handling.markMissed(t.clock.now());
    expect((await get(jumin, `/api/services/requests/${booking.id}`)).json().status).toBe("booked");
    const later = stationInstant(addDays(date, 1), "10:00");
    expect((await service.handling.markMissed(later)).marked).toBeGreaterThanOrEqual(1);
    const after = (await get(jumin, `/api/services/requests/${booking.id}`)).json();
    expect(after.status).toBe("missed");
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(["booked", "missed"]);
    expect((await shiftOf(shiftId)).booked).toBe(booked);
  });

  it("computes the figures from the records and exports the list", async () => {
    const from = addDays(today, -200);
    const figures = (await get(staff, `/api/services/requests/figures?from=${from}&to=${today}`)).json();
    const db = t.database.db;
    const rows = await db
      .selectFrom("service_requests")
      .select(["id", "status"])
      .where("station_id", "=", stationId)
      .where("date", ">=", from)
      .where("date", "<=", today)
      .execute();
    expect(figures.byMonth.reduce((s: number, m: { requests: number }) => s + m.requests, 0)).toBe(rows.length);
    expect(figures.byMonth.reduce((s: number, m: { done: number }) => s + m.done, 0)).toBe(rows.filter((r) => r.status === "done").length);
    const ratings = await db
      .selectFrom("service_ratings as g")
      .innerJoin("service_requests as r", "r.id", "g.request_id")
      .select(["g.easy", "g.warm"])
      .where("r.station_id", "=", stationId)
      .where("r.date", ">=", from)
      .where("r.date", "<=", today)
      .execute();
    expect(figures.hearts.ratings).toBe(ratings.length);
    const avg = ratings.reduce((s, r) => s + r.warm, 0) / ratings.length;
    expect(figures.hearts.warm).toBeCloseTo(avg, 1);
    expect(figures.heartsByUnit.reduce((s: number, u: { ratings: number }) => s + u.ratings, 0)).toBe(ratings.length);
    expect(figures.forwarded.onTime).toBeLessThanOrEqual(figures.forwarded.finished);
    expect(figures.forwarded.finished).toBeLessThanOrEqual(figures.forwarded.total);

    const xlsx = await get(staff, `/api/services/requests/export?status=done&from=${from}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    // The department's figures are its forwarded requests only.
    const bureau = (await get(scjg, `/api/services/requests/figures?from=${from}&to=${today}`)).json();
    expect(bureau.heartsByUnit.every((u: { unitName: string }) => u.unitName === "区市场监督管理局")).toBe(true);
  });

  it("refuses a date that is not on the calendar, naming the field, instead of failing", async () => {
    const figures = await get(staff, "/api/services/requests/figures?to=2026-13-01");
    expect(figures.statusCode).toBe(400);
    expect(figures.json().error.fields[0].field).toMatch(/to$/);
    const list = await get(staff, "/api/services/requests?from=2026-02-30");
    expect(list.statusCode).toBe(400);
    expect(list.json().error.fields[0].field).toMatch(/from$/);
    const booking = await post(jumin, "/api/services/bookings", { itemId: items["WG-01"].id, date: "2027-02-29" });
    expect(booking.statusCode).toBe(400);
    expect(booking.json().error.fields[0].field).toBe("date");
  });

  it("refuses an id beyond any record's range with 400 naming the field, instead of failing", async () => {
    const huge = 99_999_999_999;
    const booking = await post(jumin, "/api/services/bookings", { itemId: huge, date: addDays(today, 3) });
    expect(booking.statusCode).toBe(400);
    expect(booking.json().error.fields[0].field).toBe("itemId");
    const walkIn = await post(staff, "/api/services/walk-ins", { itemId: items["WG-01"].id, residentId: huge });
    expect(walkIn.statusCode).toBe(400);
    expect(walkIn.json().error.fields[0].field).toBe("residentId");
    expect((await get(staff, `/api/services/requests/${huge}`)).statusCode).toBe(400);
    expect((await get(staff, `/api/services/items?unitId=${huge}`)).statusCode).toBe(400);
  });
});
