import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function markNotificationRead(id: number): Promise<void> {
  return api.post(`/api/notifications/${id}/read`);
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: markNotificationRead, onSuccess: () => client.invalidateQueries({ queryKey: ["notifications"] }) });
}
