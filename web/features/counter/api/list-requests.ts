import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { requestListQuery } from "../../../../contracts/counter.ts";
import { api, downloadFile, type Query } from "../../../app/api-client.ts";
import type { ServiceRequest } from "./types.ts";

export type RequestListQuery = z.input<typeof requestListQuery>;

export function listServiceRequests(query: RequestListQuery): Promise<Page<ServiceRequest>> {
  return api.get("/api/services/requests", query as Query);
}

export function useServiceRequests(query: RequestListQuery) {
  return useQuery({
    queryKey: ["counter", "requests", query],
    queryFn: () => listServiceRequests(query),
    placeholderData: keepPreviousData,
  });
}

export function exportServiceRequests(query: Omit<RequestListQuery, "page" | "pageSize">): Promise<void> {
  return downloadFile("/api/services/requests/export", query as Query, "service-requests.xlsx");
}
