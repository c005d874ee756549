import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { ServiceItem } from "./types.ts";

export function getServiceItem(id: number): Promise<ServiceItem> {
  return api.get(`/api/services/items/${id}`);
}

export function useServiceItem(id: number | null) {
  return useQuery({ queryKey: ["counter", "item", id], queryFn: () => getServiceItem(id as number), enabled: id !== null });
}
