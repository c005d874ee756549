import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function resetPassword({ id, password }: { id: number; password: string }): Promise<void> {
  return api.post(`/api/users/${id}/password`, { password });
}

/** A reset moves the account's version: the list is read again, so the next change from it is not refused as stale. */
export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({ mutationFn: resetPassword, onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }) });
}
