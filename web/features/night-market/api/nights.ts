import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Board, Incident, NightReport, Page } from "./types.ts";

export function useBoard(stationId: number | undefined, night: string | undefined) {
  return useQuery({
    queryKey: ["night-market", "board", stationId ?? null, night ?? null],
    queryFn: () => api.get<Board>("/api/night-market-board", { stationId, night }),
  });
}

export interface NightListQuery {
  page: number;
  pageSize: number;
  status?: "open" | "closed";
  month?: string;
  weekday?: number;
  seasonId?: number;
  stationId?: number;
}

export function useNights(query: NightListQuery) {
  return useQuery({
    queryKey: ["night-market", "nights", query],
    queryFn: () => api.get<Page<NightReport>>("/api/night-market-nights", { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useNight(id: number | null) {
  return useQuery({
    queryKey: ["night-market", "night", id],
    queryFn: () => api.get<NightReport>(`/api/night-market-nights/${id}`),
    enabled: id !== null,
  });
}

const invalidate = (client: ReturnType<typeof useQueryClient>) => client.invalidateQueries({ queryKey: ["night-market"] });

export function useRecordCounts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<NightReport>("/api/night-market-nights/counts", body),
    onSettled: () => invalidate(client),
  });
}

export function useCloseNight() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<NightReport>(`/api/night-market-nights/${id}/close`, {}),
    onSettled: () => invalidate(client),
  });
}

export function useCorrectNight() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & Record<string, unknown>) =>
      api.post<NightReport>(`/api/night-market-nights/${id}/correction`, body),
    onSettled: () => invalidate(client),
  });
}

export interface IncidentListQuery {
  page: number;
  pageSize: number;
  kind?: Incident["kind"];
  from?: string;
  to?: string;
  stationId?: number;
}

export function useIncidents(query: IncidentListQuery) {
  return useQuery({
    queryKey: ["night-market", "incidents", query],
    queryFn: () => api.get<Page<Incident>>("/api/night-market-incidents", { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Incident>("/api/night-market-incidents", body),
    onSettled: () => invalidate(client),
  });
}
