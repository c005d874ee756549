import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { shopActionSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

export type ShopAction = z.output<typeof shopActionSchema>;

export function actOnShop({ id, input }: { id: number; input: ShopAction }): Promise<CaringShop> {
  return api.post(`/api/caring/shops/${id}/actions`, input);
}

export function useShopAction() {
  const client = useQueryClient();
  return useMutation({ mutationFn: actOnShop, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "shops"] }) });
}
