// The night market at Tianyuan (report §四: about 1,500 visitors and 80–100 thousand yuan a night, 14 workers from
// southern Xinjiang). The last summer before `now`: a season of about ninety nights on forty pitches along the
// market's square (food, goods, games), forty-odd applicants — market merchants (shanghu among them) and outside
// vendors — drawn by a recorded lottery, deposits and fees paid and deposits refunded, every night's check-ins,
// entrance counts, takings and weather, closed by staff; incidents with a few bad records and problems in the
// governance loop; the jobs register with fourteen current jobs. The market's cost is the funding ledger's, not
// this module's: no figure of it is typed here. Every figure the console shows is computed from these records.
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, stationDate, stationInstant, weekdayOf } from "../contracts/calendar.ts";
import type { IncidentKind, PaymentKind, PitchKind, Weather } from "../contracts/night-market.ts";
import type { DB } from "../server/db/tables.ts";
import { allocate, figuresOf, nightWindow, seasonNights, unusualTakings } from "../server/modules/night-market/night-market.workflow.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import type { Vault } from "../server/platform/crypto.ts";
import { givenNames, surnames } from "./names.ts";
import type { Random } from "./random.ts";

export interface NightMarketContext {
  trx: Transaction<DB>;
  vault: Vault;
  r: Random;
  stationId: number;
  staffUserId: number;
  staffName: string;
  merchantIds: number[];
  /** shanghu: the demo merchant, an operator on the phone. */
  merchantId: number;
  merchantUserId: number;
  problems: ProblemsService;
  now: Date;
}

export const NIGHT_MARKET_LOTTERY_SEED = "tianyuan-summer-night-market";

const foodGoods = ["烤肉串", "烤包子", "手抓饭", "酸奶粽子", "凉皮", "炒米粉", "冰淇淋", "鲜榨果汁", "烤鱼", "馕坑肉", "大盘鸡", "麻辣烫"];
const goodsGoods = ["手机配件", "儿童玩具", "民族服饰", "小饰品", "文创手工", "日用百货"];
const gamesGoods = ["套圈", "打气球", "钓鱼乐园", "投篮机"];
const southernOrigins = ["喀什地区", "和田地区", "阿克苏地区", "克孜勒苏柯尔克孜自治州"];
const uyghurNames = [
  "阿卜杜拉·买买提",
  "古丽娜尔·艾则孜",
  "艾力·吐尔逊",
  "热依拉·阿不都",
  "买合木提·依明",
  "阿依古丽·热合曼",
  "吐尔洪·卡德尔",
  "迪丽努尔·哈斯木",
  "努尔买买提·艾山",
  "帕提古丽·吾守尔",
  "麦麦提·图尔荪",
  "阿曼古丽·亚森",
  "依力哈木·肉孜",
  "再努尔·阿不力孜",
  "肉孜·玉素甫",
  "米娜瓦尔·买提",
];
const jobRoles = ["烤肉师傅", "帮厨", "收银员", "保洁员", "安保员", "服务员", "面点师", "理货员"];

const mobile = (r: Random) => `1${r.pick(["35", "38", "39", "58", "87", "99"])}${String(r.int(0, 99_999_999)).padStart(8, "0")}`;

/** The season's first night: early June of the last summer that has ended before `now` (the stage's demo keeps its
 * evenings clear of it). */
export function summerOf(now: Date) {
  const today = stationDate(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < "09-15" ? 1 : 0);
  return { startsOn: `${year}-06-06`, endsOn: `${year}-09-06`, year };
}

export async function loadNightMarket(ctx: NightMarketContext) {
  const { trx, r, stationId, now } = ctx;
  const at = now.toISOString();
  const { startsOn, endsOn, year } = summerOf(now);
  // Three nights lost to sandstorms and rain, the season's closed nights.
  const closedNights = [`${year}-06-27`, `${year}-07-19`, `${year}-08-12`];
  const calendar = { startsOn, endsOn, opensAt: "19:30", closesAt: "00:30", closedWeekdays: [] as number[], closedNights };
  const nights = seasonNights(calendar);
  const season = await trx
    .insertInto("night_market_seasons")
    .values({
      station_id: stationId,
      name: `${year}年天源夏季夜市`,
      starts_on: startsOn,
      ends_on: endsOn,
      opens_at: calendar.opensAt,
      closes_at: calendar.closesAt,
      closed_weekdays: "[]",
      closed_nights: JSON.stringify(closedNights),
      application_deadline: stationInstant(`${year}-05-20`, "18:00").toISOString(),
      allocation_rule: "lottery",
      max_pitches_per_operator: 2,
      checkin_by: "20:30",
      suspend_after: 3,
      deposit_fen: 50_000,
      status: "closed",
      created_at: stationInstant(`${year}-04-20`, "10:00").toISOString(),
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  // Forty pitches in two rows along the square south of the halls: 24 food, 10 goods, 6 games.
  const kinds: PitchKind[] = [...Array(24).fill("food"), ...Array(10).fill("goods"), ...Array(6).fill("games")];
  const prefix: Record<PitchKind, string> = { food: "A", goods: "B", games: "C" };
  const seen: Record<PitchKind, number> = { food: 0, goods: 0, games: 0 };
  const pitchValues = kinds.map((kind, i) => {
    seen[kind]++;
    return {
      season_id: season.id,
      station_id: stationId,
      number: `${prefix[kind]}${String(seen[kind]).padStart(2, "0")}`,
      kind,
      area: kind === "food" ? 9 : 6,
      power_watts: kind === "food" ? 3000 : kind === "games" ? 1000 : 500,
      fee_fen: kind === "food" ? 3000 : 2000,
      x: 20 + (i % 20) * 48,
      y: 720 + Math.floor(i / 20) * 60,
      w: 42,
      h: 40,
      created_at: at,
      updated_at: at,
    };
  });
  const pitches = await trx.insertInto("night_market_pitches").values(pitchValues).returning(["id", "number", "kind", "fee_fen"]).execute();

  // Applicants: twenty market merchants (shanghu first, with a phone account) and twenty-six outside vendors.
  const merchants = await trx
    .selectFrom("merchants")
    .select(["id", "name"])
    .where("id", "in", [ctx.merchantId, ...ctx.merchantIds.filter((id) => id !== ctx.merchantId).slice(0, 19)])
    .orderBy("id")
    .execute();
  const created = stationInstant(`${year}-05-02`, "10:00").toISOString();
  const operatorValues = [
    ...merchants.map((m) => ({
      station_id: stationId,
      user_id: m.id === ctx.merchantId ? ctx.merchantUserId : null,
      kind: "merchant" as const,
      merchant_id: m.id,
      name: m.name,
      suspended_at: null,
      created_at: created,
      updated_at: created,
    })),
    ...Array.from({ length: 26 }, () => ({
      station_id: stationId,
      user_id: null,
      kind: "vendor" as const,
      merchant_id: null,
      name: `${r.pick(surnames)}${r.pick(givenNames)}`,
      suspended_at: null,
      created_at: created,
      updated_at: created,
    })),
  ];
  const operators = await trx
    .insertInto("night_market_operators")
    .values(operatorValues)
    .returning(["id", "name", "merchant_id"])
    .execute();
  const appKinds: PitchKind[] = operators.map((o, i) =>
    o.merchant_id === ctx.merchantId ? "food" : i % 7 === 3 ? "games" : i % 3 === 2 ? "goods" : "food",
  );
  const appValues = operators.map((o, i) => {
    const kind = appKinds[i];
    const goods = kind === "food" ? r.pick(foodGoods) : kind === "goods" ? r.pick(goodsGoods) : r.pick(gamesGoods);
    const rejected = i === operators.length - 1 || i === operators.length - 5;
    return {
      season_id: season.id,
      station_id: stationId,
      operator_id: o.id,
      kind,
      goods,
      pitches_wanted: kind === "food" && r.chance(0.15) ? 2 : 1,
      preferred_pitch_id: null,
      food_licence_no: kind === "food" ? `JY1650203${String(100000 + i * 37).padStart(6, "0")}` : null,
      document_ids: "[]",
      status: rejected ? ("rejected" as const) : ("approved" as const),
      review_note: rejected ? "经营品类与已有摊位重复，且未提供健康证" : null,
      reviewed_by_user_id: ctx.staffUserId,
      reviewed_at: stationInstant(`${year}-05-22`, "15:00").toISOString(),
      submitted_at: stationInstant(addDays(`${year}-05-03`, i % 15), "11:00").toISOString(),
      updated_at: at,
    };
  });
  const apps = await trx
    .insertInto("night_market_applications")
    .values(appValues)
    .returning(["id", "operator_id", "kind", "pitches_wanted", "status"])
    .execute();

  // The lottery, drawn from its recorded seed as the console's allocation would.
  const input = {
    rule: "lottery" as const,
    seed: NIGHT_MARKET_LOTTERY_SEED,
    maxPerOperator: 2,
    nights,
    applications: apps
      .filter((a) => a.status === "approved")
      .map((a) => ({ id: a.id, operatorId: a.operator_id, kind: a.kind, pitchesWanted: a.pitches_wanted, preferredPitchId: null })),
    pitches: pitches.map((p) => ({ id: p.id, number: p.number, kind: p.kind })),
  };
  const result = allocate(input.rule, input.applications, input.pitches, input.nights, input.maxPerOperator, input.seed);
  const runAt = stationInstant(`${year}-05-25`, "10:00").toISOString();
  await trx
    .insertInto("night_market_allocation_runs")
    .values({
      season_id: season.id,
      rule: "lottery",
      seed: input.seed,
      input: JSON.stringify(input),
      result: JSON.stringify(result),
      result_hash: createHash("sha256").update(JSON.stringify(result)).digest("hex"),
      run_by_user_id: ctx.staffUserId,
      run_at: runAt,
    })
    .execute();

  // Deposits and fees before the first night; deposits back after the last, but for the suspended operator's.
  const feeOf = new Map(pitches.map((p) => [p.id, p.fee_fen]));
  const payments: { kind: PaymentKind; fen: number; at: string; op: number }[] = result.assignments.flatMap((a) => [
    { kind: "deposit" as const, fen: 50_000 * a.pitchIds.length, at: `${year}-06-01`, op: a.operatorId },
    {
      kind: "fee" as const,
      fen: a.pitchIds.reduce((n, id) => n + (feeOf.get(id) ?? 0), 0) * nights.length,
      at: `${year}-06-01`,
      op: a.operatorId,
    },
  ]);
  const suspended = result.assignments[5]?.operatorId;
  for (const a of result.assignments) {
    if (a.operatorId !== suspended)
      payments.push({ kind: "deposit_refund", fen: 50_000 * a.pitchIds.length, at: addDays(endsOn, 3), op: a.operatorId });
  }
  await trx
    .insertInto("night_market_payments")
    .values(
      payments.map((p) => ({
        season_id: season.id,
        operator_id: p.op,
        kind: p.kind,
        amount_fen: p.fen,
        note: null,
        recorded_by_user_id: ctx.staffUserId,
        recorded_at: stationInstant(p.at, "10:00").toISOString(),
      })),
    )
    .execute();

  // Every night: most operators check in; the rest are released at the check-in time.
  const pitchNightValues = result.pitchNights.map((pn) => {
    const w = nightWindow(calendar, pn.night);
    const inAt = r.chance(0.97) ? new Date(w.start.getTime() - r.int(10, 80) * 60_000).toISOString() : null;
    return {
      season_id: season.id,
      pitch_id: pn.pitchId,
      night: pn.night,
      operator_id: pn.operatorId,
      source: "allocation" as const,
      status: inAt ? ("checked_in" as const) : ("released" as const),
      checked_in_at: inAt,
      released_at: inAt ? null : stationInstant(pn.night, "20:30").toISOString(),
      created_at: runAt,
    };
  });
  for (let i = 0; i < pitchNightValues.length; i += 200)
    await trx
      .insertInto("night_market_pitch_nights")
      .values(pitchNightValues.slice(i, i + 200))
      .execute();

  // Incidents: noise, hygiene, disputes; some a bad record, one operator reaching three and suspended; two problems.
  const incidentPlan: { night: number; kind: IncidentKind; text: string; bad: boolean; problem: boolean; op?: number }[] = [
    { night: 4, kind: "noise", text: "音箱音量过大，周边居民反映影响休息", bad: true, problem: false, op: suspended },
    { night: 11, kind: "hygiene", text: "收摊后地面油污未清理", bad: true, problem: false },
    { night: 18, kind: "dispute", text: "两摊位因占道摆放桌椅发生口角，现场调解", bad: false, problem: false },
    { night: 25, kind: "noise", text: "收摊后仍播放音乐，超过 00:30", bad: true, problem: false, op: suspended },
    { night: 33, kind: "hygiene", text: "泔水桶未加盖，异味明显", bad: true, problem: true },
    { night: 40, kind: "safety", text: "燃气罐摆放靠近通道，现场整改", bad: false, problem: false },
    { night: 47, kind: "dispute", text: "顾客反映价格未明码标价", bad: false, problem: false },
    { night: 52, kind: "noise", text: "游戏摊喇叭吆喝扰民，再次提醒", bad: true, problem: true, op: suspended },
    { night: 60, kind: "hygiene", text: "烤串摊油烟大，未使用净化设备", bad: false, problem: false },
    { night: 66, kind: "other", text: "儿童走失，十分钟后在北门找到", bad: false, problem: false },
    { night: 74, kind: "dispute", text: "两位顾客排队起争执，保安劝离", bad: false, problem: false },
    { night: 81, kind: "hygiene", text: "垃圾未分类投放", bad: true, problem: false },
  ];
  const heldOn = new Map(result.pitchNights.map((p) => [`${p.operatorId}:${p.night}`, p.pitchId]));
  const firstOf = (n: string) => result.pitchNights.find((p) => p.night === n);
  const bad = new Map<number, number>();
  const incidentsOn = new Map<string, number>();
  for (const plan of incidentPlan) {
    const night = nights[Math.min(plan.night, nights.length - 1)];
    const fallback = firstOf(night);
    const opId = plan.op ?? result.assignments[(plan.night * 7) % result.assignments.length]?.operatorId ?? fallback?.operatorId ?? null;
    const pitchId = opId === null ? null : (heldOn.get(`${opId}:${night}`) ?? null);
    const operatorId = pitchId === null ? null : opId;
    let problemId: number | null = null;
    const createdAt = stationInstant(night, "22:10").toISOString();
    if (plan.problem) {
      const problem = await ctx.problems.createProblemRecord(trx, {
        stationId,
        title: `夜市${plan.kind === "noise" ? "噪音扰民" : "环境卫生"}：${night}`,
        description: plan.text,
        categoryCode: plan.kind === "noise" ? "market_order" : "sanitation",
        source: "walk_in",
        place: "天源夜市",
        reporterName: ctx.staffName,
        status: "resolved",
        resolution: "已约谈经营者并现场整改",
        resolvedAt: stationInstant(addDays(night, 2), "11:00").toISOString(),
        createdAt,
        actorName: ctx.staffName,
        actorUserId: ctx.staffUserId,
      });
      problemId = problem.id;
    }
    await trx
      .insertInto("night_market_incidents")
      .values({
        season_id: season.id,
        station_id: stationId,
        night,
        kind: plan.kind,
        pitch_id: pitchId,
        operator_id: operatorId,
        description: plan.text,
        bad_record: plan.bad && operatorId !== null ? 1 : 0,
        problem_id: problemId,
        recorded_by_user_id: ctx.staffUserId,
        created_at: createdAt,
      })
      .execute();
    incidentsOn.set(night, (incidentsOn.get(night) ?? 0) + 1);
    if (plan.bad && operatorId !== null) bad.set(operatorId, (bad.get(operatorId) ?? 0) + 1);
  }
  for (const [operatorId, count] of bad) {
    await trx
      .updateTable("night_market_operators")
      .set({ bad_records: count, suspended_at: count >= 3 ? stationInstant(nights[52], "23:00").toISOString() : null })
      .where("id", "=", operatorId)
      .execute();
  }

  // Each night's report: three entrances counted by clicker, the weather, every checked-in operator's takings.
  const weatherOf = (): Weather => r.pick(["clear", "clear", "clear", "hot", "cloudy", "windy"] as const);
  const nightValues = nights.map((night) => ({ night, weather: weatherOf() }));
  const history = new Map<number, number[]>();
  let turnoverTotal = 0;
  let visitorTotal = 0;
  for (const { night, weather } of nightValues) {
    const weekend = [5, 6, 7].includes(weekdayOf(night));
    const visitors = Math.round((weekend ? 1650 : 1420) * (weather === "windy" ? 0.85 : 1) + r.int(-160, 160));
    const split = [0.45, 0.33, 0.22].map((s) => Math.round(visitors * s));
    split[2] = visitors - split[0] - split[1];
    const counts = ["东门", "西门", "北门"].map((entrance, i) => ({
      entrance,
      visitorsIn: split[i],
      visitorsOut: Math.max(0, split[i] - r.int(0, 40)),
    }));
    const inTonight = pitchNightValues.filter((p) => p.night === night && p.status === "checked_in");
    const operatorsIn = [...new Set(inTonight.map((p) => p.operator_id))];
    const target = r.int(8_000_000, 10_000_000);
    const weights = operatorsIn.map(() => 0.6 + r.next());
    const sum = weights.reduce((n, w) => n + w, 0);
    const takings = operatorsIn.map((op, i) => ({ op, fen: Math.round((target * weights[i]) / sum / 100) * 100 }));
    const figures = figuresOf(
      counts,
      takings.map((t) => t.fen),
      operatorsIn.length,
      incidentsOn.get(night) ?? 0,
    );
    turnoverTotal += figures.turnoverFen;
    visitorTotal += figures.visitorsIn;
    const closedAt = stationInstant(addDays(night, 1), "01:10").toISOString();
    const row = await trx
      .insertInto("night_market_nights")
      .values({
        season_id: season.id,
        station_id: stationId,
        night,
        status: "closed",
        weather,
        visitors_in: figures.visitorsIn,
        visitors_out: figures.visitorsOut,
        turnover_fen: figures.turnoverFen,
        operators: figures.operators,
        incidents: figures.incidents,
        closed_at: closedAt,
        closed_by_user_id: ctx.staffUserId,
        correction_reason: null,
        corrected_at: null,
        created_at: closedAt,
        updated_at: closedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("night_market_counts")
      .values(
        counts.map((c) => ({
          night_id: row.id,
          entrance: c.entrance,
          method: "clicker" as const,
          visitors_in: c.visitorsIn,
          visitors_out: c.visitorsOut,
          recorded_by_user_id: ctx.staffUserId,
          recorded_at: closedAt,
        })),
      )
      .execute();
    if (takings.length) {
      await trx
        .insertInto("night_market_takings")
        .values(
          takings.map((t) => {
            const earlier = history.get(t.op) ?? [];
            history.set(t.op, [t.fen, ...earlier].slice(0, 20));
            return {
              night_id: row.id,
              operator_id: t.op,
              amount_fen: t.fen,
              unusual: unusualTakings(t.fen, earlier) ? 1 : 0,
              reported_at: stationInstant(addDays(night, 1), "00:40").toISOString(),
            };
          }),
        )
        .execute();
    }
  }

  // The jobs register: fourteen current jobs held by workers from southern Xinjiang, and four that ended with the season.
  const employers = result.assignments.slice(0, 10).map((a) => a.operatorId);
  const jobValues = Array.from({ length: 18 }, (_, i) => {
    const current = i < 14;
    const byMarket = i % 4 === 3;
    return {
      station_id: stationId,
      employer_kind: byMarket ? ("market" as const) : ("operator" as const),
      operator_id: byMarket ? null : employers[i % employers.length],
      person_name: uyghurNames[i % uyghurNames.length] + (i >= uyghurNames.length ? "（二）" : ""),
      mobile_enc: ctx.vault.encrypt(mobile(r)),
      role: byMarket ? r.pick(["保洁员", "安保员"]) : r.pick(jobRoles),
      origin: current ? southernOrigins[i % southernOrigins.length] : r.pick(["克拉玛依区", "独山子区", ...southernOrigins]),
      starts_on: addDays(startsOn, -r.int(0, 10)),
      ends_on: current ? null : addDays(endsOn, r.int(1, 5)),
      has_contract: i % 5 === 4 ? 0 : 1,
      created_at: stationInstant(startsOn, "09:00").toISOString(),
      updated_at: at,
    };
  });
  await trx.insertInto("night_market_jobs").values(jobValues).execute();

  return {
    nightMarketNights: nights.length,
    nightMarketPitches: pitches.length,
    nightMarketVisitorsPerNight: Math.round(visitorTotal / nights.length),
    nightMarketTurnoverPerNightFen: Math.round(turnoverTotal / nights.length),
    nightMarketCurrentJobs: jobValues.filter((j) => j.ends_on === null).length,
  };
}
