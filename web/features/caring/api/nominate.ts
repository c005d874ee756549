import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { nominationCreateSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { Nomination } from "./types.ts";

export function nominate({ roundId, input }: { roundId: number; input: z.output<typeof nominationCreateSchema> }): Promise<Nomination> {
  return api.post(`/api/caring/rounds/${roundId}/nominations`, input);
}

export function useNominate() {
  const client = useQueryClient();
  return useMutation({ mutationFn: nominate, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "rounds"] }) });
}
