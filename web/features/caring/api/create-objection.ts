import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function createObjection({ nominationId, text }: { nominationId: number; text: string }): Promise<unknown> {
  return api.post(`/api/caring/nominations/${nominationId}/objections`, { text });
}

export function useCreateObjection() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createObjection, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "rounds"] }) });
}
