import type { Stall } from "../../../contracts/stalls.ts";
import type { StallRow } from "./stalls.repository.ts";

export function presentStall(row: StallRow): Stall {
  return {
    id: row.id,
    stationId: row.station_id,
    code: row.code,
    area: Number(row.area),
    x: row.x,
    y: row.y,
    w: row.w,
    h: row.h,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name ?? null,
    merchantCategory: row.merchant_category ?? null,
    version: row.version,
  };
}

/** What the audit log keeps of a stall: the presented record (stalls hold no personal data). */
export function auditView(s: Stall) {
  const { merchantName: _n, merchantCategory: _c, ...rest } = s;
  return rest;
}
