import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { redemptionListQuery } from "../../../../contracts/caring.ts";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { Redemption } from "./types.ts";

export type RedemptionListQuery = z.input<typeof redemptionListQuery>;

export function listRedemptions(query: RedemptionListQuery): Promise<Page<Redemption>> {
  return api.get("/api/caring/redemptions", query as Query);
}

export function useRedemptions(query: RedemptionListQuery) {
  return useQuery({
    queryKey: ["caring", "redemptions", query],
    queryFn: () => listRedemptions(query),
    placeholderData: keepPreviousData,
  });
}
