import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Merchant, MerchantCreate } from "../../../../contracts/merchants.ts";
import { api } from "../../../app/api-client.ts";

export function createMerchant(input: MerchantCreate): Promise<Merchant> {
  return api.post("/api/merchants", input);
}

export function useCreateMerchant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createMerchant,
    onSuccess: () => client.invalidateQueries({ queryKey: ["merchants"] }),
  });
}
