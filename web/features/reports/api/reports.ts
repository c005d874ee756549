// The reports' queries and changes: the list, a report's draft and versions, edits, generating, the comparison.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type {
  ReportDetail,
  ReportDiff,
  ReportSummary,
  ReportVersion,
  ReportVersionSummary,
  reportCreateSchema,
} from "../../../../contracts/reports.ts";
import { api, downloadFile, type Query } from "../../../app/api-client.ts";

export const useReports = (query: Query) =>
  useQuery({ queryKey: ["reports", "list", query], queryFn: () => api.get<Page<ReportSummary>>("/api/reports", query) });

export const useReport = (id: number) =>
  useQuery({ queryKey: ["reports", "one", id], queryFn: () => api.get<ReportDetail>(`/api/reports/${id}`) });

export const useReportVersion = (id: number, number: number | null) =>
  useQuery({
    queryKey: ["reports", "version", id, number],
    queryFn: () => api.get<ReportVersion>(`/api/reports/${id}/versions/${number}`),
    enabled: number !== null,
  });

export const useReportDiff = (id: number, from: number | null, to: number | null) =>
  useQuery({
    queryKey: ["reports", "diff", id, from, to],
    queryFn: () => api.get<ReportDiff>(`/api/reports/${id}/diff`, { from: from ?? 1, to: to ?? 1 }),
    enabled: from !== null && to !== null && from !== to,
  });

export function useCreateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof reportCreateSchema>) => api.post<ReportDetail>("/api/reports", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["reports", "list"] }),
  });
}

export function useEditReport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { paragraphs: { id: string; text: string }[]; version: number }) =>
      api.patch<ReportDetail>(`/api/reports/${id}`, input),
    onSuccess: (data) => client.setQueryData(["reports", "one", id], data),
    onSettled: () => client.invalidateQueries({ queryKey: ["reports"] }),
  });
}

export function useGenerateReport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<ReportVersionSummary>(`/api/reports/${id}/generate`, { version }),
    onSettled: () => client.invalidateQueries({ queryKey: ["reports"] }),
  });
}

export const downloadVersion = (id: number, number: number) =>
  downloadFile(`/api/reports/${id}/versions/${number}/docx`, undefined, `report-${id}-v${number}.docx`);
