import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Merchant, MerchantUpdate } from "../../../../contracts/merchants.ts";
import { api } from "../../../app/api-client.ts";

export function updateMerchant({ id, input }: { id: number; input: MerchantUpdate }): Promise<Merchant> {
  return api.patch(`/api/merchants/${id}`, input);
}

export function useUpdateMerchant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMerchant,
    onSuccess: (merchant) => {
      client.setQueryData(["merchants", "detail", merchant.id], merchant);
      return client.invalidateQueries({ queryKey: ["merchants"] });
    },
  });
}
