import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { User, userListQuery } from "../../../../contracts/users.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type UserListQuery = z.input<typeof userListQuery>;

export function listUsers(query: UserListQuery): Promise<Page<User>> {
  return api.get("/api/users", query as Query);
}

export function useUsers(query: UserListQuery) {
  return useQuery({ queryKey: ["users", "list", query], queryFn: () => listUsers(query), placeholderData: keepPreviousData });
}
