import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Card } from "./types.ts";

export function revokeCard({ id, reason, version }: { id: number; reason: string; version: number }): Promise<Card> {
  return api.post(`/api/caring/cards/${id}/revoke`, { reason, version });
}

export function useRevokeCard() {
  const client = useQueryClient();
  return useMutation({ mutationFn: revokeCard, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "cards"] }) });
}
