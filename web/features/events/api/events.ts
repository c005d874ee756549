// Events (活动): the list, one event with its counts, photos, takings and uplift, the steps of its life cycle, and the
// figures computed from records.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type {
  countCreateSchema,
  EventDetail,
  EventSummary,
  eventCreateSchema,
  eventListQuery,
  eventUpdateSchema,
  Uplift,
} from "../../../../contracts/events.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type EventListQuery = z.input<typeof eventListQuery>;
export type EventCreateInput = z.input<typeof eventCreateSchema>;
export type EventUpdateInput = z.input<typeof eventUpdateSchema>;
export type CountInput = z.input<typeof countCreateSchema>;

export function useEvents(query: EventListQuery) {
  return useQuery({
    queryKey: ["events", "list", query],
    queryFn: () => api.get<Page<EventSummary>>("/api/events", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: number | null) {
  return useQuery({
    queryKey: ["events", "detail", id],
    queryFn: () => api.get<EventDetail>(`/api/events/${id}`),
    enabled: id !== null,
  });
}

function useEventMutation<I>(run: (input: I) => Promise<EventDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (e) => client.setQueryData(["events", "detail", e.id], e),
    onSettled: () => client.invalidateQueries({ queryKey: ["events"] }),
  });
}

export const useCreateEvent = () => useEventMutation((input: EventCreateInput) => api.post<EventDetail>("/api/events", input));
export const useUpdateEvent = (id: number) =>
  useEventMutation((input: EventUpdateInput) => api.patch<EventDetail>(`/api/events/${id}`, input));
export const useEventStep = (id: number) =>
  useEventMutation((input: { to: "approved" | "held" | "reported" | "cancelled"; summary?: string | null }) =>
    api.post<EventDetail>(`/api/events/${id}/transition`, input),
  );
export const useAddCount = (id: number) =>
  useEventMutation((input: CountInput) => api.post<EventDetail>(`/api/events/${id}/counts`, input));
export const useAddPhoto = (id: number) =>
  useEventMutation((input: { fileId: string; caption?: string | null }) => api.post<EventDetail>(`/api/events/${id}/photos`, input));
export const useEnterTakings = (id: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { merchantId: number; date: string; amountFen: number }) => api.post(`/api/events/${id}/takings`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["events"] }),
  });
};

export interface Citation {
  figure: string;
  stationIds: number[] | null;
  from: string;
  to: string;
  computedAt: string;
  recordCount: number;
  recordSetHash: string;
}

export interface Figures {
  period: { from: string; to: string };
  computedAt: string;
  events: {
    total: number;
    byKind: { kind: EventSummary["kind"]; n: number; link: string }[];
    byTheme: { theme: string; n: number; link: string }[];
    byMonth: { month: string; n: number; link: string }[];
    citation: Citation;
  };
  promotions: {
    items: { id: number; title: string; startsAt: string; status: string; uplift: Uplift; link: string }[];
    visitsUplift: number;
    takingsUpliftFen: number;
    sampleSize: number;
    countRecords: number;
    takingsRecords: number;
    citation: Citation;
    link: string;
  };
  stage: {
    teams: { teamId: number; teamName: string; performances: number; audience: number; link: string }[];
    performances: number;
    audience: number;
    bookings: Record<string, number>;
    citation: Citation;
    link: string;
  };
  environment: {
    rounds: { kind: string; n: number; link: string }[];
    roundsTotal: number;
    findings: number;
    findingsSolved: number;
    citation: Citation;
    link: string;
    openLink: string;
  };
}

export function useEventFigures(stationId?: number) {
  return useQuery({
    queryKey: ["events", "figures", stationId ?? null],
    queryFn: () => api.get<Figures>("/api/event-figures", { stationId }),
  });
}
