import type { Merchant, MerchantCategory, MerchantStatus } from "../../../contracts/merchants.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { MerchantRow } from "./merchants.repository.ts";

export function presentMerchant(row: MerchantRow, stalls: { id: number; code: string }[], vault: Vault): Merchant {
  return {
    id: row.id,
    stationId: row.station_id,
    stationName: row.station_name,
    name: row.name,
    category: row.category as MerchantCategory,
    operatorName: row.operator_name,
    mobile: maskMobile(vault.decrypt(row.mobile_enc)),
    creditCode: row.credit_code,
    licenceValidFrom: row.licence_valid_from,
    licenceValidTo: row.licence_valid_to,
    status: row.status as MerchantStatus,
    isPartyMember: row.is_party_member === 1,
    note: row.note,
    stalls,
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
