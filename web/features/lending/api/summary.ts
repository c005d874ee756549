import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { LendingSummary } from "./types.ts";

/** Items per kind and status at the caller's stations, or at one of them. */
export function getSummary(stationId?: number): Promise<LendingSummary> {
  return api.get("/api/lending/summary", stationId === undefined ? undefined : { stationId });
}

export function useLendingSummary(stationId?: number) {
  return useQuery({ queryKey: ["lending", "summary", stationId ?? null], queryFn: () => getSummary(stationId) });
}
