import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { caseCreateSchema, DevelopmentCase } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export type CaseCreate = z.input<typeof caseCreateSchema>;

/** Open a development case; step 1 (the written application) is recorded from `appliedOn`. */
export function createCase(input: CaseCreate): Promise<DevelopmentCase> {
  return api.post("/api/party/cases", input);
}

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createCase, onSuccess: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
