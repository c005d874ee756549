import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { seriesCreateSchema } from "../../../../contracts/volunteers.ts";
import { api } from "../../../app/api-client.ts";
import type { Series } from "./types.ts";

export type SeriesInput = z.output<typeof seriesCreateSchema>;

export function useSeriesList(stationId?: number) {
  return useQuery({
    queryKey: ["volunteers", "series", stationId ?? null],
    queryFn: () => api.get<Series[]>("/api/volunteer-series", { stationId }),
  });
}

/** Creates a series and its occurrences of the coming 60 days. */
export function useCreateSeries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SeriesInput) => api.post<{ series: Series; created: number }>("/api/volunteer-series", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["volunteers"] }),
  });
}

/** 生成场次: the coming occurrences of every series (never two for a series and date). */
export function useGenerateOccurrences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { stationId?: number; days?: number }) => api.post<{ created: number }>("/api/volunteer-series/generate", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["volunteers"] }),
  });
}
