import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../contracts/common.ts";
import type { Resident, residentListQuery } from "../../contracts/residents.ts";
import { api, type Query } from "../app/api-client.ts";

export type ResidentListQuery = z.input<typeof residentListQuery>;

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
