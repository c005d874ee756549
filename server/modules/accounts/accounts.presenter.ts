import type { Role } from "../../../contracts/access.ts";
import type { User } from "../../../contracts/users.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { UserRow } from "./accounts.repository.ts";

export function presentUser(row: UserRow, vault: Vault): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    allianceUnitId: row.alliance_unit_id,
    allianceUnitName: row.alliance_unit_name ?? null,
    merchantId: row.merchant_id,
    residentId: row.resident_id,
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    status: row.status as User["status"],
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: row.version,
  };
}
