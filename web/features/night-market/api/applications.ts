import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Application, Page } from "./types.ts";

export interface ApplicationListQuery {
  page: number;
  pageSize: number;
  q?: string;
  seasonId?: number;
  status?: Application["status"];
  kind?: Application["kind"];
  stationId?: number;
}

export function useApplications(query: ApplicationListQuery) {
  return useQuery({
    queryKey: ["night-market", "applications", query],
    queryFn: () => api.get<Page<Application>>("/api/night-market-applications", { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      api.post<Application>(`/api/night-market-applications/${id}/review`, { approve }),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market"] }),
  });
}
