import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { DutyRule, DutySettings, MyShifts, Roster } from "./types.ts";

export function getRoster(query: { month: string; stationId?: number }): Promise<Roster> {
  return api.get("/api/duty/roster", query);
}

export function useRoster(query: { month: string; stationId?: number }) {
  return useQuery({ queryKey: ["duty", "roster", query], queryFn: () => getRoster(query), placeholderData: keepPreviousData });
}

export function useMyShifts(enabled: boolean) {
  return useQuery({ queryKey: ["duty", "my-shifts"], queryFn: () => api.get<MyShifts>("/api/duty/my-shifts"), enabled });
}

export function useDutySettings(stationId: number | undefined) {
  return useQuery({
    queryKey: ["duty", "settings", stationId],
    queryFn: () => api.get<DutySettings>("/api/duty/settings", { stationId }),
    enabled: stationId !== undefined,
  });
}

export function useDutyRules(stationId: number | undefined) {
  return useQuery({
    queryKey: ["duty", "rules", stationId],
    queryFn: () => api.get<DutyRule[]>("/api/duty/rules", { stationId }),
    enabled: stationId !== undefined,
  });
}
