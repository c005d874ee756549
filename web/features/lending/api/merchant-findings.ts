import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { MerchantFindings } from "./types.ts";

/** What the fair scale found against a merchant: shown on the merchant's record and the caring shop's page. */
export function getMerchantFindings(merchantId: number): Promise<MerchantFindings> {
  return api.get("/api/fair-scale/findings", { merchantId });
}

export function useMerchantFindings(merchantId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ["fair-scale", "findings", merchantId],
    queryFn: () => getMerchantFindings(merchantId as number),
    enabled: enabled && merchantId !== undefined,
  });
}
