import type { Merchant, MerchantCategory, MerchantStatus } from "../../../contracts/merchants.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { MerchantRow } from "./merchants.repository.ts";

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
    category: row.category as MerchantCategory,
    operatorName: row.operator_name,
    mobile: vault.masked(row.mobile_enc, maskMobile),
    creditCode: row.credit_code,
    licenceValidFrom: row.licence_valid_from,
    licenceValidTo: row.licence_valid_to,
    status: row.status as MerchantStatus,
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
