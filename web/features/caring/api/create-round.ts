import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { roundCreateSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { Round } from "./types.ts";

export function createRound(input: z.output<typeof roundCreateSchema>): Promise<Round> {
  return api.post("/api/caring/rounds", input);
}

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createRound, onSuccess: () => client.invalidateQueries({ queryKey: ["caring", "rounds"] }) });
}
