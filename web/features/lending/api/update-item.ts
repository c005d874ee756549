import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { itemUpdateSchema } from "../../../../contracts/lending.ts";
import { api } from "../../../app/api-client.ts";
import type { LendItem } from "./types.ts";

export type ItemUpdateInput = z.input<typeof itemUpdateSchema>;

export function updateItem({ id, input }: { id: number; input: ItemUpdateInput }): Promise<LendItem> {
  return api.patch(`/api/lending/items/${id}`, input);
}

export function useUpdateItem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateItem, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
