import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Stall, StallUpdate } from "../../../../contracts/stalls.ts";
import { api } from "../../../app/api-client.ts";

export function updateStall({ id, input }: { id: number; input: StallUpdate }): Promise<Stall> {
  return api.patch(`/api/stalls/${id}`, input);
}

export function useUpdateStall() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateStall, onSuccess: () => client.invalidateQueries({ queryKey: ["stalls"] }) });
}
