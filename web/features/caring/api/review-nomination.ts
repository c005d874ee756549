import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { nominationReviewSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { Nomination } from "./types.ts";

export function reviewNomination({ id, input }: { id: number; input: z.output<typeof nominationReviewSchema> }): Promise<Nomination> {
  return api.post(`/api/caring/nominations/${id}/review`, input);
}

export function useReviewNomination() {
  const client = useQueryClient();
  return useMutation({ mutationFn: reviewNomination, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "rounds"] }) });
}
