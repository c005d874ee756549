import { useQuery } from "@tanstack/react-query";
import type { Merchant } from "../../../contracts/merchants.ts";
import { api } from "../../app/api-client.ts";

/** The signed-in merchant's own record (`self.read`; `/api/merchants/:id` needs `merchant.read`). */
export function getMyMerchant(): Promise<Merchant> {
  return api.get("/api/me/merchant");
}

export function useMyMerchant(enabled: boolean) {
  return useQuery({ queryKey: ["mobile", "merchant"], queryFn: getMyMerchant, enabled });
}
