// The station counter at Tianyuan (issue 4): the 32-item catalogue, a year of requests and their ratings.
// Bookings land on the duty shifts the roster has in the database (whatever exists), walk-ins on any weekday;
// every shift's `booked` rises by exactly the live bookings placed on it and never above its capacity.

import { addDays, stationDate, stationDayStart, stationTime, weekdayOf } from "../contracts/calendar.ts";
import type { RequestChannel, RequestStatus, ServiceAudience } from "../contracts/counter.ts";
import type { ServiceRatingTable, ServiceRequestEventTable } from "../server/db/tables.ts";
import { catalogue, SAMR } from "./counter-catalogue.ts";
import type { StationServicesContext } from "./station-services.ts";

const comments = [
  "材料一次讲清楚，没跑冤枉路",
  "工作人员很耐心，帮我在手机上一步步填完",
  "在家门口就办了，不用跑政务大厅",
  "排队时间短，服务态度好",
  "转办后按时打来电话告知结果",
  "老人办事有人全程帮忙，很暖心",
  "希望周末也能安排坐班",
  "办得很快，谢谢驿站",
];
const cancelReasons = ["临时有事，改天再来", "材料还没准备齐", "已在政务服务网上办理"];

/** A station date and a number of minutes after its midnight as a UTC ISO instant. */
const at = (date: string, minutes: number) => new Date(stationDayStart(date).getTime() + Math.round(minutes) * 60_000).toISOString();
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Saturday or Sunday (ISO weekdays 6 and 7). */
const isWeekend = (date: string) => weekdayOf(date) >= 6;

interface Applicant {
  name: string;
  mobile: string | null;
  merchantId: number | null;
  residentId: number | null;
  userId: number | null;
}

interface Draft {
  itemIndex: number;
  channel: RequestChannel;
  applicant: Applicant;
  date: string;
  shiftId: number | null;
  status: RequestStatus;
  note: string | null;
  handledBy: number | null;
  forwardedAt: string | null;
  dueDate: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** When it joined the queue (for numbering the day). */
  checkedInAt: string | null;
  queueNo: number | null;
  events: Omit<ServiceRequestEventTable, "id" | "request_id">[];
  rating: Omit<ServiceRatingTable, "request_id"> | null;
}

export async function loadCounter(ctx: StationServicesContext): Promise<Record<string, number>> {
  const { trx, r } = ctx;
  const today = stationDate(ctx.now);
  const stamp = ctx.now.toISOString();
  const nowMinutes = minutesOf(stationTime(ctx.now));

  // The catalogue.
  const specs = catalogue.filter((s) => ctx.units[s.unit] !== undefined);
  const items = await trx
    .insertInto("service_items")
    .values(
      specs.map((s) => ({
        station_id: ctx.stationId,
        code: s.code,
        name: s.name,
        unit_id: ctx.units[s.unit],
        audience: s.audience,
        materials: JSON.stringify(s.materials),
        time_limit_days: s.days,
        handling: s.handling,
        fee_fen: s.feeFen ?? 0,
        description: s.description ?? null,
        active: 1,
        created_at: stamp,
        updated_at: stamp,
      })),
    )
    .returning(["id", "unit_id"])
    .execute();
  const byCode = new Map(specs.map((s, i) => [s.code, i]));

  // Who applies.
  const merchants = (
    await trx
      .selectFrom("merchants")
      .select(["id", "name", "operator_name", "mobile_enc"])
      .where("station_id", "=", ctx.stationId)
      .orderBy("id")
      .execute()
  ).map((m) => ({ name: `${m.operator_name}（${m.name}）`, mobile: m.mobile_enc, merchantId: m.id, residentId: null, userId: null }));
  const residents = (
    await trx
      .selectFrom("residents")
      .select(["id", "name", "mobile_enc"])
      .where("station_id", "=", ctx.stationId)
      .orderBy("id")
      .limit(400)
      .execute()
  ).map((p) => ({ name: p.name, mobile: p.mobile_enc, merchantId: null, residentId: p.id, userId: null }));
  const applicantFor = (audience: ServiceAudience): Applicant => {
    const kind = audience === "both" ? (r.chance(0.5) ? "merchant" : "resident") : audience;
    const pool = kind === "merchant" ? merchants : residents;
    return r.pick(pool.length ? pool : [...merchants, ...residents]);
  };
  const shanghuRecord = await trx
    .selectFrom("merchants")
    .select(["name", "operator_name", "mobile_enc"])
    .where("id", "=", ctx.merchantId)
    .executeTakeFirst();
  const juminRecord = await trx.selectFrom("residents").select(["name", "mobile_enc"]).where("id", "=", ctx.residentId).executeTakeFirst();
  const shanghu: Applicant = {
    name: shanghuRecord ? `${shanghuRecord.operator_name}（${shanghuRecord.name}）` : "商户",
    mobile: shanghuRecord?.mobile_enc ?? null,
    merchantId: ctx.merchantId,
    residentId: null,
    userId: ctx.merchantUserId,
  };
  const jumin: Applicant = {
    name: juminRecord?.name ?? "居民",
    mobile: juminRecord?.mobile_enc ?? null,
    merchantId: null,
    residentId: ctx.residentId,
    userId: ctx.residentUserId,
  };
  const bureau = await trx.selectFrom("users").select(["display_name"]).where("id", "=", ctx.bureauUserId).executeTakeFirst();

  // The roster's shifts, a year back and a month ahead.
  const shifts = await trx
    .selectFrom("duty_shifts")
    .select(["id", "unit_id", "date", "start_time", "end_time", "capacity", "booked"])
    .where("station_id", "=", ctx.stationId)
    .where("date", ">=", addDays(today, -365))
    .where("date", "<=", addDays(today, 30))
    .orderBy("date")
    .orderBy("id")
    .execute();
  const left = new Map(shifts.map((s) => [s.id, Math.max(0, s.capacity - s.booked)]));
  const itemsOfUnit = new Map<number, number[]>();
  items.forEach((it, i) => {
    itemsOfUnit.set(it.unit_id, [...(itemsOfUnit.get(it.unit_id) ?? []), i]);
  });

  const drafts: Draft[] = [];
  const staff = { id: ctx.staffUserId, name: ctx.staffName };

  /** Plays a request from its check-in to where it stands today. */
  const play = (d: Draft, checkIn: number, opts: { finish?: boolean; rate?: boolean } = {}) => {
    const spec = specs[d.itemIndex];
    const date = d.date;
    d.checkedInAt = at(date, checkIn);
    if (d.channel === "booking")
      d.events.push({ kind: "checked_in", note: null, actor_user_id: staff.id, actor_name: staff.name, at: d.checkedInAt });
    const isToday = date === today;
    const startAt = checkIn + r.int(2, 25);
    if (isToday && startAt > nowMinutes - 5) {
      d.status = "waiting";
      d.updatedAt = d.checkedInAt;
      return;
    }
    d.events.push({ kind: "started", note: null, actor_user_id: staff.id, actor_name: staff.name, at: at(date, startAt) });
    d.handledBy = staff.id;
    const workEnd = startAt + r.int(5, 30);
    if (isToday && (workEnd > nowMinutes || opts.finish === false)) {
      d.status = "handling";
      d.updatedAt = at(date, startAt);
      return;
    }
    let doneDay = date;
    let doneMinutes = workEnd;
    if (spec.handling === "forwarded") {
      d.forwardedAt = at(date, workEnd);
      d.dueDate = addDays(date, spec.days);
      d.events.push({
        kind: "forwarded",
        note: "材料齐全，已转部门办理",
        actor_user_id: staff.id,
        actor_name: staff.name,
        at: d.forwardedAt,
      });
      const late = r.chance(0.08);
      doneDay = addDays(date, late ? spec.days + r.int(1, 4) : r.int(Math.min(1, spec.days), spec.days));
      doneMinutes = r.int(10 * 60, 18 * 60);
      if (doneDay > today || (doneDay === today && doneMinutes > nowMinutes) || opts.finish === false) {
        d.status = "forwarded";
        d.updatedAt = d.forwardedAt;
        return;
      }
    }
    d.status = "done";
    d.completedAt = at(doneDay, doneMinutes);
    d.updatedAt = d.completedAt;
    const byBureau = spec.handling === "forwarded" && spec.unit === SAMR;
    d.events.push({
      kind: "done",
      note: spec.handling === "forwarded" ? "已办结，结果已告知申请人" : null,
      actor_user_id: byBureau ? ctx.bureauUserId : spec.handling === "forwarded" ? null : staff.id,
      actor_name: byBureau ? (bureau?.display_name ?? spec.unit) : spec.handling === "forwarded" ? spec.unit : staff.name,
      at: d.completedAt,
    });
    if (opts.rate ?? r.chance(0.78)) {
      const ratedAt = new Date(Date.parse(d.completedAt) + r.int(10, 60 * 30) * 60_000);
      if (ratedAt.getTime() < ctx.now.getTime()) {
        const score = () => (r.chance(0.72) ? 5 : r.chance(0.8) ? 4 : 3);
        d.rating = {
          easy: score(),
          satisfying: score(),
          warm: score(),
          considerate: score(),
          pleasant: score(),
          comment: r.chance(0.35) ? r.pick(comments) : null,
          created_at: ratedAt.toISOString(),
        };
        d.events.push({
          kind: "rated",
          note: null,
          actor_user_id: d.applicant.userId,
          actor_name: d.applicant.name,
          at: d.rating.created_at,
        });
      }
    }
  };

  const draft = (
    itemIndex: number,
    channel: Draft["channel"],
    applicant: Applicant,
    date: string,
    shiftId: number | null,
    createdAt: string,
  ): Draft => ({
    itemIndex,
    channel,
    applicant,
    date,
    shiftId,
    status: channel === "booking" ? "booked" : "waiting",
    note: null,
    handledBy: null,
    forwardedAt: null,
    dueDate: null,
    completedAt: null,
    createdAt,
    updatedAt: createdAt,
    checkedInAt: null,
    queueNo: null,
    events: [
      channel === "booking"
        ? { kind: "booked", note: null, actor_user_id: applicant.userId, actor_name: applicant.name, at: createdAt }
        : { kind: "walked_in", note: null, actor_user_id: staff.id, actor_name: staff.name, at: createdAt },
    ],
    rating: null,
  });

  const book = (shift: (typeof shifts)[number], itemIndex: number, applicant: Applicant): Draft | null => {
    if ((left.get(shift.id) ?? 0) <= 0) return null;
    left.set(shift.id, (left.get(shift.id) ?? 0) - 1);
    const daysBefore = r.int(1, 10);
    let createdAt = at(addDays(shift.date, -daysBefore), r.int(8 * 60, 22 * 60));
    if (createdAt > stamp) createdAt = new Date(ctx.now.getTime() - r.int(30, 600) * 60_000).toISOString();
    const d = draft(itemIndex, "booking", applicant, shift.date, shift.id, createdAt);
    drafts.push(d);
    return d;
  };

  // Bookings on the roster's shifts.
  const todayOpen = nowMinutes >= 10 * 60;
  for (const shift of shifts) {
    const unitItems = itemsOfUnit.get(shift.unit_id);
    if (!unitItems?.length) continue;
    const past = shift.date < today;
    const isToday = shift.date === today;
    const want = past ? r.int(1, 6) : isToday ? r.int(3, 6) : r.int(0, 3);
    for (let k = 0; k < want; k++) {
      const itemIndex = r.pick(unitItems);
      const d = book(shift, itemIndex, applicantFor(specs[itemIndex].audience));
      if (!d) break;
      const start = minutesOf(shift.start_time);
      const end = Math.max(start + 30, minutesOf(shift.end_time) - 20);
      if (past) {
        if (r.chance(0.07)) {
          d.status = "cancelled";
          const cancelAt = at(addDays(d.date, -1), r.int(9 * 60, 21 * 60));
          d.updatedAt = [d.createdAt, cancelAt].sort()[1];
          d.events.push({
            kind: "cancelled",
            note: r.pick(cancelReasons),
            actor_user_id: null,
            actor_name: d.applicant.name,
            at: d.updatedAt,
          });
        } else if (r.chance(0.06)) {
          d.status = "missed";
          d.updatedAt = at(addDays(d.date, 1), 30);
          d.events.push({ kind: "missed", note: null, actor_user_id: null, actor_name: "system", at: d.updatedAt });
        } else {
          play(d, r.int(start, end));
        }
      } else if (isToday && todayOpen && k < want - 2) {
        const checkIn = r.int(start, Math.max(start, Math.min(end, nowMinutes - 10)));
        if (checkIn < nowMinutes) play(d, checkIn);
      }
    }
  }

  // Walk-ins on weekdays (more of them when the roster is still empty).
  const perDay = shifts.length ? [0, 2] : [1, 3];
  for (let back = 365; back >= 0; back--) {
    const date = addDays(today, -back);
    if (isWeekend(date)) continue;
    if (date === today && !todayOpen) continue;
    const n = r.int(perDay[0], perDay[1]);
    for (let k = 0; k < n; k++) {
      const itemIndex = r.int(0, specs.length - 1);
      const minute = date === today ? r.int(9 * 60 + 30, Math.max(9 * 60 + 30, nowMinutes - 15)) : r.int(9 * 60 + 30, 17 * 60 + 30);
      if (date === today && minute >= nowMinutes) continue;
      const shift = shifts.find((s) => s.date === date && s.unit_id === items[itemIndex].unit_id);
      const d = draft(itemIndex, "walk_in", applicantFor(specs[itemIndex].audience), date, shift?.id ?? null, at(date, minute));
      drafts.push(d);
      play(d, minute);
    }
  }

  // The demo accounts' own requests.
  const ownWalkIn = (code: string, who: Applicant, daysAgo: number, opts: { finish?: boolean; rate?: boolean; cancel?: string } = {}) => {
    const itemIndex = byCode.get(code);
    if (itemIndex === undefined) return;
    let date = addDays(today, -daysAgo);
    while (isWeekend(date)) date = addDays(date, -1);
    const minute = r.int(10 * 60, 16 * 60);
    const d = draft(itemIndex, "walk_in", who, date, null, at(date, minute));
    drafts.push(d);
    if (opts.cancel) {
      d.checkedInAt = d.createdAt;
      d.status = "cancelled";
      d.updatedAt = at(date, minute + 15);
      d.events.push({ kind: "cancelled", note: opts.cancel, actor_user_id: staff.id, actor_name: staff.name, at: d.updatedAt });
      return;
    }
    play(d, minute, opts);
  };
  // jumin: a finished request still to rate, one rated, and (below) an upcoming booking.
  ownWalkIn("WG-01", jumin, 9, { rate: false });
  ownWalkIn("WS-03", jumin, 45, { rate: true });
  // shanghu: the annual report guided and rated, a food licence with the bureau, a lost licence turned back.
  ownWalkIn("SC-04", shanghu, 60, { rate: true });
  ownWalkIn("SC-05", shanghu, 3, { finish: false });
  ownWalkIn("SC-10", shanghu, 20, { cancel: "遗失声明尚未发布，发布后再来办理" });
  const upcoming = (who: Applicant, audience: ServiceAudience) => {
    for (const shift of shifts) {
      if (shift.date <= today || (left.get(shift.id) ?? 0) <= 0) continue;
      const fits = (itemsOfUnit.get(shift.unit_id) ?? []).filter((i) => specs[i].audience === audience || specs[i].audience === "both");
      if (fits.length === 0) continue;
      const d = book(shift, fits[0], who);
      if (d) d.note = "想先咨询一下需要带哪些材料";
      return;
    }
  };
  upcoming(jumin, "resident");
  upcoming(shanghu, "merchant");

  // Queue numbers: each station day numbers its check-ins in order.
  const byDay = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.channel === "walk_in" && !d.checkedInAt) d.checkedInAt = d.createdAt;
    if (!d.checkedInAt) continue;
    byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
  }
  for (const day of byDay.values()) {
    day.sort((a, b) => (a.checkedInAt ?? "").localeCompare(b.checkedInAt ?? ""));
    day.forEach((d, i) => {
      d.queueNo = i + 1;
    });
  }

  // Write.
  drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ids: number[] = [];
  for (let i = 0; i < drafts.length; i += 300) {
    const rows = await trx
      .insertInto("service_requests")
      .values(
        drafts.slice(i, i + 300).map((d) => ({
          station_id: ctx.stationId,
          item_id: items[d.itemIndex].id,
          channel: d.channel,
          applicant_user_id: d.applicant.userId,
          merchant_id: d.applicant.merchantId,
          resident_id: d.applicant.residentId,
          applicant_name: d.applicant.name,
          applicant_mobile: d.applicant.mobile,
          date: d.date,
          shift_id: d.shiftId,
          queue_no: d.queueNo,
          status: d.status,
          note: d.note,
          handled_by_user_id: d.handledBy,
          forwarded_at: d.forwardedAt,
          due_date: d.dueDate,
          completed_at: d.completedAt,
          created_at: d.createdAt,
          updated_at: d.updatedAt,
        })),
      )
      .returning("id")
      .execute();
    ids.push(...rows.map((x) => x.id));
  }
  const events = drafts.flatMap((d, i) => d.events.map((e) => ({ ...e, request_id: ids[i] })));
  for (let i = 0; i < events.length; i += 400)
    await trx
      .insertInto("service_request_events")
      .values(events.slice(i, i + 400))
      .execute();
  const ratings = drafts.flatMap((d, i) => (d.rating ? [{ ...d.rating, request_id: ids[i] }] : []));
  for (let i = 0; i < ratings.length; i += 400)
    await trx
      .insertInto("service_ratings")
      .values(ratings.slice(i, i + 400))
      .execute();

  // Each shift's count rises by the live bookings placed on it (cancelled ones gave their place back).
  const live = new Map<number, number>();
  for (const d of drafts) {
    if (d.channel === "booking" && d.shiftId !== null && d.status !== "cancelled") live.set(d.shiftId, (live.get(d.shiftId) ?? 0) + 1);
  }
  const byCount = new Map<number, number[]>();
  for (const [shiftId, n] of live) byCount.set(n, [...(byCount.get(n) ?? []), shiftId]);
  for (const [n, shiftIds] of byCount) {
    for (let i = 0; i < shiftIds.length; i += 500) {
      await trx
        .updateTable("duty_shifts")
        .set((eb) => ({ booked: eb("booked", "+", n) }))
        .where("id", "in", shiftIds.slice(i, i + 500))
        .execute();
    }
  }

  return {
    serviceItems: items.length,
    serviceRequests: drafts.length,
    serviceBookings: drafts.filter((d) => d.channel === "booking").length,
    serviceRatings: ratings.length,
  };
}
