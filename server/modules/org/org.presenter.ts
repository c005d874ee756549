// Org unit rows as the API shows them.
import type { OrgUnit, OrgUnitDetail } from "../../../contracts/org.ts";
import type { OrgUnitRow } from "./org.repository.ts";

export function presentOrgUnit(r: OrgUnitRow): OrgUnit {
  return { id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, code: r.code, address: r.address };
}

export function presentOrgUnitDetail(r: OrgUnitRow): OrgUnitDetail {
  return { ...presentOrgUnit(r), version: r.version, updatedAt: r.updated_at };
}
