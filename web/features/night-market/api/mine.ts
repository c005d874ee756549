import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Application, MyNightMarket, PitchNight, Tonight } from "./types.ts";

export function useMyNightMarket() {
  return useQuery({ queryKey: ["night-market", "mine"], queryFn: () => api.get<MyNightMarket>("/api/night-market/mine") });
}

export function useTonight() {
  return useQuery({ queryKey: ["night-market", "tonight"], queryFn: () => api.get<Tonight>("/api/night-market/tonight") });
}

const refresh = (client: ReturnType<typeof useQueryClient>) => client.invalidateQueries({ queryKey: ["night-market"] });

export function useApply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Application>("/api/night-market/applications", body),
    onSettled: () => refresh(client),
  });
}

export function useCheckIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pitchNightId: number) => api.post<PitchNight>("/api/night-market/check-in", { pitchNightId }),
    onSettled: () => refresh(client),
  });
}

export function useClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (offerId: number) => api.post<PitchNight>("/api/night-market/claims", { offerId }),
    onSettled: () => refresh(client),
  });
}

export function useReportTakings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { night: string; amountFen: number }) =>
      api.post<{ night: string; amountFen: number; unusual: boolean }>("/api/night-market/takings", body),
    onSettled: () => refresh(client),
  });
}
