import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { objectionDecisionSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";

export function decideObjection({ id, input }: { id: number; input: z.output<typeof objectionDecisionSchema> }): Promise<unknown> {
  return api.post(`/api/caring/objections/${id}/decision`, input);
}

export function useDecideObjection() {
  const client = useQueryClient();
  return useMutation({ mutationFn: decideObjection, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "rounds"] }) });
}
