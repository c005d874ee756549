import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AllianceUnit, AllianceUnitUpdate } from "../../../../contracts/alliance-units.ts";
import { api } from "../../../app/api-client.ts";

export function updateAllianceUnit({ id, input }: { id: number; input: AllianceUnitUpdate }): Promise<AllianceUnit> {
  return api.patch(`/api/alliance-units/${id}`, input);
}

export function useUpdateAllianceUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateAllianceUnit,
    onSuccess: () => client.invalidateQueries({ queryKey: ["alliance-units"] }),
  });
}
