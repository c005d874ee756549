// Environment campaigns (环境整治): rounds with their checklists and findings, and a finding reported as a problem.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../contracts/common.ts";
import type { CampaignKind } from "../../../../contracts/events.ts";
import { api, type Query } from "../../../app/api-client.ts";

export interface Round {
  id: number;
  stationId: number;
  eventId: number | null;
  eventTitle: string | null;
  kind: CampaignKind;
  area: string;
  date: string;
  checklist: { item: string; ok: boolean; note: string | null }[];
  inspector: string;
  note: string | null;
  photos: { id: string; url: string }[];
  findings: {
    id: number;
    description: string;
    place: string;
    problemId: number | null;
    problemCode: string | null;
    problemStatus: string | null;
    solved: boolean;
    solvedAt: string | null;
  }[];
  findingsSolved: number;
  solved: boolean;
  solvedAt: string | null;
}
export interface RoundQuery {
  page: number;
  pageSize: number;
  q?: string;
  kind?: string;
  solved?: string;
  from?: string;
  to?: string;
  stationId?: number;
  eventId?: number;
}

export function useRounds(query: RoundQuery) {
  return useQuery({
    queryKey: ["environment", "rounds", query],
    queryFn: () => api.get<Page<Round>>("/api/environment-rounds", query as unknown as Query),
    placeholderData: keepPreviousData,
  });
}

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      kind: CampaignKind;
      area: string;
      date: string;
      checklist: { item: string; ok: boolean }[];
      note?: string | null;
      photoIds?: string[];
      eventId?: number | null;
    }) => api.post<Round>("/api/environment-rounds", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["environment"] }),
  });
}

export function useAddFinding(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { description: string; place: string; categoryCode: string }) =>
      api.post<Round>(`/api/environment-rounds/${roundId}/findings`, input),
    onSettled: () => client.invalidateQueries({ queryKey: ["environment"] }),
  });
}
