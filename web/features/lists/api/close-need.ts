import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Need } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export function closeNeed({ id, version }: { id: number; version: number }): Promise<Need> {
  return api.post(`/api/needs/${id}/close`, { version });
}

export function useCloseNeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: closeNeed, onSettled: () => client.invalidateQueries({ queryKey: ["needs"] }) });
}
