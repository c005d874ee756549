import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LoginInput, Me } from "../../../../contracts/auth.ts";
import { api } from "../../../app/api-client.ts";
import { meQueryKey } from "../../../app/session.tsx";

export function login(input: LoginInput): Promise<{ me: Me; csrfToken: string }> {
  return api.post("/api/auth/login", input, { quiet401: true });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      client.clear();
      client.setQueryData(meQueryKey, result.me);
    },
  });
}
