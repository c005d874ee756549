import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { MealRecipient } from "./types.ts";

export type MealRecipientPatch = Partial<Pick<MealRecipient, "providerShopId" | "weekdays" | "active">> & { note?: string | null };

export function updateMealRecipient({ id, patch }: { id: number; patch: MealRecipientPatch }): Promise<MealRecipient> {
  return api.patch(`/api/caring/meals/recipients/${id}`, patch);
}

export function useUpdateMealRecipient() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateMealRecipient, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "meals"] }) });
}
