import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Page } from "../../contracts/common.ts";
import type { Stall } from "../../contracts/stalls.ts";
import { api } from "../app/api-client.ts";

export interface StallQuery {
  page: number;
  pageSize: number;
  q?: string;
  occupied?: "true" | "false";
  sort?: "code" | "area";
  order?: "asc" | "desc";
  stationId?: number;
}

export function listStalls(query: StallQuery): Promise<Page<Stall>> {
  return api.get("/api/stalls", { ...query });
}

export function useStalls(query: StallQuery) {
  return useQuery({ queryKey: ["stalls", "list", query], queryFn: () => listStalls(query), placeholderData: keepPreviousData });
}
