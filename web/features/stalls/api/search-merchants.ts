import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export interface MerchantOption {
  id: number;
  name: string;
  category: string;
}

/** Merchants to let a stall to: a short name search, enough for a picker. */
export function searchMerchants(q: string): Promise<{ items: MerchantOption[] }> {
  return api.get("/api/merchants", { q: q || undefined, pageSize: 20, status: "open" });
}

export function useMerchantOptions(q: string) {
  return useQuery({ queryKey: ["stalls", "merchant-options", q], queryFn: () => searchMerchants(q), staleTime: 30_000 });
}
