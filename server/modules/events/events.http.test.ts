import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";
import { jpegWithExif } from "./events.exif.ts";
import { EventsRepository } from "./events.repository.ts";
import { StageService } from "./stage.service.ts";

type Table =
  | "events"
  | "event_counts"
  | "event_photos"
  | "event_takings"
  | "event_signups"
  | "stage_bookings"
  | "stage_slots"
  | "environment_findings"
  | "problems"
  | "audit_log";

function multipart(file: Buffer, name = "photo.jpg", type = "image/jpeg") {
  const boundary = "----dandelion-event";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe(`events, the stage and environment campaigns over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let merchant: Session;
  let resident: Session;
  let stationId: number;
  let merchantId: number;
  let otherMerchantId: number;
  let today: string;

  const count = async (table: Table) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of [
      "events",
      "event_counts",
      "event_photos",
      "event_takings",
      "event_signups",
      "stage_bookings",
      "stage_slots",
      "environment_findings",
      "problems",
      "audit_log",
    ] as Table[])
      out[table] = await count(table);
    return out;
  };
  const post = (s: Session, url: string, payload: unknown) => t.as(s, { method: "POST", url, payload: payload as object });
  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });
  const patch = (s: Session, url: string, payload: unknown) => t.as(s, { method: "PATCH", url, payload: payload as object });
  const del = (s: Session, url: string) => t.as(s, { method: "DELETE", url });
  const lastAudit = () => t.database.db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
  const iso = (date: string, time: string) => stationInstant(date, time).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    merchant = await t.login("shanghu");
    resident = await t.login("jumin");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    merchantId = (await db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow())
      .merchant_id as number;
    otherMerchantId = (
      await db
        .selectFrom("merchants")
        .select("id")
        .where("station_id", "=", stationId)
        .where("id", "<>", merchantId)
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id;
    today = stationDate(t.clock.now());
  });
  afterAll(() => t.close());

  const promotion = (over: Record<string, unknown> = {}) => ({
    kind: "promotion",
    title: "测试促销",
    themes: ["节日促销"],
    place: "天源市场",
    startsAt: iso(addDays(today, -4), "09:00"),
    endsAt: iso(addDays(today, -3), "21:00"),
    merchantIds: [merchantId, otherMerchantId],
    holiday: "测试节",
    baselineKind: "same_weekdays",
    promotionDates: [addDays(today, -4), addDays(today, -3)],
    ...over,
  });

  it("refuses bad events naming the field, writing nothing", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [promotion({ endsAt: iso(addDays(today, -5), "09:00") }), "endsAt"],
      [promotion({ baselineKind: null }), "baselineKind"],
      [promotion({ promotionDates: [] }), "promotionDates"],
      [promotion({ baselineKind: "same_holiday_last_year" }), "baselineDates"],
      [promotion({ merchantIds: [999999] }), "merchantIds"],
      [promotion({ projectId: 999999 }), "projectId"],
      [promotion({ kind: "party" }), "kind"],
      [promotion({ budgetFen: 12.5 }), "budgetFen"],
    ];
    for (const [payload, field] of cases) {
      const res = await post(staff, "/api/events", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(fieldsNamed(res)).toContain(field);
    }
    expect(await counts()).toEqual(before);
    expect((await post(merchant, "/api/events", promotion())).statusCode).toBe(403);
  });

  it("runs a promotion: counts with their method, merchants' takings on the phone, the uplift with sample and baseline", async () => {
    const created = await post(staff, "/api/events", promotion());
    expect(created.statusCode).toBe(201);
    const e = created.json();
    expect(e).toMatchObject({ status: "planned", baselineKind: "same_weekdays" });
    expect(e.baselineDates).toHaveLength(8);
    const base = e.baselineDates as string[];
    const promo = e.promotionDates as string[];

    // reported before it was held: refused, naming the field
    const early = await post(staff, `/api/events/${e.id}/transition`, { to: "reported" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ id: "event.transition", fields: [{ field: "to" }] });
    expect((await post(staff, `/api/events/${e.id}/transition`, { to: "approved" })).json().status).toBe("approved");

    // counts: two gates on each promotion day, a head count on two baseline days
    const before = await counts();
    for (const bad of [
      { date: promo[0], method: "gates", entrance: "东门", entries: 10, exits: 11 },
      { date: promo[0], method: "gates", entrance: "东门", entries: -1 },
      { date: promo[0], method: "gates", entrance: "东门", entries: 10, reEntries: 11 },
      { date: promo[0], method: "head_count" },
      { date: addDays(today, 30), method: "estimate", visitors: 5 },
    ]) {
      const res = await post(staff, `/api/events/${e.id}/counts`, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.fields.length).toBeGreaterThan(0);
    }
    expect(await counts()).toEqual(before);
    const gate = (date: string, entrance: string, entries: number, reEntries: number) =>
      post(staff, `/api/events/${e.id}/counts`, { date, method: "gates", entrance, entries, reEntries, exits: Math.max(0, entries - 10) });
    expect((await gate(promo[0], "东门", 700, 50)).statusCode).toBe(201);
    expect((await gate(promo[0], "西门", 400, 50)).statusCode).toBe(201); // 1,000 people that day
    expect((await gate(promo[1], "东门", 800, 100)).statusCode).toBe(201);
    expect((await gate(promo[1], "西门", 500, 0)).statusCode).toBe(201); // 1,200
    expect((await gate(promo[1], "西门", 1, 0)).statusCode).toBe(409); // the entrance already counted that day
    for (const [date, visitors] of [
      [base[0], 600],
      [base[1], 800],
    ] as const) {
      expect(
        (await post(staff, `/api/events/${e.id}/counts`, { date, method: "gates", entrance: "东门", entries: visitors })).statusCode,
      ).toBe(201);
    }

    // takings: integer fen only, on the promotion's days only, by merchants taking part
    const phone = await get(merchant, "/api/me/promotions");
    expect(phone.json().map((p: { id: number }) => p.id)).toContain(e.id);
    const report = (s: Session, date: string, amountFen: unknown) => post(s, `/api/me/promotions/${e.id}/takings`, { date, amountFen });
    const beforeTakings = await counts();
    expect((await report(merchant, promo[0], 1234.5)).json().error.fields[0].field).toBe("amountFen");
    expect((await report(merchant, promo[0], "1234")).statusCode).toBe(400);
    expect((await report(merchant, addDays(base[0], -1), 1000)).json().error).toMatchObject({
      id: "event.not_promotion_day",
      fields: [{ field: "date" }],
    });
    expect((await report(resident, promo[0], 1000)).statusCode).toBe(409);
    expect(await counts()).toEqual(beforeTakings);
    expect((await report(merchant, base[0], 100_000)).statusCode).toBe(200);
    expect((await report(merchant, base[1], 120_000)).statusCode).toBe(200);
    expect((await report(merchant, promo[0], 200_000)).statusCode).toBe(200);
    const mine = await report(merchant, promo[1], 180_000);
    expect(mine.json().takings).toHaveLength(4);
    // the other merchant through the staff's entry
    expect(
      (await post(staff, `/api/events/${e.id}/takings`, { merchantId: otherMerchantId, date: base[2], amountFen: 50_000 })).statusCode,
    ).toBe(200);
    expect(
      (await post(staff, `/api/events/${e.id}/takings`, { merchantId: otherMerchantId, date: promo[0], amountFen: 80_001 })).statusCode,
    ).toBe(200);

    const detail = (await get(staff, `/api/events/${e.id}`)).json();
    // visits: baseline (600 + 800) / 2 = 700 a day; promotion (1,000 + 1,200) / 2 = 1,100; uplift 400 × 2 = 800
    expect(detail.uplift.visits).toEqual({
      method: "gates",
      baselinePerDay: 700,
      promotionPerDay: 1100,
      uplift: 800,
      baselineDays: 2,
      promotionDays: 2,
    });
    // takings: (1,900 − 1,100) × 2 = 1,600.00 yuan; (800.01 − 500.00) × 2 = 600.02 yuan; total 2,200.02 yuan
    expect(detail.uplift.takings).toMatchObject({ sampleSize: 2, merchantsTakingPart: 2, upliftFen: 220_002 });
    expect(detail.visitors).toBe(2200);
    expect(detail.visitorsMethod).toBe("gates");
    expect(detail.figures.find((f: { date: string }) => f.date === promo[0])).toMatchObject({
      method: "gates",
      visitors: 1000,
      records: 2,
      recordedBy: ["工作人员 王丽娟"],
    });

    expect((await post(staff, `/api/events/${e.id}/transition`, { to: "held" })).json().status).toBe("held");
    expect((await post(staff, `/api/events/${e.id}/transition`, { to: "reported", summary: "客流和营业额均有提升" })).json().status).toBe(
      "reported",
    );

    const figures = (await get(staff, "/api/event-figures")).json();
    const row = figures.promotions.items.find((p: { id: number }) => p.id === e.id);
    expect(row.uplift.takings.upliftFen).toBe(220_002);
    expect(row.link).toBe(`/events/${e.id}`);
  });

  it("keeps photos' EXIF time, flags one taken outside the window, refuses a non-image", async () => {
    const e = (
      await post(staff, "/api/events", {
        kind: "performance",
        title: "测试演出",
        themes: ["民族团结"],
        place: "百姓大舞台",
        startsAt: iso(addDays(today, -2), "19:00"),
        endsAt: iso(addDays(today, -2), "21:00"),
      })
    ).json();
    const upload = async (file: Buffer, name?: string, type?: string) =>
      t.as(staff, { method: "POST", url: "/api/files", ...multipart(file, name, type) });
    const inside = (await upload(jpegWithExif(stationInstant(addDays(today, -2), "19:30")))).json().id;
    const outside = (await upload(jpegWithExif(stationInstant(addDays(today, -20), "10:00"), "gold"))).json().id;
    const bare = (await upload(jpegWithExif(null, "green"))).json().id;
    const text = await upload(Buffer.from("hello, not a picture"), "note.txt", "text/plain");
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ id: "file.not_image", fields: [{ field: "file" }] });
    for (const fileId of [inside, outside, bare])
      expect((await post(staff, `/api/events/${e.id}/photos`, { fileId })).statusCode).toBe(201);
    const before = await counts();
    expect((await post(staff, `/api/events/${e.id}/photos`, { fileId: inside })).json().error.fields[0].field).toBe("fileId");
    expect(await counts()).toEqual(before);
    const photos = (await get(staff, `/api/events/${e.id}`)).json().photoList;
    expect(photos.map((p: { takenAt: string | null; outsideWindow: boolean }) => [p.takenAt, p.outsideWindow])).toEqual([
      [iso(addDays(today, -2), "19:30"), false],
      [iso(addDays(today, -20), "10:00"), true],
      [null, false],
    ]);
    expect((await get(staff, photos[0].url)).statusCode).toBe(200);
    expect((await get(await t.login("youyi"), photos[0].url)).statusCode).toBe(404);
  });

  it("lets residents see upcoming events and sign up once, within the capacity", async () => {
    const e = (
      await post(staff, "/api/events", {
        kind: "publicity",
        title: "普法讲座",
        themes: ["普法"],
        place: "党群服务站",
        startsAt: iso(addDays(today, 3), "10:00"),
        endsAt: iso(addDays(today, 3), "11:00"),
        takesSignups: true,
        signupCapacity: 1,
      })
    ).json();
    expect((await get(resident, "/api/me/events")).json().some((x: { id: number }) => x.id === e.id)).toBe(false); // planned: not shown
    await post(staff, `/api/events/${e.id}/transition`, { to: "approved" });
    const shown = (await get(resident, "/api/me/events")).json().find((x: { id: number }) => x.id === e.id);
    expect(shown).toMatchObject({ takesSignups: true, open: true, signedUp: false, signups: 0 });
    const ok = await post(resident, `/api/me/events/${e.id}/signup`, {});
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ signedUp: true, signups: 1 });
    expect((await post(resident, `/api/me/events/${e.id}/signup`, {})).json().error.id).toBe("event.full");
    expect((await post(merchant, `/api/me/events/${e.id}/signup`, {})).json().error.id).toBe("event.full");
  });

  it("of simultaneous sign-ups, takes exactly the places there are", async () => {
    const e = (
      await post(staff, "/api/events", {
        kind: "performance",
        title: "小型演出",
        place: "百姓大舞台",
        startsAt: iso(addDays(today, 4), "19:00"),
        endsAt: iso(addDays(today, 4), "20:00"),
        takesSignups: true,
        signupCapacity: 3,
      })
    ).json();
    await post(staff, `/api/events/${e.id}/transition`, { to: "approved" });
    const hash = (await t.database.db.selectFrom("users").select("password_hash").where("username", "=", "jumin").executeTakeFirstOrThrow())
      .password_hash;
    const at = t.clock.now().toISOString();
    const people: Session[] = [];
    for (let i = 0; i < 8; i++) {
      await t.database.db
        .insertInto("users")
        .values({
          username: `ev${i}`,
          display_name: `居民${i}`,
          password_hash: hash,
          role: "resident",
          org_unit_id: stationId,
          alliance_unit_id: null,
          merchant_id: null,
          resident_id: null,
          mobile_enc: null,
          mobile_hash: null,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
        })
        .execute();
      people.push(await t.login(`ev${i}`));
    }
    const results = await Promise.all(people.map((p) => post(p, `/api/me/events/${e.id}/signup`, {})));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.id === "event.full")).toBe(true);
    expect((await get(staff, `/api/events/${e.id}`)).json().signups).toBe(3);
  });

  it("withdraws a sign-up before the event starts, freeing the place; a second withdrawal or a late one is refused", async () => {
    const e = (
      await post(staff, "/api/events", {
        kind: "publicity",
        title: "消防安全讲座",
        place: "党群服务站",
        startsAt: iso(addDays(today, 5), "10:00"),
        endsAt: iso(addDays(today, 5), "11:00"),
        takesSignups: true,
        signupCapacity: 1,
      })
    ).json();
    await post(staff, `/api/events/${e.id}/transition`, { to: "approved" });
    // not signed up yet: nothing to withdraw, nothing written
    const before = await counts();
    const none = await del(resident, `/api/me/events/${e.id}/signup`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.id).toBe("event.not_signed_up");
    expect(await counts()).toEqual(before);
    expect((await post(resident, `/api/me/events/${e.id}/signup`, {})).statusCode).toBe(201);
    expect((await post(merchant, `/api/me/events/${e.id}/signup`, {})).json().error.id).toBe("event.full");
    const out = await del(resident, `/api/me/events/${e.id}/signup`);
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ signedUp: false, signups: 0 });
    expect(await lastAudit()).toMatchObject({ action: "event.signup_withdrawn", object_id: String(e.id) });
    const row = await t.database.db.selectFrom("event_signups").selectAll().where("event_id", "=", e.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("withdrawn");
    expect(row.withdrawn_at).not.toBeNull();
    // the place is free again
    expect((await post(merchant, `/api/me/events/${e.id}/signup`, {})).statusCode).toBe(201);
    const again = await del(resident, `/api/me/events/${e.id}/signup`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe("event.not_signed_up");
    // she signs up again once the place is free; of two simultaneous withdrawals one is written
    const twice = await Promise.all([del(merchant, `/api/me/events/${e.id}/signup`), del(merchant, `/api/me/events/${e.id}/signup`)]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await post(resident, `/api/me/events/${e.id}/signup`, {})).statusCode).toBe(201);
    expect((await get(staff, `/api/events/${e.id}`)).json().signups).toBe(1);
    expect((await del(resident, "/api/me/events/99999999/signup")).statusCode).toBe(404);

    // once the event has started the sign-up stands
    const soon = (
      await post(staff, "/api/events", {
        kind: "performance",
        title: "快闪演出",
        place: "百姓大舞台",
        startsAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
        endsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
        takesSignups: true,
      })
    ).json();
    await post(staff, `/api/events/${soon.id}/transition`, { to: "approved" });
    expect((await post(resident, `/api/me/events/${soon.id}/signup`, {})).statusCode).toBe(201);
    t.clock.advance(90_000);
    const unchanged = await counts();
    const late = await del(resident, `/api/me/events/${soon.id}/signup`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.id).toBe("event.withdraw_closed");
    expect(await counts()).toEqual(unchanged);
  });

  describe("editing an event", () => {
    const lecture = (over: Record<string, unknown> = {}) => ({
      kind: "publicity",
      title: "文明创城宣讲",
      themes: ["文明创城"],
      place: "党群服务站",
      startsAt: iso(addDays(today, 6), "09:00"),
      endsAt: iso(addDays(today, 6), "10:00"),
      takesSignups: true,
      signupCapacity: 30,
      ...over,
    });

    it("keeps the places already taken: no fewer places than sign-ups, and sign-ups stay on while anyone holds one", async () => {
      const e = (await post(staff, "/api/events", lecture({ title: "垃圾分类讲座" }))).json();
      await post(staff, `/api/events/${e.id}/transition`, { to: "approved" });
      expect((await post(resident, `/api/me/events/${e.id}/signup`, {})).statusCode).toBe(201);
      expect((await post(merchant, `/api/me/events/${e.id}/signup`, {})).statusCode).toBe(201);
      const version = (await get(staff, `/api/events/${e.id}`)).json().version;
      const before = await counts();
      const fewer = await patch(staff, `/api/events/${e.id}`, { ...lecture({ title: "垃圾分类讲座", signupCapacity: 1 }), version });
      expect(fewer.statusCode).toBe(409);
      expect(fewer.json().error).toMatchObject({ id: "event.capacity_below_signups", fields: [{ field: "signupCapacity" }] });
      const off = await patch(staff, `/api/events/${e.id}`, {
        ...lecture({ title: "垃圾分类讲座", takesSignups: false, signupCapacity: null }),
        version,
      });
      expect(off.statusCode).toBe(409);
      expect(off.json().error).toMatchObject({ id: "event.signups_held", fields: [{ field: "takesSignups" }] });
      expect(await counts()).toEqual(before);
      const two = await patch(staff, `/api/events/${e.id}`, { ...lecture({ title: "垃圾分类讲座", signupCapacity: 2 }), version });
      expect(two.statusCode).toBe(200);
    });

    it("edits a planned event with its version, auditing the fields before and after", async () => {
      const e = (await post(staff, "/api/events", lecture())).json();
      expect(e.version).toBe(1);
      const res = await patch(staff, `/api/events/${e.id}`, {
        ...lecture({ title: "文明创城进市场宣讲", place: "市场东广场", signupCapacity: 50 }),
        version: e.version,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        title: "文明创城进市场宣讲",
        place: "市场东广场",
        signupCapacity: 50,
        version: 2,
        status: "planned",
      });
      const entry = await lastAudit();
      expect(entry).toMatchObject({ action: "event.updated", object_type: "event", object_id: String(e.id) });
      expect(JSON.parse(entry.before_json ?? "{}")).toEqual({
        version: 1,
        title: "文明创城宣讲",
        place: "党群服务站",
        signup_capacity: 30,
      });
      expect(JSON.parse(entry.after_json ?? "{}")).toEqual({
        version: 2,
        title: "文明创城进市场宣讲",
        place: "市场东广场",
        signup_capacity: 50,
      });

      // a stale copy is refused naming `version`, nothing written
      const before = await counts();
      const stale = await patch(staff, `/api/events/${e.id}`, { ...lecture({ title: "旧的标题" }), version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ id: "event.stale_version", fields: [{ field: "version" }] });
      expect(await counts()).toEqual(before);
      expect((await get(staff, `/api/events/${e.id}`)).json().title).toBe("文明创城进市场宣讲");

      // approved: still editable, and the step raised the version
      const approved = (await post(staff, `/api/events/${e.id}/transition`, { to: "approved" })).json();
      expect(approved.version).toBe(3);
      expect((await patch(staff, `/api/events/${e.id}`, { ...lecture({ title: "x1" }), version: 2 })).statusCode).toBe(409);
      const edited = await patch(staff, `/api/events/${e.id}`, { ...lecture({ kind: "performance", programme: "快板" }), version: 3 });
      expect(edited.json()).toMatchObject({ kind: "performance", programme: "快板", status: "approved", version: 4 });
      // residents and merchants may not edit
      expect((await patch(resident, `/api/events/${e.id}`, { ...lecture(), version: 4 })).statusCode).toBe(403);
    });

    it("of simultaneous edits from one version, exactly one is written", async () => {
      const e = (await post(staff, "/api/events", lecture())).json();
      const editors = [staff, await t.login("staff"), await t.login("zhanzhang")];
      const results = await Promise.all(
        editors.map((s, i) => patch(s, `/api/events/${e.id}`, { ...lecture({ title: `同时编辑 ${i}` }), version: e.version })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.id === "event.stale_version")).toBe(true);
      const winner = results.find((r) => r.statusCode === 200)?.json();
      expect((await get(staff, `/api/events/${e.id}`)).json()).toMatchObject({ title: winner.title, version: 2 });
      const audits = await t.database.db
        .selectFrom("audit_log")
        .select("seq")
        .where("action", "=", "event.updated")
        .where("object_id", "=", String(e.id))
        .execute();
      expect(audits).toHaveLength(1);
    });

    it("refuses bad edits naming the field, writing nothing, as creation does", async () => {
      const e = (await post(staff, "/api/events", promotion({ title: "编辑测试促销" }))).json();
      const before = await counts();
      const cases: [Record<string, unknown>, string][] = [
        [promotion({ endsAt: iso(addDays(today, -5), "09:00") }), "endsAt"],
        [promotion({ baselineKind: null }), "baselineKind"],
        [promotion({ promotionDates: [] }), "promotionDates"],
        [promotion({ baselineKind: "same_holiday_last_year" }), "baselineDates"],
        [promotion({ merchantIds: [999999] }), "merchantIds"],
        [promotion({ projectId: 999999 }), "projectId"],
        [promotion({ kind: "party" }), "kind"],
        [promotion({ budgetFen: 12.5 }), "budgetFen"],
        [promotion({ title: "" }), "title"],
        [promotion({ stationId: stationId }), "stationId"],
        [promotion(), "version"],
      ];
      for (const [payload, field] of cases) {
        const body = field === "version" ? payload : { ...payload, version: e.version };
        const res = await patch(staff, `/api/events/${e.id}`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldsNamed(res)).toContain(field);
      }
      expect(await counts()).toEqual(before);
      expect((await get(staff, `/api/events/${e.id}`)).json()).toMatchObject({ title: "编辑测试促销", version: 1 });
      expect((await patch(staff, "/api/events/99999999", { ...promotion(), version: 1 })).statusCode).toBe(404);
    });

    it("does not edit an event once it is held, reported or cancelled", async () => {
      const past = lecture({ startsAt: iso(addDays(today, -2), "09:00"), endsAt: iso(addDays(today, -2), "10:00") });
      const held = (await post(staff, "/api/events", past)).json();
      await post(staff, `/api/events/${held.id}/transition`, { to: "approved" });
      const h = (await post(staff, `/api/events/${held.id}/transition`, { to: "held" })).json();
      const cancelled = (await post(staff, "/api/events", lecture())).json();
      const c = (await post(staff, `/api/events/${cancelled.id}/transition`, { to: "cancelled" })).json();
      const before = await counts();
      for (const e of [h, c]) {
        const res = await patch(staff, `/api/events/${e.id}`, { ...lecture({ title: "改不了" }), version: e.version });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({ id: "event.not_editable", fields: [{ field: "status" }] });
      }
      expect(await counts()).toEqual(before);
    });
  });

  it("links an event to a project of the station, and cancels a planned one", async () => {
    const project = await t.database.db
      .selectFrom("projects")
      .select(["id", "name"])
      .where("station_id", "=", stationId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    {
      const e = (
        await post(staff, "/api/events", {
          kind: "publicity",
          title: "项目宣传",
          place: "站内",
          startsAt: iso(addDays(today, 2), "09:00"),
          endsAt: iso(addDays(today, 2), "10:00"),
          projectId: project.id,
          budgetFen: 50_000,
        })
      ).json();
      expect(e).toMatchObject({ projectId: project.id, projectName: project.name, budgetFen: 50_000 });
      expect((await post(staff, `/api/events/${e.id}/transition`, { to: "cancelled" })).json().status).toBe("cancelled");
      expect((await post(staff, `/api/events/${e.id}/transition`, { to: "approved" })).json().error.id).toBe("event.transition");
    }
  });

  describe("the people's stage", () => {
    let venueId: number;
    let teamId: number;
    let leader: Session;
    const day = () => addDays(today, 7);

    beforeAll(async () => {
      const v = await post(staff, "/api/stage-venues", {
        name: "测试舞台",
        place: "市场东广场",
        openFrom: "08:00",
        openTo: "22:00",
        openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      });
      expect(v.statusCode).toBe(201);
      venueId = v.json().id;
      const residentUser = await t.database.db.selectFrom("users").select("id").where("username", "=", "jumin").executeTakeFirstOrThrow();
      const team = await post(staff, "/api/cultural-teams", { name: "测试舞蹈队", leaderUserId: residentUser.id });
      teamId = team.json().id;
      leader = resident;
      const residentId = (
        await t.database.db.selectFrom("users").select("resident_id").where("username", "=", "jumin").executeTakeFirstOrThrow()
      ).resident_id;
      const m = await post(staff, `/api/cultural-teams/${teamId}/members`, { memberKind: "resident", residentId, role: "leader" });
      expect(m.json().members).toHaveLength(1);
      expect(
        (await post(staff, `/api/cultural-teams/${teamId}/members`, { memberKind: "merchant", merchantId })).json().members,
      ).toHaveLength(2);
      expect((await post(staff, `/api/cultural-teams/${teamId}/members`, { memberKind: "merchant", merchantId })).statusCode).toBe(409);
    });

    it("a team leader books a repeating rehearsal on the phone, staff approve, a conflicting request is refused", async () => {
      const rule = {
        kind: "weekly",
        weekdays: [1, 2, 3, 4, 5, 6, 7].filter((w) => w === ((new Date(`${day()}T00:00:00Z`).getUTCDay() + 6) % 7) + 1),
      };
      const res = await post(leader, "/api/me/stage-bookings", {
        venueId,
        teamId,
        purpose: "rehearsal",
        title: "扇子舞排练",
        date: day(),
        startTime: "19:00",
        endTime: "20:30",
        repeat: { rule, until: addDays(day(), 21) },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().created).toBe(4);
      expect(res.json().items[0]).toMatchObject({ teamId, status: "requested", purpose: "rehearsal" });
      const mine = (await get(leader, "/api/me/stage")).json();
      expect(mine.teams).toContainEqual({ id: teamId, name: "测试舞蹈队" });
      expect(mine.bookings.filter((b: { teamId: number }) => b.teamId === teamId)).toHaveLength(4);
      const approved = await post(staff, `/api/stage-bookings/${res.json().items[0].id}/decision`, { decision: "approve" });
      expect(approved.json().status).toBe("approved");
      expect((await post(staff, `/api/stage-bookings/${res.json().items[0].id}/decision`, { decision: "approve" })).statusCode).toBe(409);

      const before = await counts();
      const clash = await post(staff, "/api/stage-bookings", {
        venueId,
        purpose: "performance",
        title: "另一场演出",
        date: day(),
        startTime: "20:00",
        endTime: "21:00",
      });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().error).toMatchObject({ id: "stage.overlap", fields: [{ field: "startTime" }] });
      expect(clash.json().error.message).toContain("扇子舞排练");
      for (const [payload, field] of [
        [{ startTime: "07:00", endTime: "08:00" }, "startTime"],
        [{ startTime: "19:10", endTime: "20:00" }, "startTime"],
        [{ startTime: "21:00", endTime: "20:00" }, "endTime"],
        [{ date: addDays(today, -1) }, "date"],
      ] as const) {
        const r = await post(staff, "/api/stage-bookings", {
          venueId,
          purpose: "performance",
          title: "x",
          date: addDays(day(), 1),
          startTime: "10:00",
          endTime: "11:00",
          ...payload,
        });
        expect(r.statusCode, JSON.stringify(payload)).toBe(400);
        expect(r.json().error.fields[0].field).toBe(field);
      }
      // someone who leads no team may not book for it
      expect(
        (
          await post(merchant, "/api/me/stage-bookings", {
            venueId,
            purpose: "rehearsal",
            title: "x",
            date: addDays(day(), 1),
            startTime: "10:00",
            endTime: "11:00",
          })
        ).json().error.id,
      ).toBe("stage.not_leader");
      expect(await counts()).toEqual(before);

      // refusing a request frees its slot
      const second = res.json().items[1];
      expect((await post(staff, `/api/stage-bookings/${second.id}/decision`, { decision: "refuse", note: "场地维修" })).json().status).toBe(
        "refused",
      );
      const again = await post(staff, "/api/stage-bookings", {
        venueId,
        purpose: "performance",
        title: "补位演出",
        date: second.date,
        startTime: "19:00",
        endTime: "20:00",
      });
      expect(again.statusCode).toBe(201);
    });

    it("a team's leader cancels the team's booking on the phone, freeing its slots for another booking", async () => {
      const date = addDays(today, 15);
      const book = (s: Session, url: string, title: string) =>
        post(s, url, { venueId, teamId, purpose: "rehearsal", title, date, startTime: "15:00", endTime: "16:30" });
      const res = await book(leader, "/api/me/stage-bookings", "秧歌排练");
      expect(res.statusCode).toBe(201);
      const booking = res.json().items[0];
      const slots = () => t.database.db.selectFrom("stage_slots").select("slot_start").where("booking_id", "=", booking.id).execute();
      expect(await slots()).toHaveLength(3);
      // the slot is taken while the booking is live
      expect((await book(staff, "/api/stage-bookings", "抢占")).json().error.id).toBe("stage.overlap");

      // someone who does not lead the team sees no such booking, nothing written
      const before = await counts();
      expect((await post(merchant, `/api/me/stage-bookings/${booking.id}/cancel`, {})).statusCode).toBe(404);
      expect((await post(staff, `/api/me/stage-bookings/${booking.id}/cancel`, {})).statusCode).toBe(403);
      expect((await post(leader, `/api/me/stage-bookings/${booking.id}/cancel`, { note: "x".repeat(201) })).statusCode).toBe(400);
      expect(await counts()).toEqual(before);

      const cancelled = await post(leader, `/api/me/stage-bookings/${booking.id}/cancel`, { note: "队员外出" });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json()).toMatchObject({ id: booking.id, status: "cancelled", decisionNote: "队员外出" });
      expect(await slots()).toHaveLength(0);
      expect(await lastAudit()).toMatchObject({ action: "stage_booking.cancelled", object_id: String(booking.id) });
      const mine = (await get(leader, "/api/me/stage")).json();
      expect(mine.bookings.find((b: { id: number }) => b.id === booking.id).status).toBe("cancelled");
      // a second cancellation is refused naming the status
      const twice = await post(leader, `/api/me/stage-bookings/${booking.id}/cancel`, {});
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.id).toBe("stage.booking_transition");

      // the freed slot can be booked again
      const rebooked = await book(staff, "/api/stage-bookings", "补位排练");
      expect(rebooked.statusCode).toBe(201);
      const approved = await post(staff, `/api/stage-bookings/${rebooked.json().items[0].id}/decision`, { decision: "approve" });
      expect(approved.json().status).toBe("approved");
    });

    it("does not let a team cancel a booking that has started", async () => {
      // an approved booking that began ten minutes ago, written as the station's calendar would hold it
      const now = t.clock.now().getTime();
      const start = new Date(now - ((now % 1_800_000) + 1_800_000)).toISOString();
      const end = new Date(Date.parse(start) + 3_600_000).toISOString();
      const at = t.clock.now().toISOString();
      const db = t.database.db;
      const id = (
        await db
          .insertInto("stage_bookings")
          .values({
            station_id: stationId,
            venue_id: venueId,
            team_id: teamId,
            unit_id: null,
            purpose: "performance",
            title: "进行中的演出",
            starts_at: start,
            ends_at: end,
            series_key: null,
            status: "approved",
            decision_note: null,
            requested_by_user_id: null,
            decided_by_user_id: null,
            decided_at: at,
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto("stage_slots")
        .values(
          [start, new Date(Date.parse(start) + 1_800_000).toISOString()].map((slot_start) => ({
            venue_id: venueId,
            slot_start,
            booking_id: id,
          })),
        )
        .execute();
      const before = await counts();
      const late = await post(leader, `/api/me/stage-bookings/${id}/cancel`, {});
      expect(late.statusCode).toBe(409);
      expect(late.json().error.id).toBe("stage.booking_started");
      expect(await counts()).toEqual(before);
    });

    it("refuses a blocked period", async () => {
      const date = addDays(today, 10);
      expect(
        (
          await post(staff, `/api/stage-venues/${venueId}/blocks`, {
            startsAt: iso(date, "00:00"),
            endsAt: iso(addDays(date, 1), "00:00"),
            reason: "舞台检修",
          })
        ).statusCode,
      ).toBe(201);
      const before = await counts();
      const r = await post(staff, "/api/stage-bookings", {
        venueId,
        purpose: "event",
        title: "x",
        date,
        startTime: "10:00",
        endTime: "11:00",
      });
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ id: "stage.blocked", fields: [{ field: "date" }] });
      expect(r.json().error.message).toContain("舞台检修");
      expect(await counts()).toEqual(before);
    });

    it("of 20 simultaneous requests for one slot, exactly one is booked", async () => {
      const date = addDays(today, 12);
      const before = await count("stage_bookings");
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(staff, "/api/stage-bookings", {
            venueId,
            purpose: "performance",
            title: `抢位 ${i}`,
            date,
            startTime: "15:00",
            endTime: "16:00",
          }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      expect(await count("stage_bookings")).toBe(before + 1);
    });

    it("refuses a booking overlapping the night market's opening hours", async () => {
      const date = addDays(today, 14);
      const openings = async (sid: number, fromIso: string, toIso: string) =>
        sid === stationId && fromIso < iso(date, "23:00") && toIso > iso(date, "18:00")
          ? [{ start: iso(date, "18:00"), end: iso(date, "23:00"), label: "夜市" }]
          : [];
      const service = new StageService(t.database.db, new EventsRepository(t.database.db), t.clock, openings);
      const user = {
        id: 1,
        username: "staff",
        displayName: "工作人员",
        role: "station_staff" as const,
        orgUnitId: stationId,
        orgPath: "",
        allianceUnitId: null,
        merchantId: null,
        residentId: null,
        locale: "zh-CN" as const,
        sessionId: "",
        csrfToken: "",
        stationIds: [stationId],
      };
      const actor = { userId: null, name: "test", role: null, ip: null };
      const before = await counts();
      await expect(
        service.request(
          user,
          {
            venueId,
            purpose: "performance",
            title: "晚场",
            date,
            startTime: "19:00",
            endTime: "20:00",
            teamId: null,
            unitId: null,
            repeat: null,
          },
          actor,
        ),
      ).rejects.toMatchObject({
        id: "stage.night_market",
      });
      expect(await counts()).toEqual(before);
      const fine = await service.request(
        user,
        {
          venueId,
          purpose: "performance",
          title: "午场",
          date,
          startTime: "14:00",
          endTime: "15:00",
          teamId: null,
          unitId: null,
          repeat: null,
        },
        actor,
      );
      expect(fine.created).toBe(1);
    });

    it("logs performances with team, theme and audience", async () => {
      const r = await post(staff, "/api/stage-performances", {
        venueId,
        teamId,
        title: "民族团结一家亲",
        theme: "民族团结",
        performedAt: iso(addDays(today, -1), "20:00"),
        audience: 230,
        audienceMethod: "head_count",
      });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({
        teamName: "测试舞蹈队",
        audience: 230,
        audienceMethod: "head_count",
        recordedBy: "工作人员 王丽娟",
      });
      expect(
        (
          await post(staff, "/api/stage-performances", {
            venueId,
            teamId,
            title: "x",
            theme: "x",
            performedAt: iso(addDays(today, -1), "20:00"),
            audience: -5,
            audienceMethod: "head_count",
          })
        ).json().error.fields[0].field,
      ).toBe("audience");
      const list = (await get(staff, `/api/stage-performances?teamId=${teamId}`)).json();
      expect(list.total).toBe(1);
    });
  });

  it("turns an inspection finding into a problem, and shows the round solved when it is", async () => {
    const round = await post(staff, "/api/environment-rounds", {
      kind: "road",
      area: "北侧通道",
      date: today,
      checklist: [
        { item: "路面平整", ok: false },
        { item: "排水通畅", ok: true },
      ],
    });
    expect(round.statusCode).toBe(201);
    expect(round.json()).toMatchObject({ solved: true, findings: [] });
    const before = await counts();
    expect(
      (await post(staff, `/api/environment-rounds/${round.json().id}/findings`, { description: "x", place: "北侧" })).json().error.fields[0]
        .field,
    ).toBe("description");
    expect(
      (
        await post(staff, `/api/environment-rounds/${round.json().id}/findings`, {
          description: "路面坑洼积水",
          place: "北侧通道",
          categoryCode: "nope",
        })
      ).json().error.fields[0].field,
    ).toBe("categoryCode");
    expect(await counts()).toEqual(before);
    const found = await post(staff, `/api/environment-rounds/${round.json().id}/findings`, {
      description: "路面坑洼积水",
      place: "北侧通道",
      categoryCode: "facility",
    });
    expect(found.statusCode).toBe(201);
    const finding = found.json().findings[0];
    expect(finding).toMatchObject({ problemStatus: "submitted", solved: false });
    expect(found.json().solved).toBe(false);
    const problem = (await get(staff, `/api/problems/${finding.problemId}`)).json();
    expect(problem).toMatchObject({ status: "submitted", categoryCode: "facility", source: "grid_worker" });
    expect((await get(staff, "/api/environment-rounds?solved=no")).json().items.map((r: { id: number }) => r.id)).toContain(
      round.json().id,
    );

    // the governance loop works it
    const wuye = await t.login("wuye");
    const unitId = (
      await t.database.db.selectFrom("users").select("alliance_unit_id").where("username", "=", "wuye").executeTakeFirstOrThrow()
    ).alliance_unit_id;
    const act = (s: Session, payload: object) => post(s, `/api/problems/${finding.problemId}/actions`, payload);
    const accepted = (await act(staff, { action: "accept", version: problem.version })).json();
    const assigned = (await act(staff, { action: "assign", unitId, version: accepted.version })).json();
    const started = (await act(wuye, { action: "start", version: assigned.version })).json();
    const resolved = await act(wuye, { action: "resolve", note: "已修补路面", version: started.version });
    expect(resolved.json().status).toBe("resolved");
    const after = (await get(staff, `/api/environment-rounds/${round.json().id}`)).json();
    expect(after).toMatchObject({ solved: true, findingsSolved: 1 });
    expect(after.solvedAt).toBe(resolved.json().resolvedAt);
  });

  it("lists events by kind, theme and month, exports them, and audits each change", async () => {
    const before = await count("audit_log");
    const e = (
      await post(staff, "/api/events", {
        kind: "publicity",
        title: "防疫知识进市场",
        themes: ["防疫"],
        place: "市场",
        startsAt: iso(today, "09:00"),
        endsAt: iso(today, "10:00"),
      })
    ).json();
    expect(await count("audit_log")).toBe(before + 1);
    const entry = await t.database.db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: "event.created", object_type: "event", object_id: String(e.id) });
    const byTheme = (await get(staff, "/api/events?theme=防疫&kind=publicity&pageSize=200")).json();
    expect(byTheme.items.map((x: { id: number }) => x.id)).toContain(e.id);
    expect(byTheme.items.every((x: { kind: string; themes: string[] }) => x.kind === "publicity" && x.themes.includes("防疫"))).toBe(true);
    const month = today.slice(0, 7);
    const byMonth = (await get(staff, `/api/events?month=${month}&pageSize=200`)).json();
    expect(byMonth.items.every((x: { startsAt: string }) => stationDate(x.startsAt).startsWith(month))).toBe(true);
    expect(byMonth.items.map((x: { id: number }) => x.id)).toContain(e.id);
    const exported = await get(staff, "/api/events/export?kind=publicity");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("spreadsheetml");
    expect((await get(staff, "/api/events?month=2026-13")).statusCode).toBe(400);
  });

  it("hides another station's events", async () => {
    const e = (
      await post(staff, "/api/events", {
        kind: "publicity",
        title: "本站宣传",
        place: "站内",
        startsAt: iso(today, "09:00"),
        endsAt: iso(today, "10:00"),
      })
    ).json();
    expect((await get(await t.login("youyi"), `/api/events/${e.id}`)).statusCode).toBe(404);
  });
});

describe(`the demo's events figures (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("regenerates the report's figures from records: about +3,500 visits and +175,000 yuan, the stage, a year of rounds", async () => {
    const staff = await t.login("staff");
    const f = (await t.as(staff, { method: "GET", url: "/api/event-figures" })).json();
    expect(f.promotions.items).toHaveLength(3);
    expect(Math.abs(f.promotions.visitsUplift - 3_500)).toBeLessThan(100);
    expect(Math.abs(f.promotions.takingsUpliftFen - 17_500_000)).toBeLessThan(100_000);
    for (const p of f.promotions.items) expect(p.uplift.takings.sampleSize).toBe(30);
    expect(
      f.events.byKind.find((k: { kind: string }) => k.kind === "performance").n +
        f.events.byKind.find((k: { kind: string }) => k.kind === "publicity").n,
    ).toBeGreaterThan(10);
    expect(f.stage.teams.map((x: { teamName: string }) => x.teamName).sort()).toEqual(["夕阳红舞蹈队", "舞动田园扇剑队"]);
    expect(f.stage.performances).toBeGreaterThan(15);
    expect(f.environment.roundsTotal).toBeGreaterThan(40);
    expect(f.environment.findingsSolved).toBeGreaterThan(f.environment.findings / 2);
    expect(f.environment.findingsSolved).toBeLessThan(f.environment.findings);
    // each figure cites its records: how many and the SHA-256 of their set, the same when asked again
    expect(f.promotions.citation).toMatchObject({
      figure: "promotions",
      recordCount: f.promotions.countRecords + f.promotions.takingsRecords,
    });
    expect(f.promotions.citation.recordSetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(f.stage.citation.recordCount).toBe(f.stage.performances);
    const again = (await t.as(staff, { method: "GET", url: "/api/event-figures" })).json();
    expect(again.environment.citation.recordSetHash).toBe(f.environment.citation.recordSetHash);
  });

  it("counts the events of every month of the period, a month without one at nought, and holds a festival's show on its day", async () => {
    const staff = await t.login("staff");
    const f = (await t.as(staff, { method: "GET", url: "/api/event-figures" })).json();
    const months = f.events.byMonth.map((m: { month: string }) => m.month);
    // The twelve months up to the clock's day: from its month a year ago to its own, each once, in order.
    const today = stationDate(t.clock.now());
    const first = addMonths(today, -12).slice(0, 7);
    expect(months[0]).toBe(first);
    expect(months.at(-1)).toBe(today.slice(0, 7));
    expect(months).toHaveLength(13);
    expect([...months].sort()).toEqual(months);
    const sum = f.events.byMonth.reduce((s: number, m: { n: number }) => s + m.n, 0);
    expect(sum).toBe(f.events.total);
    expect(f.events.byMonth.some((m: { n: number }) => m.n === 0)).toBe(true);
    // A whole month's bar opens that month's list (the first and the last month are cut by the period).
    for (const m of f.events.byMonth.slice(1, -1)) {
      expect(m.link).toBe(`/events?month=${m.month}`);
      const listed = (await t.as(staff, { method: "GET", url: `/api/events?month=${m.month}&pageSize=100` })).json();
      expect(listed.total).toBe(m.n);
    }
    // The Mid-Autumn evening show falls on the festival (the station's calendar, not the spread of the others).
    const shows = (await t.as(staff, { method: "GET", url: "/api/events?kind=performance&pageSize=100" })).json();
    const midAutumn = shows.items.find((e: { title: string }) => e.title === "中秋邻里文艺晚会");
    expect(["2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03"]).toContain(stationDate(midAutumn.startsAt));
    const women = shows.items.find((e: { title: string }) => e.title === "三八妇女节广场舞展演");
    expect(stationDate(women.startsAt).slice(5)).toBe("03-08");
  });
});
