import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { itemActionSchema } from "../../../../contracts/lending.ts";
import { api } from "../../../app/api-client.ts";
import type { LendItem } from "./types.ts";

export type ItemActionInput = z.input<typeof itemActionSchema>;

export function actOnItem({ id, input }: { id: number; input: ItemActionInput }): Promise<LendItem> {
  return api.post(`/api/lending/items/${id}/actions`, input);
}

export function useItemAction() {
  const client = useQueryClient();
  return useMutation({ mutationFn: actOnItem, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
