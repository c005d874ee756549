import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { DeliveryDay } from "./types.ts";

export function getMealDay(date: string): Promise<DeliveryDay> {
  return api.get("/api/caring/meals/day", { date });
}

export function useMealDay(date: string) {
  return useQuery({ queryKey: ["caring", "meals", "day", date], queryFn: () => getMealDay(date) });
}
