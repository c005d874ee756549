import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Redemption } from "./types.ts";

export function getCardHistory(id: number): Promise<Redemption[] | { items: Redemption[] }> {
  return api.get(`/api/me/cards/${id}/history`);
}

export function useCardHistory(id: number | undefined) {
  return useQuery({
    queryKey: ["caring", "me", "history", id],
    queryFn: async () => {
      const body = await getCardHistory(id ?? 0);
      return Array.isArray(body) ? body : (body?.items ?? []);
    },
    enabled: !!id,
  });
}
