// Problems as Open311 GeoReport v2 reads them: categories as services (their attributes), a problem as a service
// request whose `status` is open or closed and whose `status_notes` carry the finer state of the problem loop.
import type { Locale } from "../../../contracts/errors.ts";
import type { Open311Status } from "../../../contracts/interop.ts";
import type { ProblemCategory, ProblemStatus } from "../../../contracts/problems.ts";
import type { Open311Row } from "./interop.repository.ts";
import { type Open311Object, open311Time } from "./open311.format.ts";

/** Open while someone works on it; closed once resolved, confirmed or rejected. */
export const closedStatuses: readonly ProblemStatus[] = ["resolved", "confirmed", "rejected"];
export const open311StatusOf = (s: ProblemStatus): Open311Status => (closedStatuses.includes(s) ? "closed" : "open");

const notes: Record<ProblemStatus, Record<Locale, string>> = {
  submitted: { "zh-CN": "已收到，等待服务站受理", en: "Received; waiting for the station to accept it" },
  accepted: { "zh-CN": "服务站已受理", en: "Accepted by the station" },
  assigned: { "zh-CN": "已交办{unit}", en: "Assigned to {unit}" },
  in_progress: { "zh-CN": "{unit}正在办理", en: "In progress at {unit}" },
  resolved: { "zh-CN": "已解决：{resolution}", en: "Resolved: {resolution}" },
  confirmed: { "zh-CN": "已办结（评价 {rating} 星）：{resolution}", en: "Closed (rated {rating}/5): {resolution}" },
  rejected: { "zh-CN": "不予受理：{note}", en: "Not accepted: {note}" },
  reopened: { "zh-CN": "已重新打开：{note}", en: "Reopened: {note}" },
};

export function statusNotes(row: Open311Row, last: { note: string | null } | undefined, locale: Locale): string {
  const fill: Record<string, string> = {
    unit: row.unit_name ?? (locale === "en" ? "the responsible unit" : "责任单位"),
    resolution: row.resolution ?? "",
    rating: String(row.rating ?? ""),
    note: last?.note ?? "",
  };
  return notes[row.status][locale].replace(/\{(\w+)\}/g, (_, k: string) => fill[k] ?? "").replace(/[：:]\s*$/, "");
}

export function presentService(c: ProblemCategory, locale: Locale): Open311Object {
  return {
    service_code: c.code,
    service_name: locale === "en" ? c.nameEn : c.name,
    description:
      locale === "en"
        ? `${c.nameEn} (to be resolved within ${c.timeLimitDays} days of assignment)`
        : `${c.name}（交办后 ${c.timeLimitDays} 天内办结）`,
    metadata: true,
    type: "realtime",
    keywords: locale === "en" ? c.nameEn : c.name,
    group: locale === "en" ? "Problems list" : "问题清单",
  };
}

/** The attributes a request may carry: a title and a place (both optional), and the category's time limit. */
export const attributeCodes = ["TITLE", "PLACE"] as const;

export function presentDefinition(c: ProblemCategory, locale: Locale): Open311Object {
  const en = locale === "en";
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true,
        code: "TITLE",
        datatype: "string",
        required: false,
        datatype_description: en ? "2 to 100 characters" : "2 至 100 字",
        order: 1,
        description: en ? "A short title (the description's start when left out)" : "问题标题（不填则取描述开头）",
      },
      {
        variable: true,
        code: "PLACE",
        datatype: "string",
        required: false,
        datatype_description: en ? "Up to 200 characters" : "不超过 200 字",
        order: 2,
        description: en ? "Where exactly (e.g. row A, stall 12)" : "具体位置（如 A 区 12 号摊位）",
      },
      {
        variable: false,
        code: "TIME_LIMIT",
        datatype: "text",
        required: false,
        datatype_description: null,
        order: 3,
        description: en
          ? `Resolved within ${c.timeLimitDays} days of being assigned to a unit`
          : `交办责任单位后 ${c.timeLimitDays} 天内办结`,
      },
    ],
  };
}

export function presentRequest(row: Open311Row, last: { note: string | null } | undefined, locale: Locale): Open311Object {
  return {
    service_request_id: row.code,
    status: open311StatusOf(row.status),
    status_notes: statusNotes(row, last, locale),
    service_name: (locale === "en" ? row.category_name_en : row.category_name) ?? row.service_code,
    service_code: row.service_code,
    description: row.description,
    agency_responsible: row.unit_name,
    service_notice: null,
    requested_datetime: open311Time(row.created_at),
    updated_datetime: open311Time(row.updated_at),
    expected_datetime: open311Time(row.due_at),
    address: row.address_string ?? row.place,
    address_id: row.address_id,
    zipcode: null,
    lat: row.lat,
    long: row.long,
    media_url: row.media_url,
  };
}
