// The counter's records as the API shows them: one place that maps rows to contract shapes and masks the
// applicant's mobile number.

import { stationDate } from "../../../contracts/calendar.ts";
import type {
  RequestStatus,
  requestEventKinds,
  ServiceAudience,
  ServiceHandling,
  ServiceItem,
  ServiceRequest,
} from "../../../contracts/counter.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { EventRow, ItemRow, RequestRow } from "./counter.repository.ts";
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
    audience: row.audience as ServiceAudience,
    materials: parseMaterials(row.materials),
    timeLimitDays: row.time_limit_days,
    handling: row.handling as ServiceHandling,
    feeFen: row.fee_fen,
    description: row.description,
    active: row.active === 1,
    version: row.version,
  };
}

export function presentRequest(row: RequestRow, vault: Vault, today: string): ServiceRequest {
  const status = row.status as RequestStatus;
  return {
    id: row.id,
    stationId: row.station_id,
    itemId: row.item_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    handling: row.handling as ServiceHandling,
    timeLimitDays: row.time_limit_days,
    channel: row.channel as ServiceRequest["channel"],
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
  return { id: e.id, kind: e.kind as (typeof requestEventKinds)[number], note: e.note, actorName: e.actor_name, at: e.at };
}
