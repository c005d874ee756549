import { useQuery } from "@tanstack/react-query";
import type { Merchant } from "../../../../contracts/merchants.ts";
import { api } from "../../../app/api-client.ts";

export function getMerchant(id: number): Promise<Merchant> {
  return api.get(`/api/merchants/${id}`);
}

export function useMerchant(id: number) {
  return useQuery({ queryKey: ["merchants", "detail", id], queryFn: () => getMerchant(id), enabled: id > 0 });
}
