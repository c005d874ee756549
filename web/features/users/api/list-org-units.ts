import { useQuery } from "@tanstack/react-query";
import type { OrgUnit } from "../../../../contracts/org.ts";
import { api } from "../../../app/api-client.ts";

export function listOrgUnits(): Promise<OrgUnit[]> {
  return api.get("/api/org-units");
}

export function useOrgUnits() {
  return useQuery({ queryKey: ["users", "org-units"], queryFn: listOrgUnits, staleTime: 5 * 60_000 });
}
