// The counter's records as the API shows them: one place that maps rows to contract shapes (items, requests and
// their timeline, bookable days, the export sheet's rows, the figures) and masks the applicant's mobile number.

import { stationDate } from "../../../contracts/calendar.ts";
import type {
  BookableDay,
  CounterFigures,
  RequestStatus,
  ServiceItem,
  ServiceRequest,
  ServiceRequestDetail,
} from "../../../contracts/counter.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { ShiftPlace } from "../duty/shift-places.service.ts";
import type { EventRow, ForwardedRow, HeartsRow, ItemRow, MonthRow, RequestRow } from "./counter.repository.ts";
import { isOverdue } from "./request.workflow.ts";

export function parseMaterials(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export function presentItem(row: ItemRow): ServiceItem {
  return {
    id: row.id,
    stationId: row.station_id,
    code: row.code,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    audience: row.audience,
    materials: parseMaterials(row.materials),
    timeLimitDays: row.time_limit_days,
    handling: row.handling,
    feeFen: row.fee_fen,
    description: row.description,
    active: row.active === 1,
    version: row.version,
  };
}

export function presentRequest(row: RequestRow, vault: Vault, today: string): ServiceRequest {
  const status = row.status;
  return {
    id: row.id,
    stationId: row.station_id,
    itemId: row.item_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    handling: row.handling,
    timeLimitDays: row.time_limit_days,
    channel: row.channel,
    applicantName: row.applicant_name,
    applicantMobile: row.applicant_mobile ? vault.masked(row.applicant_mobile, maskMobile) : null,
    applicantKind: row.merchant_id !== null ? "merchant" : row.resident_id !== null ? "resident" : "other",
    merchantId: row.merchant_id,
    residentId: row.resident_id,
    date: row.date,
    shift: row.shift_start && row.shift_end ? { startTime: row.shift_start, endTime: row.shift_end } : null,
    queueNo: row.queue_no,
    status,
    note: row.note,
    handledBy: row.handled_by,
    forwardedAt: row.forwarded_at,
    dueDate: row.due_date,
    overdue: isOverdue({ status, dueDate: row.due_date, completedDay: row.completed_at ? stationDate(row.completed_at) : null }, today),
    completedAt: row.completed_at,
    createdAt: row.created_at,
    rating:
      row.easy === null || row.rated_at === null
        ? null
        : {
            easy: row.easy,
            satisfying: row.satisfying ?? 0,
            warm: row.warm ?? 0,
            considerate: row.considerate ?? 0,
            pleasant: row.pleasant ?? 0,
            comment: row.rating_comment,
            createdAt: row.rated_at,
          },
    version: row.version,
  };
}

export function presentEvent(e: EventRow) {
  return { id: e.id, kind: e.kind, note: e.note, actorName: e.actor_name, at: e.at };
}

export function presentDetail(row: RequestRow, events: EventRow[], vault: Vault, today: string): ServiceRequestDetail {
  return {
    ...presentRequest(row, vault, today),
    materials: parseMaterials(row.materials),
    feeFen: row.fee_fen,
    timeline: events.map(presentEvent),
  };
}

export function presentBookableDay(s: ShiftPlace): BookableDay {
  return {
    date: s.date,
    shiftId: s.id,
    startTime: s.startTime,
    endTime: s.endTime,
    capacity: s.capacity,
    left: s.capacity - s.booked,
  };
}

const statusLabel: Record<RequestStatus, string> = {
  booked: "已预约",
  waiting: "等候中",
  handling: "办理中",
  forwarded: "已转办",
  done: "已办结",
  cancelled: "已取消",
  missed: "未到场",
};

/** The columns of the requests sheet (办件记录). */
export const exportColumns = [
  { key: "date", header: "日期" },
  { key: "queueNo", header: "排队号" },
  { key: "item", header: "服务事项" },
  { key: "unit", header: "责任部门" },
  { key: "channel", header: "渠道" },
  { key: "applicant", header: "申请人" },
  { key: "mobile", header: "联系电话" },
  { key: "status", header: "状态" },
  { key: "dueDate", header: "转办期限" },
  { key: "overdue", header: "超期" },
  { key: "completedAt", header: "办结日期" },
  { key: "hearts", header: "五心评价均分" },
  { key: "comment", header: "评价留言" },
] as const;

/** One request as a row of the sheet (the mobile masked as in the API). */
export function presentExportRow(row: RequestRow, vault: Vault, today: string) {
  const r = presentRequest(row, vault, today);
  const hearts = r.rating ? (r.rating.easy + r.rating.satisfying + r.rating.warm + r.rating.considerate + r.rating.pleasant) / 5 : null;
  return {
    date: r.date,
    queueNo: r.queueNo ?? "",
    item: `${r.itemCode} ${r.itemName}`,
    unit: r.unitName,
    channel: r.channel === "booking" ? "预约" : "现场",
    applicant: r.applicantName,
    mobile: r.applicantMobile ?? "",
    status: statusLabel[r.status],
    dueDate: r.dueDate ?? "",
    overdue: r.overdue ? "是" : "",
    completedAt: r.completedAt ? stationDate(r.completedAt) : "",
    hearts: hearts === null ? "" : hearts.toFixed(1),
    comment: r.rating?.comment ?? "",
  };
}

/**
 * The counter's figures from their three queries: requests by month, the forwarded ones (finished on time by
 * their due date, still open past it today) and the five hearts per department and overall.
 */
export function presentFigures(
  period: { from: string; to: string; today: string },
  months: MonthRow[],
  forwarded: ForwardedRow[],
  byUnit: HeartsRow[],
): CounterFigures {
  const finished = forwarded.filter((r) => r.status === "done" && r.completed_at !== null);
  const avg = (sum: number | string | null, n: number) => (n === 0 || sum === null ? null : Math.round((Number(sum) / n) * 100) / 100);
  const totals = { ratings: 0, easy: 0, satisfying: 0, warm: 0, considerate: 0, pleasant: 0 };
  const heartsByUnit = byUnit.map((u) => {
    const n = Number(u.ratings);
    totals.ratings += n;
    for (const k of ["easy", "satisfying", "warm", "considerate", "pleasant"] as const) totals[k] += Number(u[k]);
    return {
      unitId: u.unit_id,
      unitName: u.unit_name,
      ratings: n,
      easy: avg(u.easy, n),
      satisfying: avg(u.satisfying, n),
      warm: avg(u.warm, n),
      considerate: avg(u.considerate, n),
      pleasant: avg(u.pleasant, n),
    };
  });
  return {
    from: period.from,
    to: period.to,
    byMonth: months.map((m) => ({
      month: m.month,
      requests: Number(m.requests),
      done: Number(m.done),
      bookings: Number(m.bookings),
      walkIns: Number(m.walk_ins),
    })),
    forwarded: {
      total: forwarded.length,
      finished: finished.length,
      onTime: finished.filter((r) => r.due_date !== null && stationDate(r.completed_at as string) <= r.due_date).length,
      overdueOpen: forwarded.filter((r) => r.status === "forwarded" && r.due_date !== null && r.due_date < period.today).length,
    },
    hearts: {
      ratings: totals.ratings,
      easy: avg(totals.easy, totals.ratings),
      satisfying: avg(totals.satisfying, totals.ratings),
      warm: avg(totals.warm, totals.ratings),
      considerate: avg(totals.considerate, totals.ratings),
      pleasant: avg(totals.pleasant, totals.ratings),
    },
    heartsByUnit,
  };
}
