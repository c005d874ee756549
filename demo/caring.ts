// The Dandelion caring scheme at Tianyuan (issue 6): the certified caring shops — the five caring restaurants,
// supermarkets (the `shanghu` demo merchant's among them) and grocers — a year of monthly award rounds whose
// winners hold discount cards (the `jumin` demo resident among them), a year of redemptions at the shops within
// each card's rate and caps, and the restaurants' elderly recipients living alone with their weekly plans and
// two months of deliveries. Written directly inside the demo transaction.
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, addMonths, shiftMonth, stationDate, stationInstant, weekdayOf } from "../contracts/calendar.ts";
import type { ShopCategory } from "../contracts/caring.ts";
import type { DB } from "../server/db/tables.ts";
import { recountCardMonths } from "../server/modules/caring/cards.repository.ts";
import { ageOn, ELDERLY_AGE } from "../server/modules/caring/meals.presenter.ts";
import type { Random } from "./random.ts";

export interface CaringContext {
  stationId: number;
  staffUserId: number;
  staffName: string;
  /** The `shanghu` demo merchant account (its shop is a caring supermarket) and the `jumin` resident. */
  merchantUserId: number;
  residentUserId: number;
  volunteerUserId: number;
  /** The demo password's hash, for the caring restaurant's operator account `canting`. */
  passwordHash: string;
  now: Date;
}

const DAY = 86_400_000;
/** A station-local date and time (HH:MM) as a UTC ISO instant. */
const at = (date: string, time: string) => stationInstant(date, time).toISOString();
const pay = (amountFen: number, rate: number) => Math.floor((amountFen * rate + 500) / 1000);

async function insertMany<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: object[], chunk = 200) {
  for (let i = 0; i < rows.length; i += chunk) {
    // biome-ignore lint/suspicious/noExplicitAny: rows are built for the named table by the caller
    const batch = rows.slice(i, i + chunk) as any;
    await trx.insertInto(table).values(batch).execute();
  }
}

export async function loadCaring(trx: Transaction<DB>, r: Random, ctx: CaringContext) {
  const today = stationDate(ctx.now);
  const stamp = ctx.now.toISOString();
  // Dates counted from a day no later than the 28th, so month arithmetic never clamps.
  const base = `${today.slice(0, 8)}${String(Math.min(Number(today.slice(8)), 28)).padStart(2, "0")}`;

  // The caring shops.
  const merchants = await trx
    .selectFrom("merchants")
    .select(["id", "name", "category", "operator_name"])
    .where("station_id", "=", ctx.stationId)
    .orderBy("id")
    .execute();
  const shanghu = await trx.selectFrom("users").select("merchant_id").where("id", "=", ctx.merchantUserId).executeTakeFirstOrThrow();
  const ofCategory = (c: string) => merchants.filter((m) => m.category === c);
  const catering = ofCategory("catering");
  const supermarkets = ofCategory("supermarket");
  const grocers = [...ofCategory("non_staple_food").slice(0, 2), ...ofCategory("fruit_vegetable").slice(0, 2)];
  const plan: { merchant: (typeof merchants)[number]; category: ShopCategory; rate: number; months: number }[] = [
    ...[0, 4, 9, 15, 22].map((i, k) => ({
      merchant: catering[i],
      category: "restaurant" as const,
      rate: [800, 820, 850, 800, 830][k],
      months: 13,
    })),
    { merchant: supermarkets.find((m) => m.id === shanghu.merchant_id) ?? supermarkets[0], category: "supermarket", rate: 850, months: 13 },
    { merchant: supermarkets[3], category: "supermarket", rate: 830, months: 12 },
    { merchant: supermarkets[7], category: "supermarket", rate: 850, months: 9 },
    ...grocers.map((merchant, k) => ({ merchant, category: "grocer" as const, rate: [800, 850, 820, 840][k], months: [12, 11, 8, 6][k] })),
  ];
  const shops: { id: number; merchantId: number; category: ShopCategory; rate: number; since: string; name: string; operator: string }[] =
    [];
  const events: object[] = [];
  for (const p of plan) {
    const applied = addDays(addMonths(base, -p.months), -20);
    const plaque = addMonths(base, -p.months);
    const row = await trx
      .insertInto("caring_shops")
      .values({
        station_id: ctx.stationId,
        merchant_id: p.merchant.id,
        category: p.category,
        status: "certified",
        discount_rate_permille: p.rate,
        plaque_date: plaque,
        certified_at: at(plaque, "10:00"),
        review_due: addMonths(plaque, 12),
        created_at: at(applied, "09:00"),
        updated_at: at(plaque, "10:00"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    shops.push({
      id: row.id,
      merchantId: p.merchant.id,
      category: p.category,
      rate: p.rate,
      since: plaque,
      name: p.merchant.name,
      operator: p.merchant.operator_name,
    });
    const staff = { actor_user_id: ctx.staffUserId, actor_name: ctx.staffName, shop_id: row.id };
    events.push(
      {
        ...staff,
        action: "apply",
        from_status: null,
        to_status: "applied",
        note: "商户自愿申请加入蒲公英爱心联盟",
        at: at(applied, "09:00"),
      },
      {
        ...staff,
        action: "inspect",
        from_status: "applied",
        to_status: "inspected",
        note: "实地检查：明码标价、计量器具检定合格、近一年无投诉",
        at: at(addDays(applied, 9), "15:00"),
      },
      {
        ...staff,
        action: "certify",
        from_status: "inspected",
        to_status: "certified",
        note: `认定为蒲公英爱心${p.category === "restaurant" ? "餐厅" : p.category === "supermarket" ? "超市" : "菜店"}，持卡${p.rate / 100}折`,
        at: at(plaque, "10:00"),
      },
    );
  }
  // One more applicant waiting for its inspection.
  const applicant = ofCategory("fruit_vegetable")[5];
  const pending = await trx
    .insertInto("caring_shops")
    .values({
      station_id: ctx.stationId,
      merchant_id: applicant.id,
      category: "grocer",
      status: "applied",
      discount_rate_permille: null,
      plaque_date: null,
      certified_at: null,
      review_due: null,
      created_at: at(addDays(today, -6), "11:00"),
      updated_at: at(addDays(today, -6), "11:00"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  events.push({
    shop_id: pending.id,
    action: "apply",
    from_status: null,
    to_status: "applied",
    note: "申请加入爱心菜店",
    actor_user_id: ctx.staffUserId,
    actor_name: ctx.staffName,
    at: at(addDays(today, -6), "11:00"),
  });
  await insertMany(trx, "shop_events", events);

  // The first caring restaurant's operator signs in as `canting` to confirm deliveries on /m/.
  const canteen = shops[0];
  await trx
    .insertInto("users")
    .values({
      username: "canting",
      display_name: canteen.operator,
      password_hash: ctx.passwordHash,
      role: "merchant",
      org_unit_id: ctx.stationId,
      alliance_unit_id: null,
      merchant_id: canteen.merchantId,
      resident_id: null,
      mobile_enc: null,
      mobile_hash: null,
      status: "active",
      locale: "zh-CN",
      last_login_at: null,
      password_changed_at: stamp,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();

  // A year of award rounds and their cards.
  const residents = await trx
    .selectFrom("residents")
    .select(["id", "name", "birth_date", "lives_alone", "is_liaison_head"])
    .where("station_id", "=", ctx.stationId)
    .orderBy("id")
    .execute();
  const jumin = await trx.selectFrom("users").select("resident_id").where("id", "=", ctx.residentUserId).executeTakeFirstOrThrow();
  const heads = residents.filter((x) => x.is_liaison_head === 1);
  const others = residents.filter((x) => x.is_liaison_head !== 1 && x.id !== jumin.resident_id && x.lives_alone !== 1);
  let nextOther = 0;
  let nextHead = 0;
  const reasons = {
    civilised_resident: [
      "热心邻里互助，常年义务打扫楼道",
      "拾金不昧，主动归还商户遗失货款",
      "带头垃圾分类，劝导文明购物",
      "照顾独居老人，坚持每周探望",
    ],
    liaison_head: ["及时收集并反映联户群众诉求", "组织联户开展消防安全排查", "协助化解邻里矛盾纠纷三起", "带领联户参与市场环境整治"],
  } as const;
  const cards: { id: number; residentId: number; validFrom: string; validTo: string; capFen: number | null; capUses: number | null }[] = [];
  const cardRows: object[] = [];
  const objections: { nominationIndex: number; at: string }[] = [];
  let rounds = 0;
  let cardSerial = r.int(100_000, 400_000);
  for (let m = 12; m >= 1; m--) {
    const month = shiftMonth(base.slice(0, 7), -m);
    for (const category of ["civilised_resident", "liaison_head"] as const) {
      const opened = `${month}-01`;
      const publicityFrom = `${month}-20`;
      const publicityUntil = addDays(publicityFrom, 5);
      const awarded = addDays(publicityUntil, 1);
      const round = await trx
        .insertInto("award_rounds")
        .values({
          station_id: ctx.stationId,
          category,
          month,
          status: "awarded",
          publicity_days: 5,
          publicity_from: publicityFrom,
          publicity_until: publicityUntil,
          card_valid_months: 12,
          cancel_reason: null,
          created_at: at(opened, "09:00"),
          updated_at: at(awarded, "09:00"),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      rounds++;
      // Three nominations: two winners and one not accepted in review; jumin wins the latest civilised round.
      const pool = category === "liaison_head" ? heads : others;
      const take = () => (category === "liaison_head" ? pool[nextHead++ % pool.length] : pool[nextOther++ % pool.length]);
      const picked = [take(), take(), take()];
      if (category === "civilised_resident" && m === 1 && jumin.resident_id !== null) {
        picked[0] = residents.find((x) => x.id === jumin.resident_id) ?? picked[0];
      }
      for (const [k, person] of picked.entries()) {
        const status = k < 2 ? "winner" : "rejected";
        const nomination = await trx
          .insertInto("nominations")
          .values({
            round_id: round.id,
            resident_id: person.id,
            nominated_by_user_id: ctx.staffUserId,
            nominated_by_name: ctx.staffName,
            reason: reasons[category][(m + k) % 4],
            status,
            review_note: status === "rejected" ? "事迹材料不足，建议下月补充后再推荐" : "事迹属实，同意公示",
            created_at: at(addDays(opened, 3 + k), "10:00"),
            updated_at: at(awarded, "09:00"),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (m === 7 && category === "civilised_resident" && k === 0)
          objections.push({ nominationIndex: nomination.id, at: at(addDays(publicityFrom, 2), "16:00") });
        if (status !== "winner") continue;
        const validTo = addDays(addMonths(awarded, 12), -1);
        const own = person.id === jumin.resident_id;
        const capped = !own && r.chance(0.5);
        cardSerial += r.int(1, 40);
        cardRows.push({
          station_id: ctx.stationId,
          card_no: `DC${awarded.slice(0, 4)}-${String(cardSerial).padStart(6, "0")}`,
          resident_id: person.id,
          round_id: round.id,
          category,
          valid_from: awarded,
          valid_to: validTo,
          status: validTo < today ? "expired" : "active",
          monthly_cap_fen: capped ? 5000 : null,
          monthly_cap_uses: capped ? 8 : null,
          pin_hash: null,
          qr_secret: randomBytes(32).toString("base64url"),
          revoked_reason: null,
          created_at: at(awarded, "09:30"),
          updated_at: at(awarded, "09:30"),
        });
      }
    }
  }
  // One objection, looked into and dismissed.
  await insertMany(
    trx,
    "objections",
    objections.map((o) => ({
      nomination_id: o.nominationIndex,
      by_user_id: null,
      text: "该居民曾在市场内与商户发生争执，是否符合文明居民条件？",
      status: "dismissed",
      decision_note: "经网格员核实，系商户称重争议，该居民依法维权，不影响评选",
      created_at: o.at,
    })),
  );
  for (const row of cardRows) {
    const c = row as {
      resident_id: number;
      valid_from: string;
      valid_to: string;
      monthly_cap_fen: number | null;
      monthly_cap_uses: number | null;
    };
    const inserted = await trx
      .insertInto("discount_cards")
      .values(row as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    cards.push({
      id: inserted.id,
      residentId: c.resident_id,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      capFen: c.monthly_cap_fen,
      capUses: c.monthly_cap_uses,
    });
  }
  // One card given up by its holder who moved away.
  const revoked = cards[3];
  await trx
    .updateTable("discount_cards")
    .set({ status: "revoked", revoked_reason: "持卡人已迁出本社区", updated_at: at(addDays(today, -40), "10:00"), version: 2 })
    .where("id", "=", revoked.id)
    .execute();

  // A year of redemptions, each within its card's validity and monthly caps and the shop's certification.
  const redemptions: (Record<string, unknown> & { created_at: string })[] = [];
  const operatorOf = new Map([[shops[5].id, ctx.merchantUserId]]);
  for (const card of cards) {
    const end = card === revoked ? addDays(today, -41) : addDays(today, -1);
    for (let month = card.validFrom.slice(0, 7); month <= end.slice(0, 7); month = shiftMonth(month, 1)) {
      let uses = 0;
      let discountSum = 0;
      const visits = r.int(0, 4);
      for (let v = 0; v < visits; v++) {
        const day = `${month}-${String(r.int(1, 28)).padStart(2, "0")}`;
        if (day < card.validFrom || day > end) continue;
        const shop = r.pick(shops);
        if (day < shop.since) continue;
        const amount = shop.category === "restaurant" ? r.int(15, 80) * 100 : r.int(1_500, 25_000);
        const payFen = pay(amount, shop.rate);
        const discount = amount - payFen;
        if (card.capUses !== null && uses + 1 > card.capUses) break;
        if (card.capFen !== null && discountSum + discount > card.capFen) continue;
        uses++;
        discountSum += discount;
        redemptions.push({
          card_id: card.id,
          shop_id: shop.id,
          operator_user_id: operatorOf.get(shop.id) ?? null,
          method: r.chance(0.8) ? "qr" : r.chance(0.5) ? "code" : "printed",
          presentation_jti: null,
          amount_fen: amount,
          discount_rate_permille: shop.rate,
          pay_fen: payFen,
          discount_fen: discount,
          month,
          created_at: at(day, `${String(r.int(8, 20)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`),
        });
      }
    }
  }
  // Written in the order they happened, as the counter writes them: the list's newest first (by id) is by time too.
  redemptions.sort((a, b) => a.created_at.localeCompare(b.created_at));
  await insertMany(trx, "redemptions", redemptions);
  await recountCardMonths(trx);

  // Caring meals: the five restaurants' elderly recipients living alone, two months of deliveries.
  const elderly = (x: { birth_date: string | null }) => x.birth_date !== null && ageOn(x.birth_date, today) >= ELDERLY_AGE;
  let alone = residents.filter((x) => x.lives_alone === 1 && elderly(x) && x.id !== jumin.resident_id);
  if (alone.length < 20) {
    const more = residents
      .filter((x) => x.lives_alone !== 1 && elderly(x) && x.is_liaison_head !== 1 && x.id !== jumin.resident_id)
      .slice(0, 20 - alone.length);
    if (more.length) {
      await trx
        .updateTable("residents")
        .set({ lives_alone: 1 })
        .where(
          "id",
          "in",
          more.map((x) => x.id),
        )
        .execute();
    }
    alone = [...alone, ...more];
  }
  const chosen = alone.slice(0, 20);
  const restaurants = shops.filter((s) => s.category === "restaurant");
  const weekPlans = ["1,2,3,4,5", "1,2,3,4,5", "1,3,5", "1,2,3,4,5,6,7", "2,4,6"];
  const started = addDays(today, -63);
  const recipientRows = chosen.map((x, i) => ({
    station_id: ctx.stationId,
    resident_id: x.id,
    provider_shop_id: restaurants[i % restaurants.length].id,
    weekdays: weekPlans[(i + Math.floor(i / restaurants.length)) % weekPlans.length],
    active: i === chosen.length - 1 ? 0 : 1,
    note: i % 6 === 0 ? "少盐少油，软烂易嚼" : null,
    created_at: at(addDays(started, -(i % 4)), "09:00"),
    updated_at: at(addDays(started, -(i % 4)), "09:00"),
  }));
  const recipients = await trx.insertInto("meal_recipients").values(recipientRows).returning(["id", "provider_shop_id"]).execute();
  const volunteer = await trx.selectFrom("users").select("display_name").where("id", "=", ctx.volunteerUserId).executeTakeFirstOrThrow();
  const deliveries: object[] = [];
  const canteenUser = await trx.selectFrom("users").select("id").where("username", "=", "canting").executeTakeFirstOrThrow();
  for (const [i, rec] of recipients.entries()) {
    const row = recipientRows[i];
    const days = new Set(row.weekdays.split(",").map(Number));
    const shop = restaurants.find((s) => s.id === rec.provider_shop_id) ?? restaurants[0];
    const start = stationDate(row.created_at);
    // A paused recipient (in hospital) stopped three weeks ago.
    const last = row.active === 1 ? addDays(today, -1) : addDays(today, -21);
    for (let d = start; d <= last; d = addDays(d, 1)) {
      if (!days.has(weekdayOf(d))) continue;
      const missed = r.chance(0.04);
      const byVolunteer = !missed && r.chance(0.15);
      deliveries.push({
        recipient_id: rec.id,
        provider_shop_id: shop.id,
        date: d,
        status: missed ? "missed" : "delivered",
        note: missed ? "13:00 前未确认送达" : null,
        confirmed_by_user_id: missed ? null : byVolunteer ? ctx.volunteerUserId : shop.id === canteen.id ? canteenUser.id : null,
        confirmed_by_name: missed ? null : byVolunteer ? volunteer.display_name : shop.operator,
        at: missed ? at(d, "13:00") : at(d, `11:${String(r.int(10, 55)).padStart(2, "0")}`),
      });
    }
  }
  await insertMany(trx, "meal_deliveries", deliveries);

  return {
    caringShops: shops.length,
    awardRounds: rounds,
    discountCards: cards.length,
    redemptions: redemptions.length,
    mealRecipients: recipients.length,
    mealDeliveries: deliveries.length,
    since: new Date(ctx.now.getTime() - 365 * DAY).toISOString().slice(0, 10),
  };
}
