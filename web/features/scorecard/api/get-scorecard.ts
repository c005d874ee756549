import { useQuery } from "@tanstack/react-query";
import type { UnitScore } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export interface ScorecardQuery {
  from?: string;
  to?: string;
  stationId?: number;
}

export function getScorecard(query: ScorecardQuery): Promise<UnitScore[]> {
  return api.get("/api/scorecard", { ...query });
}

export function useScorecard(query: ScorecardQuery) {
  return useQuery({ queryKey: ["scorecard", query], queryFn: () => getScorecard(query) });
}
