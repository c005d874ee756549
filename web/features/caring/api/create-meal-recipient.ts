import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { mealRecipientCreateSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { MealRecipient } from "./types.ts";

export function createMealRecipient(input: z.output<typeof mealRecipientCreateSchema>): Promise<MealRecipient> {
  return api.post("/api/caring/meals/recipients", input);
}

export function useCreateMealRecipient() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createMealRecipient, onSuccess: () => client.invalidateQueries({ queryKey: ["caring", "meals"] }) });
}
