// Events and the people's stage at Tianyuan (report §三, §四): the council's three holiday promotions — Children's Day
// "回顾童年、欢庆六一", the Dragon Boat Festival "浓情端午" and National Day — each with its declared baseline, visitors
// counted at the market's gates and thirty merchants' takings for the baseline and promotion days, so that the uplift
// computed from those records comes to about +3,500 visits and +175,000 yuan; the people's stage (百姓大舞台, built
// with 470,000 yuan from the 翼龙宾馆) with the 舞动田园扇剑队 and the 夕阳红舞蹈队, a year of weekly rehearsals and
// monthly performances; a dozen culture and publicity events with photos carrying their EXIF times; and a year of
// environment rounds (disinfection, sanitation, road inspection) whose findings went to the problems loop, most
// solved. Everything is dated from `now`, with the seeded random of demo/random.ts.
import { createHash, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, addYears, stationDate, stationInstant, weekdayOf } from "../contracts/calendar.ts";
import type { CampaignKind } from "../contracts/events.ts";
import { expandRule } from "../contracts/schedule.ts";
import { inBatches } from "../server/db/batches.ts";
import type { DB } from "../server/db/tables.ts";
import { jpegWithExif, type PictureColour } from "../server/modules/events/events.exif.ts";
import { sameWeekdaysBaseline, slotsOf } from "../server/modules/events/events.workflow.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import { summerOf } from "./night-market.ts";
import type { Random } from "./random.ts";

export interface EventsContext {
  trx: Transaction<DB>;
  r: Random;
  stationId: number;
  units: Record<string, number>;
  staffUserId: number;
  staffName: string;
  merchantIds: number[];
  residentIds: number[];
  /** The demo merchant (shanghu), taking part in every promotion. */
  merchantId: number;
  /** The demo resident (jumin), who leads the fan-and-sword team and books the stage on the phone. */
  residentUserId: number;
  residentId: number;
  problems: ProblemsService;
  now: Date;
}

/** The Dragon Boat Festival by year (the Chinese calendar comes from data, not code). */
const dragonBoat: Record<number, string> = {
  2024: "2024-06-10",
  2025: "2025-05-31",
  2026: "2026-06-19",
  2027: "2027-06-09",
  2028: "2028-05-28",
  2029: "2029-06-16",
  2030: "2030-06-05",
  2031: "2031-06-24",
};

/** The Mid-Autumn Festival (八月十五) by year. */
const midAutumn: Record<number, string> = {
  2024: "2024-09-17",
  2025: "2025-10-06",
  2026: "2026-09-25",
  2027: "2027-09-15",
  2028: "2028-10-03",
  2029: "2029-09-22",
  2030: "2030-09-12",
  2031: "2031-10-01",
};

/** The Double Ninth Festival (重阳, 九月初九) by year. */
const doubleNinth: Record<number, string> = {
  2024: "2024-10-11",
  2025: "2025-10-29",
  2026: "2026-10-18",
  2027: "2027-10-08",
  2028: "2028-10-26",
  2029: "2029-10-16",
  2030: "2030-10-05",
  2031: "2031-10-24",
};

const json = (v: unknown) => JSON.stringify(v);
const GATES = ["东门", "西门", "南门"] as const;

/** The latest occurrence, ending before today, of a holiday given by its dates in a year. */
function lastBefore(today: string, datesOf: (year: number) => string[] | null): string[] {
  for (let y = Number(today.slice(0, 4)); y > 2000; y--) {
    const ds = datesOf(y);
    if (ds && ds[ds.length - 1] < today) return ds;
  }
  return [];
}

export async function loadEvents(ctx: EventsContext) {
  const { trx, r, stationId, now } = ctx;
  const at = now.toISOString();
  const today = stationDate(now);
  const iso = (date: string, time: string) => stationInstant(date, time).toISOString();
  const photoOf = async (eventId: number | null, target: string, takenAt: Date, colour: PictureColour) => {
    const data = jpegWithExif(takenAt, colour);
    const id = randomUUID();
    await trx
      .insertInto("files")
      .values({
        id,
        station_id: stationId,
        owner_user_id: ctx.staffUserId,
        content_type: "image/jpeg",
        size: data.length,
        sha256: createHash("sha256").update(data).digest("hex"),
        data,
        attached_to: target,
        created_at: at,
      })
      .execute();
    return { id, eventId };
  };
  const event = async (v: {
    kind: DB["events"]["kind"] extends infer K ? K : never;
    title: string;
    themes: string[];
    place: string;
    startsAt: string;
    endsAt: string;
    description?: string;
    organiserUnitIds?: number[];
    organiserTeamIds?: number[];
    unitIds?: number[];
    merchantIds?: number[];
    budgetFen?: number | null;
    budgetNote?: string | null;
    holiday?: string | null;
    baselineKind?: "same_weekdays" | "same_holiday_last_year" | null;
    promotionDates?: string[] | null;
    baselineDates?: string[] | null;
    programme?: string | null;
    audienceGroup?: string | null;
    campaignKind?: CampaignKind | null;
    takesSignups?: boolean;
    signupCapacity?: number | null;
  }) => {
    const past = Date.parse(v.endsAt) < now.getTime();
    const status = past ? "reported" : "approved";
    return (
      await trx
        .insertInto("events")
        .values({
          station_id: stationId,
          kind: v.kind,
          title: v.title,
          description: v.description ?? null,
          themes: json(v.themes),
          place: v.place,
          starts_at: v.startsAt,
          ends_at: v.endsAt,
          organiser_unit_ids: json(v.organiserUnitIds ?? []),
          organiser_team_ids: json(v.organiserTeamIds ?? []),
          unit_ids: json(v.unitIds ?? []),
          merchant_ids: json(v.merchantIds ?? []),
          budget_fen: v.budgetFen ?? null,
          budget_note: v.budgetNote ?? null,
          project_id: null,
          holiday: v.holiday ?? null,
          baseline_kind: v.baselineKind ?? null,
          promotion_dates: v.promotionDates ? json(v.promotionDates) : null,
          baseline_dates: v.baselineDates ? json(v.baselineDates) : null,
          programme: v.programme ?? null,
          audience_group: v.audienceGroup ?? null,
          campaign_kind: v.campaignKind ?? null,
          takes_signups: v.takesSignups ? 1 : 0,
          signup_capacity: v.signupCapacity ?? null,
          status,
          approved_at: at,
          approved_by_user_id: ctx.staffUserId,
          held_at: past ? v.endsAt : null,
          reported_at: past ? v.endsAt : null,
          report_summary: past ? "活动按计划举办，数据见计数与照片记录" : null,
          cancelled_at: null,
          created_by_user_id: ctx.staffUserId,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  };
  const counted = (eventId: number, date: string, dayRole: "baseline" | "promotion" | "event", visitors: number) => {
    // split over the gates; a share of each gate's entries are people who had come in through another gate already
    const shares = [0.45, 0.35, 0.2];
    let left = visitors;
    return GATES.map((gate, i) => {
      const people = i === GATES.length - 1 ? left : Math.round(visitors * shares[i]);
      left -= people;
      const reEntries = r.int(10, 40);
      const entries = people + reEntries;
      return {
        event_id: eventId,
        date,
        day_role: dayRole,
        method: "gates" as const,
        entrance: gate,
        entries,
        re_entries: reEntries,
        exits: entries - r.int(0, 15),
        visitors: people,
        note: null,
        recorded_by_user_id: ctx.staffUserId,
        recorded_by_name: ctx.staffName,
        recorded_at: iso(date, "21:30"),
      };
    });
  };

  // the holiday promotions
  const sample = [ctx.merchantId, ...ctx.merchantIds.filter((id) => id !== ctx.merchantId).slice(0, 29)];
  const childrensDay = lastBefore(today, (y) => [`${y}-06-01`]);
  const dragon = lastBefore(today, (y) => (dragonBoat[y] ? [dragonBoat[y]] : null));
  const national = lastBefore(today, (y) => [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`]);
  const promotions = [
    {
      title: "回顾童年、欢庆六一",
      holiday: "六一儿童节",
      dates: childrensDay,
      baseline: "same_weekdays" as const,
      visits: 900,
      takingsFen: 4_500_000,
    },
    { title: "浓情端午", holiday: "端午节", dates: dragon, baseline: "same_weekdays" as const, visits: 1_000, takingsFen: 5_000_000 },
    {
      title: "喜迎国庆 惠民购物节",
      holiday: "国庆节",
      dates: national,
      baseline: "same_holiday_last_year" as const,
      visits: 1_600,
      takingsFen: 8_000_000,
    },
  ];
  let visitsUplift = 0;
  let takingsUpliftFen = 0;
  for (const p of promotions) {
    const baselineDates = p.baseline === "same_weekdays" ? sameWeekdaysBaseline(p.dates) : p.dates.map((d) => addYears(d, -1));
    const id = await event({
      kind: "promotion",
      title: p.title,
      themes: ["节日促销", "文明创城"],
      place: "天源市场",
      startsAt: iso(p.dates[0], "09:00"),
      endsAt: iso(p.dates[p.dates.length - 1], "21:00"),
      description: `商圈理事会组织参与商户开展${p.holiday}让利促销，以出入口计数和商户营业额对比基期计算增量`,
      organiserUnitIds: Object.values(ctx.units).slice(0, 2),
      merchantIds: sample,
      budgetFen: 2_000_000,
      budgetNote: "商圈理事会活动经费",
      holiday: p.holiday,
      baselineKind: p.baseline,
      promotionDates: p.dates,
      baselineDates,
    });
    // visitors: about 1,800 a baseline day; the promotion's days carry its share of the uplift
    const perDay = Math.round(p.visits / p.dates.length);
    const rows = [];
    let baseSum = 0;
    for (const d of baselineDates) {
      const v = r.int(1_700, 1_900);
      baseSum += v;
      rows.push(...counted(id, d, "baseline", v));
    }
    const baseMean = Math.round(baseSum / baselineDates.length);
    for (const d of p.dates) rows.push(...counted(id, d, "promotion", baseMean + perDay));
    await inBatches(rows, (batch) => trx.insertInto("event_counts").values(batch).returning("id").execute());
    visitsUplift += perDay * p.dates.length;
    // takings: each merchant's usual day, and their share of the promotion's uplift spread over its days
    const weights = sample.map(() => r.int(5, 15));
    const weightSum = weights.reduce((s, w) => s + w, 0);
    const takings = [];
    for (const [i, merchantId] of sample.entries()) {
      const usual = r.int(150_000, 600_000);
      const baseDays = baselineDates.map((d) => ({ d, fen: usual + r.int(-20_000, 20_000) }));
      const baseMeanFen = baseDays.reduce((s, x) => s + x.fen, 0) / baseDays.length;
      const extraPerDay = Math.round((p.takingsFen * weights[i]) / weightSum / p.dates.length);
      for (const { d, fen } of baseDays)
        takings.push({
          event_id: id,
          merchant_id: merchantId,
          date: d,
          day_role: "baseline" as const,
          amount_fen: fen,
          reported_by_user_id: null,
          reported_by_name: "商户",
          reported_at: iso(d, "22:00"),
        });
      for (const d of p.dates)
        takings.push({
          event_id: id,
          merchant_id: merchantId,
          date: d,
          day_role: "promotion" as const,
          amount_fen: Math.round(baseMeanFen + extraPerDay),
          reported_by_user_id: null,
          reported_by_name: "商户",
          reported_at: iso(d, "22:00"),
        });
      takingsUpliftFen += extraPerDay * p.dates.length;
    }
    await inBatches(takings, (batch) => trx.insertInto("event_takings").values(batch).returning("id").execute());
  }

  // the people's stage
  const venueId = (
    await trx
      .insertInto("stage_venues")
      .values({
        station_id: stationId,
        name: "百姓大舞台",
        place: "天源市场东广场",
        open_from: "08:00",
        open_to: "22:00",
        open_weekdays: json([1, 2, 3, 4, 5, 6, 7]),
        funding_note: "翼龙宾馆出资 47 万元建设",
        budget_fen: 47_000_000,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const blockDay = addDays(today, 20);
  await trx
    .insertInto("stage_blocks")
    .values({
      venue_id: venueId,
      starts_at: iso(blockDay, "00:00"),
      ends_at: iso(addDays(blockDay, 2), "00:00"),
      reason: "舞台灯光检修",
      created_at: at,
    })
    .execute();
  const team = async (name: string, description: string, leaderUserId: number | null) =>
    (
      await trx
        .insertInto("cultural_teams")
        .values({ station_id: stationId, name, description, unit_id: null, leader_user_id: leaderUserId, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const fanTeam = await team("舞动田园扇剑队", "社区居民和市场商户组成的扇子舞、太极剑队", ctx.residentUserId);
  const sunsetTeam = await team("夕阳红舞蹈队", "社区老年居民舞蹈队", null);
  const residents = await trx
    .selectFrom("residents")
    .select(["id", "name"])
    .where("id", "in", ctx.residentIds.slice(0, 40))
    .orderBy("id")
    .execute();
  const merchants = await trx
    .selectFrom("merchants")
    .select(["id", "name", "operator_name"])
    .where("id", "in", ctx.merchantIds.slice(30, 36))
    .orderBy("id")
    .execute();
  const me = await trx.selectFrom("residents").select(["id", "name"]).where("id", "=", ctx.residentId).executeTakeFirstOrThrow();
  const members = [
    {
      team_id: fanTeam,
      member_kind: "resident" as const,
      resident_id: me.id,
      merchant_id: null,
      name: me.name,
      role: "leader" as const,
      joined_at: at,
    },
    ...residents
      .filter((x) => x.id !== me.id)
      .slice(0, 10)
      .map((x) => ({
        team_id: fanTeam,
        member_kind: "resident" as const,
        resident_id: x.id,
        merchant_id: null,
        name: x.name,
        role: "member" as const,
        joined_at: at,
      })),
    ...merchants.slice(0, 3).map((m) => ({
      team_id: fanTeam,
      member_kind: "merchant" as const,
      resident_id: null,
      merchant_id: m.id,
      name: m.operator_name,
      role: "member" as const,
      joined_at: at,
    })),
    ...residents.slice(20, 34).map((x, i) => ({
      team_id: sunsetTeam,
      member_kind: "resident" as const,
      resident_id: x.id,
      merchant_id: null,
      name: x.name,
      role: i === 0 ? ("leader" as const) : ("member" as const),
      joined_at: at,
    })),
    ...merchants.slice(3).map((m) => ({
      team_id: sunsetTeam,
      member_kind: "merchant" as const,
      resident_id: null,
      merchant_id: m.id,
      name: m.operator_name,
      role: "member" as const,
      joined_at: at,
    })),
  ];
  await trx.insertInto("cultural_team_members").values(members).execute();

  const yearAgo = addDays(addYears(today, -1), 1);
  const ahead = addDays(today, 27);
  type Booking = Omit<DB["stage_bookings"], "id">;
  const bookings: Booking[] = [];
  const book = (
    teamId: number,
    purpose: "rehearsal" | "performance",
    title: string,
    date: string,
    from: string,
    to: string,
    seriesKey: string | null,
  ) => {
    const startsAt = iso(date, from);
    const past = Date.parse(startsAt) < now.getTime();
    const requested = !past && date > addDays(today, 14);
    bookings.push({
      station_id: stationId,
      venue_id: venueId,
      team_id: teamId,
      unit_id: null,
      purpose,
      title,
      starts_at: startsAt,
      ends_at: iso(date, to),
      series_key: seriesKey,
      status: requested ? "requested" : "approved",
      decision_note: null,
      requested_by_user_id: teamId === fanTeam ? ctx.residentUserId : ctx.staffUserId,
      decided_by_user_id: requested ? null : ctx.staffUserId,
      decided_at: requested ? null : at,
      created_at: at,
      updated_at: at,
    });
  };
  const skip = (d: string) => d >= blockDay && d <= addDays(blockDay, 1);
  // The night market opens at 19:30 through its summer season and the stage takes no booking in its hours: the
  // evening rehearsals and shows move to the late afternoon on its nights.
  const summer = summerOf(now);
  const evening = (d: string, from: string, to: string): [string, string] =>
    d >= summer.startsOn && d <= summer.endsOn ? ["17:30", "19:00"] : [from, to];
  const fanKey = randomUUID();
  for (const d of expandRule({ kind: "weekly", weekdays: [2, 4] }, yearAgo, ahead))
    if (!skip(d)) book(fanTeam, "rehearsal", "扇剑队排练", d, ...evening(d, "19:00", "20:30"), fanKey);
  const sunsetKey = randomUUID();
  for (const d of expandRule({ kind: "weekly", weekdays: [1, 3] }, yearAgo, ahead))
    if (!skip(d)) book(sunsetTeam, "rehearsal", "夕阳红排练", d, "09:00", "10:30", sunsetKey);
  // a performance on the second and the last Saturday of each month, the teams in turn
  const showDays = expandRule({ kind: "monthly_nth", nth: [2, 4], weekday: 6 }, yearAgo, ahead).filter((d) => !skip(d));
  const themes = ["民族团结", "文明创城", "敬老爱老", "普法", "防疫", "妇女维权"];
  const shows: { teamId: number; date: string; theme: string; title: string; from: string; to: string }[] = [];
  for (const [i, d] of showDays.entries()) {
    const teamId = i % 2 === 0 ? fanTeam : sunsetTeam;
    const theme = themes[i % themes.length];
    const title = `${theme}主题文艺演出`;
    const [from, to] = evening(d, "19:30", "21:00");
    book(teamId, "performance", title, d, from, to, null);
    shows.push({ teamId, date: d, theme, title, from, to });
  }
  const bookingIds = await inBatches(bookings, (batch) => trx.insertInto("stage_bookings").values(batch).returning("id").execute());
  const slots = bookings.flatMap((b, i) =>
    slotsOf({ start: b.starts_at, end: b.ends_at }).map((s) => ({ venue_id: venueId, slot_start: s, booking_id: bookingIds[i].id })),
  );
  await inBatches(slots, (batch) => trx.insertInto("stage_slots").values(batch).returning("booking_id").execute(), 300);
  const performanceRows = [];
  for (const s of shows) {
    if (Date.parse(iso(s.date, s.to)) > now.getTime()) continue;
    const idx = bookings.findIndex((b) => b.starts_at === iso(s.date, s.from) && b.purpose === "performance");
    performanceRows.push({
      station_id: stationId,
      venue_id: venueId,
      booking_id: bookingIds[idx].id,
      event_id: null,
      team_id: s.teamId,
      title: s.title,
      theme: s.theme,
      performed_at: iso(s.date, s.from),
      audience: r.int(150, 420),
      audience_method: "head_count" as const,
      recorded_by_user_id: ctx.staffUserId,
      recorded_by_name: ctx.staffName,
      created_at: at,
    });
  }
  await trx.insertInto("stage_performances").values(performanceRows).execute();

  // culture and publicity events, with photos and head counts
  // A festival's show is held on its day (its latest before today); the others spread over the past year.
  const festival = (dateOf: (year: number) => string | undefined) =>
    lastBefore(today, (y) => {
      const d = dateOf(y);
      return d ? [d] : null;
    })[0];
  const culture: {
    kind: "performance" | "publicity";
    title: string;
    theme: string;
    unit: number;
    audienceGroup: string;
    on?: string;
  }[] = [
    { kind: "performance", title: "民族团结一家亲文艺汇演", theme: "民族团结", unit: 0, audienceGroup: "社区居民、商户" },
    { kind: "publicity", title: "创建全国文明城市宣传进市场", theme: "文明创城", unit: 1, audienceGroup: "商户" },
    { kind: "publicity", title: "疫情防控知识宣传", theme: "防疫", unit: 2, audienceGroup: "商户、顾客" },
    { kind: "publicity", title: "妇女权益保障法宣传", theme: "妇女维权", unit: 3, audienceGroup: "女性商户和居民" },
    { kind: "publicity", title: "民法典进市场普法宣传", theme: "普法", unit: 4, audienceGroup: "商户" },
    {
      kind: "performance",
      title: "庆七一红歌会",
      theme: "民族团结",
      unit: 0,
      audienceGroup: "党员、居民",
      on: festival((y) => `${y}-07-01`),
    },
    {
      kind: "performance",
      title: "中秋邻里文艺晚会",
      theme: "文明创城",
      unit: 5,
      audienceGroup: "社区居民",
      on: festival((y) => midAutumn[y]),
    },
    { kind: "publicity", title: "反电信诈骗普法讲座", theme: "普法", unit: 4, audienceGroup: "老年居民" },
    { kind: "publicity", title: "食品安全宣传周", theme: "文明创城", unit: 2, audienceGroup: "商户、顾客" },
    {
      kind: "performance",
      title: "重阳敬老文艺演出",
      theme: "敬老爱老",
      unit: 0,
      audienceGroup: "老年居民",
      on: festival((y) => doubleNinth[y]),
    },
    { kind: "publicity", title: "垃圾分类宣传", theme: "文明创城", unit: 1, audienceGroup: "商户" },
    {
      kind: "performance",
      title: "三八妇女节广场舞展演",
      theme: "妇女维权",
      unit: 3,
      audienceGroup: "社区居民",
      on: festival((y) => `${y}-03-08`),
    },
  ];
  const unitIds = Object.values(ctx.units);
  const colours: PictureColour[] = ["red", "gold", "green"];
  const photoRows = [];
  const countRows = [];
  for (const [i, c] of culture.entries()) {
    const date = c.on ?? addDays(today, -Math.round(((i + 1) * 350) / culture.length) + 5);
    const [from, to] = c.kind === "performance" ? evening(date, "19:30", "21:00") : ["10:00", "11:30"];
    const id = await event({
      kind: c.kind,
      title: c.title,
      themes: [c.theme],
      place: c.kind === "performance" ? "百姓大舞台" : "天源市场党群服务站",
      startsAt: iso(date, from),
      endsAt: iso(date, to),
      organiserUnitIds: [unitIds[c.unit % unitIds.length]],
      organiserTeamIds: c.kind === "performance" ? [i % 2 === 0 ? fanTeam : sunsetTeam] : [],
      programme: c.kind === "performance" ? "扇子舞、太极剑、合唱、舞蹈" : "展板、发放资料、现场咨询",
      audienceGroup: c.audienceGroup,
      budgetFen: r.int(5, 30) * 10_000,
    });
    for (let k = 0; k < 2; k++) {
      const takenAt = new Date(Date.parse(iso(date, from)) + (20 + k * 25) * 60_000);
      const f = await photoOf(id, `event:${id}`, takenAt, colours[(i + k) % 3]);
      photoRows.push({
        event_id: id,
        file_id: f.id,
        taken_at: takenAt.toISOString(),
        outside_window: 0,
        caption: k === 0 ? "活动现场" : "群众参与",
        uploaded_by_user_id: ctx.staffUserId,
        created_at: at,
      });
    }
    if (date <= today)
      countRows.push({
        event_id: id,
        date,
        day_role: "event" as const,
        method: c.kind === "performance" ? ("head_count" as const) : ("estimate" as const),
        entrance: null,
        entries: null,
        re_entries: null,
        exits: null,
        visitors: c.kind === "performance" ? r.int(180, 450) : r.int(60, 200),
        note: c.kind === "performance" ? "开场后清点观众人数" : "按发放资料份数估算",
        recorded_by_user_id: ctx.staffUserId,
        recorded_by_name: ctx.staffName,
        recorded_at: iso(date, to),
      });
  }
  // one photo carried over from another day: flagged as outside the window
  const flaggedEvent = photoRows[0].event_id;
  const stray = new Date(Date.parse(photoRows[0].taken_at) - 40 * 86_400_000);
  const strayFile = await photoOf(flaggedEvent, `event:${flaggedEvent}`, stray, "green");
  photoRows.push({
    event_id: flaggedEvent,
    file_id: strayFile.id,
    taken_at: stray.toISOString(),
    outside_window: 1,
    caption: "补传照片",
    uploaded_by_user_id: ctx.staffUserId,
    created_at: at,
  });
  await trx.insertInto("event_photos").values(photoRows).execute();
  await trx.insertInto("event_counts").values(countRows).execute();

  // coming events residents can sign up for on the phone
  const lecture = addDays(today, 6);
  await event({
    kind: "publicity",
    title: "老年人防诈骗普法讲座",
    themes: ["普法"],
    place: "天源市场党群服务站",
    startsAt: iso(lecture, "10:00"),
    endsAt: iso(lecture, "11:30"),
    audienceGroup: "老年居民",
    takesSignups: true,
    signupCapacity: 40,
  });
  const show = addDays(today, 10 + ((7 - weekdayOf(addDays(today, 10)) + 7) % 7)); // a Sunday: the teams perform on Saturdays
  await event({
    kind: "performance",
    title: "百姓大舞台冬季文艺演出",
    themes: ["民族团结", "文明创城"],
    place: "百姓大舞台",
    startsAt: iso(show, "19:00"),
    endsAt: iso(show, "21:00"),
    organiserTeamIds: [fanTeam, sunsetTeam],
    programme: "扇剑表演、舞蹈、合唱",
    takesSignups: true,
    signupCapacity: 200,
  });

  // environment campaigns: a year of rounds
  const campaigns: { kind: CampaignKind; title: string; rule: Parameters<typeof expandRule>[0]; items: string[] }[] = [
    {
      kind: "disinfection",
      title: "市场常态化消杀",
      rule: { kind: "monthly_days", days: [5] },
      items: ["公共区域喷洒消毒", "冷鲜区消杀", "垃圾站消杀", "台账登记"],
    },
    {
      kind: "sanitation",
      title: "环境卫生整治",
      rule: { kind: "monthly_days", days: [10, 25] },
      items: ["通道无堆物", "垃圾日产日清", "摊位周边整洁", "公厕保洁"],
    },
    {
      kind: "road",
      title: "道路巡查与修缮",
      rule: { kind: "monthly_days", days: [15] },
      items: ["路面平整无坑洼", "井盖完好", "排水通畅", "标线清晰"],
    },
  ];
  const areas = ["蔬菜区", "果品区", "副食区", "餐饮区", "超市周边", "北侧通道", "停车场", "公厕周边"];
  const findingsText: Record<CampaignKind, string[]> = {
    disinfection: ["冷鲜区消杀台账未及时登记", "垃圾站周边蚊蝇较多"],
    sanitation: ["通道堆放纸箱影响通行", "垃圾桶满溢未及时清运", "摊位后方积存污水"],
    road: ["路面坑洼积水", "井盖松动", "排水沟堵塞"],
  };
  let rounds = 0;
  let findings = 0;
  let solved = 0;
  await ctx.problems.ensureCategories();
  for (const c of campaigns) {
    const eventId = await event({
      kind: "environment",
      title: c.title,
      themes: ["环境卫生", "文明创城"],
      place: "天源市场",
      startsAt: iso(yearAgo, "08:00"),
      endsAt: iso(addDays(today, -1), "18:00"),
      campaignKind: c.kind,
      organiserUnitIds: [unitIds[0]],
    });
    for (const date of expandRule(c.rule, yearAgo, addDays(today, -1))) {
      const area = r.pick(areas);
      const failing = r.chance(0.35) ? r.int(0, c.items.length - 1) : -1;
      const roundId = (
        await trx
          .insertInto("environment_rounds")
          .values({
            station_id: stationId,
            event_id: eventId,
            kind: c.kind,
            area,
            date,
            checklist: json(c.items.map((item, k) => ({ item, ok: k !== failing, note: k === failing ? "见发现问题" : null }))),
            inspector_user_id: ctx.staffUserId,
            inspector_name: ctx.staffName,
            note: null,
            created_at: iso(date, "10:00"),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      rounds++;
      if (failing < 0) continue;
      const text = r.pick(findingsText[c.kind]);
      const recent = date > addDays(today, -20);
      const isSolved = recent ? r.chance(0.3) : r.chance(0.88);
      const resolvedAt = isSolved ? iso(addDays(date, r.int(1, 4)), "16:00") : null;
      const problem = await ctx.problems.createProblemRecord(trx, {
        stationId,
        title: `${c.kind === "road" ? "道路巡查" : c.kind === "disinfection" ? "消杀" : "环境卫生"}巡查发现：${area}`,
        description: `${date} ${area}巡查（${ctx.staffName}）发现：${text}`,
        categoryCode: c.kind === "road" ? "facility" : "sanitation",
        source: "grid_worker",
        place: area,
        reporterName: ctx.staffName,
        status: isSolved ? "resolved" : "submitted",
        resolution: isSolved ? "已整改完毕" : null,
        resolvedAt: resolvedAt && resolvedAt < at ? resolvedAt : isSolved ? at : null,
        createdAt: iso(date, "10:30"),
        actorUserId: ctx.staffUserId,
        actorName: ctx.staffName,
      });
      await trx
        .insertInto("environment_findings")
        .values({ round_id: roundId, description: text, place: area, problem_id: problem.id, created_at: iso(date, "10:30") })
        .execute();
      findings++;
      if (isSolved) solved++;
    }
  }
  return {
    promotions: promotions.length,
    promotionVisitsUplift: visitsUplift,
    promotionTakingsUpliftFen: takingsUpliftFen,
    stageBookings: bookings.length,
    stagePerformances: performanceRows.length,
    cultureEvents: culture.length,
    environmentRounds: rounds,
    environmentFindings: findings,
    environmentFindingsSolved: solved,
  };
}
