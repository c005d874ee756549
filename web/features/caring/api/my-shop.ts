import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

/** The signed-in merchant's caring shop. */
export function getMyShop(): Promise<CaringShop> {
  return api.get("/api/me/shop");
}

export function useMyShop() {
  return useQuery({ queryKey: ["caring", "me", "shop"], queryFn: getMyShop });
}
