import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { DevelopmentCase, extensionSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export type Extension = z.input<typeof extensionSchema>;

/** Extend the probation once, by 6 to 12 months. */
export function extendProbation({ id, input }: { id: number; input: Extension }): Promise<DevelopmentCase> {
  return api.post(`/api/party/cases/${id}/extension`, input);
}

export function useExtendProbation() {
  const client = useQueryClient();
  return useMutation({ mutationFn: extendProbation, onSettled: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
