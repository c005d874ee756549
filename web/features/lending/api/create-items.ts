import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { itemCreateSchema } from "../../../../contracts/lending.ts";
import { api } from "../../../app/api-client.ts";
import type { LendItem } from "./types.ts";

export type ItemCreateInput = z.input<typeof itemCreateSchema>;

export function createItems(input: ItemCreateInput): Promise<LendItem[]> {
  return api.post("/api/lending/items", input);
}

export function useCreateItems() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createItems, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
