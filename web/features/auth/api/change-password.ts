import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { changePasswordSchema } from "../../../../contracts/auth.ts";
import { api } from "../../../app/api-client.ts";

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post("/api/auth/password", input);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
