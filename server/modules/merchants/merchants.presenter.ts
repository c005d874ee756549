// Merchant rows as the API, the audit log and the export sheet show them (mobile masked).
import {
  type Merchant,
  type MerchantStatusChangeRecord,
  merchantCategorySheetNames,
  merchantStatusSheetNames,
} from "../../../contracts/merchants.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import { boolCell } from "../../platform/sheets.ts";
import type { MerchantRow, StatusChangeRow } from "./merchants.repository.ts";

/** Parses the "id:code,id:code" stall list the repository aggregates, in stall-code order. */
export function parseStallList(list: string | null): { id: number; code: string }[] {
  if (!list) return [];
  return list
    .split(",")
    .map((pair) => {
      const at = pair.indexOf(":");
      return { id: Number(pair.slice(0, at)), code: pair.slice(at + 1) };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function presentMerchant(row: MerchantRow, vault: Vault): Merchant {
  return {
    id: row.id,
    stationId: row.station_id,
    stationName: row.station_name,
    name: row.name,
    category: row.category,
    operatorName: row.operator_name,
    mobile: vault.masked(row.mobile_enc, maskMobile),
    creditCode: row.credit_code,
    licenceValidFrom: row.licence_valid_from,
    licenceValidTo: row.licence_valid_to,
    status: row.status,
    isPartyMember: row.is_party_member === 1,
    note: row.note,
    stalls: parseStallList(row.stall_list),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** What the audit log keeps of a merchant: the presented (masked) record without the volatile fields. */
export function auditView(m: Merchant) {
  const { updatedAt: _u, createdAt: _c, stationName: _s, ...rest } = m;
  return rest;
}

export function presentStatusChange(r: StatusChangeRow): MerchantStatusChangeRecord {
  return { id: r.id, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason, actorName: r.actor_name ?? null, at: r.at };
}

/** One row of the merchants export sheet. */
export function merchantSheetRow(m: Merchant) {
  return {
    name: m.name,
    category: merchantCategorySheetNames[m.category],
    operatorName: m.operatorName,
    mobile: m.mobile,
    creditCode: m.creditCode,
    licenceValidFrom: m.licenceValidFrom ?? "",
    licenceValidTo: m.licenceValidTo ?? "",
    isPartyMember: boolCell(m.isPartyMember),
    note: m.note ?? "",
    status: merchantStatusSheetNames[m.status],
    stalls: m.stalls.map((s) => s.code).join("、"),
    station: m.stationName,
  };
}
