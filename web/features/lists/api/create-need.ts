import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Need, needCreateSchema } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export type NeedCreate = z.input<typeof needCreateSchema>;

export function createNeed(input: NeedCreate): Promise<Need> {
  return api.post("/api/needs", input);
}

export function useCreateNeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createNeed, onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }) });
}
