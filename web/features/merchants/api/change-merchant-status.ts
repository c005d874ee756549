import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Merchant, MerchantStatus } from "../../../../contracts/merchants.ts";
import { api } from "../../../app/api-client.ts";

export interface StatusChange {
  status: MerchantStatus;
  reason: string | null;
  version: number;
}

export function changeMerchantStatus({ id, input }: { id: number; input: StatusChange }): Promise<Merchant> {
  return api.post(`/api/merchants/${id}/status`, input);
}

export function useChangeMerchantStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changeMerchantStatus,
    onSuccess: () => client.invalidateQueries({ queryKey: ["merchants"] }),
  });
}
