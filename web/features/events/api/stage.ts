// The people's stage (百姓大舞台): venues with their blocked periods, bookings (the calendar reads a month), decisions,
// cultural teams, performances; and a team leader's stage on the phone.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { BookingPurpose, BookingStatus, bookingCreateSchema } from "../../../../contracts/events.ts";
import { api, type Query } from "../../../app/api-client.ts";

export interface Venue {
  id: number;
  stationId: number;
  name: string;
  place: string;
  openFrom: string;
  openTo: string;
  openWeekdays: number[];
  fundingNote: string | null;
  budgetFen: number | null;
  blocks: { id: number; startsAt: string; endsAt: string; reason: string }[];
}
export interface Booking {
  id: number;
  stationId: number;
  venueId: number;
  venueName: string;
  teamId: number | null;
  teamName: string | null;
  unitId: number | null;
  unitName: string | null;
  purpose: BookingPurpose;
  title: string;
  startsAt: string;
  endsAt: string;
  date: string;
  seriesKey: string | null;
  status: BookingStatus;
  decisionNote: string | null;
}
export interface CulturalTeam {
  id: number;
  stationId: number;
  name: string;
  description: string | null;
  unitName: string | null;
  leaderName: string | null;
  members: { id: number; memberKind: "resident" | "merchant"; name: string; role: "leader" | "member" }[];
}
export interface Performance {
  id: number;
  venueName: string;
  teamId: number;
  teamName: string;
  title: string;
  theme: string;
  performedAt: string;
  audience: number;
  audienceMethod: "head_count" | "tickets" | "estimate";
  recordedBy: string;
}
export type BookingInput = z.input<typeof bookingCreateSchema>;

export const useVenues = () => useQuery({ queryKey: ["stage", "venues"], queryFn: () => api.get<Venue[]>("/api/stage-venues") });
export const useCulturalTeams = () =>
  useQuery({ queryKey: ["stage", "teams"], queryFn: () => api.get<CulturalTeam[]>("/api/cultural-teams") });

export function useBookings(query: { from?: string; to?: string; status?: string; venueId?: number; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ["stage", "bookings", query],
    queryFn: () => api.get<Page<Booking>>("/api/stage-bookings", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function usePerformances(query: {
  page: number;
  pageSize: number;
  teamId?: number;
  theme?: string;
  from?: string;
  to?: string;
  q?: string;
}) {
  return useQuery({
    queryKey: ["stage", "performances", query],
    queryFn: () => api.get<Page<Performance>>("/api/stage-performances", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useRequestBooking(path = "/api/stage-bookings") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BookingInput) => api.post<{ created: number; items: Booking[] }>(path, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}

export function useDecideBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; decision: "approve" | "refuse" | "cancel"; note?: string | null }) =>
      api.post<Booking>(`/api/stage-bookings/${id}/decision`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}

/** A team's leader cancels one of the team's bookings; its slots are freed. */
export function useCancelMyBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note?: string | null }) => api.post<Booking>(`/api/me/stage-bookings/${id}/cancel`, { note }),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}

export function useMyStage() {
  return useQuery({
    queryKey: ["stage", "mine"],
    queryFn: () => api.get<{ teams: { id: number; name: string }[]; venues: Venue[]; bookings: Booking[] }>("/api/me/stage"),
  });
}

export function useLogPerformance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      venueId: number;
      teamId: number;
      title: string;
      theme: string;
      performedAt: string;
      audience: number;
      audienceMethod: string;
    }) => api.post<Performance>("/api/stage-performances", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description?: string | null }) => api.post<CulturalTeam>("/api/cultural-teams", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}

export function useAddMember(teamId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      memberKind: "resident" | "merchant";
      residentId?: number | null;
      merchantId?: number | null;
      role: "leader" | "member";
    }) => api.post<CulturalTeam>(`/api/cultural-teams/${teamId}/members`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}

export function useAddBlock(venueId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { startsAt: string; endsAt: string; reason: string }) =>
      api.post<Venue>(`/api/stage-venues/${venueId}/blocks`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["stage"] }),
  });
}
