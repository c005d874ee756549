import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DevelopmentCase, StepRecord } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

/** Record the next step; a step out of order or breaking a time rule is refused with the rule named. */
export function recordStep({ id, input }: { id: number; input: StepRecord }): Promise<DevelopmentCase> {
  return api.post(`/api/party/cases/${id}/steps`, input);
}

export function useRecordStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: recordStep,
    onSuccess: (saved) => client.setQueryData(["party", "cases", "detail", saved.id], saved),
    onSettled: () => client.invalidateQueries({ queryKey: ["party"] }),
  });
}
