import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Figures, Job, Page } from "./types.ts";

export interface JobListQuery {
  page: number;
  pageSize: number;
  q?: string;
  current?: "true" | "false";
  employerKind?: Job["employerKind"];
  stationId?: number;
}

export function useJobs(query: JobListQuery) {
  return useQuery({
    queryKey: ["night-market", "jobs", query],
    queryFn: () => api.get<Page<Job>>("/api/night-market-jobs", { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Job>("/api/night-market-jobs", body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}

export function useUnmaskJob() {
  return useMutation({ mutationFn: (id: number) => api.post<Job>(`/api/night-market-jobs/${id}/unmask`, {}) });
}

export function useFigures(stationId?: number, seasonId?: number) {
  return useQuery({
    queryKey: ["night-market", "figures", stationId ?? null, seasonId ?? null],
    queryFn: () => api.get<Figures>("/api/night-market-figures", { stationId, seasonId }),
  });
}
