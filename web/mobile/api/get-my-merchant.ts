import { useQuery } from "@tanstack/react-query";
import type { Merchant } from "../../../contracts/merchants.ts";
import { api } from "../../app/api-client.ts";

/** A merchant account's own record (the server limits merchants to it). */
export function getMyMerchant(id: number): Promise<Merchant> {
  return api.get(`/api/merchants/${id}`);
}

export function useMyMerchant(id: number | null) {
  return useQuery({ queryKey: ["mobile", "merchant", id], queryFn: () => getMyMerchant(id ?? 0), enabled: Boolean(id) });
}
