import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { roundActionSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { Round } from "./types.ts";

export type RoundAction = z.output<typeof roundActionSchema>;

/** close_nominations → publish → award (cards issued), or cancel; a 409 means someone acted first. */
export function actOnRound({ id, input }: { id: number; input: RoundAction }): Promise<Round> {
  return api.post(`/api/caring/rounds/${id}/actions`, input);
}

export function useRoundAction() {
  const client = useQueryClient();
  return useMutation({ mutationFn: actOnRound, onSettled: () => client.invalidateQueries({ queryKey: ["caring"] }) });
}
