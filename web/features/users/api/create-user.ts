import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { User, UserCreate } from "../../../../contracts/users.ts";
import { api } from "../../../app/api-client.ts";

export function createUser(input: UserCreate): Promise<User> {
  return api.post("/api/users", input);
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }) });
}
