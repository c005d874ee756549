import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Card } from "./types.ts";

export function getMyCards(): Promise<Card[] | { items: Card[] }> {
  return api.get("/api/me/cards");
}

/** The holder's own cards; the server may answer a bare list or a page. */
export function useMyCards() {
  return useQuery({
    queryKey: ["caring", "me", "cards"],
    queryFn: async () => {
      const body = await getMyCards();
      return Array.isArray(body) ? body : (body?.items ?? []);
    },
  });
}
