import { useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../contracts/common.ts";
import { api } from "../../../app/api-client.ts";
import type { ServiceRequest } from "./types.ts";

export function myServiceRequests(): Promise<Page<ServiceRequest>> {
  return api.get("/api/me/service-requests", { pageSize: 100 });
}

export function useMyServiceRequests() {
  return useQuery({ queryKey: ["counter", "mine"], queryFn: myServiceRequests });
}
