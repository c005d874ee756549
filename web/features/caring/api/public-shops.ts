import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

export type PublicShop = Pick<CaringShop, "id" | "merchantName" | "category" | "discountRatePermille">;

/** Public: the station's certified caring shops. */
export function getPublicShops(stationId: number | undefined): Promise<PublicShop[] | { items: PublicShop[] }> {
  return api.get("/api/public/caring-shops", { stationId }, { quiet401: true });
}

export function usePublicShops(stationId: number | undefined) {
  return useQuery({
    queryKey: ["caring", "public-shops", stationId],
    queryFn: async () => {
      const body = await getPublicShops(stationId);
      return Array.isArray(body) ? body : (body?.items ?? []);
    },
  });
}
