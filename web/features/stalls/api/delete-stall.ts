import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function deleteStall(id: number): Promise<void> {
  return api.delete(`/api/stalls/${id}`);
}

export function useDeleteStall() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteStall, onSuccess: () => client.invalidateQueries({ queryKey: ["stalls"] }) });
}
