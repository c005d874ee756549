import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type {
  bookingCreateSchema,
  consultationCreateSchema,
  consultationListQuery,
  planUpdateSchema,
  sessionListQuery,
} from "../../../../contracts/duty.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { Booking, Consultation, MyRedShield, Plan, RedShieldFigures, RedShieldSession, SessionDetail } from "./types.ts";

const key = ["red-shield"] as const;

function useRedShieldMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: key }) });
}

export function usePlan(stationId?: number) {
  return useQuery({
    queryKey: [...key, "plan", stationId],
    queryFn: () => api.get<{ stationId: number; plan: Plan | null }>("/api/red-shield/plan", { stationId }),
  });
}

export const useSavePlan = () =>
  useRedShieldMutation((input: z.input<typeof planUpdateSchema>) =>
    api.put<{ stationId: number; plan: Plan }>("/api/red-shield/plan", input),
  );

export const useGenerateSessions = () =>
  useRedShieldMutation((input: { days?: number; stationId?: number }) =>
    api.post<{ created: number; until: string }>("/api/red-shield/sessions/generate", input),
  );

export function useSessions(query: z.input<typeof sessionListQuery>) {
  return useQuery({
    queryKey: [...key, "sessions", query],
    queryFn: () => api.get<Page<RedShieldSession>>("/api/red-shield/sessions", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: number) {
  return useQuery({ queryKey: [...key, "session", id], queryFn: () => api.get<SessionDetail>(`/api/red-shield/sessions/${id}`) });
}

export const useHoldSession = () =>
  useRedShieldMutation(({ id, version }: { id: number; version: number }) =>
    api.post<SessionDetail>(`/api/red-shield/sessions/${id}/hold`, { version }),
  );

export const useCancelSession = () =>
  useRedShieldMutation(({ id, version, reason }: { id: number; version: number; reason: string }) =>
    api.post<SessionDetail>(`/api/red-shield/sessions/${id}/cancel`, { version, reason }),
  );

export const useMarkBooking = () =>
  useRedShieldMutation(({ id, status }: { id: number; status: "attended" | "missed" }) =>
    api.patch<Booking>(`/api/red-shield/bookings/${id}`, { status }),
  );

export const useRecordConsultation = () =>
  useRedShieldMutation((input: z.input<typeof consultationCreateSchema>) => api.post<Consultation>("/api/red-shield/consultations", input));

export function useConsultations(query: z.input<typeof consultationListQuery>) {
  return useQuery({
    queryKey: [...key, "consultations", query],
    queryFn: () => api.get<Page<Consultation>>("/api/red-shield/consultations", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useRedShieldMerchants(q: string) {
  return useQuery({
    queryKey: [...key, "merchants", q],
    queryFn: () => api.get<{ id: number; name: string }[]>("/api/red-shield/merchants", { q }),
    placeholderData: keepPreviousData,
  });
}

export function useRedShieldFigures(query: { from?: string; to?: string; stationId?: number }) {
  return useQuery({ queryKey: [...key, "figures", query], queryFn: () => api.get<RedShieldFigures>("/api/red-shield/figures", query) });
}

/** The merchant's phone: the post as the signed-in merchant sees it; the hooks below book and cancel its slots. */
export function useMyRedShield(enabled = true) {
  return useQuery({ queryKey: [...key, "mine"], queryFn: () => api.get<MyRedShield>("/api/me/red-shield"), enabled });
}

export const useBookSlot = () =>
  useRedShieldMutation((input: z.input<typeof bookingCreateSchema>) => api.post<Booking>("/api/red-shield/bookings", input));

export const useCancelBooking = () => useRedShieldMutation((id: number) => api.delete<{ ok: true }>(`/api/red-shield/bookings/${id}`));
