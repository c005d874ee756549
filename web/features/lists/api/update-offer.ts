import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Offer } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

/** Withdraw an offer (or publish it again). */
export function updateOffer({ id, status, version }: { id: number; status: Offer["status"]; version: number }): Promise<Offer> {
  return api.patch(`/api/offers/${id}`, { status, version });
}

export function useUpdateOffer() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateOffer, onSettled: () => client.invalidateQueries({ queryKey: ["offers"] }) });
}
