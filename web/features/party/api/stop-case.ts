import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { DevelopmentCase, stopCaseSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export type StopCase = z.input<typeof stopCaseSchema>;

export function stopCase({ id, input }: { id: number; input: StopCase }): Promise<DevelopmentCase> {
  return api.post(`/api/party/cases/${id}/stop`, input);
}

export function useStopCase() {
  const client = useQueryClient();
  return useMutation({ mutationFn: stopCase, onSettled: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
