import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ActionItem, actionItemUpdateSchema } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export type ActionItemUpdate = z.input<typeof actionItemUpdateSchema>;

export function updateActionItem({ id, input }: { id: number; input: ActionItemUpdate }): Promise<ActionItem> {
  return api.patch(`/api/action-items/${id}`, input);
}

export function useUpdateActionItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateActionItem,
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: ["action-items"] }), client.invalidateQueries({ queryKey: ["meetings"] })]),
  });
}
