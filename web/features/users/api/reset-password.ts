import { useMutation } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export function resetPassword({ id, password }: { id: number; password: string }): Promise<void> {
  return api.post(`/api/users/${id}/password`, { password });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
