// Lendable items, their loans and the fair scale's re-weighs at Tianyuan (issue 4): 40 shared umbrellas, 12 small
// yellow bikes and 2 fair scales bought a little over a year ago; a year of loans to residents and merchants (most
// returned, a few out now, a few overdue, one umbrella lost and one bike damaged); about 300 re-weighs with a small
// share found short, each short one a finding on the merchant's record, one with a problem the shopper asked for.
import type { Transaction } from "kysely";
import { stationDate, stationDayStart } from "../contracts/calendar.ts";
import { type BorrowerKind, defaultLoanDays, type ItemStatus } from "../contracts/lending.ts";
import type { MerchantCategory } from "../contracts/merchants.ts";
import type { DB, LoanTable, ReweighTable } from "../server/db/tables.ts";
import { findingSummary, judgeReweigh } from "../server/modules/lending/fair-scale.workflow.ts";
import { itemCode, kindNames, stationPrefix } from "../server/modules/lending/loan.workflow.ts";
import type { StationServicesContext } from "./station-services.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (t: number) => new Date(t).toISOString();

async function insertMany<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: object[], chunk = 250) {
  for (let i = 0; i < rows.length; i += chunk) {
    // biome-ignore lint/suspicious/noExplicitAny: rows are built for the named table by the caller
    const batch = rows.slice(i, i + chunk) as any;
    await trx.insertInto(table).values(batch).execute();
  }
}

/** Goods sold by weight, by trade, with a price range per 斤 in fen and a usual quantity in grams. */
const goodsByTrade: Partial<Record<MerchantCategory, { goods: string; price: [number, number]; grams: [number, number] }[]>> = {
  fruit_vegetable: [
    { goods: "苹果", price: [350, 600], grams: [800, 3000] },
    { goods: "香蕉", price: [300, 450], grams: [600, 2000] },
    { goods: "葡萄", price: [600, 1200], grams: [500, 2000] },
    { goods: "哈密瓜", price: [250, 400], grams: [1500, 4000] },
    { goods: "西红柿", price: [300, 500], grams: [500, 2000] },
    { goods: "黄瓜", price: [250, 400], grams: [400, 1500] },
    { goods: "土豆", price: [150, 250], grams: [1000, 4000] },
    { goods: "辣椒", price: [400, 700], grams: [250, 1000] },
  ],
  non_staple_food: [
    { goods: "羊肉", price: [3800, 4500], grams: [500, 2500] },
    { goods: "牛肉", price: [3800, 4600], grams: [500, 2000] },
    { goods: "鸡蛋", price: [450, 600], grams: [1000, 2500] },
    { goods: "葡萄干", price: [1500, 3000], grams: [250, 1000] },
    { goods: "红枣", price: [1200, 2000], grams: [500, 1500] },
    { goods: "核桃", price: [1500, 2500], grams: [500, 1500] },
  ],
  supermarket: [
    { goods: "散装大米", price: [250, 350], grams: [2500, 5000] },
    { goods: "散称糖果", price: [1500, 2500], grams: [250, 1000] },
  ],
};

export async function loadLending(ctx: StationServicesContext): Promise<Record<string, number>> {
  const { trx, r } = ctx;
  const now = ctx.now.getTime();
  const station = await trx.selectFrom("org_units").select("name").where("id", "=", ctx.stationId).executeTakeFirstOrThrow();
  const prefix = stationPrefix(station.name);
  const bought = now - 400 * DAY;

  // Items.
  const kinds = [
    ["umbrella", 40],
    ["bike", 12],
    ["scale", 2],
  ] as const;
  const itemValues = kinds.flatMap(([kind, count]) =>
    Array.from({ length: count }, (_, i) => ({
      station_id: ctx.stationId,
      kind,
      code: itemCode(prefix, kind, i + 1),
      name: kindNames[kind],
      status: "available" as const,
      loan_days: defaultLoanDays[kind],
      note: kind === "scale" ? "服务站门口公平秤，供顾客复秤" : null,
      created_at: iso(bought),
      updated_at: iso(bought),
    })),
  );
  const itemRows = await trx.insertInto("lend_items").values(itemValues).returning(["id", "kind", "code"]).execute();
  const umbrellas = itemRows.filter((i) => i.kind === "umbrella");
  const bikes = itemRows.filter((i) => i.kind === "bike");
  const scales = itemRows.filter((i) => i.kind === "scale");

  // Borrowers.
  const borrower = (): {
    borrower_kind: BorrowerKind;
    resident_id: number | null;
    merchant_id: number | null;
    borrower_user_id: number | null;
  } => {
    if (r.chance(0.15)) {
      const id = r.pick(ctx.merchantIds);
      return {
        borrower_kind: "merchant",
        resident_id: null,
        merchant_id: id,
        borrower_user_id: id === ctx.merchantId ? ctx.merchantUserId : null,
      };
    }
    const id = r.pick(ctx.residentIds);
    return {
      borrower_kind: "resident",
      resident_id: id,
      merchant_id: null,
      borrower_user_id: id === ctx.residentId ? ctx.residentUserId : null,
    };
  };
  const jumin = {
    borrower_kind: "resident" as const,
    resident_id: ctx.residentId,
    merchant_id: null,
    borrower_user_id: ctx.residentUserId,
  };
  const shanghu = {
    borrower_kind: "merchant" as const,
    resident_id: null,
    merchant_id: ctx.merchantId,
    borrower_user_id: ctx.merchantUserId,
  };

  const loans: Omit<LoanTable, "id">[] = [];
  const loan = (
    itemId: number,
    who: ReturnType<typeof borrower>,
    lentAt: number,
    loanDays: number,
    end: { status: "out" | "returned" | "lost" | "damaged"; at?: number; reminded?: number | null; note?: string },
  ) => {
    const due = lentAt + loanDays * DAY;
    loans.push({
      station_id: ctx.stationId,
      item_id: itemId,
      ...who,
      status: end.status,
      lent_at: iso(lentAt),
      due_at: iso(due),
      returned_at: end.at === undefined ? null : iso(end.at),
      reminded_at: end.reminded ? iso(end.reminded) : null,
      lent_by_user_id: ctx.staffUserId,
      closed_by_user_id: end.status === "out" ? null : ctx.staffUserId,
      note: end.note ?? null,
      created_at: iso(lentAt),
      updated_at: iso(end.at ?? lentAt),
    });
  };
  /** A station-hours instant (08:30–19:30 local) on the day of `t`. */
  const openHours = (t: number) => {
    const dayStart = stationDayStart(stationDate(new Date(t))).getTime();
    return dayStart + 8.5 * HOUR + r.int(0, 11 * 60) * 60_000;
  };

  // The present: what is out now, overdue, lost and damaged (and the items whose history ends there).
  const itemStatus = new Map<number, ItemStatus>();
  const historyUntil = new Map<number, number>();
  const present = (itemId: number, lentAgo: number, loanDays: number, who: ReturnType<typeof borrower>, remindedAfter: number | null) => {
    const lentAt = now - lentAgo;
    const due = lentAt + loanDays * DAY;
    loan(itemId, who, lentAt, loanDays, { status: "out", reminded: remindedAfter === null ? null : due + remindedAfter });
    itemStatus.set(itemId, "lent");
    historyUntil.set(itemId, lentAt - 2 * DAY);
  };
  present(umbrellas[2].id, 1 * DAY, 3, jumin, null); // jumin's open loan, due in two days
  present(umbrellas[7].id, 5 * HOUR, 3, borrower(), null);
  present(umbrellas[11].id, 20 * HOUR, 3, borrower(), null);
  present(umbrellas[19].id, 2 * DAY + 3 * HOUR, 3, borrower(), null);
  present(bikes[4].id, 3 * HOUR, 1, borrower(), null);
  present(bikes[8].id, 6 * HOUR, 1, shanghu, null);
  // Overdue now: two already reminded, the latest not yet (the overdue job takes it).
  present(umbrellas[5].id, 7 * DAY, 3, borrower(), 40 * 60_000);
  present(umbrellas[23].id, 5 * DAY, 3, borrower(), 35 * 60_000);
  present(bikes[2].id, 2 * DAY + 2 * HOUR, 1, borrower(), null);
  // Lost and damaged: an umbrella never came back in the summer rains; a bike came back with a bent wheel.
  const lostAt = now - 128 * DAY;
  loan(umbrellas[37].id, borrower(), lostAt, 3, {
    status: "lost",
    at: lostAt + 9 * DAY,
    reminded: lostAt + 3 * DAY + HOUR,
    note: "借用人称伞遗失在公交车上",
  });
  itemStatus.set(umbrellas[37].id, "lost");
  historyUntil.set(umbrellas[37].id, lostAt - 2 * DAY);
  const damagedAt = now - 61 * DAY;
  loan(bikes[10].id, borrower(), damagedAt, 1, { status: "damaged", at: damagedAt + 5 * HOUR, note: "前轮变形，待修" });
  itemStatus.set(bikes[10].id, "damaged");
  historyUntil.set(bikes[10].id, damagedAt - DAY);

  // The past year: each item lent again and again, mostly back in time, now and then late.
  const history = (items: typeof umbrellas, gap: [number, number], keep: (lentAt: number) => [number, number], loanDays: number) => {
    for (const item of items) {
      const until = historyUntil.get(item.id) ?? now - 3 * DAY;
      let t = now - 365 * DAY + r.int(0, 10) * DAY;
      while (t < until) {
        const lentAt = openHours(t);
        const [min, max] = keep(lentAt);
        const back = lentAt + r.int(min, max) * 60_000;
        if (back >= until) break;
        const due = lentAt + loanDays * DAY;
        loan(item.id, borrower(), lentAt, loanDays, { status: "returned", at: back, reminded: back > due ? due + 30 * 60_000 : null });
        t = back + r.int(gap[0], gap[1]) * DAY;
      }
    }
  };
  history(umbrellas, [3, 18], () => (r.chance(0.07) ? [4 * 24 * 60, 7 * 24 * 60] : [3 * 60, 3 * 24 * 60]), 3);
  history(bikes, [1, 8], () => (r.chance(0.05) ? [26 * 60, 60 * 60] : [40, 10 * 60]), 1);
  loans.sort((a, b) => a.lent_at.localeCompare(b.lent_at));
  await insertMany(trx, "loans", loans);
  for (const [id, status] of itemStatus) {
    await trx
      .updateTable("lend_items")
      .set({ status, updated_at: iso(now - DAY) })
      .where("id", "=", id)
      .execute();
  }

  // The fair scale.
  const stalls = await trx
    .selectFrom("stalls as s")
    .innerJoin("merchants as m", "m.id", "s.merchant_id")
    .select(["s.id", "s.code", "m.id as merchant_id", "m.category"])
    .where("s.station_id", "=", ctx.stationId)
    .where("m.category", "in", Object.keys(goodsByTrade) as MerchantCategory[])
    .orderBy("s.code")
    .execute();
  const jumin_ = await trx.selectFrom("users").select("display_name").where("id", "=", ctx.residentUserId).executeTakeFirstOrThrow();
  const residentNames = await trx.selectFrom("residents").select("name").where("id", "in", ctx.residentIds.slice(0, 60)).execute();
  // A few stalls weigh light more than once: the figures' "most findings" are theirs.
  const repeat = [stalls[3], stalls[11], stalls[20]].filter(Boolean);
  const reweighs: Omit<ReweighTable, "id">[] = [];
  const total = 300;
  for (let i = 0; i < total; i++) {
    const offender = i % 40 === 7 || i === total - 1 ? repeat[((i / 40) % repeat.length) | 0] : undefined;
    const stall = offender ?? r.pick(stalls);
    const g = r.pick(goodsByTrade[stall.category] ?? []);
    const claimed = r.int(g.grams[0], g.grams[1]);
    const price = Math.round(r.int(g.price[0], g.price[1]) / 10) * 10;
    const short = offender !== undefined || r.chance(0.02);
    const actual = short
      ? claimed - Math.max(8, Math.round((claimed * r.int(3, 9)) / 100))
      : claimed + r.int(-Math.min(5, Math.floor(claimed / 100)), 8);
    const j = judgeReweigh({ claimedGrams: claimed, actualGrams: actual, unitPriceFen: price });
    const at = openHours(now - Math.floor(((total - i) / total) * 360 * DAY) - r.int(0, 20) * HOUR);
    const byJumin = r.chance(0.04);
    reweighs.push({
      station_id: ctx.stationId,
      stall_id: stall.id,
      merchant_id: stall.merchant_id,
      goods: g.goods,
      claimed_grams: claimed,
      actual_grams: actual,
      unit_price_fen: price,
      short_grams: j.shortGrams,
      overcharge_fen: j.overchargeFen,
      outcome: j.outcome,
      scale_item_id: r.pick(scales).id,
      shopper_user_id: byJumin ? ctx.residentUserId : null,
      shopper_name: byJumin ? jumin_.display_name : r.chance(0.6) ? r.pick(residentNames).name : null,
      recorded_by_user_id: byJumin ? ctx.residentUserId : ctx.staffUserId,
      problem_id: null,
      created_at: iso(Math.min(at, now - HOUR)),
    });
  }
  reweighs.sort((a, b) => a.created_at.localeCompare(b.created_at));
  const fair = reweighs.filter((w) => w.outcome === "fair");
  const shorts = reweighs.filter((w) => w.outcome === "short");
  await insertMany(trx, "reweighs", fair);
  // Short ones one by one: each leaves a finding; the latest one's shopper asked for the money back.
  for (const [n, w] of shorts.entries()) {
    const { id } = await trx.insertInto("reweighs").values(w).returning("id").executeTakeFirstOrThrow();
    const stall = stalls.find((s) => s.id === w.stall_id);
    const summary = findingSummary({
      stallCode: stall?.code ?? null,
      goods: w.goods,
      claimedGrams: w.claimed_grams,
      actualGrams: w.actual_grams,
      shortGrams: w.short_grams,
      overchargeFen: w.overcharge_fen,
    });
    await trx
      .insertInto("merchant_findings")
      .values({
        station_id: ctx.stationId,
        merchant_id: w.merchant_id,
        source: "fair_scale",
        reweigh_id: id,
        summary,
        created_at: w.created_at,
      })
      .execute();
    if (n === shorts.length - 1) {
      const merchant = await trx.selectFrom("merchants").select("name").where("id", "=", w.merchant_id).executeTakeFirstOrThrow();
      const problem = await ctx.problems.createProblemRecord(trx, {
        stationId: ctx.stationId,
        title: `公平秤复秤短秤：${stall?.code ?? ""} ${merchant.name}`,
        description: `顾客在 ${stall?.code ?? ""} 摊位（${merchant.name}）购买${w.goods}，商户称重 ${w.claimed_grams} 克，公平秤复秤 ${w.actual_grams} 克，短 ${w.short_grams} 克；按单价 ¥${(w.unit_price_fen / 100).toFixed(2)}/斤 计多收 ¥${(w.overcharge_fen / 100).toFixed(2)}。顾客要求退还多收款项。`,
        categoryCode: "market_order",
        source: "walk_in",
        place: `${stall?.code ?? ""} 摊位`,
        stallId: w.stall_id,
        reporterName: w.shopper_name,
        createdAt: w.created_at,
        actorUserId: ctx.staffUserId,
        actorName: ctx.staffName,
      });
      await trx.updateTable("reweighs").set({ problem_id: problem.id }).where("id", "=", id).execute();
    }
  }

  return {
    lendItems: itemRows.length,
    loans: loans.length,
    loansOut: loans.filter((l) => l.status === "out").length,
    reweighs: reweighs.length,
    reweighsShort: shorts.length,
  };
}
