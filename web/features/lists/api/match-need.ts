import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Need } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export function matchNeed({ id, offerId, version }: { id: number; offerId: number; version: number }): Promise<Need> {
  return api.post(`/api/needs/${id}/match`, { offerId, version });
}

export function useMatchNeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: matchNeed, onSettled: () => client.invalidateQueries({ queryKey: ["needs"] }) });
}
