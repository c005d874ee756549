import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import { meQueryKey } from "../../../app/session.tsx";

export function logout(): Promise<void> {
  return api.post("/api/auth/logout", {}, { quiet401: true });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      client.clear();
      client.setQueryData(meQueryKey, null);
    },
  });
}
