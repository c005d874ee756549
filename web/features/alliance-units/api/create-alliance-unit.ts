import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AllianceUnit, AllianceUnitCreate } from "../../../../contracts/alliance-units.ts";
import { api } from "../../../app/api-client.ts";

export function createAllianceUnit(input: AllianceUnitCreate): Promise<AllianceUnit> {
  return api.post("/api/alliance-units", input);
}

export function useCreateAllianceUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createAllianceUnit,
    onSuccess: () => client.invalidateQueries({ queryKey: ["alliance-units"] }),
  });
}
