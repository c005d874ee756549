// The caring scheme over HTTP: a round from nominating to award issues the winner's card; the holder presents
// it, a certified shop redeems it once; forged, expired, replayed, foreign, revoked and over-cap codes are
// refused with their reason and nothing written; 50 concurrent redemptions of one code → exactly one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";
import { statementsOf } from "../../test/statements.ts";

describe(`caring scheme (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let shanghu: Session;
  let jumin: Session;
  let youyi: Session;
  let juminResidentId: number;
  let merchantId: number;
  let cardId: number;
  let cardNo: string;
  let shopId: number;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    shanghu = await t.login("shanghu");
    jumin = await t.login("jumin");
    youyi = await t.login("youyi");
    const db = t.database.db;
    const j = await db.selectFrom("users").select(["resident_id"]).where("username", "=", "jumin").executeTakeFirstOrThrow();
    juminResidentId = j.resident_id as number;
    const m = await db.selectFrom("users").select(["merchant_id"]).where("username", "=", "shanghu").executeTakeFirstOrThrow();
    merchantId = m.merchant_id as number;
    // The demo may already hold a caring shop for this merchant: hand it to a merchant without one, so this file
    // walks the application from the start.
    const existing = await db.selectFrom("caring_shops").select("id").where("merchant_id", "=", merchantId).executeTakeFirst();
    if (existing) {
      const free = await db
        .selectFrom("merchants")
        .select("id")
        .where("id", "not in", db.selectFrom("caring_shops").select("merchant_id"))
        .orderBy("id")
        .executeTakeFirstOrThrow();
      await db.updateTable("caring_shops").set({ merchant_id: free.id }).where("id", "=", existing.id).execute();
    }
  }, 60_000);
  afterAll(async () => {
    // pg-pool's end() resolves before its clients have finished closing; a forced drop of the test database
    // right after can then reach a closing client as an unhandled 57P01. Close, let the clients go, then drop.
    await t.app.close();
    await t.database.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.drop();
  });

  const post = (s: Session | null, url: string, payload: object) => t.as(s, { method: "POST", url, payload });
  /** Today at the station, on the suite's clock. */
  const today = () => stationDate(t.clock.now());
  const counts = async () => {
    const db = t.database.db;
    const r = await db
      .selectFrom("redemptions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const u = await db
      .selectFrom("card_presentations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("used_at", "is not", null)
      .executeTakeFirstOrThrow();
    return { redemptions: Number(r.n), used: Number(u.n) };
  };
  /** A 30-day card for the demo resident, issued by staff (caps and category as given). */
  const issueCard = async (extra: object = {}) => {
    const res = await post(staff, "/api/caring/cards", {
      residentId: juminResidentId,
      category: "liaison_head",
      validFrom: today(),
      validTo: addDays(today(), 30),
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const present = async (id = cardId) => {
    const res = await post(jumin, `/api/me/cards/${id}/presentation`, {});
    expect(res.statusCode).toBe(200);
    return res.json() as { token: string; shortCode: string; expiresAt: string };
  };

  it("runs a round from nominating to award and issues the winner's card", async () => {
    const created = await post(staff, "/api/caring/rounds", { category: "civilised_resident", month: "2019-03", publicityDays: 3 });
    expect(created.statusCode).toBe(201);
    const round = created.json();
    expect(round.status).toBe("nominating");
    expect((await post(staff, "/api/caring/rounds", { category: "civilised_resident", month: "2019-03" })).json().error.id).toBe(
      "round.exists",
    );

    // The resident finds the round on /m/ and nominates; staff nominate another resident of the station; nobody twice.
    const open = (await t.as(jumin, { method: "GET", url: "/api/me/rounds" })).json();
    expect(open.map((x: { id: number }) => x.id)).toContain(round.id);
    const own = await post(jumin, `/api/caring/rounds/${round.id}/nominations`, {
      residentId: juminResidentId,
      reason: "热心帮助邻里，常年义务打扫楼道",
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ residentId: juminResidentId, status: "nominated" });
    // A resident sees names masked to the surname.
    expect(own.json().residentName).toMatch(/^\S\*+$/);
    const again = await post(staff, `/api/caring/rounds/${round.id}/nominations`, { residentId: juminResidentId, reason: "重复提名" });
    expect(again.json().error.id).toBe("nomination.duplicate");
    const db = t.database.db;
    const other = await db
      .selectFrom("residents")
      .select("id")
      .where("station_id", "=", round.stationId)
      .where("id", "!=", juminResidentId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect(
      (await post(staff, `/api/caring/rounds/${round.id}/nominations`, { residentId: other.id, reason: "积极参加志愿服务" })).statusCode,
    ).toBe(201);
    const foreignResident = await db
      .selectFrom("residents")
      .select("id")
      .where("station_id", "!=", round.stationId)
      .executeTakeFirstOrThrow();
    expect(
      (await post(staff, `/api/caring/rounds/${round.id}/nominations`, { residentId: foreignResident.id, reason: "外站居民" })).statusCode,
    ).toBe(400);

    let r = (await t.as(staff, { method: "GET", url: `/api/caring/rounds/${round.id}` })).json();
    expect(r.nominations).toHaveLength(2);
    // Reviewing before nominations close is refused.
    expect(
      (await post(staff, `/api/caring/nominations/${r.nominations[0].id}/review`, { decision: "accept", version: 1 })).json().error.id,
    ).toBe("nomination.closed");
    r = (await post(staff, `/api/caring/rounds/${round.id}/actions`, { action: "close_nominations", version: r.version })).json();
    expect(r.status).toBe("reviewing");
    expect((await post(staff, `/api/caring/rounds/${round.id}/actions`, { action: "publish", version: r.version })).json().error.id).toBe(
      "round.unreviewed",
    );
    for (const n of r.nominations) {
      const res = await post(staff, `/api/caring/nominations/${n.id}/review`, { decision: "accept", version: n.version });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: n.id, status: "accepted", version: n.version + 1 });
    }
    r = (await t.as(staff, { method: "GET", url: `/api/caring/rounds/${round.id}` })).json();
    r = (await post(staff, `/api/caring/rounds/${round.id}/actions`, { action: "publish", version: r.version })).json();
    expect(r.status).toBe("publicity");
    expect(r.publicityFrom).toBe(today());
    expect(r.publicityUntil).toBe(addDays(today(), 2));

    // An objection to the other nominee is upheld: they are not awarded.
    const otherNom = r.nominations.find((n: { residentId: number }) => n.residentId === other.id);
    const objection = await post(jumin, `/api/caring/nominations/${otherNom.id}/objections`, { text: "该居民曾有违规搭建行为" });
    expect(objection.statusCode).toBe(201);
    const publicView = (await t.as(jumin, { method: "GET", url: "/api/me/rounds" })).json().find((x: { id: number }) => x.id === round.id);
    expect(
      publicView.nominations.every(
        (n: { objections: unknown[]; residentName: string }) => n.objections.length === 0 && /^\S\*+$/.test(n.residentName),
      ),
    ).toBe(true);
    // Award before the publicity ends is refused.
    r = (await t.as(staff, { method: "GET", url: `/api/caring/rounds/${round.id}` })).json();
    expect((await post(staff, `/api/caring/rounds/${round.id}/actions`, { action: "award", version: r.version })).json().error.id).toBe(
      "round.publicity_running",
    );
    await db
      .updateTable("award_rounds")
      .set({ publicity_until: addDays(today(), -1) })
      .where("id", "=", round.id)
      .execute();
    expect((await post(staff, `/api/caring/rounds/${round.id}/actions`, { action: "award", version: r.version })).json().error.id).toBe(
      "round.objections_open",
    );
    r = (await post(staff, `/api/caring/objections/${objection.json().id}/decision`, { decision: "uphold", note: "经核实属实" })).json();
    expect((await post(staff, `/api/caring/objections/${objection.json().id}/decision`, { decision: "dismiss" })).json().error.id).toBe(
      "objection.decided",
    );
    const awarded = await post(staff, `/api/caring/rounds/${round.id}/actions`, { action: "award", version: r.version });
    expect(awarded.statusCode).toBe(200);
    r = awarded.json();
    expect(r.status).toBe("awarded");
    const statuses = Object.fromEntries(r.nominations.map((n: { residentId: number; status: string }) => [n.residentId, n.status]));
    expect(statuses[juminResidentId]).toBe("winner");
    expect(statuses[other.id]).toBe("not_awarded");

    // The winner's card appears on the holder's phone, and the holder heard of it.
    const issued = await db.selectFrom("discount_cards").select(["id", "card_no"]).where("round_id", "=", round.id).execute();
    expect(issued).toHaveLength(1);
    cardId = issued[0].id;
    cardNo = issued[0].card_no;
    expect(cardNo).toMatch(/^DC\d{4}\d{6}$/);
    const mine = (await t.as(jumin, { method: "GET", url: "/api/me/cards" })).json();
    expect(mine.find((c: { id: number }) => c.id === cardId)).toMatchObject({
      category: "civilised_resident",
      status: "active",
      validFrom: today(),
    });
    const juminUser = await db.selectFrom("users").select("id").where("username", "=", "jumin").executeTakeFirstOrThrow();
    const note = await db
      .selectFrom("notifications")
      .select("body")
      .where("user_id", "=", juminUser.id)
      .where("kind", "=", "card.issued")
      .execute();
    expect(note.filter((n) => n.body.includes(cardNo))).toHaveLength(1);

    // The public honour roll shows the winner masked to the surname.
    const roll = (await t.as(null, { method: "GET", url: `/api/public/honour-roll?stationId=${round.stationId}` })).json();
    const entry = roll.find((g: { month: string }) => g.month === "2019-03");
    expect(entry.names).toHaveLength(1);
    expect(entry.names[0]).toMatch(/^\S\*+$/);
  });

  it("refuses a shop that is not certified, then certifies the demo merchant's shop", async () => {
    const { token } = await present();
    const refused = await post(shanghu, "/api/caring/redemptions", { token, amountFen: 10_000 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.id).toBe("shop.not_certified");

    const applied = await post(shanghu, "/api/me/shop", { category: "supermarket", note: "申请加入爱心联盟" });
    expect(applied.statusCode).toBe(201);
    let shop = applied.json();
    shopId = shop.id;
    expect(shop).toMatchObject({ status: "applied", merchantId });
    expect((await post(shanghu, "/api/me/shop", { category: "supermarket" })).json().error.id).toBe("shop.already_applied");
    expect(
      (
        await post(staff, `/api/caring/shops/${shopId}/actions`, {
          action: "certify",
          discountRatePermille: 850,
          plaqueDate: today(),
          version: shop.version,
        })
      ).json().error.id,
    ).toBe("shop.transition");
    shop = (
      await post(staff, `/api/caring/shops/${shopId}/actions`, {
        action: "inspect",
        passed: true,
        note: "计量器具合格，明码标价",
        version: shop.version,
      })
    ).json();
    expect(shop.status).toBe("inspected");
    const rateTooLow = await post(staff, `/api/caring/shops/${shopId}/actions`, {
      action: "certify",
      discountRatePermille: 790,
      plaqueDate: today(),
      version: shop.version,
    });
    expect(rateTooLow.statusCode).toBe(400);
    shop = (
      await post(staff, `/api/caring/shops/${shopId}/actions`, {
        action: "certify",
        discountRatePermille: 850,
        plaqueDate: today(),
        version: shop.version,
      })
    ).json();
    expect(shop).toMatchObject({
      status: "certified",
      discountRatePermille: 850,
      plaqueDate: today(),
      reviewDue: addDays(today(), 365),
    });
    expect(shop.events.map((e: { action: string }) => e.action)).toEqual(["apply", "inspect", "certify"]);
    expect((await t.as(shanghu, { method: "GET", url: "/api/me/shop" })).json().id).toBe(shopId);
    const publicList = (await t.as(null, { method: "GET", url: `/api/public/caring-shops?stationId=${shop.stationId}` })).json();
    expect(publicList).toContainEqual(expect.objectContaining({ id: shopId, category: "supermarket", discountRatePermille: 850 }));
  });

  it("previews without writing, then redeems 100.00 yuan at 85 % once: pays 85.00, discount 15.00", async () => {
    const { token } = await present();
    const before = await counts();
    const preview = await post(shanghu, "/api/caring/redemptions/preview", { token, amountFen: 10_000 });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ cardNo, amountFen: 10_000, discountRatePermille: 850, payFen: 8_500, discountFen: 1_500 });
    expect(preview.json().holderName).toMatch(/^\S\*+$/);
    expect(await counts()).toEqual(before);

    const {
      statements,
      roundTrips,
      result: done,
    } = await statementsOf(() => post(shanghu, "/api/caring/redemptions", { token, amountFen: 10_000 }));
    expect(done.statusCode).toBe(201);
    // On PostgreSQL: BEGIN, the presentation with its card (and the card's running month) locked, the shop and the
    // sale's id in one statement; the mark, the sale, the card's month and the audit entry in one statement; COMMIT.
    if (dialectName === "postgres") {
      expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(4);
      // BEGIN written with the lock, COMMIT with the last statement: two round trips.
      expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(2);
    }
    expect(done.json()).toMatchObject({ cardNo, method: "qr", payFen: 8_500, discountFen: 1_500, shopId });
    expect(JSON.stringify(done.json())).not.toMatch(/1[3-9]\d{9}/);
    expect(await counts()).toEqual({ redemptions: before.redemptions + 1, used: before.used + 1 });

    const replay = await post(shanghu, "/api/caring/redemptions", { token, amountFen: 10_000 });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.id).toBe("card.already_used");
    expect(await counts()).toEqual({ redemptions: before.redemptions + 1, used: before.used + 1 });

    const history = (await t.as(jumin, { method: "GET", url: `/api/me/cards/${cardId}/history` })).json();
    expect(history).toHaveLength(1);
    const day = (await t.as(shanghu, { method: "GET", url: "/api/me/shop/redemptions" })).json();
    expect(day).toMatchObject({ count: 1, amountFen: 10_000, discountFen: 1_500 });
    expect(day.items[0].holderName).toMatch(/^\S\*+$/);
    const staffList = (await t.as(staff, { method: "GET", url: `/api/caring/redemptions?cardId=${cardId}` })).json();
    expect(staffList.total).toBe(1);
    const card = (await t.as(jumin, { method: "GET", url: "/api/me/cards" })).json()[0];
    expect(card.usedThisMonth).toEqual({ uses: 1, discountFen: 1_500 });
  });

  it("redeems by the typed short code once", async () => {
    const { shortCode } = await present();
    const done = await post(shanghu, "/api/caring/redemptions", { shortCode, amountFen: 2_000 });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ method: "code", payFen: 1_700, discountFen: 300 });
    expect((await post(shanghu, "/api/caring/redemptions", { shortCode, amountFen: 2_000 })).json().error.id).toBe("card.already_used");
  });

  it("refuses a forged and an expired code, writing nothing", async () => {
    const { token } = await present();
    const before = await counts();
    const [jti, sig] = token.split(".");
    const forged = `${jti}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`;
    const f = await post(shanghu, "/api/caring/redemptions", { token: forged, amountFen: 1_000 });
    expect(f.statusCode).toBe(400);
    expect(f.json().error.id).toBe("card.qr_invalid");
    expect((await post(shanghu, "/api/caring/redemptions", { token: "garbage-token-xyz", amountFen: 1_000 })).json().error.id).toBe(
      "card.qr_invalid",
    );
    await t.database.db
      .updateTable("card_presentations")
      .set({ expires_at: new Date(t.clock.now().getTime() - 1000).toISOString() })
      .where("jti", "=", jti)
      .execute();
    const e = await post(shanghu, "/api/caring/redemptions", { token, amountFen: 1_000 });
    expect(e.json().error.id).toBe("card.qr_expired");
    expect(await counts()).toEqual(before);
  });

  it("refuses another station's card and a wrong PIN; a printed card redeems with its PIN", async () => {
    const db = t.database.db;
    const otherStation = await db.selectFrom("users").select("org_unit_id").where("username", "=", "youyi").executeTakeFirstOrThrow();
    const foreignResident = await db
      .selectFrom("residents")
      .select("id")
      .where("station_id", "=", otherStation.org_unit_id)
      .executeTakeFirstOrThrow();
    const issued = await post(youyi, "/api/caring/cards", {
      residentId: foreignResident.id,
      category: "liaison_head",
      validFrom: today(),
      validTo: addDays(today(), 300),
    });
    expect(issued.statusCode).toBe(201);
    expect((await post(youyi, `/api/caring/cards/${issued.json().id}/pin`, { pin: "246810" })).statusCode).toBe(200);
    const before = await counts();
    const foreign = await post(shanghu, "/api/caring/redemptions", { cardNo: issued.json().cardNo, pin: "246810", amountFen: 1_000 });
    expect(foreign.json().error.id).toBe("card.foreign");
    expect(await counts()).toEqual(before);
    // Staff of this station cannot even see it.
    expect((await post(staff, `/api/caring/cards/${issued.json().id}/pin`, { pin: "111111" })).statusCode).toBe(404);

    expect((await post(shanghu, "/api/caring/redemptions", { cardNo, pin: "000000", amountFen: 1_000 })).json().error.id).toBe(
      "card.wrong_pin",
    );
    expect((await post(staff, `/api/caring/cards/${cardId}/pin`, { pin: "135790" })).statusCode).toBe(200);
    const printed = await post(shanghu, "/api/caring/redemptions", { cardNo, pin: "135790", amountFen: 1_000 });
    expect(printed.statusCode).toBe(201);
    expect(printed.json()).toMatchObject({ method: "printed", payFen: 850, discountFen: 150 });
    // The last four digits of the holder's phone work too.
    const r = await db.selectFrom("residents").select("mobile_enc").where("id", "=", juminResidentId).executeTakeFirstOrThrow();
    if (r.mobile_enc) {
      const last4 = t.vault.decrypt(r.mobile_enc).slice(-4);
      expect((await post(shanghu, "/api/caring/redemptions/preview", { cardNo, pin: last4, amountFen: 1_000 })).statusCode).toBe(200);
    }
  });

  it("takes five PIN tries for a printed card, then refuses even the right PIN until the window ends", async () => {
    const card = await issueCard();
    expect((await post(staff, `/api/caring/cards/${card.id}/pin`, { pin: "864209" })).statusCode).toBe(200);
    const guess = (pin: string, url = "/api/caring/redemptions") => post(shanghu, url, { cardNo: card.cardNo, pin, amountFen: 1_000 });
    // A right PIN clears the count: four wrong, one right, and four wrong again are all answered as such.
    for (const pin of ["000001", "000002", "000003", "000004"]) expect((await guess(pin)).json().error.id).toBe("card.wrong_pin");
    expect((await guess("864209", "/api/caring/redemptions/preview")).statusCode).toBe(200);
    // Twenty simultaneous guesses: only the first five are checked, the rest refused without a check.
    const before = await counts();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(String(100_000 + i))));
    const ids = burst.map((r) => r.json().error.id);
    expect(ids.filter((id) => id === "card.wrong_pin")).toHaveLength(5);
    expect(ids.filter((id) => id === "card.pin_locked")).toHaveLength(15);
    const locked = burst.find((r) => r.statusCode === 429);
    expect(locked?.json().error.message).toBe("该卡密码错误次数过多，请 15 分钟后再试");
    expect(locked?.json().error.fields?.[0]?.field).toBe("pin");
    // The right PIN too, and the preview, until the window ends; nothing is written.
    expect((await guess("864209")).json().error.id).toBe("card.pin_locked");
    expect((await guess("864209", "/api/caring/redemptions/preview")).json().error.id).toBe("card.pin_locked");
    expect(await counts()).toEqual(before);
    t.clock.advance(15 * 60_000 + 1_000);
    const sale = await guess("864209");
    expect(sale.statusCode).toBe(201);
    expect(sale.json()).toMatchObject({ method: "printed", payFen: 850 });
  }, 60_000);

  it("refuses a revoked card and a card over its monthly cap, writing nothing", async () => {
    const issue = (extra: object) => issueCard({ category: "red_cell_member", ...extra });
    const revocable = await issue({});
    const told = await t.database.db.selectFrom("notifications").select("body").where("kind", "=", "card.issued").execute();
    expect(told.some((n) => n.body.includes(revocable.cardNo))).toBe(true);
    const { token } = await present(revocable.id);
    const revoked = await post(staff, `/api/caring/cards/${revocable.id}/revoke`, { reason: "违反用卡规定", version: revocable.version });
    expect(revoked.json().status).toBe("revoked");
    let before = await counts();
    expect((await post(shanghu, "/api/caring/redemptions", { token, amountFen: 1_000 })).json().error.id).toBe("card.not_active");
    expect(await counts()).toEqual(before);
    expect((await post(jumin, `/api/me/cards/${revocable.id}/presentation`, {})).json().error.id).toBe("card.not_active");

    const capped = await issue({ monthlyCapUses: 1, monthlyCapFen: 1_000 });
    const first = await present(capped.id);
    expect((await post(shanghu, "/api/caring/redemptions", { token: first.token, amountFen: 2_000 })).statusCode).toBe(201);
    const second = await present(capped.id);
    before = await counts();
    const over = await post(shanghu, "/api/caring/redemptions", { token: second.token, amountFen: 1_000 });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.id).toBe("card.cap_reached");
    expect(await counts()).toEqual(before);

    const fenCapped = await issue({ monthlyCapFen: 400 });
    const a = await present(fenCapped.id);
    expect((await post(shanghu, "/api/caring/redemptions", { token: a.token, amountFen: 2_000 })).statusCode).toBe(201); // 300 discount
    const b = await present(fenCapped.id);
    expect((await post(shanghu, "/api/caring/redemptions", { token: b.token, amountFen: 1_000 })).json().error.id).toBe("card.cap_reached"); // 300 + 150 > 400
  });

  it("answers a repeated Idempotency-Key with the first sale, recording it once", async () => {
    const { token } = await present();
    const before = await counts();
    const send = () =>
      t.as(shanghu, {
        method: "POST",
        url: "/api/caring/redemptions",
        payload: { token, amountFen: 3_000 },
        headers: { "idempotency-key": "sale-42" },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
    expect(await counts()).toEqual({ redemptions: before.redemptions + 1, used: before.used + 1 });
  });

  it("records 50 concurrent redemptions of one QR code exactly once", async () => {
    const { token } = await present();
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => post(shanghu, "/api/caring/redemptions", { token, amountFen: 5_000 })),
    );
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok).toHaveLength(1);
    const refusals = new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.id));
    expect([...refusals]).toEqual(["card.already_used"]);
    expect(await counts()).toEqual({ redemptions: before.redemptions + 1, used: before.used + 1 });
  }, 60_000);

  it("holds a monthly cap of one use under concurrent redemptions of two codes", async () => {
    const capped = await issueCard({ monthlyCapUses: 1 });
    const codes = [await present(capped.id), await present(capped.id)];
    const results = await Promise.all(codes.map((c) => post(shanghu, "/api/caring/redemptions", { token: c.token, amountFen: 1_000 })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().error.id).toBe("card.cap_reached");
    const n = await t.database.db
      .selectFrom("redemptions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("card_id", "=", capped.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it("holds a monthly discount cap under ten concurrent redemptions, and the card's month equals its sales", async () => {
    const capped = await issueCard({ monthlyCapFen: 2_000 });
    const codes = await Promise.all(Array.from({ length: 10 }, () => present(capped.id)));
    // 50.00 yuan at 85 %: 7.50 off each, so two fit under 20.00 and a third would not.
    const results = await Promise.all(codes.map((c) => post(shanghu, "/api/caring/redemptions", { token: c.token, amountFen: 5_000 })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.id))).toEqual(new Set(["card.cap_reached"]));
    const db = t.database.db;
    const sales = await db
      .selectFrom("redemptions")
      .select([
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.sum<number>("discount_fen").as("d"),
        (eb) => eb.fn.max("month").as("m"),
      ])
      .where("card_id", "=", capped.id)
      .executeTakeFirstOrThrow();
    const card = await db
      .selectFrom("discount_cards")
      .select(["used_month", "used_uses", "used_discount_fen"])
      .where("id", "=", capped.id)
      .executeTakeFirstOrThrow();
    expect({ month: card.used_month, uses: Number(card.used_uses), discount: Number(card.used_discount_fen) }).toEqual({
      month: sales.m,
      uses: 2,
      discount: 1_500,
    });
    expect(Number(sales.d)).toBe(1_500);
    const shown = (await t.as(jumin, { method: "GET", url: "/api/me/cards" })).json().find((c: { id: number }) => c.id === capped.id);
    expect(shown.usedThisMonth).toEqual({ uses: 2, discountFen: 1_500 });
  }, 60_000);

  it("prints the card as a PDF with a QR code", async () => {
    const res = await t.as(staff, { method: "GET", url: `/api/caring/cards/${cardId}/printed.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.length).toBeGreaterThan(1024);
    expect(res.rawPayload.subarray(-6).toString()).toContain("%%EOF");
    expect((await t.as(youyi, { method: "GET", url: `/api/caring/cards/${cardId}/printed.pdf` })).statusCode).toBe(404);
  }, 30_000);

  it("suspends a shop, which then cannot redeem; review and revoke follow the rules", async () => {
    let shop = (await t.as(staff, { method: "GET", url: `/api/caring/shops/${shopId}` })).json();
    shop = (
      await post(staff, `/api/caring/shops/${shopId}/actions`, {
        action: "review",
        passed: false,
        note: "复查发现缺斤短两",
        version: shop.version,
      })
    ).json();
    expect(shop.status).toBe("suspended");
    const { token } = await present();
    expect((await post(shanghu, "/api/caring/redemptions", { token, amountFen: 1_000 })).json().error.id).toBe("shop.not_certified");
    shop = (
      await post(staff, `/api/caring/shops/${shopId}/actions`, { action: "reinstate", note: "整改完成", version: shop.version })
    ).json();
    expect(shop.status).toBe("certified");
    expect((await post(shanghu, "/api/caring/redemptions", { token, amountFen: 1_000 })).statusCode).toBe(201);
    shop = (
      await post(staff, `/api/caring/shops/${shopId}/actions`, { action: "revoke", reason: "多次投诉属实", version: shop.version })
    ).json();
    expect(shop.status).toBe("revoked");
    expect(
      (await post(staff, `/api/caring/shops/${shopId}/actions`, { action: "reinstate", note: "再次整改", version: shop.version })).json()
        .error.id,
    ).toBe("shop.transition");
    expect((await t.as(null, { method: "GET", url: "/api/public/caring-shops" })).json().some((s: { id: number }) => s.id === shopId)).toBe(
      false,
    );
  });
});
