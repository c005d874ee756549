import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

/** Marks today's still-unconfirmed deliveries as missed (at one station, or at all the caller's) and tells staff. */
export function flagMissed(stationId?: number): Promise<{ date: string; marked: number; notified: number }> {
  return api.post("/api/caring/meals/flag-missed", stationId === undefined ? {} : { stationId });
}

export function useFlagMissed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (stationId?: number) => flagMissed(stationId),
    onSettled: () => client.invalidateQueries({ queryKey: ["caring", "meals"] }),
  });
}
