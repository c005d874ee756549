import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { reweighCreateSchema } from "../../../../contracts/lending.ts";
import { api } from "../../../app/api-client.ts";
import type { Reweigh } from "./types.ts";

export type ReweighInput = z.input<typeof reweighCreateSchema>;

export function recordReweigh(input: ReweighInput): Promise<Reweigh> {
  return api.post("/api/fair-scale/reweighs", input);
}

export function useRecordReweigh() {
  const client = useQueryClient();
  return useMutation({ mutationFn: recordReweigh, onSettled: () => client.invalidateQueries({ queryKey: ["fair-scale"] }) });
}
