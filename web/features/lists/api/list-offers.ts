import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { Offer, offerListQuery } from "../../../../contracts/lists.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type OfferListQuery = z.input<typeof offerListQuery>;

export function listOffers(query: OfferListQuery): Promise<Page<Offer>> {
  return api.get("/api/offers", query as Query);
}

export function useOffers(query: OfferListQuery, enabled = true) {
  return useQuery({ queryKey: ["offers", "list", query], queryFn: () => listOffers(query), placeholderData: keepPreviousData, enabled });
}
