// People served (服务对象): the console records them per occurrence and takes back an unconfirmed entry; the merchant
// or resident served confirms theirs on the phone.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { myServedSchema, servedCreateSchema } from "../../../../contracts/volunteers.ts";
import { api } from "../../../app/api-client.ts";
import type { Served } from "./types.ts";

export type ServedInput = z.output<typeof servedCreateSchema>;
export type MyServed = z.infer<typeof myServedSchema>;

function useOccurrenceChange<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: ["volunteers", "occurrence"] }) });
}

/** Record people served at an occurrence that took place (all entries or none). */
export const useRecordServed = () =>
  useOccurrenceChange(({ occurrenceId, input }: { occurrenceId: number; input: ServedInput }) =>
    api.post<Served[]>(`/api/volunteer-occurrences/${occurrenceId}/served`, input),
  );

/** Take back an entry not confirmed yet. */
export const useRemoveServed = () => useOccurrenceChange((id: number) => api.delete<{ ok: true }>(`/api/volunteer-served/${id}`));

const mineKey = ["volunteers", "me", "served"] as const;

/** The services I (a merchant or resident) received; `enabled` false for accounts that cannot have any. */
export function useMyServed(enabled = true) {
  return useQuery({ queryKey: mineKey, queryFn: () => api.get<MyServed[]>("/api/me/volunteer-served"), enabled });
}

export function useConfirmServed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<MyServed>(`/api/me/volunteer-served/${id}/confirm`),
    onSettled: () => client.invalidateQueries({ queryKey: mineKey }),
  });
}
