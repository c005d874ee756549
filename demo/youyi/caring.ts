// 友谊's caring shops: a caring restaurant and a caring supermarket, their cards and redemptions.
import { randomBytes } from "node:crypto";
import { addDays, addMonths, shiftMonth } from "../../contracts/calendar.ts";
import { recountCardMonths } from "../../server/modules/caring/cards.repository.ts";
import type { Random } from "../random.ts";
import type { YouyiContext } from "../youyi.ts";
import type { Admin, Merchant, Resident } from "./common.ts";
import { at, hhmm } from "./common.ts";

/** A caring restaurant and a caring supermarket, two award rounds' cards and their redemptions since. */
export async function loadCaringShops(
  ctx: YouyiContext,
  r: Random,
  h: { admin: Admin; today: string; merchants: Merchant[]; residents: Resident[] },
) {
  const base = `${h.today.slice(0, 8)}${String(Math.min(Number(h.today.slice(8)), 28)).padStart(2, "0")}`;
  const restaurant = h.merchants.find((m) => m.category === "catering");
  const supermarket = h.merchants.find((m) => m.category === "supermarket");
  const plan = [
    { merchant: restaurant, category: "restaurant" as const, rate: 800, months: 8 },
    { merchant: supermarket, category: "supermarket" as const, rate: 850, months: 5 },
  ];
  const shops: { id: number; rate: number; since: string; category: string }[] = [];
  const staff = { actor_user_id: h.admin.id, actor_name: h.admin.name };
  for (const p of plan) {
    if (!p.merchant) continue;
    const plaque = addMonths(base, -p.months);
    const applied = addDays(plaque, -18);
    const row = await ctx.trx
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
    shops.push({ id: row.id, rate: p.rate, since: plaque, category: p.category });
    await ctx.trx
      .insertInto("shop_events")
      .values([
        {
          ...staff,
          shop_id: row.id,
          action: "apply",
          from_status: null,
          to_status: "applied",
          note: "商户自愿申请加入蒲公英爱心联盟",
          at: at(applied, "09:00"),
        },
        {
          ...staff,
          shop_id: row.id,
          action: "inspect",
          from_status: "applied",
          to_status: "inspected",
          note: "实地检查：明码标价、计量器具检定合格",
          at: at(addDays(applied, 8), "15:00"),
        },
        {
          ...staff,
          shop_id: row.id,
          action: "certify",
          from_status: "inspected",
          to_status: "certified",
          note: `认定为蒲公英爱心${p.category === "restaurant" ? "餐厅" : "超市"}，持卡${p.rate / 100}折`,
          at: at(plaque, "10:00"),
        },
      ])
      .execute();
  }

  const cards: { id: number; validFrom: string }[] = [];
  let nominee = 0;
  for (const monthsBack of [4, 2]) {
    const month = shiftMonth(base.slice(0, 7), -monthsBack);
    const publicityFrom = `${month}-20`;
    const publicityUntil = addDays(publicityFrom, 5);
    const awarded = addDays(publicityUntil, 1);
    const round = await ctx.trx
      .insertInto("award_rounds")
      .values({
        station_id: ctx.stationId,
        category: "civilised_resident",
        month,
        status: "awarded",
        publicity_days: 5,
        publicity_from: publicityFrom,
        publicity_until: publicityUntil,
        card_valid_months: 12,
        cancel_reason: null,
        created_at: at(`${month}-01`, "09:00"),
        updated_at: at(awarded, "09:00"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let k = 0; k < 3; k++) {
      const person = h.residents[(nominee++ * 7) % h.residents.length];
      const winner = k < 2;
      await ctx.trx
        .insertInto("nominations")
        .values({
          round_id: round.id,
          resident_id: person.id,
          nominated_by_user_id: h.admin.id,
          nominated_by_name: h.admin.name,
          reason: ["热心邻里互助，常年义务打扫楼道", "带头垃圾分类，劝导文明购物", "照顾独居老人，坚持每周探望"][k],
          status: winner ? "winner" : "rejected",
          review_note: winner ? "事迹属实，同意公示" : "事迹材料不足，建议下月补充后再推荐",
          created_at: at(addDays(`${month}-01`, 3 + k), "10:00"),
          updated_at: at(awarded, "09:00"),
        })
        .execute();
      if (!winner) continue;
      const card = await ctx.trx
        .insertInto("discount_cards")
        .values({
          station_id: ctx.stationId,
          card_no: `YY${awarded.slice(0, 4)}-${String(r.int(100_000, 999_999)).padStart(6, "0")}`,
          resident_id: person.id,
          round_id: round.id,
          category: "civilised_resident",
          valid_from: awarded,
          valid_to: addDays(addMonths(awarded, 12), -1),
          status: "active",
          monthly_cap_fen: 5000,
          monthly_cap_uses: 8,
          pin_hash: null,
          qr_secret: randomBytes(32).toString("base64url"),
          revoked_reason: null,
          created_at: at(awarded, "09:30"),
          updated_at: at(awarded, "09:30"),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      cards.push({ id: card.id, validFrom: awarded });
    }
  }

  const redemptions: object[] = [];
  const end = addDays(h.today, -1);
  for (const card of cards) {
    for (let month = card.validFrom.slice(0, 7); month <= end.slice(0, 7); month = shiftMonth(month, 1)) {
      let discountSum = 0;
      for (let v = r.int(1, 3); v > 0; v--) {
        const day = `${month}-${String(r.int(1, 28)).padStart(2, "0")}`;
        const shop = r.pick(shops);
        if (day < card.validFrom || day > end || day < shop.since) continue;
        const amount = shop.category === "restaurant" ? r.int(15, 60) * 100 : r.int(2_000, 12_000);
        const pay = Math.floor((amount * shop.rate + 500) / 1000);
        if (discountSum + amount - pay > 5000) continue;
        discountSum += amount - pay;
        redemptions.push({
          card_id: card.id,
          shop_id: shop.id,
          operator_user_id: null,
          method: r.chance(0.8) ? "qr" : "code",
          presentation_jti: null,
          amount_fen: amount,
          discount_rate_permille: shop.rate,
          pay_fen: pay,
          discount_fen: amount - pay,
          month,
          created_at: at(day, hhmm(r.int(9 * 60, 19 * 60))),
        });
      }
    }
  }
  redemptions.sort((a, b) => String((a as { created_at: string }).created_at).localeCompare((b as { created_at: string }).created_at));
  if (redemptions.length)
    await ctx.trx
      .insertInto("redemptions")
      .values(redemptions as never)
      .execute();
  await recountCardMonths(ctx.trx);
  return { caringShops: shops.length, discountCards: cards.length, redemptions: redemptions.length };
}
