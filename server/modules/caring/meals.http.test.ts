import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shiftMonth, stationDate, stationDayStart, stationInstant, weekdayOf } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";
import { ageOn } from "./meals.presenter.ts";

type DayItem = { recipientId: number; name: string; providerName: string; status: string; confirmedBy: string | null };

describe(`caring meals and figures over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let canting: Session;
  let volunteer: Session;
  let jumin: Session;
  let shanghu: Session;
  let stationId: number;
  let restaurants: { id: number; name: string }[];
  let cantingShop: number;
  let newRecipient: number;
  /** Today at the station, on the suite's clock when it starts. */
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [staff, canting, volunteer, jumin, shanghu] = await Promise.all(
      ["staff", "canting", "zhiyuanzhe", "jumin", "shanghu"].map((u) => t.login(u)),
    );
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    restaurants = await db
      .selectFrom("caring_shops as s")
      .innerJoin("merchants as m", "m.id", "s.merchant_id")
      .select(["s.id", "m.name"])
      .where("s.station_id", "=", stationId)
      .where("s.category", "=", "restaurant")
      .where("s.status", "=", "certified")
      .orderBy("s.id")
      .execute();
    const u = await db.selectFrom("users").select("merchant_id").where("username", "=", "canting").executeTakeFirstOrThrow();
    cantingShop = (await db.selectFrom("caring_shops").select("id").where("merchant_id", "=", u.merchant_id).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it("adds only an elderly resident living alone, with a certified caring restaurant, once", async () => {
    const db = t.database.db;
    const taken = (await db.selectFrom("meal_recipients").select("resident_id").execute()).map((r) => r.resident_id);
    const residents = await db
      .selectFrom("residents")
      .select(["id", "birth_date", "lives_alone"])
      .where("station_id", "=", stationId)
      .where("id", "not in", taken)
      .orderBy("id")
      .execute();
    const young = residents.find((r) => r.birth_date && ageOn(r.birth_date, today) < 50);
    const elderWithFamily = residents.find((r) => r.birth_date && ageOn(r.birth_date, today) >= 65 && r.lives_alone === 0);
    if (!young || !elderWithFamily) throw new Error("demo residents missing");
    const post = (payload: object) => t.as(staff, { method: "POST", url: "/api/caring/meals/recipients", payload });

    await db.updateTable("residents").set({ lives_alone: 1 }).where("id", "=", young.id).execute();
    const tooYoung = await post({ residentId: young.id, providerShopId: cantingShop, weekdays: [1, 3, 5] });
    expect(tooYoung.statusCode).toBe(400);
    expect(tooYoung.json().error.id).toBe("meal.not_elderly_alone");
    expect(tooYoung.json().error.fields[0].field).toBe("residentId");
    const notAlone = await post({ residentId: elderWithFamily.id, providerShopId: cantingShop, weekdays: [1, 3, 5] });
    expect(notAlone.json().error).toMatchObject({ id: "meal.not_elderly_alone", fields: [{ field: "residentId" }] });

    await db.updateTable("residents").set({ lives_alone: 1 }).where("id", "=", elderWithFamily.id).execute();
    const supermarket = await db.selectFrom("caring_shops").select("id").where("category", "=", "supermarket").executeTakeFirstOrThrow();
    const wrongShop = await post({ residentId: elderWithFamily.id, providerShopId: supermarket.id, weekdays: [1] });
    expect(wrongShop.statusCode).toBe(400);
    expect(wrongShop.json().error).toMatchObject({ id: "meal.not_caring_restaurant", fields: [{ field: "providerShopId" }] });

    // Planned on every day but today's weekday, to see the day refused first.
    const notToday = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== weekdayOf(today));
    const created = await post({ residentId: elderWithFamily.id, providerShopId: cantingShop, weekdays: notToday, note: "耳背，请多敲门" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ residentId: elderWithFamily.id, providerShopId: cantingShop, weekdays: notToday, active: true });
    newRecipient = created.json().id;
    expect((await post({ residentId: elderWithFamily.id, providerShopId: cantingShop, weekdays: [2] })).json().error.id).toBe(
      "meal.recipient_exists",
    );
    const youyi = await t.login("youyi");
    const foreign = await t.as(youyi, {
      method: "POST",
      url: "/api/caring/meals/recipients",
      payload: { residentId: elderWithFamily.id, providerShopId: cantingShop, weekdays: [2] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (await t.as(youyi, { method: "PATCH", url: `/api/caring/meals/recipients/${newRecipient}`, payload: { active: false } })).statusCode,
    ).toBe(404);
  });

  it("refuses a meal on a day that is not planned, then takes one confirmation per day", async () => {
    const confirm = (s: Session, payload: object) => t.as(s, { method: "POST", url: "/api/caring/meals/deliveries", payload });
    const notPlanned = await confirm(canting, { recipientId: newRecipient, date: today, status: "delivered" });
    expect(notPlanned.statusCode).toBe(409);
    expect(notPlanned.json().error.id).toBe("meal.not_planned");
    // Before the plan started is not planned either.
    expect((await confirm(staff, { recipientId: newRecipient, date: addDays(today, -3), status: "delivered" })).json().error.id).toBe(
      "meal.not_planned",
    );
    expect((await confirm(canting, { recipientId: newRecipient, date: addDays(today, 1), status: "delivered" })).statusCode).toBe(400);

    const patched = await t.as(staff, {
      method: "PATCH",
      url: `/api/caring/meals/recipients/${newRecipient}`,
      payload: { weekdays: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A patch without a note keeps it.
    const kept = await t.database.db.selectFrom("meal_recipients").select("note").where("id", "=", newRecipient).executeTakeFirstOrThrow();
    expect(kept.note).toBe("耳背，请多敲门");

    const before = (await t.as(canting, { method: "GET", url: "/api/caring/meals/day" })).json();
    expect(before.items.find((i: DayItem) => i.recipientId === newRecipient)).toMatchObject({ status: "pending" });

    const done = await confirm(canting, { recipientId: newRecipient, date: today, status: "delivered" });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "delivered", confirmedBy: expect.any(String) });
    const again = await confirm(canting, { recipientId: newRecipient, date: today, status: "delivered" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe("meal.already_confirmed");
    expect((await confirm(volunteer, { recipientId: newRecipient, date: today, status: "missed" })).json().error.id).toBe(
      "meal.already_confirmed",
    );
    // Staff correct it.
    const corrected = await confirm(staff, { recipientId: newRecipient, date: today, status: "missed", note: "老人外出就医，未送达" });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().status).toBe("missed");
    const rows = await t.database.db.selectFrom("meal_deliveries").selectAll().where("recipient_id", "=", newRecipient).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "missed", date: today });
    await confirm(staff, { recipientId: newRecipient, date: today, status: "delivered" });
  });

  it("lets a restaurant confirm only its own recipients; a volunteer any of the station's; others none", async () => {
    const db = t.database.db;
    const other = await db
      .selectFrom("meal_recipients")
      .select(["id", "weekdays"])
      .where("provider_shop_id", "!=", cantingShop)
      .where("active", "=", 1)
      .orderBy("id")
      .execute();
    const plannedToday = other.find((r) => r.weekdays.split(",").map(Number).includes(weekdayOf(today)));
    if (!plannedToday) throw new Error("no recipient of another restaurant planned today");
    const foreign = await t.as(canting, {
      method: "POST",
      url: "/api/caring/meals/deliveries",
      payload: { recipientId: plannedToday.id, date: today, status: "delivered" },
    });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error.id).toBe("meal.not_your_delivery");
    for (const s of [jumin, shanghu]) {
      const res = await t.as(s, {
        method: "POST",
        url: "/api/caring/meals/deliveries",
        payload: { recipientId: plannedToday.id, date: today, status: "delivered" },
      });
      expect(res.statusCode).toBe(404);
    }
    const byVolunteer = await t.as(volunteer, {
      method: "POST",
      url: "/api/caring/meals/deliveries",
      payload: { recipientId: plannedToday.id, date: today, status: "delivered" },
    });
    expect(byVolunteer.statusCode).toBe(200);
    expect(byVolunteer.json().confirmedBy).toBe("志愿者 努尔古丽");
  });

  it("shows the day per role: staff and volunteers the station's, a restaurant its own, others nothing", async () => {
    // A Wednesday at least a week back: every plan has a meal then (some plans leave the weekend out).
    let day = addDays(today, -7);
    while (weekdayOf(day) !== 3) day = addDays(day, -1);
    const staffDay = (await t.as(staff, { method: "GET", url: `/api/caring/meals/day?date=${day}` })).json();
    expect(staffDay.date).toBe(day);
    expect(staffDay.items.length).toBeGreaterThan(0);
    expect(staffDay.items.every((i: DayItem) => i.status === "delivered" || i.status === "missed")).toBe(true);
    const delivered = await t.database.db
      .selectFrom("meal_deliveries")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("date", "=", day)
      .executeTakeFirstOrThrow();
    expect(staffDay.items.length).toBe(Number(delivered.n));
    const volunteerDay = (await t.as(volunteer, { method: "GET", url: `/api/caring/meals/day?date=${day}` })).json();
    expect(volunteerDay.items.length).toBe(staffDay.items.length);
    const own = (await t.as(canting, { method: "GET", url: `/api/caring/meals/day?date=${day}` })).json();
    const cantingName = restaurants.find((r) => r.id === cantingShop)?.name;
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.length).toBeLessThan(staffDay.items.length);
    expect(own.items.every((i: DayItem) => i.providerName === cantingName)).toBe(true);
    for (const s of [jumin, shanghu]) {
      const res = await t.as(s, { method: "GET", url: `/api/caring/meals/day?date=${day}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    const youyi = await t.login("youyi");
    expect((await t.as(youyi, { method: "GET", url: `/api/caring/meals/day?date=${day}` })).json().items).toEqual([]);
  });

  it("flags a planned meal still unconfirmed as missed and tells the station's staff once", async () => {
    const db = t.database.db;
    const yesterday = addDays(today, -1);
    const gone = await db
      .selectFrom("meal_deliveries as d")
      .innerJoin("meal_recipients as r", "r.id", "d.recipient_id")
      .select(["d.id", "d.recipient_id"])
      .where("d.date", "=", yesterday)
      .where("r.active", "=", 1)
      .orderBy("d.id")
      .limit(2)
      .execute();
    expect(gone).toHaveLength(2);
    await db
      .deleteFrom("meal_deliveries")
      .where(
        "id",
        "in",
        gone.map((g) => g.id),
      )
      .execute();
    const pending = (await t.as(staff, { method: "GET", url: `/api/caring/meals/day?date=${yesterday}` })).json();
    expect(pending.items.filter((i: DayItem) => i.status === "pending")).toHaveLength(2);

    const staffIds = (
      await db
        .selectFrom("users")
        .select("id")
        .where("org_unit_id", "=", stationId)
        .where("role", "in", ["station_admin", "station_staff"])
        .execute()
    ).map((u) => u.id);
    const flagged = await t.as(staff, { method: "POST", url: "/api/caring/meals/flag-missed", payload: { date: yesterday } });
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json()).toEqual({ date: yesterday, marked: 2, notified: 2 * staffIds.length });
    const notes = await db.selectFrom("notifications").select(["user_id", "body"]).where("kind", "=", "meal.missed").execute();
    expect(notes).toHaveLength(2 * staffIds.length);
    expect(new Set(notes.map((n) => n.user_id))).toEqual(new Set(staffIds));
    const after = (await t.as(staff, { method: "GET", url: `/api/caring/meals/day?date=${yesterday}` })).json();
    expect(after.items.filter((i: DayItem) => i.status === "pending")).toHaveLength(0);
    expect(after.items.filter((i: DayItem) => gone.some((g) => g.recipient_id === i.recipientId)).map((i: DayItem) => i.status)).toEqual([
      "missed",
      "missed",
    ]);
    // Once: a second run finds nothing left to flag.
    expect((await t.as(staff, { method: "POST", url: "/api/caring/meals/flag-missed", payload: { date: yesterday } })).json().marked).toBe(
      0,
    );
    expect((await db.selectFrom("notifications").select("id").where("kind", "=", "meal.missed").execute()).length).toBe(
      2 * staffIds.length,
    );

    // The job: nothing before 13:00 station time; after it, today's still-pending planned meals.
    const job = t.app.jobs.find((j) => j.name === "caring.meals_missed");
    if (!job) throw new Error("job not registered");
    // Before 13:00 it leaves today alone but catches up on yesterday's meals nobody flagged.
    const caught = await db
      .selectFrom("meal_deliveries")
      .select("id")
      .where("date", "=", yesterday)
      .where("recipient_id", "=", gone[0].recipient_id)
      .executeTakeFirstOrThrow();
    await db.deleteFrom("meal_deliveries").where("id", "=", caught.id).execute();
    expect(await job.run(stationInstant(today, "10:00"))).toMatchObject({ marked: 0, caughtUp: 1 });
    const pendingToday = (await t.as(staff, { method: "GET", url: "/api/caring/meals/day" }))
      .json()
      .items.filter((i: DayItem) => i.status === "pending").length;
    expect(pendingToday).toBeGreaterThan(0);
    expect(await job.run(stationInstant(today, "14:00"))).toMatchObject({ date: today, marked: pendingToday });
    const todayAfter = (await t.as(staff, { method: "GET", url: "/api/caring/meals/day" })).json().items;
    expect(todayAfter.filter((i: DayItem) => i.status === "pending")).toHaveLength(0);
    expect(todayAfter.find((i: DayItem) => i.recipientId === newRecipient).status).toBe("delivered");
  });

  it("figures consistent with the rows", async () => {
    const db = t.database.db;
    const res = await t.as(staff, { method: "GET", url: "/api/caring/figures" });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);
    const delivered = await count(
      db
        .selectFrom("meal_deliveries")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("status", "=", "delivered")
        .executeTakeFirstOrThrow(),
    );
    const missed = await count(
      db
        .selectFrom("meal_deliveries")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("status", "=", "missed")
        .executeTakeFirstOrThrow(),
    );
    expect(f.mealsDelivered).toBe(delivered);
    expect(f.mealsMissed).toBe(missed);
    expect(f.mealCoverage).toBeLessThanOrEqual(1);
    const recipients = await count(
      db
        .selectFrom("meal_recipients")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("active", "=", 1)
        .executeTakeFirstOrThrow(),
    );
    expect(f.recipients).toBe(recipients);
    expect(f.caringRestaurants).toBe(restaurants.length);
    expect(f.activeHolders).toBeLessThanOrEqual(f.cardsIssued);
    // The default period: from the first of the same month a year back (station time) up to today.
    const periodStart = stationDayStart(`${shiftMonth(today.slice(0, 7), -12)}-01`).toISOString();
    const sums = await db
      .selectFrom("redemptions as x")
      .innerJoin("caring_shops as s", "s.id", "x.shop_id")
      .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.sum<number | string>("x.discount_fen").as("fen")])
      .where("s.station_id", "=", stationId)
      .where("x.created_at", ">=", periodStart)
      .executeTakeFirstOrThrow();
    const byShop = f.redemptionsByShopMonth as { redemptions: number; discountFen: number; month: string }[];
    expect(byShop.reduce((a, x) => a + x.redemptions, 0)).toBe(Number(sums.n));
    expect(byShop.reduce((a, x) => a + x.discountFen, 0)).toBe(Number(sums.fen));

    // A discount never exceeds what the shop's rate allows.
    const wrong = await db
      .selectFrom("redemptions")
      .select("id")
      .where(
        sql<boolean>`pay_fen + discount_fen <> amount_fen or discount_fen > amount_fen - (amount_fen * discount_rate_permille) / 1000 + 1`,
      )
      .execute();
    expect(wrong).toEqual([]);

    // A period: only last month's meals, and the district sees the same (one station has the scheme).
    const from = addDays(today, -30);
    const month = (await t.as(staff, { method: "GET", url: `/api/caring/figures?from=${from}&to=${today}` })).json();
    expect(month.mealsDelivered).toBeLessThan(f.mealsDelivered);
    expect(month.mealsDelivered).toBeGreaterThan(0);
    const district = await t.login("district");
    const rolled = (await t.as(district, { method: "GET", url: "/api/caring/figures" })).json();
    // 友谊 has caring shops and cards of its own but no caring meals: the district's figures add both stations.
    const youyi = await t.login("youyi");
    const theirs = (await t.as(youyi, { method: "GET", url: "/api/caring/figures" })).json();
    expect(theirs).toMatchObject({ mealsDelivered: 0, mealCoverage: null, caringRestaurants: 1 });
    expect(theirs.cardsIssued).toBeGreaterThan(0);
    const youyiShops = new Set(
      (
        await db
          .selectFrom("caring_shops as s")
          .innerJoin("users as u", "u.org_unit_id", "s.station_id")
          .select("s.id")
          .where("u.username", "=", "youyi")
          .execute()
      ).map((s) => s.id),
    );
    const theirShops = (theirs.redemptionsByShopMonth as { shopId: number }[]).map((x) => x.shopId);
    expect(theirShops.length).toBeGreaterThan(0);
    expect(theirShops.every((id) => youyiShops.has(id))).toBe(true);
    expect(rolled).toMatchObject({
      mealsDelivered: f.mealsDelivered,
      cardsIssued: f.cardsIssued + theirs.cardsIssued,
      caringRestaurants: f.caringRestaurants + theirs.caringRestaurants,
    });
    expect((await t.as(staff, { method: "GET", url: `/api/caring/figures?from=${today}&to=${from}` })).statusCode).toBe(400);
    expect((await t.as(canting, { method: "GET", url: "/api/caring/figures" })).statusCode).toBe(403);
  });

  it("narrows the day, the plan and the missed-meal sweep to one station asked for, within the caller's reach", async () => {
    const db = t.database.db;
    const admin = await t.login("admin");
    const youyiId = (await db.selectFrom("org_units").select("id").where("name", "=", "友谊市场党群服务站").executeTakeFirstOrThrow()).id;
    const day = addDays(today, -2);
    const get = async (s: Session, url: string) => {
      const res = await t.as(s, { method: "GET", url });
      expect(res.statusCode).toBe(200);
      return res.json();
    };

    // Each row names its station; 友谊 has no caring meals, so asking for it answers none, and 天源 all of them.
    const all = (await get(admin, `/api/caring/meals/day?date=${day}`)).items as (DayItem & { stationId: number })[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.stationId === stationId)).toBe(true);
    expect((await get(admin, `/api/caring/meals/day?date=${day}&stationId=${stationId}`)).items).toEqual(all);
    expect((await get(admin, `/api/caring/meals/day?date=${day}&stationId=${youyiId}`)).items).toEqual([]);
    const plan = (await get(admin, `/api/caring/meals/recipients?stationId=${stationId}`)) as { stationId: number }[];
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((r) => r.stationId === stationId)).toBe(true);
    expect(await get(admin, `/api/caring/meals/recipients?stationId=${youyiId}`)).toEqual([]);
    // A station outside the caller's reach answers nothing, not another station's rows.
    expect((await get(staff, `/api/caring/meals/day?date=${day}&stationId=${youyiId}`)).items).toEqual([]);
    expect(await get(staff, `/api/caring/meals/recipients?stationId=${youyiId}`)).toEqual([]);

    // The sweep asked for 友谊 leaves 天源's unconfirmed meal alone; asked for 天源 it flags it.
    const left = await db
      .selectFrom("meal_deliveries")
      .select(["id", "recipient_id"])
      .where("date", "=", day)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db.deleteFrom("meal_deliveries").where("id", "=", left.id).execute();
    const sweep = (payload: object) => t.as(admin, { method: "POST", url: "/api/caring/meals/flag-missed", payload });
    const elsewhere = await sweep({ date: day, stationId: youyiId });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().marked).toBe(0);
    expect(
      (await get(staff, `/api/caring/meals/day?date=${day}`)).items.find((i: DayItem) => i.recipientId === left.recipient_id).status,
    ).toBe("pending");
    expect(
      (await t.as(staff, { method: "POST", url: "/api/caring/meals/flag-missed", payload: { date: day, stationId: youyiId } })).json()
        .marked,
    ).toBe(0);
    expect((await sweep({ date: day, stationId: stationId })).json().marked).toBe(1);
    expect(
      (await get(staff, `/api/caring/meals/day?date=${day}`)).items.find((i: DayItem) => i.recipientId === left.recipient_id).status,
    ).toBe("missed");
    const bad = await sweep({ date: day, stationId: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("stationId");
  });
});
