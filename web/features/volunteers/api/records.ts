// 志愿服务记录证明: issued records (search, issue, download), what a record for a period would certify, and the
// volunteer's own records on the phone.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { recordIssueSchema, recordListQuery, recordPreviewSchema, VolunteerRecord } from "../../../../contracts/volunteer-records.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type RecordListQuery = z.input<typeof recordListQuery>;
export type RecordIssueInput = z.output<typeof recordIssueSchema>;
export type RecordPreview = z.infer<typeof recordPreviewSchema>;

export function useServiceRecords(query: RecordListQuery) {
  return useQuery({
    queryKey: ["volunteers", "records", query],
    queryFn: () => api.get<Page<VolunteerRecord>>("/api/volunteer-records", query as Query),
    placeholderData: keepPreviousData,
  });
}

/** What a record for the volunteer and period would certify (only hours that are final). */
export function useRecordPreview(volunteerId: number | undefined, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: ["volunteers", "record-preview", volunteerId ?? null, from ?? null, to ?? null],
    queryFn: () => api.get<RecordPreview>(`/api/volunteers/${volunteerId}/service-hours`, { from, to }),
    enabled: volunteerId !== undefined,
  });
}

export function useIssueRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordIssueInput) => api.post<VolunteerRecord>("/api/volunteer-records", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["volunteers", "records"] }),
  });
}

/** My issued records (the volunteer's phone). */
export function useMyServiceRecords() {
  return useQuery({
    queryKey: ["volunteers", "me", "service-records"],
    queryFn: () => api.get<VolunteerRecord[]>("/api/me/volunteering/records"),
  });
}
