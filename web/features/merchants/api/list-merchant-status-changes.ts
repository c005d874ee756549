import { useQuery } from "@tanstack/react-query";
import type { MerchantStatusChangeRecord } from "../../../../contracts/merchants.ts";
import { api } from "../../../app/api-client.ts";

export function listMerchantStatusChanges(id: number): Promise<MerchantStatusChangeRecord[]> {
  return api.get(`/api/merchants/${id}/status-changes`);
}

export function useMerchantStatusChanges(id: number) {
  return useQuery({
    queryKey: ["merchants", "status-changes", id],
    queryFn: () => listMerchantStatusChanges(id),
    enabled: id > 0,
  });
}
