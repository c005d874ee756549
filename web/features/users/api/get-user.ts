import { useQuery } from "@tanstack/react-query";
import type { User } from "../../../../contracts/users.ts";
import { api } from "../../../app/api-client.ts";

export function getUser(id: number): Promise<User> {
  return api.get(`/api/users/${id}`);
}

export function useUser(id: number | null) {
  return useQuery({ queryKey: ["users", "detail", id], queryFn: () => getUser(id ?? 0), enabled: Boolean(id) });
}
