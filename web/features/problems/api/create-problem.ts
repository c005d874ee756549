import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Problem, ProblemCreate } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

/** `idempotencyKey` is one uuid per submit attempt: a retried request does not file the problem twice. */
export function createProblem({ input, idempotencyKey }: { input: ProblemCreate; idempotencyKey: string }): Promise<Problem> {
  return api.post("/api/problems", input, { headers: { "Idempotency-Key": idempotencyKey } });
}

export function useCreateProblem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createProblem, onSuccess: () => client.invalidateQueries({ queryKey: ["problems"] }) });
}
