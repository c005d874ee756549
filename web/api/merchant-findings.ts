import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { findingsSchema } from "../../contracts/lending.ts";
import { api } from "../app/api-client.ts";

export type MerchantFindings = z.infer<typeof findingsSchema>;

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
