import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { expandRule } from "../../../contracts/schedule.ts";
import { DEMO_PASSWORD } from "../../../demo/tianyuan.ts";
import { systemActor } from "../../platform/audit.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

type Upcoming = { id: number; date: string; slots: { slot: string; free: boolean }[]; myBooking: { id: number; slot: string } | null };
type Mine = {
  today: string;
  upcoming: Upcoming[];
  bookings: { id: number; status: string; date: string }[];
  history: { merchantId: number }[];
};

describe(`Red Shield post over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let scjg: Session;
  let wuye: Session;
  let shanghu: Session;
  let canting: Session;
  let youyi: Session;
  let stationId: number;
  let shanghuMerchant: number;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = stationDate(t.clock.now());
    [staff, scjg, wuye, shanghu, canting, youyi] = await Promise.all(
      ["staff", "scjg", "wuye", "shanghu", "canting", "youyi"].map((u) => t.login(u)),
    );
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    shanghuMerchant =
      (await db.selectFrom("users").select("merchant_id").where("username", "=", "shanghu").executeTakeFirstOrThrow()).merchant_id ?? 0;
  });
  afterAll(() => t.close());

  const mine = async (s: Session) => (await t.as(s, { method: "GET", url: "/api/me/red-shield" })).json() as Mine;
  const book = (s: Session, payload: object) => t.as(s, { method: "POST", url: "/api/red-shield/bookings", payload });

  it("generates the coming sessions from the plan without ever duplicating a day", async () => {
    const before = await t.database.db.selectFrom("red_shield_sessions").select("date").where("station_id", "=", stationId).execute();
    const res = await t.as(staff, { method: "POST", url: "/api/red-shield/sessions/generate", payload: { days: 120 } });
    expect(res.statusCode).toBe(200);
    const wanted = expandRule({ kind: "monthly_nth", nth: [2, 4], weekday: 3 }, today, addDays(today, 120));
    const missing = wanted.filter((d) => !before.some((b) => b.date === d));
    expect(res.json().created).toBe(missing.length);
    expect((await t.as(staff, { method: "POST", url: "/api/red-shield/sessions/generate", payload: { days: 120 } })).json().created).toBe(
      0,
    );
    // The daily job does the same and finds nothing to add.
    const job = t.app.jobs.find((j) => j.name === "redshield.sessions");
    expect(job).toBeDefined();
    expect(await job?.run(t.clock.now())).toMatchObject({ created: 0 });
    const after = await t.database.db.selectFrom("red_shield_sessions").select("date").where("station_id", "=", stationId).execute();
    expect(new Set(after.map((a) => a.date)).size).toBe(after.length);
    expect((await t.as(youyi, { method: "POST", url: "/api/red-shield/sessions/generate", payload: {} })).json().error.id).toBe(
      "redshield.no_plan",
    );
    void systemActor;
  });

  it("a merchant books one free slot per session; taken, wrong, past and cancelled sessions are refused", async () => {
    const me = await mine(shanghu);
    const target = me.upcoming.find((u) => u.myBooking === null && u.date > today && u.slots.filter((s) => s.free).length >= 2);
    if (!target) throw new Error("no upcoming session with free slots");
    const [first, second] = target.slots.filter((s) => s.free);
    const ok = await book(shanghu, { sessionId: target.id, slot: first.slot, topic: "name_check", note: "新开分店" });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      sessionId: target.id,
      slot: first.slot,
      topic: "name_check",
      status: "booked",
      merchantId: shanghuMerchant,
    });

    const again = await book(shanghu, { sessionId: target.id, slot: second.slot, topic: "other" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe("redshield.already_booked");
    expect(again.json().error.message).toContain(first.slot);
    const taken = await book(canting, { sessionId: target.id, slot: first.slot, topic: "other" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.id).toBe("redshield.slot_taken");
    expect(taken.json().error.message).toContain(first.slot);
    expect((await book(canting, { sessionId: target.id, slot: "10:05", topic: "other" })).json().error.id).toBe("redshield.bad_slot");
    expect((await book(canting, { sessionId: target.id, slot: first.slot, topic: "weather" })).statusCode).toBe(400);

    const pastSession = await t.database.db
      .selectFrom("red_shield_sessions")
      .select("id")
      .where("station_id", "=", stationId)
      .where("date", "<", today)
      .executeTakeFirstOrThrow();
    expect((await book(canting, { sessionId: pastSession.id, slot: "10:00", topic: "other" })).json().error.id).toBe(
      "redshield.session_closed",
    );
    // Residents do not book; staff do not book as merchants.
    const jumin = await t.login("jumin");
    expect((await book(jumin, { sessionId: target.id, slot: second.slot, topic: "other" })).statusCode).toBe(403);

    // The merchant sees the slot as theirs; the staff see who booked it.
    const view = await mine(shanghu);
    expect(view.upcoming.find((u) => u.id === target.id)?.myBooking?.slot).toBe(first.slot);
    const detail = (await t.as(staff, { method: "GET", url: `/api/red-shield/sessions/${target.id}` })).json();
    expect(detail.slotList.find((s: { slot: string }) => s.slot === first.slot).booking.merchantId).toBe(shanghuMerchant);
    // Another merchant sees the slot taken but not who holds it.
    const seen = (await t.as(canting, { method: "GET", url: `/api/red-shield/sessions/${target.id}` })).json();
    const slot = seen.slotList.find((s: { slot: string }) => s.slot === first.slot);
    expect(slot).toMatchObject({ taken: true, booking: null });
    expect(seen.canManage).toBe(false);

    // Cancelled by the merchant, the slot is free again for another.
    const cancel = await t.as(shanghu, { method: "DELETE", url: `/api/red-shield/bookings/${ok.json().id}` });
    expect(cancel.statusCode).toBe(200);
    expect((await t.as(canting, { method: "DELETE", url: `/api/red-shield/bookings/${ok.json().id}` })).statusCode).toBe(404);
    expect((await book(canting, { sessionId: target.id, slot: first.slot, topic: "consumer_rights" })).statusCode).toBe(201);
  });

  it("cancelling a session tells its booked merchants and frees nothing for booking", async () => {
    const me = await mine(shanghu);
    const session = me.upcoming.find((u) => u.myBooking !== null);
    if (!session) throw new Error("shanghu has no upcoming booking");
    const detail = (await t.as(staff, { method: "GET", url: `/api/red-shield/sessions/${session.id}` })).json();
    const live = detail.bookings.filter((b: { status: string }) => b.status === "booked");
    expect(live.length).toBeGreaterThanOrEqual(1);
    const shanghuUser = (await t.database.db.selectFrom("users").select("id").where("username", "=", "shanghu").executeTakeFirstOrThrow())
      .id;
    const stale = await t.as(staff, {
      method: "POST",
      url: `/api/red-shield/sessions/${session.id}/cancel`,
      payload: { reason: "上级检查", version: detail.version + 1 },
    });
    expect(stale.json().error.id).toBe("record.conflict");
    const res = await t.as(staff, {
      method: "POST",
      url: `/api/red-shield/sessions/${session.id}/cancel`,
      payload: { reason: "区局集中培训，改期至下一场", version: detail.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "cancelled", cancelReason: "区局集中培训，改期至下一场", booked: 0 });
    const notes = await t.database.db
      .selectFrom("notifications")
      .select(["user_id", "body"])
      .where("kind", "=", "redshield.session_cancelled")
      .execute();
    expect(notes.some((n) => n.user_id === shanghuUser && n.body.includes(session.date) && n.body.includes("区局集中培训"))).toBe(true);
    expect((await book(canting, { sessionId: session.id, slot: "11:40", topic: "other" })).json().error.id).toBe(
      "redshield.session_closed",
    );
    const twice = await t.as(staff, {
      method: "POST",
      url: `/api/red-shield/sessions/${session.id}/cancel`,
      payload: { reason: "再次取消", version: detail.version + 1 },
    });
    expect(twice.json().error.id).toBe("redshield.session_transition");
    expect((await mine(shanghu)).upcoming.some((u) => u.id === session.id)).toBe(false);
  });

  it("consultations are recorded by the bureau's officer on its sessions, refused to another unit's contact and before the day", async () => {
    const past = (await t.as(scjg, { method: "GET", url: "/api/red-shield/sessions?when=past&status=held" })).json();
    expect(past.items.length).toBeGreaterThan(0);
    const session = past.items[0];
    const detail = (await t.as(scjg, { method: "GET", url: `/api/red-shield/sessions/${session.id}` })).json();
    expect(detail.canManage).toBe(true);
    const payload = {
      sessionId: session.id,
      merchantId: shanghuMerchant,
      topic: "contract_filing",
      summary: "租赁合同补充条款备案咨询",
      outcome: "follow_up",
    };
    const res = await t.as(scjg, { method: "POST", url: "/api/red-shield/consultations", payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      merchantId: shanghuMerchant,
      topic: "contract_filing",
      outcome: "follow_up",
      officerName: "市场监管局 赵德明",
      date: session.date,
    });

    const other = await t.as(wuye, { method: "POST", url: "/api/red-shield/consultations", payload });
    expect(other.statusCode).toBe(404);
    expect((await t.as(wuye, { method: "GET", url: `/api/red-shield/sessions/${session.id}` })).statusCode).toBe(404);
    expect((await t.as(wuye, { method: "GET", url: "/api/red-shield/sessions?when=all" })).json().total).toBe(0);
    expect((await t.as(youyi, { method: "GET", url: `/api/red-shield/sessions/${session.id}` })).statusCode).toBe(404);

    const future = (await t.as(staff, { method: "GET", url: "/api/red-shield/sessions?when=upcoming" }))
      .json()
      .items.find((s: { date: string; status: string }) => s.date > today && s.status === "scheduled");
    const early = await t.as(staff, {
      method: "POST",
      url: "/api/red-shield/consultations",
      payload: { ...payload, sessionId: future.id },
    });
    expect(early.json().error.id).toBe("redshield.not_started");
    const wrongBooking = await t.as(staff, {
      method: "POST",
      url: "/api/red-shield/consultations",
      payload: { ...payload, bookingId: 999999 },
    });
    expect(wrongBooking.json().error.fields[0].field).toBe("bookingId");

    // A booking marked; the consultation of a booked merchant marks them attended.
    const booked = detail.bookings.find((b: { status: string }) => b.status === "missed" || b.status === "attended");
    if (booked) {
      const mark = await t.as(scjg, { method: "PATCH", url: `/api/red-shield/bookings/${booked.id}`, payload: { status: "missed" } });
      expect(mark.statusCode).toBe(200);
      expect(mark.json().status).toBe("missed");
    }
    const futureDetail = (await t.as(staff, { method: "GET", url: `/api/red-shield/sessions/${future.id}` })).json();
    const futureBooking = futureDetail.bookings.find((b: { status: string }) => b.status === "booked");
    if (futureBooking) {
      const early2 = await t.as(staff, {
        method: "PATCH",
        url: `/api/red-shield/bookings/${futureBooking.id}`,
        payload: { status: "attended" },
      });
      expect(early2.json().error.id).toBe("redshield.not_started");
    }

    // The merchant's history: their own only, on the console list and on the phone.
    const history = (await t.as(staff, { method: "GET", url: `/api/red-shield/consultations?merchantId=${shanghuMerchant}` })).json();
    expect(history.items.some((c: { id: number }) => c.id === res.json().id)).toBe(true);
    const own = (await t.as(shanghu, { method: "GET", url: "/api/red-shield/consultations?pageSize=200" })).json();
    expect(own.items.length).toBe(history.total);
    expect(own.items.every((c: { merchantId: number }) => c.merchantId === shanghuMerchant)).toBe(true);

    // Figures are computed from the records.
    const figures = (await t.as(staff, { method: "GET", url: `/api/red-shield/figures?from=${addDays(today, -400)}&to=${today}` })).json();
    const count = await t.database.db
      .selectFrom("red_shield_consultations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    expect(figures.total).toBe(Number(count.n));
    expect(figures.byTopic.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(figures.total);
    expect(figures.byMonth.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(figures.total);
    const bureauOnly = (
      await t.as(scjg, { method: "GET", url: `/api/red-shield/figures?from=${addDays(today, -400)}&to=${today}` })
    ).json();
    expect(bureauOnly.total).toBe(figures.total);
    expect((await t.as(wuye, { method: "GET", url: "/api/red-shield/figures" })).json().total).toBe(0);
  });

  it("twenty merchants booking one slot at once: exactly one gets it", async () => {
    const db = t.database.db;
    const hash = (await db.selectFrom("users").select("password_hash").where("username", "=", "shanghu").executeTakeFirstOrThrow())
      .password_hash;
    // The session and slot first, then twenty merchants without an account and without a booking in that session
    // (the demo books a few random merchants into the coming sessions).
    const target = (await mine(shanghu)).upcoming.find((u) => u.date > today && u.slots.some((s) => s.free));
    if (!target) throw new Error("no free slot");
    const slot = target.slots.filter((s) => s.free).at(-1)?.slot ?? "";
    const merchants = await db
      .selectFrom("merchants")
      .select("id")
      .where("station_id", "=", stationId)
      .where(
        "id",
        "not in",
        db.selectFrom("users").select("merchant_id").where("merchant_id", "is not", null).$narrowType<{ merchant_id: number }>(),
      )
      .where(
        "id",
        "not in",
        db.selectFrom("red_shield_bookings").select("merchant_id").where("session_id", "=", target.id).where("status", "=", "booked"),
      )
      .orderBy("id")
      .limit(20)
      .execute();
    const stamp = t.clock.now().toISOString();
    await db
      .insertInto("users")
      .values(
        merchants.map((m, i) => ({
          username: `rush${i}`,
          display_name: `商户${i}`,
          password_hash: hash,
          role: "merchant",
          org_unit_id: stationId,
          alliance_unit_id: null,
          merchant_id: m.id,
          resident_id: null,
          mobile_enc: null,
          mobile_hash: null,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: stamp,
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .execute();
    const sessions = await Promise.all(merchants.map((_, i) => t.login(`rush${i}`, DEMO_PASSWORD)));
    const results = await Promise.all(sessions.map((s) => book(s, { sessionId: target.id, slot, topic: "annual_report" })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().error.id === "redshield.slot_taken")).toHaveLength(merchants.length - 1);
    const live = await db
      .selectFrom("red_shield_bookings")
      .select("id")
      .where("session_id", "=", target.id)
      .where("slot", "=", slot)
      .where("status", "=", "booked")
      .execute();
    expect(live).toHaveLength(1);
  });

  it("a station's first plan saved twice at once is one plan", async () => {
    const db = t.database.db;
    const youyiStation = (
      await db
        .selectFrom("users")
        .innerJoin("org_units as o", "o.id", "users.org_unit_id")
        .select("o.id")
        .where("username", "=", "youyi")
        .executeTakeFirstOrThrow()
    ).id;
    const unit = await db
      .selectFrom("alliance_units")
      .select("id")
      .where("station_id", "=", youyiStation)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!unit) return;
    const plan = {
      unitId: unit.id,
      rule: { kind: "monthly_nth", nth: [1, 3], weekday: 2 },
      startTime: "10:00",
      endTime: "12:00",
      slotMinutes: 20,
      place: "服务站窗口",
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.as(youyi, { method: "PUT", url: "/api/red-shield/plan", payload: plan })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    const plans = await db.selectFrom("red_shield_plans").select("id").where("station_id", "=", youyiStation).execute();
    expect(plans).toHaveLength(1);
  });
});
