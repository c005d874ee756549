import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { DeliveryDay } from "./types.ts";

/** A day's planned meals at the caller's stations, or at one of them. */
export function getMealDay(date: string, stationId?: number): Promise<DeliveryDay> {
  return api.get("/api/caring/meals/day", stationId === undefined ? { date } : { date, stationId });
}

export function useMealDay(date: string, stationId?: number) {
  return useQuery({ queryKey: ["caring", "meals", "day", date, stationId ?? null], queryFn: () => getMealDay(date, stationId) });
}
