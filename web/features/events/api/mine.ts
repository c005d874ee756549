// The phone: coming events with sign-up, a participating merchant's promotions and takings.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventKind, EventTakings } from "../../../../contracts/events.ts";
import { api } from "../../../app/api-client.ts";

export interface ComingEvent {
  id: number;
  kind: EventKind;
  title: string;
  themes: string[];
  place: string;
  startsAt: string;
  endsAt: string;
  description: string | null;
  takesSignups: boolean;
  signupCapacity: number | null;
  signups: number;
  signedUp: boolean;
  open: boolean;
}
export interface MyPromotion {
  id: number;
  title: string;
  holiday: string | null;
  startsAt: string;
  endsAt: string;
  status: string;
  baselineKind: "same_weekdays" | "same_holiday_last_year" | null;
  baselineDates: string[];
  promotionDates: string[];
  takings: EventTakings[];
}

export const useComingEvents = () =>
  useQuery({ queryKey: ["events", "me", "coming"], queryFn: () => api.get<ComingEvent[]>("/api/me/events") });

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ComingEvent>(`/api/me/events/${id}/signup`, {}),
    onSettled: () => client.invalidateQueries({ queryKey: ["events", "me"] }),
  });
}

export function useWithdrawSignup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<ComingEvent | null>(`/api/me/events/${id}/signup`),
    onSettled: () => client.invalidateQueries({ queryKey: ["events", "me"] }),
  });
}

export const useMyPromotions = () =>
  useQuery({ queryKey: ["events", "me", "promotions"], queryFn: () => api.get<MyPromotion[]>("/api/me/promotions") });

export function useReportTakings(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; amountFen: number }) => api.post<MyPromotion>(`/api/me/promotions/${id}/takings`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["events", "me"] }),
  });
}
