import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Page } from "../../contracts/common.ts";
import type { Merchant, MerchantListQuery } from "../../contracts/merchants.ts";
import { api, type Query } from "../app/api-client.ts";

export function listMerchants(query: MerchantListQuery): Promise<Page<Merchant>> {
  return api.get("/api/merchants", query as Query);
}

export function useMerchants(query: MerchantListQuery) {
  return useQuery({
    queryKey: ["merchants", "list", query],
    queryFn: () => listMerchants(query),
    placeholderData: keepPreviousData,
  });
}
