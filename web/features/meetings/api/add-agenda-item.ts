import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Meeting } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export function addAgendaItem({
  id,
  input,
}: {
  id: number;
  input: { title: string; note: string | null; version: number };
}): Promise<Meeting> {
  return api.post(`/api/meetings/${id}/agenda`, input);
}

export function useAddAgendaItem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: addAgendaItem, onSettled: () => client.invalidateQueries({ queryKey: ["meetings"] }) });
}
