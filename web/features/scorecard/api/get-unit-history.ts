import { useQuery } from "@tanstack/react-query";
import type { UnitScore } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export type UnitScoreMonth = UnitScore & { month: string };

export function getUnitHistory(id: number, query: { from?: string; to?: string }): Promise<UnitScoreMonth[]> {
  return api.get(`/api/scorecard/units/${id}/history`, { ...query });
}

export function useUnitHistory(id: number | null, query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ["scorecard", "history", id, query],
    queryFn: () => getUnitHistory(id ?? 0, query),
    enabled: id !== null,
  });
}
