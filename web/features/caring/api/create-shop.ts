import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { shopApplySchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

export function applyShop(input: z.output<typeof shopApplySchema>): Promise<CaringShop> {
  return api.post("/api/caring/shops", input);
}

export function useApplyShop() {
  const client = useQueryClient();
  return useMutation({ mutationFn: applyShop, onSuccess: () => client.invalidateQueries({ queryKey: ["caring", "shops"] }) });
}
