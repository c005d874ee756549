import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { AllocationResult, Pitch, Season } from "./types.ts";

export function useSeasons(stationId?: number) {
  return useQuery({
    queryKey: ["night-market", "seasons", stationId ?? null],
    queryFn: () => api.get<Season[]>("/api/night-market-seasons", { stationId }),
  });
}

export function usePitches(seasonId: number | undefined) {
  return useQuery({
    queryKey: ["night-market", "pitches", seasonId],
    queryFn: () => api.get<Pitch[]>(`/api/night-market-seasons/${seasonId}/pitches`),
    enabled: seasonId !== undefined,
  });
}

export function useCreateSeason() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Season>("/api/night-market-seasons", body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}

export function useUpdateSeason() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & Record<string, unknown>) => api.patch<Season>(`/api/night-market-seasons/${id}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}

export function useCreatePitch(seasonId: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Pitch>(`/api/night-market-seasons/${seasonId}/pitches`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}

export function useAllocation(seasonId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["night-market", "allocation", seasonId],
    queryFn: () => api.get<AllocationResult>(`/api/night-market-seasons/${seasonId}/allocation`),
    enabled: seasonId !== undefined && enabled,
  });
}

export function useRunAllocation(seasonId: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { seed?: string }) => api.post<AllocationResult>(`/api/night-market-seasons/${seasonId}/allocation`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}

export function useVerifyAllocation() {
  return useMutation({
    mutationFn: (seasonId: number) =>
      api.get<{ seed: string | null; recordedHash: string; rerunHash: string; identical: boolean }>(
        `/api/night-market-seasons/${seasonId}/allocation/verify`,
      ),
  });
}

export function useUpdatePitch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & Record<string, unknown>) => api.patch<Pitch>(`/api/night-market-pitches/${id}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}
