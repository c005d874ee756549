import { describe, expect, it } from "vitest";
import { allianceUnitKinds } from "../../../contracts/alliance-units.ts";
import { createVault } from "../../platform/crypto.ts";
import { allianceUnitKindSheetNames, auditView, presentAllianceUnit } from "./alliance-units.presenter.ts";
import type { AllianceUnitRow } from "./alliance-units.repository.ts";
import { unitScopeOf } from "./alliance-units.service.ts";

const vault = createVault("unit-test-secret-unit-test-secret-0123");

const row: AllianceUnitRow = {
  id: 4,
  station_id: 3,
  station_name: "天源市场党群服务站",
  name: "克拉玛依天源物业服务有限公司",
  kind: "property_company",
  contact_name: "陈国强",
  contact_mobile_enc: vault.encrypt("13800001234"),
  address: null,
  offers: "维修、保洁",
  status: "active",
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  version: 1,
  user_count: 2,
};

describe("presenting an alliance unit", () => {
  it("masks the contact mobile and counts the unit's accounts", () => {
    const u = presentAllianceUnit(row, vault);
    expect(u).toMatchObject({ contactMobile: "138****1234", userCount: 2, kind: "property_company", status: "active" });
    expect(auditView(u)).not.toHaveProperty("userCount");
    expect(JSON.stringify(auditView(u))).not.toContain("13800001234");
  });

  it("shows a unit without a contact mobile", () => {
    expect(presentAllianceUnit({ ...row, contact_mobile_enc: null, user_count: null }, vault)).toMatchObject({
      contactMobile: null,
      userCount: 0,
    });
  });

  it("has a sheet name for every kind", () => {
    for (const k of allianceUnitKinds) expect(allianceUnitKindSheetNames[k]).toBeTruthy();
  });
});

describe("unit scope", () => {
  it("confines department officers and alliance contacts to their own unit", () => {
    expect(unitScopeOf({ role: "alliance_contact", allianceUnitId: 4 })).toBe(4);
    expect(unitScopeOf({ role: "department_officer", allianceUnitId: 9 })).toBe(9);
  });

  it("shows nothing to a unit account without a unit", () => {
    expect(unitScopeOf({ role: "alliance_contact", allianceUnitId: null })).toBe(0);
  });

  it("leaves station and district accounts unconfined", () => {
    expect(unitScopeOf({ role: "station_staff", allianceUnitId: null })).toBeNull();
    expect(unitScopeOf({ role: "district_officer", allianceUnitId: null })).toBeNull();
    expect(unitScopeOf({ role: "platform_admin", allianceUnitId: 4 })).toBeNull();
  });
});
