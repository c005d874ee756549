import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

export function getShop(id: number): Promise<CaringShop> {
  return api.get(`/api/caring/shops/${id}`);
}

export function useShop(id: number) {
  return useQuery({ queryKey: ["caring", "shops", "one", id], queryFn: () => getShop(id), enabled: id > 0 });
}
