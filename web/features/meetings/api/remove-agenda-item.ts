import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function removeAgendaItem({ id, itemId }: { id: number; itemId: number }): Promise<unknown> {
  return api.delete(`/api/meetings/${id}/agenda/${itemId}`);
}

export function useRemoveAgendaItem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: removeAgendaItem, onSettled: () => client.invalidateQueries({ queryKey: ["meetings"] }) });
}
