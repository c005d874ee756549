// 友谊's lending and fair scale: shared umbrellas with their loans, and re-weighs on the fair scale.
import { stationDate } from "../../contracts/calendar.ts";
import { findingSummary, judgeReweigh } from "../../server/modules/lending/fair-scale.workflow.ts";
import { itemCode, kindNames, stationPrefix } from "../../server/modules/lending/loan.workflow.ts";
import type { Random } from "../random.ts";
import type { YouyiContext } from "../youyi.ts";
import type { Admin, Merchant, Resident, Stall } from "./common.ts";
import { at, DAY, HOUR, hhmm, iso } from "./common.ts";

/** Ten shared umbrellas and a fair scale, half a year of loans and re-weighs. */
export async function loadLendingAndScale(
  ctx: YouyiContext,
  r: Random,
  h: { admin: Admin; now: number; merchants: Merchant[]; residents: Resident[]; stalls: Stall[] },
) {
  const { now } = h;
  const station = await ctx.trx.selectFrom("org_units").select("name").where("id", "=", ctx.stationId).executeTakeFirstOrThrow();
  const prefix = stationPrefix(station.name);
  const bought = now - 200 * DAY;
  const itemValues = [
    ...Array.from({ length: 10 }, (_, i) => ({ kind: "umbrella" as const, code: itemCode(prefix, "umbrella", i + 1), note: null })),
    { kind: "scale" as const, code: itemCode(prefix, "scale", 1), note: "服务站门口公平秤，供顾客复秤" },
  ].map((x) => ({
    station_id: ctx.stationId,
    ...x,
    name: kindNames[x.kind],
    status: "available" as const,
    loan_days: x.kind === "umbrella" ? 3 : 1,
    created_at: iso(bought),
    updated_at: iso(bought),
  }));
  const items = await ctx.trx.insertInto("lend_items").values(itemValues).returning(["id", "kind"]).execute();
  const umbrellas = items.filter((i) => i.kind === "umbrella");
  const scale = items.find((i) => i.kind === "scale");
  const openHours = (t: number) => Date.parse(at(stationDate(new Date(t)), hhmm(r.int(9 * 60, 19 * 60))));
  const borrower = () => {
    if (r.chance(0.2))
      return { borrower_kind: "merchant" as const, resident_id: null, merchant_id: r.pick(h.merchants).id, borrower_user_id: null };
    return { borrower_kind: "resident" as const, resident_id: r.pick(h.residents).id, merchant_id: null, borrower_user_id: null };
  };
  const loans: object[] = [];
  const loan = (itemId: number, lentAt: number, end: { status: "out" | "returned"; at?: number; reminded?: number }) => {
    loans.push({
      station_id: ctx.stationId,
      item_id: itemId,
      ...borrower(),
      status: end.status,
      lent_at: iso(lentAt),
      due_at: iso(lentAt + 3 * DAY),
      returned_at: end.at === undefined ? null : iso(end.at),
      reminded_at: end.reminded === undefined ? null : iso(end.reminded),
      lent_by_user_id: h.admin.id,
      closed_by_user_id: end.status === "out" ? null : h.admin.id,
      note: null,
      created_at: iso(lentAt),
      updated_at: iso(end.at ?? lentAt),
    });
  };
  // Out now: two in time, one overdue and reminded.
  const out = [
    { item: umbrellas[1], ago: 1 * DAY, reminded: undefined },
    { item: umbrellas[4], ago: 6 * HOUR, reminded: undefined },
    { item: umbrellas[7], ago: 6 * DAY, reminded: 3 * DAY + HOUR },
  ];
  for (const o of out)
    loan(o.item.id, now - o.ago, { status: "out", reminded: o.reminded === undefined ? undefined : now - o.ago + o.reminded });
  for (const u of umbrellas) {
    const busyFrom = out.find((o) => o.item.id === u.id);
    const until = busyFrom ? now - busyFrom.ago - 2 * DAY : now - 2 * DAY;
    let t = bought + r.int(20, 60) * DAY;
    while (t < until) {
      const lentAt = openHours(t);
      const back = lentAt + r.int(2 * 60, 3 * 24 * 60) * 60_000;
      if (back >= until) break;
      loan(u.id, lentAt, { status: "returned", at: back });
      t = back + r.int(12, 40) * DAY;
    }
  }
  loans.sort((a, b) => String((a as { lent_at: string }).lent_at).localeCompare((b as { lent_at: string }).lent_at));
  await ctx.trx
    .insertInto("loans")
    .values(loans as never)
    .execute();
  for (const o of out)
    await ctx.trx
      .updateTable("lend_items")
      .set({ status: "lent", updated_at: iso(now - o.ago) })
      .where("id", "=", o.item.id)
      .execute();

  // Re-weighs at the stalls that sell by weight; two found short, each a finding on the merchant's record.
  const goods: Record<string, { goods: string; price: [number, number]; grams: [number, number] }[]> = {
    fruit_vegetable: [
      { goods: "苹果", price: [350, 600], grams: [800, 3000] },
      { goods: "西红柿", price: [300, 500], grams: [500, 2000] },
      { goods: "土豆", price: [150, 250], grams: [1000, 4000] },
    ],
    non_staple_food: [
      { goods: "羊肉", price: [3800, 4500], grams: [500, 2500] },
      { goods: "红枣", price: [1200, 2000], grams: [500, 1500] },
    ],
  };
  const categoryOf = new Map(h.merchants.map((m) => [m.id, m.category]));
  const weighing = h.stalls.filter((s) => s.merchant_id !== null && goods[categoryOf.get(s.merchant_id) ?? ""]);
  const total = 24;
  let reweighs = 0;
  let findings = 0;
  for (let i = 0; i < total; i++) {
    const stall = weighing[(i * 3 + r.int(0, 1)) % weighing.length];
    const merchantId = stall.merchant_id as number;
    const g = r.pick(goods[categoryOf.get(merchantId) ?? ""]);
    const claimed = r.int(g.grams[0], g.grams[1]);
    const price = Math.round(r.int(g.price[0], g.price[1]) / 10) * 10;
    const short = i === 8 || i === 19;
    const actual = short ? claimed - Math.max(8, Math.round((claimed * r.int(4, 8)) / 100)) : claimed + r.int(-3, 8);
    const j = judgeReweigh({ claimedGrams: claimed, actualGrams: actual, unitPriceFen: price });
    const createdAt = iso(Math.min(openHours(now - Math.floor(((total - i) / total) * 180 * DAY)), now - HOUR));
    const row = await ctx.trx
      .insertInto("reweighs")
      .values({
        station_id: ctx.stationId,
        stall_id: stall.id,
        merchant_id: merchantId,
        goods: g.goods,
        claimed_grams: claimed,
        actual_grams: actual,
        unit_price_fen: price,
        short_grams: j.shortGrams,
        overcharge_fen: j.overchargeFen,
        outcome: j.outcome,
        scale_item_id: scale?.id ?? null,
        shopper_user_id: null,
        shopper_name: r.chance(0.6) ? r.pick(h.residents).name : null,
        recorded_by_user_id: h.admin.id,
        problem_id: null,
        created_at: createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    reweighs++;
    if (j.outcome !== "short") continue;
    await ctx.trx
      .insertInto("merchant_findings")
      .values({
        station_id: ctx.stationId,
        merchant_id: merchantId,
        source: "fair_scale",
        reweigh_id: row.id,
        summary: findingSummary({
          stallCode: stall.code,
          goods: g.goods,
          claimedGrams: claimed,
          actualGrams: actual,
          shortGrams: j.shortGrams,
          overchargeFen: j.overchargeFen,
        }),
        created_at: createdAt,
      })
      .execute();
    findings++;
  }
  return { lendItems: items.length, loans: loans.length, loansOut: out.length, reweighs, reweighsShort: findings };
}
