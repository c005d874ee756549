import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Redemption } from "./types.ts";

/** The merchant's caring shop's sales on one day. */
export function getShopDay(date: string): Promise<Redemption[] | { items: Redemption[] }> {
  return api.get("/api/me/shop/redemptions", { date });
}

export function useShopDay(date: string) {
  return useQuery({
    queryKey: ["caring", "me", "shop", "day", date],
    queryFn: async () => {
      const body = await getShopDay(date);
      return Array.isArray(body) ? body : (body?.items ?? []);
    },
  });
}
