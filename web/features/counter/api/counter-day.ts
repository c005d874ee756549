import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CounterDay } from "./types.ts";

export function counterDay(): Promise<CounterDay> {
  return api.get("/api/services/counter");
}

/** The counter's day, refreshed every 20 seconds so a second window's calls show up. */
export function useCounterDay() {
  return useQuery({ queryKey: ["counter", "day"], queryFn: counterDay, refetchInterval: 20_000 });
}
