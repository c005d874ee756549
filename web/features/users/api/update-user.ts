import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { User, UserUpdate } from "../../../../contracts/users.ts";
import { api } from "../../../app/api-client.ts";

export function updateUser({ id, input }: { id: number; input: UserUpdate }): Promise<User> {
  return api.patch(`/api/users/${id}`, input);
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }) });
}
