import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

/** The signed-in merchant's caring shop, or null when the merchant has none. */
export function getMyShop(): Promise<CaringShop | null> {
  return api.get("/api/me/shop");
}

export function useMyShop(enabled = true) {
  return useQuery({ queryKey: ["caring", "me", "shop"], queryFn: getMyShop, enabled });
}
