import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Page, ServiceRequest } from "./types.ts";

export function myServiceRequests(): Promise<Page<ServiceRequest>> {
  return api.get("/api/me/service-requests", { pageSize: 100 });
}

export function useMyServiceRequests() {
  return useQuery({ queryKey: ["counter", "mine"], queryFn: myServiceRequests });
}
