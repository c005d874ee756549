import type { AllianceUnit, AllianceUnitKind } from "../../../contracts/alliance-units.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { AllianceUnitRow } from "./alliance-units.repository.ts";

/** Chinese names used in spreadsheets. */
export const allianceUnitKindSheetNames: Record<AllianceUnitKind, string> = {
  joint_conference: "联席会议",
  council: "商圈理事会",
  owners_committee: "业主委员会",
  property_company: "物业公司",
  grid_centre: "网格中心",
  party_committee_member: "大党委成员单位",
  department: "职能部门",
};

export const allianceUnitStatusSheetNames: Record<AllianceUnit["status"], string> = { active: "正常", inactive: "已停用" };

export function presentAllianceUnit(row: AllianceUnitRow, vault: Vault): AllianceUnit {
  return {
    id: row.id,
    stationId: row.station_id,
    stationName: row.station_name,
    name: row.name,
    kind: row.kind,
    contactName: row.contact_name,
    contactMobile: row.contact_mobile_enc ? vault.masked(row.contact_mobile_enc, maskMobile) : null,
    address: row.address,
    offers: row.offers,
    status: row.status,
    userCount: Number(row.user_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** What the audit log keeps of a unit: the presented (masked) record without the volatile fields. */
export function auditView(u: AllianceUnit) {
  const { updatedAt: _u, createdAt: _c, stationName: _s, userCount: _n, ...rest } = u;
  return rest;
}

/** One row of the alliance-units export sheet. */
export function allianceUnitSheetRow(u: AllianceUnit) {
  return {
    name: u.name,
    kind: allianceUnitKindSheetNames[u.kind],
    contactName: u.contactName ?? "",
    contactMobile: u.contactMobile ?? "",
    address: u.address ?? "",
    offers: u.offers ?? "",
    status: allianceUnitStatusSheetNames[u.status],
    userCount: u.userCount,
    station: u.stationName,
  };
}
