import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Offer, offerCreateSchema } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export type OfferCreate = z.input<typeof offerCreateSchema>;

export function createOffer(input: OfferCreate): Promise<Offer> {
  return api.post("/api/offers", input);
}

export function useCreateOffer() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createOffer, onSuccess: () => client.invalidateQueries({ queryKey: ["offers"] }) });
}
