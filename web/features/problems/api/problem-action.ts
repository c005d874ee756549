import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Problem, ProblemAction } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

/** One workflow step; a 409 `record.conflict` means someone else acted first. */
export function actOnProblem({ id, input }: { id: number; input: ProblemAction }): Promise<Problem> {
  return api.post(`/api/problems/${id}/actions`, input);
}

export function useProblemAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: actOnProblem,
    onSettled: () => client.invalidateQueries({ queryKey: ["problems"] }),
  });
}
