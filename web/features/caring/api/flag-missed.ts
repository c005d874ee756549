import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

/** Marks today's still-unconfirmed deliveries as missed and tells staff. */
export function flagMissed(): Promise<{ date: string; marked: number; notified: number }> {
  return api.post("/api/caring/meals/flag-missed", {});
}

export function useFlagMissed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: flagMissed, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "meals"] }) });
}
