import { describe, expect, it } from "vitest";
import { auditView, presentStall } from "./stalls.presenter.ts";
import type { StallRow } from "./stalls.repository.ts";

const row: StallRow = {
  id: 1,
  station_id: 3,
  code: "A-01",
  area: 12.5,
  x: 0,
  y: 10,
  w: 4,
  h: 3,
  merchant_id: null,
  merchant_name: null,
  merchant_category: null,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  version: 1,
};

describe("presenting a stall", () => {
  it("shows a vacant stall without a merchant", () => {
    expect(presentStall(row)).toMatchObject({ code: "A-01", area: 12.5, merchantId: null, merchantName: null, merchantCategory: null });
  });

  it("shows the merchant of a let stall, and keeps only the stall's own fields in the audit", () => {
    const s = presentStall({ ...row, merchant_id: 9, merchant_name: "天源鲜果屋", merchant_category: "fruit_vegetable" });
    expect(s).toMatchObject({ merchantId: 9, merchantName: "天源鲜果屋", merchantCategory: "fruit_vegetable" });
    expect(auditView(s)).toEqual({ id: 1, stationId: 3, code: "A-01", area: 12.5, x: 0, y: 10, w: 4, h: 3, merchantId: 9, version: 1 });
  });

  it("turns a numeric area from the database into a number", () => {
    expect(presentStall({ ...row, area: "8.75" as unknown as number }).area).toBe(8.75);
  });
});
