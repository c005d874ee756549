import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { PioneerPost } from "./types.ts";

export interface PioneerPostUpdate {
  active?: boolean;
  showOnMobile?: boolean;
}

export function updatePioneerPost({ id, input }: { id: number; input: PioneerPostUpdate }): Promise<PioneerPost> {
  return api.patch(`/api/party/pioneer-posts/${id}`, input);
}

export function useUpdatePioneerPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updatePioneerPost,
    onSettled: () => client.invalidateQueries({ queryKey: ["party", "pioneer-posts"] }),
  });
}
