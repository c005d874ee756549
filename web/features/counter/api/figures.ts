import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CounterFigures } from "./types.ts";

export function counterFigures(from?: string, to?: string): Promise<CounterFigures> {
  return api.get("/api/services/requests/figures", { from, to });
}

export function useCounterFigures(from?: string, to?: string) {
  return useQuery({ queryKey: ["counter", "figures", from, to], queryFn: () => counterFigures(from, to) });
}
