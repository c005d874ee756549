import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { correctionSchema } from "../../../../contracts/volunteers.ts";
import { api } from "../../../app/api-client.ts";
import type { CheckInCode, Occurrence, OccurrenceDetail } from "./types.ts";

/** A month's occurrences (YYYY-MM) with places per team and certification. */
export function useOccurrences(month: string, stationId?: number) {
  return useQuery({
    queryKey: ["volunteers", "occurrences", month, stationId ?? null],
    queryFn: () => api.get<Occurrence[]>("/api/volunteer-occurrences", { month, stationId }),
    placeholderData: keepPreviousData,
  });
}

/** One occurrence with its roster and objections; polled while its check-in screen is open. */
export function useOccurrence(id: number, refetchInterval?: number) {
  return useQuery({
    queryKey: ["volunteers", "occurrence", id],
    queryFn: () => api.get<OccurrenceDetail>(`/api/volunteer-occurrences/${id}`),
    refetchInterval,
  });
}

/** The rotating check-in code: fetched again every minute while shown (it stays valid for its minute and the next). */
export function useCheckInCode(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ["volunteers", "checkin-code", id],
    queryFn: () => api.get<CheckInCode>(`/api/volunteer-occurrences/${id}/checkin-code`),
    enabled,
    refetchInterval: 60_000,
    staleTime: 0,
    gcTime: 0,
  });
}

function useOccurrenceMutation<I>(run: (input: I) => Promise<OccurrenceDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => client.setQueryData(["volunteers", "occurrence", detail.id], detail),
    onSettled: () => client.invalidateQueries({ queryKey: ["volunteers"] }),
  });
}

/** Withdraw (nobody signed up) or cancel (people did: they are told) an occurrence, with a reason. */
export function useCloseOccurrence() {
  return useOccurrenceMutation(({ id, kind, reason }: { id: number; kind: "withdraw" | "cancel"; reason: string }) =>
    api.post<OccurrenceDetail>(`/api/volunteer-occurrences/${id}/${kind}`, { reason }),
  );
}

/** Certify the occurrence's service records once, after it ended: 7 days of public notice follow. */
export function useCertify() {
  return useOccurrenceMutation((id: number) => api.post<OccurrenceDetail>(`/api/volunteer-occurrences/${id}/certify`, {}));
}

export type CorrectionInput = z.output<typeof correctionSchema>;

/** Correct one volunteer's certified minutes during the public notice, with a reason (may answer an objection). */
export function useCorrect() {
  return useOccurrenceMutation(({ id, input }: { id: number; input: CorrectionInput }) =>
    api.post<OccurrenceDetail>(`/api/volunteer-occurrences/${id}/corrections`, input),
  );
}
