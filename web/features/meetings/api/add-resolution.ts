import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ActionItem, resolutionCreateSchema } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export type ResolutionCreate = z.input<typeof resolutionCreateSchema>;

export function addResolution({ id, input }: { id: number; input: ResolutionCreate }): Promise<ActionItem> {
  return api.post(`/api/meetings/${id}/resolutions`, input);
}

export function useAddResolution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: addResolution,
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ["meetings"] }), client.invalidateQueries({ queryKey: ["action-items"] })]),
  });
}
