// The dictionary over HTTP for the console: its definitions (cached for the session), values for a scope and period,
// and a figure's records page.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { FigureDefinitionInfo, FigureValue, figureRecordsPageSchema } from "../../../../contracts/figures.ts";
import { api } from "../../../app/api-client.ts";

export type FigureRecordsPage = z.infer<typeof figureRecordsPageSchema>;

export function useFigureDefinitions() {
  return useQuery({
    queryKey: ["figures", "definitions"],
    queryFn: () => api.get<FigureDefinitionInfo[]>("/api/figures"),
    staleTime: 10 * 60_000,
  });
}

export function useFigureValues(q: { scope?: string; period?: string; ids?: string[] }, enabled = true) {
  return useQuery({
    queryKey: ["figures", "values", q.scope ?? "", q.period ?? "", q.ids?.join(",") ?? ""],
    queryFn: () => api.get<FigureValue[]>("/api/figures/values", { scope: q.scope, period: q.period, ids: q.ids?.join(",") }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useFigureRecords(id: string | null, q: { scope?: string; period?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["figures", "records", id, q.scope ?? "", q.period ?? "", q.page, q.pageSize],
    queryFn: () => api.get<FigureRecordsPage>(`/api/figures/${id}/records`, q),
    enabled: id !== null,
  });
}
