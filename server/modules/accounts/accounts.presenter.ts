// Account rows as the API shows them: the caller's own profile and the managed accounts (mobile masked).
import { accessMap } from "../../../contracts/access.ts";
import type { Me } from "../../../contracts/auth.ts";
import type { User } from "../../../contracts/users.ts";
import { isMainlandMobile, maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { UserRow } from "./accounts.repository.ts";

export function presentUser(row: UserRow, vault: Vault): User {
  return {
    id: row.id,
    // An account may sign in with its mobile number as username: shown whole, it would undo the mobile's mask.
    username: isMainlandMobile(row.username) ? maskMobile(row.username) : row.username,
    displayName: row.display_name,
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    allianceUnitId: row.alliance_unit_id,
    allianceUnitName: row.alliance_unit_name ?? null,
    merchantId: row.merchant_id,
    residentId: row.resident_id,
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    merchantName: row.merchant_name ?? null,
    residentName: row.resident_name ?? null,
    status: row.status,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

export function presentMe(row: UserRow, stations: Me["stations"], vault: Vault): Me {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    orgUnitKind: row.org_unit_kind,
    allianceUnitId: row.alliance_unit_id,
    allianceUnitName: row.alliance_unit_name ?? null,
    merchantId: row.merchant_id,
    residentId: row.resident_id,
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    locale: row.locale === "en" ? "en" : "zh-CN",
    actions: [...accessMap[row.role].actions],
    stations,
  };
}
