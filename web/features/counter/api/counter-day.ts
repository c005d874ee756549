import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CounterDay } from "./types.ts";

export function counterDay(stationId?: number): Promise<CounterDay> {
  return api.get("/api/services/counter", { stationId });
}

/**
 * The counter's day, refreshed every 20 seconds so a second window's calls show up. An account reaching several
 * stations asks only once one is picked (`enabled`).
 */
export function useCounterDay(stationId?: number, enabled = true) {
  return useQuery({
    queryKey: ["counter", "day", stationId ?? null],
    queryFn: () => counterDay(stationId),
    refetchInterval: 20_000,
    enabled,
  });
}
