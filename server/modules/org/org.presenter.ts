// Org unit rows as the API shows them.
import type { OrgUnit } from "../../../contracts/org.ts";
import type { OrgUnitRow } from "./org.repository.ts";

export function presentOrgUnit(r: OrgUnitRow): OrgUnit {
  return { id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, code: r.code, address: r.address };
}
