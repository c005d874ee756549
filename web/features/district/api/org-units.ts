import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Onboarding, OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from "../../../../contracts/org.ts";
import { api } from "../../../app/api-client.ts";

/** The tree in reach (every account with org.read): the streets a comparison can be narrowed to. */
export function useOrgTree() {
  return useQuery({ queryKey: ["district", "tree"], queryFn: (): Promise<OrgUnit[]> => api.get("/api/org-units"), staleTime: 60_000 });
}

/** The units the account manages, with versions (org.manage). */
export function useManagedUnits() {
  return useQuery({ queryKey: ["district", "managed"], queryFn: (): Promise<OrgUnitDetail[]> => api.get("/api/org/units") });
}

export function useOnboarding(enabled: boolean, stationId?: number) {
  return useQuery({
    queryKey: ["district", "onboarding", stationId ?? "all"],
    queryFn: (): Promise<Onboarding[]> => api.get("/api/org/onboarding", stationId ? { stationId } : {}),
    enabled,
  });
}

export function useCreateOrgUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgUnitCreate): Promise<OrgUnitDetail> => api.post("/api/org/units", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["district"] }),
  });
}

export function useUpdateOrgUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: OrgUnitUpdate }): Promise<OrgUnitDetail> => api.patch(`/api/org/units/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["district"] }),
  });
}
