import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { useCan } from "../../../app/session.tsx";

/** The station's departments and alliance units, for the department pickers (empty for accounts that cannot list them). */
export function useUnitOptions() {
  const can = useCan();
  const allowed = can("unit.read");
  const units = useAllianceUnits({ page: 1, pageSize: 200, status: "active" } as never);
  if (!allowed) return [];
  return (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
}
