import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { ServiceRequestDetail } from "./types.ts";

export function getServiceRequest(id: number): Promise<ServiceRequestDetail> {
  return api.get(`/api/services/requests/${id}`);
}

export function useServiceRequest(id: number | null) {
  return useQuery({ queryKey: ["counter", "request", id], queryFn: () => getServiceRequest(id as number), enabled: id !== null });
}
