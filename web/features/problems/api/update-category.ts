import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ProblemCategory, problemCategoryUpdateSchema } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

export type CategoryUpdate = z.input<typeof problemCategoryUpdateSchema>;

export function updateProblemCategory({ id, input }: { id: number; input: CategoryUpdate }): Promise<ProblemCategory> {
  return api.patch(`/api/problem-categories/${id}`, input);
}

export function useUpdateProblemCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateProblemCategory,
    onSuccess: () => client.invalidateQueries({ queryKey: ["problem-categories"] }),
  });
}
