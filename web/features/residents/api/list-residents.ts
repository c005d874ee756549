import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Resident, residentListQuery } from "../../../../contracts/residents.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type ResidentListQuery = z.input<typeof residentListQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function listResidents(query: ResidentListQuery): Promise<Page<Resident>> {
  return api.get("/api/residents", query as Query);
}

export function useResidents(query: ResidentListQuery) {
  return useQuery({
    queryKey: ["residents", "list", query],
    queryFn: () => listResidents(query),
    placeholderData: keepPreviousData,
  });
}
