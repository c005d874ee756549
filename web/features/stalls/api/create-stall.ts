import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Stall, StallCreate } from "../../../../contracts/stalls.ts";
import { api } from "../../../app/api-client.ts";

export function createStall(input: StallCreate): Promise<Stall> {
  return api.post("/api/stalls", input);
}

export function useCreateStall() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createStall, onSuccess: () => client.invalidateQueries({ queryKey: ["stalls"] }) });
}
